import AtelierCore
import AtelierServices
import Foundation
import Hummingbird

/// `/ateliers/{id}/propositions`: the workshop's published proposals with their support, and
/// the reader's endorsement of each, given or withdrawn with one button.
struct ProposalsPageController {
    let services: Services
    let pages: PageRenderer

    func addRoutes(to group: RouterGroup<AtelierRequestContext>) {
        group.get("ateliers/{workshop}/propositions", use: list)
        group.post("propositions/{proposal}/soutien", use: endorse)
    }

    struct ProposalsPage {
        let workshop: String
        let back: String
        let proposals: [ProposalItem]
    }

    struct ProposalItem {
        let id: String
        let title: String
        let synthesis: String
        let support: String
        let votes: String
        let endorsements: String
        let endorsed: Bool
        let action: String
    }

    @Sendable func list(request: Request, context: AtelierRequestContext) async throws -> Response {
        let session = try context.pageCaller()
        let workshopID = try context.pathID("workshop", resource: "workshop")
        let workshop = try await services.congresses.workshop(id: workshopID, for: session.participant)
        // The proposals readers see, whatever their role: the leads' drafts are on their board.
        let page = try await services.proposals.page(
            workshopID: workshopID, statuses: [.published], includeRetired: false, cursor: nil, limit: 100, for: session.participant)
        let model = ProposalsPage(
            workshop: workshop.title, back: "/ateliers/\(workshopID.json)",
            proposals: page.items.map(Self.item))
        return pages.render("propositions", title: "Propositions : \(workshop.title)", page: model, session: session)
    }

    @Sendable func endorse(request: Request, context: AtelierRequestContext) async throws -> Response {
        let session = try context.pageCaller()
        let id = try context.pathID("proposal", resource: "proposal")
        let view =
            context.formFields()["soutien"] == "retirer"
            ? try await services.proposals.withdrawEndorsement(proposalID: id, by: session.participant)
            : try await services.proposals.endorse(proposalID: id, by: session.participant)
        let workshop = view.record.proposal.workshopID.json
        return WorkshopPageController.seeOther("/ateliers/\(workshop)/propositions#p-\(id.json)")
    }

    static func item(_ view: ProposalView) -> ProposalItem {
        let support = view.record.support
        let share = support.agreeShare.map { " (\(Int(($0 * 100).rounded())) % d'accord)" } ?? ""
        return ProposalItem(
            id: view.record.proposal.id.json, title: view.record.proposal.title, synthesis: view.record.proposal.synthesis,
            support: "Issue de \(FrenchFormat.count(support.contributions, "contribution", "contributions")), "
                + "\(FrenchFormat.count(support.authors, "auteur", "auteurs")), "
                + "\(FrenchFormat.count(support.organisations, "collectivité", "collectivités")).",
            votes: "Votes sur ces contributions : \(ContributionItem.tally(support.votes))\(share).",
            endorsements: FrenchFormat.count(support.endorsements, "soutien", "soutiens"), endorsed: view.endorsedByReader,
            action: "/propositions/\(view.record.proposal.id.json)/soutien")
    }
}
