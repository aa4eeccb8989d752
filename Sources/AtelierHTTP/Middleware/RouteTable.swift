import HTTPTypes
import Hummingbird
import Synchronization

/// The router's routes, for telling "no such path" (404) from "no such method" (405).
final class RouteTable: Sendable {
    private let routes = Mutex<[(segments: [Substring], method: HTTPRequest.Method)]>([])

    func load(_ descriptions: [Router<AtelierRequestContext>.RouteDescription]) {
        routes.withLock { routes in
            routes = descriptions.map { (Self.segments($0.path.description), $0.method) }
        }
    }

    /// Methods with a route whose template matches the path.
    func methods(forPath path: String) -> [HTTPRequest.Method] {
        let requested = Self.segments(path)
        let methods = routes.withLock { routes in
            routes.filter { route in
                route.segments.count == requested.count
                    && zip(route.segments, requested).allSatisfy { template, actual in template.hasPrefix("{") || template == actual }
            }.map(\.method)
        }
        return methods.sorted { $0.rawValue < $1.rawValue }
    }

    static func segments(_ path: String) -> [Substring] {
        path.split(separator: "/", omittingEmptySubsequences: true)
    }
}
