import AtelierCore
import AtelierServices
import Hummingbird

/// The audit log, for the congress's admins: what the organisers and leads did with their powers.
struct AuditController {
    let audit: AuditService

    func addRoutes(to group: RouterGroup<AtelierRequestContext>) {
        group.get("congresses/{congress}/audit", use: entries)
    }

    /// `?action=…&cursor=…&limit=…`, newest first.
    @Sendable func entries(request: Request, context: AtelierRequestContext) async throws -> Response {
        let query = try QueryParameters(request)
        let page = try await audit.page(
            congressSlug: try context.pathText("congress"), action: try query.oneOf("action", AuditAction.self), cursor: query["cursor"],
            limit: try query.integer("limit"), for: try context.caller())
        return JSON.response(PageRepresentation(page, AuditEntryRepresentation.init))
    }
}
