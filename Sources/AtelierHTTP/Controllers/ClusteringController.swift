import AtelierCore
import AtelierServices
import Hummingbird

/// Candidate proposals: leads and admins cluster a workshop and read the latest run.
struct ClusteringController {
    let clusterings: ClusteringService

    func addRoutes(to group: RouterGroup<AtelierRequestContext>) {
        group.post("workshops/{workshop}/clusterings", use: run)
        group.get("workshops/{workshop}/clusterings/latest", use: latest)
    }

    /// `clusters` is "auto" (the default) or a number; `fresh` ignores the previous run.
    struct RunBody: Decodable {
        let clusters: ClusterCountValue?
        let fresh: Bool?
    }

    enum ClusterCountValue: Decodable {
        case automatic
        case fixed(Int)

        init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            if let number = try? container.decode(Int.self) {
                self = .fixed(number)
            } else if try container.decode(String.self) == "auto" {
                self = .automatic
            } else {
                throw DecodingError.dataCorruptedError(in: container, debugDescription: "must be \"auto\" or a number")
            }
        }
    }

    @Sendable func run(request: Request, context: AtelierRequestContext) async throws -> Response {
        let caller = try context.caller()
        let id = try context.pathID("workshop", resource: "workshop")
        let body = try await request.decodeOptionalJSON(RunBody.self, context: context)
        let count: ClusterCount
        switch body?.clusters ?? .automatic {
        case .automatic: count = .automatic
        case .fixed(let number): count = .fixed(number)
        }
        let view = try await clusterings.run(workshopID: id, clusters: count, fresh: body?.fresh ?? false, by: caller)
        return JSON.response(
            ClusteringRepresentation(view), status: .created,
            headers: [.location: "/api/v1/workshops/\(id.json)/clusterings/latest"])
    }

    @Sendable func latest(request: Request, context: AtelierRequestContext) async throws -> Response {
        let caller = try context.caller()
        let id = try context.pathID("workshop", resource: "workshop")
        return JSON.response(ClusteringRepresentation(try await clusterings.latest(workshopID: id, for: caller)))
    }
}
