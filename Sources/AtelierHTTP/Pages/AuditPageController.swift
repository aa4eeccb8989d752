import AtelierCore
import AtelierServices
import Foundation
import Hummingbird

/// `/admin/journal`: the audit log in French for the congress's admins, newest first, a page
/// at a time. The service says who may read it, as for the API.
struct AuditPageController {
    let audit: AuditService
    let congresses: CongressService
    let pages: PageRenderer

    static let pageSize = 50

    func addRoutes(to group: RouterGroup<AtelierRequestContext>) {
        group.get("admin/journal", use: journal)
    }

    struct JournalPage {
        let nav = AdminSection.journal.menu
        let lines: [Line]
        let empty: Bool
        let next: String?
        let firstPage: String?
    }

    struct Line {
        let at: String
        let who: String
        let what: String
        let target: String
        let detail: String
        /// Nil for the command line.
        let requestID: String?
    }

    @Sendable func journal(request: Request, context: AtelierRequestContext) async throws -> Response {
        let session = try context.pageCaller()
        let cursor = try QueryParameters(request)["apres"].flatMap { $0.isEmpty ? nil : $0 }
        let slug = try await congresses.congress(for: session.participant).slug
        let entries: Page<AuditEntry>
        do {
            entries = try await audit.page(congressSlug: slug, action: nil, cursor: cursor, limit: Self.pageSize, for: session.participant)
        } catch ServiceError.invalid(let field, _) where field == "cursor" {
            throw PageError(.unprocessableContent, "Ce lien de page n'est plus valable.")
        }
        let page = JournalPage(
            lines: entries.items.map(Self.line), empty: entries.items.isEmpty,
            next: entries.nextCursor.map { "/admin/journal?apres=" + FormFields.encode($0) }, firstPage: cursor == nil ? nil : "/admin/journal")
        return pages.render("admin-journal", title: "Journal des actions", page: page, session: session)
    }

    static func line(_ entry: AuditEntry) -> Line {
        Line(
            at: FrenchFormat.time(entry.at), who: entry.actorName ?? "la ligne de commande", what: entry.action.french,
            target: french(target: entry.target),
            detail: entry.detail.sorted { $0.key < $1.key }.map { "\(detailLabels[$0.key] ?? $0.key) : \(detailValues[$0.value] ?? $0.value)" }
                .joined(separator: ", "),
            requestID: entry.requestID)
    }

    /// The log names its targets as `kind id` in English (`sql/015_audit_log.sql`); the page says them in French.
    static func french(target: String) -> String {
        if let whole = wholeTargets[target] { return whole }
        let kind = target.prefix { $0 != " " }
        let rest = target.dropFirst(kind.count)
        return (targetKinds[String(kind)].map { $0 + rest }) ?? target
    }

    static let wholeTargets = ["congress": "le congrès", "registration file": "le fichier d'inscription", "badges": "les badges"]
    static let targetKinds = [
        "congress": "congrès", "workshop": "atelier", "contribution": "contribution", "proposal": "proposition", "participant": "participant",
    ]
    static let detailLabels = [
        "reason": "motif", "format": "format", "status": "propositions", "votes": "votes", "workshop": "atelier", "count": "nombre",
        "scope": "pour", "added": "ajoutés", "updated": "mis à jour", "unchanged": "inchangés",
    ]
    static let detailValues = [
        "everyone": "tous", "withoutCode": "sans code", "published": "publiées", "all": "toutes", "aggregated": "agrégés", "raw": "bruts",
    ]
}

extension AuditAction {
    /// What the journal page says of the action.
    var french: String {
        switch self {
        case .congressImport: "Import du congrès"
        case .participantsImport: "Import du fichier d'inscription"
        case .badgesIssue: "Codes de badge émis"
        case .participantRevoke: "Accès révoqué"
        case .participantRotate: "Accès renouvelé"
        case .contributionHide: "Contribution masquée"
        case .proposalPublish: "Proposition publiée"
        case .proposalUnpublish: "Proposition retirée de la publication"
        case .export: "Export"
        }
    }
}
