import AtelierCore
import AtelierServices
import HTTPTypes
import Hummingbird
import Logging

/// Gives every request an id that ties its answer, its problem document and its log lines
/// together. A proxy's or a client's own id is kept when it is a short plain token, so one id
/// follows a request through nginx and us; anything else (long, or able to forge a log line)
/// is replaced by a fresh one.
struct RequestIDMiddleware: RouterMiddleware {
    static let header = HTTPField.Name("X-Request-Id")!

    func handle(
        _ request: Request, context: AtelierRequestContext, next: (Request, AtelierRequestContext) async throws -> Response
    ) async throws -> Response {
        let id = request.headers[Self.header].flatMap { Self.isSane($0) ? $0 : nil } ?? RandomText.generate(count: 20, from: RandomText.alphanumeric)
        var context = context
        // Hummingbird's own key: `context.id` and every line logged with the request's logger carry it.
        context.logger[metadataKey: "hb.request.id"] = .string(id)
        // The services read it for the audit log.
        var response = try await RequestTrace.$id.withValue(id) { try await next(request, context) }
        response.headers[Self.header] = id
        return response
    }

    static func isSane(_ id: String) -> Bool {
        (1...64).contains(id.utf8.count)
            && id.utf8.allSatisfy { byte in
                switch byte {
                case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                    UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."):
                    true
                default: false
                }
            }
    }
}
