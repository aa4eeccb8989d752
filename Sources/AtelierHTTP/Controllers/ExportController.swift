import AtelierExport
import AtelierServices
import HTTPTypes
import Hummingbird
import NIOCore

/// The ministry briefing and its data as a download.
struct ExportController {
    let exports: ExportService

    func addRoutes(to group: RouterGroup<AtelierRequestContext>) {
        group.get("congresses/{congress}/export", use: export)
    }

    /// `?format=odt|docx|html|md|csv|json[&workshop=SLUG][&status=published|all][&votes=aggregated|raw]`.
    @Sendable func export(request: Request, context: AtelierRequestContext) async throws -> Response {
        let caller = try context.caller()
        let query = try QueryParameters(request)
        guard let format = try query.oneOf("format", ExportFormat.self) else {
            let allowed = ExportFormat.allCases.map(\.rawValue).joined(separator: ", ")
            throw Problem(.invalidField, "format is required, one of: \(allowed)", extensions: ["field": "format"])
        }
        let exportRequest = ExportRequest(
            congressSlug: try context.pathText("congress"), workshopSlug: query["workshop"],
            status: try query.oneOf("status", ExportStatus.self) ?? .published, format: format,
            votes: try query.oneOf("votes", ExportVotes.self) ?? .aggregated)
        return try await exports.export(exportRequest, by: .participant(caller)).download
    }
}
