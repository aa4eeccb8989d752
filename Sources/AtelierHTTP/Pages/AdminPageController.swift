import AtelierCore
import AtelierExport
import AtelierServices
import Foundation
import Hummingbird

/// `/admin`: the congress in figures, and every export of the briefing to download. The services
/// say who may: a page of an admin for admins, the same export rules as the API.
struct AdminPageController {
    let congresses: CongressService
    let exports: ExportService
    let pages: PageRenderer

    func addRoutes(to group: RouterGroup<AtelierRequestContext>) {
        group.get("admin", use: dashboard)
        group.get("admin/export", use: export)
    }

    struct DashboardPage {
        let nav = AdminSection.dashboard.menu
        let congress: String
        let placeAndDates: String
        let figures: [Figure]
        let workshops: [WorkshopRow]
        let exports: [ExportLink]
        let draftExports: [ExportLink]
        let rawVotes: String
    }

    struct Figure {
        let value: String
        let label: String
    }

    struct WorkshopRow {
        let title: String
        let status: String
        let contributions: String
        let contributors: String
        let votes: String
    }

    struct ExportLink {
        let label: String
        let detail: String
        let link: String
    }

    @Sendable func dashboard(request: Request, context: AtelierRequestContext) async throws -> Response {
        let session = try context.pageCaller()
        let dashboard = try await congresses.dashboard(for: session.participant)
        let congress = dashboard.overview.congress
        let figures = dashboard.figures
        let page = DashboardPage(
            congress: congress.title,
            placeAndDates: "\(congress.place), \(FrenchFormat.days(from: congress.startsOn, to: congress.endsOn))",
            figures: [
                Figure(value: FrenchFormat.number(figures.participants), label: figures.participants <= 1 ? "participant" : "participants"),
                Figure(value: FrenchFormat.number(figures.organisations), label: figures.organisations <= 1 ? "collectivité" : "collectivités"),
                Figure(value: FrenchFormat.number(figures.workshops), label: figures.workshops <= 1 ? "atelier" : "ateliers"),
                Figure(
                    value: FrenchFormat.number(figures.contributions),
                    label: figures.contributions <= 1 ? "contribution publiée" : "contributions publiées"),
                Figure(value: FrenchFormat.number(figures.votes), label: figures.votes <= 1 ? "vote" : "votes"),
            ],
            workshops: dashboard.overview.workshops.map { summary in
                WorkshopRow(
                    title: summary.workshop.title, status: summary.workshop.status == .open ? "ouvert" : "fermé",
                    contributions: FrenchFormat.number(summary.counts.contributions), contributors: FrenchFormat.number(summary.counts.contributors),
                    votes: FrenchFormat.number(summary.counts.votes))
            },
            exports: ExportFormat.allCases.map { Self.link($0, status: .published) },
            draftExports: ExportFormat.allCases.map { Self.link($0, status: .all) },
            rawVotes: "/admin/export?format=csv&status=published&votes=raw")
        return pages.render("admin", title: "Administration", page: page, session: session)
    }

    static func link(_ format: ExportFormat, status: ExportStatus) -> ExportLink {
        let (label, detail): (String, String) =
            switch format {
            case .odt: ("ODT", "traitement de texte, LibreOffice")
            case .docx: ("DOCX", "traitement de texte, Word")
            case .html: ("HTML", "page à imprimer")
            case .md: ("Markdown", "texte brut structuré")
            case .csv: ("CSV", "tableur, fichiers dans une archive zip")
            case .json: ("JSON", "données ouvertes")
            }
        return ExportLink(label: label, detail: detail, link: "/admin/export?format=\(format.rawValue)&status=\(status.rawValue)")
    }

    /// The same bytes as `GET /api/v1/congresses/{slug}/export`, through the same service.
    @Sendable func export(request: Request, context: AtelierRequestContext) async throws -> Response {
        let session = try context.pageCaller()
        let query = try QueryParameters(request)
        guard let format = try query.oneOf("format", ExportFormat.self) else { throw PageError(.notFound, "Choisissez un format d'export.") }
        let slug = try await congresses.congress(for: session.participant).slug
        let exportRequest = ExportRequest(
            congressSlug: slug, status: try query.oneOf("status", ExportStatus.self) ?? .published, format: format,
            votes: try query.oneOf("votes", ExportVotes.self) ?? .aggregated)
        return try await exports.export(exportRequest, by: .participant(session.participant)).download
    }
}
