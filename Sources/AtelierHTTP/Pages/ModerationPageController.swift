import AtelierCore
import AtelierServices
import Foundation
import HTTPTypes
import Hummingbird

/// `/ateliers/{id}/tableau/contributions/{c}/masquer`: a lead hides a contribution and says why.
/// The contribution stays, for provenance; its author still sees it, with the reason.
struct ModerationPageController {
    let services: Services
    let pages: PageRenderer

    func addRoutes(to group: RouterGroup<AtelierRequestContext>) {
        group.get("ateliers/{workshop}/tableau/contributions/{contribution}/masquer", use: form)
        group.post("ateliers/{workshop}/tableau/contributions/{contribution}/masquer", use: hide)
    }

    struct HidePage {
        let text: String
        let author: String
        let action: String
        let reason: String
        let back: String
        let reasonError: String?
        let reasonLimit = FrenchFormat.number(ContributionText.maximumReasonLength)
    }

    @Sendable func form(request: Request, context: AtelierRequestContext) async throws -> Response {
        let session = try context.pageCaller()
        let (workshopID, contributionID) = try ids(context)
        let back = try QueryParameters(request)["retour"]
        return try await render(workshopID, contributionID, request: request, session: session, reason: "", back: back, error: nil)
    }

    @Sendable func hide(request: Request, context: AtelierRequestContext) async throws -> Response {
        let session = try context.pageCaller()
        let (workshopID, contributionID) = try ids(context)
        let fields = context.formFields()
        let reason = fields["reason"] ?? ""
        // An author would otherwise withdraw their own contribution here: the board is for moderators.
        try await leadsOnly(workshopID, session.participant)
        do {
            _ = try await services.contributions.remove(id: contributionID, reason: reason, by: session.participant)
        } catch ServiceError.invalid(let field, _) where field == "reason" {
            return try await render(
                workshopID, contributionID, request: request, session: session, reason: reason, back: fields["retour"],
                error: "Donnez une raison de 1 à \(FrenchFormat.number(ContributionText.maximumReasonLength)) caractères : l'auteur la lira.",
                status: .unprocessableContent)
        }
        return WorkshopPageController.seeOther(Self.back(fields["retour"], workshopID))
    }

    /// Back to the board page the lead came from, never anywhere else.
    static func back(_ path: String?, _ workshopID: UUID) -> String {
        guard let path = VotePageController.localReturn(path), path.hasPrefix(Board.path(workshopID)) else {
            return Board.path(workshopID) + "/regroupements"
        }
        return path
    }

    /// Moderation is the leads' work: anyone else is refused this page.
    func leadsOnly(_ workshopID: UUID, _ participant: Participant) async throws {
        _ = try await services.congresses.workshop(id: workshopID, ledBy: participant)
    }

    func ids(_ context: AtelierRequestContext) throws -> (UUID, UUID) {
        (try context.pathID("workshop", resource: "workshop"), try context.pathID("contribution", resource: "contribution"))
    }

    func render(
        _ workshopID: UUID, _ contributionID: UUID, request: Request, session: PageSession, reason: String, back: String?, error: String?,
        status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let lead = session.participant
        try await leadsOnly(workshopID, lead)
        let contribution = try await services.contributions.contribution(id: contributionID, for: lead)
        guard contribution.workshopID == workshopID else { throw PageError(.notFound, "Cette contribution n'est pas de cet atelier.") }
        let item = ContributionItem(contribution, reader: lead, workshopOpen: false)
        let page = HidePage(
            text: [contribution.title, contribution.body].compactMap { $0 }.joined(separator: " — "), author: item.author,
            action: request.uri.path, reason: reason, back: Self.back(back, workshopID), reasonError: error)
        return pages.render(
            "masquer", title: error == nil ? "Masquer une contribution" : "Erreur : masquer une contribution", page: page, session: session,
            status: status)
    }
}
