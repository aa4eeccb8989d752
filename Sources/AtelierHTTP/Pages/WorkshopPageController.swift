import AtelierCore
import AtelierServices
import Foundation
import HTTPTypes
import Hummingbird

/// `/ateliers/{id}`: an attendee's workshop. Its contributions (newest or most supported
/// first, French search, pages of 20), a vote on each, the form to post one, and the live
/// events the page's script follows.
struct WorkshopPageController {
    let services: Services
    let pages: PageRenderer

    func addRoutes(to group: RouterGroup<AtelierRequestContext>) {
        group.get("ateliers/{workshop}", use: show)
        group.post("ateliers/{workshop}/contributions", use: post)
        // The API's event stream, for a signed-in browser: EventSource cannot send a bearer token.
        group.get("ateliers/{workshop}/evenements", use: EventController(events: services.events).stream)
    }

    struct WorkshopPage {
        let id: String
        let title: String
        let description: String?
        let open: Bool
        let notice: String?
        let query: String
        /// The search, when there is one (an empty text would still open a section).
        let searched: String?
        let recent: Bool
        let contributions: [ContributionItem]
        let count: String
        let next: String?
        let firstPage: String?
        let returnTo: String
        let form: ContributionForm?
        let events: String
        let proposals: String
    }

    /// What a redirect after an action may say; a fixed list, so no one can make the page say anything.
    static let notices = [
        "publiee": "Votre contribution est publiée.",
        "modifiee": "Votre contribution est modifiée.",
        "retiree": "Votre contribution est retirée : les autres ne la voient plus.",
    ]

    @Sendable func show(request: Request, context: AtelierRequestContext) async throws -> Response {
        let session = try context.pageCaller()
        let workshopID = try context.pathID("workshop", resource: "workshop")
        return try await render(workshopID: workshopID, request: request, session: session, form: nil)
    }

    @Sendable func post(request: Request, context: AtelierRequestContext) async throws -> Response {
        let session = try context.pageCaller()
        let workshopID = try context.pathID("workshop", resource: "workshop")
        let fields = context.formFields()
        let title = fields.text("title")
        let body = fields["body"] ?? ""
        do {
            let (contribution, _) = try await services.contributions.post(
                workshopID: workshopID, title: title, body: body, idempotencyKey: fields.text("_cle"), by: session.participant)
            let id = contribution.id.json
            return Self.seeOther("/ateliers/\(workshopID.json)?message=publiee#c-\(id)")
        } catch let error as ServiceError {
            guard case .invalid(let field, _) = error, field == "title" || field == "body" else { throw error }
            let form = ContributionForm(
                action: request.uri.path, submit: "Publier", title: title ?? "", body: body, key: fields.text("_cle"), refusal: error)
            return try await render(workshopID: workshopID, request: request, session: session, form: form, status: .unprocessableContent)
        }
    }

    func render(
        workshopID: UUID, request: Request, session: PageSession, form: ContributionForm?, status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let parameters = try QueryParameters(request)
        let query = parameters["q"] ?? ""
        let sort: ContributionSort = parameters["tri"] == "soutien" ? .support : .recent
        let cursor = parameters["apres"].flatMap { $0.isEmpty ? nil : $0 }
        let reader = session.participant
        let workshop = try await services.congresses.workshop(id: workshopID, for: reader)
        let contributions: Page<Contribution>
        do {
            contributions = try await services.contributions.page(
                workshopID: workshopID, search: query, sort: sort, cursor: cursor, limit: nil, for: reader)
        } catch ServiceError.invalid(let field, _) where field == "cursor" || field == "q" {
            throw PageError(.unprocessableContent, field == "q" ? "La recherche fait au plus 200 caractères." : "Ce lien de page n'est plus valable.")
        }
        let id = workshopID.json
        let open = workshop.status == .open
        let listing = Self.listing(id: id, query: query, sort: sort)
        let page = WorkshopPage(
            id: id, title: workshop.title, description: workshop.description.nonEmpty, open: open,
            notice: status == .ok ? parameters["message"].flatMap { Self.notices[$0] } : nil, query: query, searched: query.nonEmpty,
            recent: sort == .recent,
            contributions: contributions.items.map { ContributionItem($0, reader: reader, workshopOpen: open) },
            count: FrenchFormat.count(contributions.items.count, "contribution affichée", "contributions affichées"),
            next: contributions.nextCursor.map { listing + "&apres=" + FormFields.encode($0) }, firstPage: cursor == nil ? nil : listing,
            returnTo: request.uri.path + (request.uri.query.map { "?" + $0 } ?? ""),
            form: open
                ? form ?? ContributionForm(action: "/ateliers/\(id)/contributions", submit: "Publier", key: UUID().json)
                : nil,
            events: "/ateliers/\(id)/evenements", proposals: "/ateliers/\(id)/propositions")
        let title = (form?.bodyError ?? form?.titleError) != nil ? "Erreur : \(workshop.title)" : workshop.title
        return pages.render("atelier", title: title, page: page, session: session, status: status)
    }

    static func listing(id: String, query: String, sort: ContributionSort) -> String {
        "/ateliers/\(id)?tri=\(sort == .support ? "soutien" : "recent")" + (query.isEmpty ? "" : "&q=" + FormFields.encode(query))
    }

    static func seeOther(_ location: String) -> Response {
        Response(status: .seeOther, headers: [.location: location])
    }
}
