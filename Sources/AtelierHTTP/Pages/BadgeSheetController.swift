import AtelierCore
import AtelierServices
import Foundation
import HTTPTypes
import Hummingbird

/// `/admin/badges`: the printable badge sheet. Codes are stored hashed, so the sheet shows codes
/// issued for it: the form says whose, the answer to the POST is the sheet itself (not a redirect,
/// since the codes cannot be read back), marked no-store like every page.
struct BadgeSheetController {
    let participants: ParticipantService
    let congresses: CongressService
    let pages: PageRenderer

    func addRoutes(to group: RouterGroup<AtelierRequestContext>) {
        group.get("admin/badges", use: form)
        group.post("admin/badges", use: sheet)
    }

    struct BadgeForm {
        let nav = AdminSection.badges.menu
        let error: String?
    }

    struct SheetPage {
        let congress: String
        let issued: String
        let badges: [Card]
        let empty: Bool
    }

    struct Card {
        let name: String
        let organisation: String?
        let role: String?
        let code: String
        let link: String
    }

    @Sendable func form(request: Request, context: AtelierRequestContext) async throws -> Response {
        let session = try context.pageCaller()
        // The form is only of use to admins: the service's refusal, before anything is shown.
        _ = try await congresses.dashboard(for: session.participant)
        return pages.render("admin-badges", title: "Badges", page: BadgeForm(error: nil), session: session)
    }

    @Sendable func sheet(request: Request, context: AtelierRequestContext) async throws -> Response {
        let session = try context.pageCaller()
        guard let scope = context.formFields()["pour"].flatMap(Self.scope) else {
            return pages.render(
                "admin-badges", title: "Erreur : badges", page: BadgeForm(error: "Choisissez pour qui imprimer les badges."), session: session,
                status: .unprocessableContent)
        }
        let sheet = try await participants.badges(scope, by: session.participant)
        let page = Self.page(sheet, origin: Self.origin(of: request))
        return pages.render("badges", title: "Badges à imprimer", page: page, session: session)
    }

    /// The sheet as the page and the file show it; `origin` starts each personal link.
    static func page(_ sheet: AtelierServices.BadgeSheet, origin: String) -> SheetPage {
        SheetPage(
            congress: sheet.congress.title,
            issued: sheet.badges.isEmpty
                ? "Personne n'attend de badge : tous les participants ont déjà un code."
                : "\(FrenchFormat.count(sheet.badges.count, "code vient", "codes viennent")) d'être émis. "
                    + "Les codes précédents de ces personnes ne fonctionnent plus. Imprimez cette page maintenant : ces codes ne seront plus affichés.",
            badges: sheet.badges.map { badge in
                Card(
                    name: badge.participant.displayName, organisation: badge.participant.organisation,
                    role: badge.participant.role == .attendee ? nil : PageRenderer.roleLabel(badge.participant.role), code: badge.code,
                    link: "\(origin)/entrer/\(badge.code)")
            },
            empty: sheet.badges.isEmpty)
    }

    static func scope(_ value: String) -> BadgeScope? {
        switch value {
        case "sans-code": .withoutCode
        case "tous": .everyone
        default: nil
        }
    }

    /// Where participants reach this server, as the browser did: the proxy says if it was over TLS.
    static func origin(of request: Request) -> String {
        let scheme = request.headers[HTTPField.Name("X-Forwarded-Proto")!]?.lowercased() == "https" ? "https" : "http"
        let host = request.head.authority ?? "localhost"
        return "\(scheme)://\(host)"
    }
}
