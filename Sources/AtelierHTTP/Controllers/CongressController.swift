import AtelierCore
import AtelierServices
import Hummingbird

/// The congress, its workshops, and who the caller is.
struct CongressController {
    let congresses: CongressService

    func addRoutes(to group: RouterGroup<AtelierRequestContext>) {
        group.get("me", use: me)
        group.get("congresses/{congress}", use: congress)
        group.get("workshops/{workshop}", use: workshop)
        group.patch("workshops/{workshop}", use: setWorkshopStatus)
    }

    @Sendable func me(request: Request, context: AtelierRequestContext) async throws -> Response {
        JSON.response(ParticipantRepresentation(try context.caller()))
    }

    @Sendable func congress(request: Request, context: AtelierRequestContext) async throws -> Response {
        let overview = try await congresses.overview(slug: try context.pathText("congress"), for: try context.caller())
        return JSON.response(CongressRepresentation(overview))
    }

    @Sendable func workshop(request: Request, context: AtelierRequestContext) async throws -> Response {
        let id = try context.pathID("workshop", resource: "workshop")
        return JSON.response(WorkshopRepresentation(try await congresses.workshop(id: id, for: try context.caller())))
    }

    struct StatusBody: Decodable {
        let status: String
    }

    /// Leads and admins open or close a workshop.
    @Sendable func setWorkshopStatus(request: Request, context: AtelierRequestContext) async throws -> Response {
        let caller = try context.caller()
        let id = try context.pathID("workshop", resource: "workshop")
        let body = try await request.decodeJSON(StatusBody.self, context: context)
        guard let status = WorkshopStatus(rawValue: body.status) else {
            throw Problem(.invalidField, "status must be one of: open, closed", extensions: ["field": "status"])
        }
        return JSON.response(WorkshopRepresentation(try await congresses.setStatus(status, workshopID: id, by: caller)))
    }
}
