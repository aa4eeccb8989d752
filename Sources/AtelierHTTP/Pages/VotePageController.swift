import AtelierCore
import AtelierServices
import Foundation
import Hummingbird

/// `POST /contributions/{id}/vote`: one of the three buttons of a contribution. A browser gets
/// a 303 back to where it was; the page's script, asking for JSON, gets the new tallies and
/// stays put. Both come through the same CSRF check and the same service.
struct VotePageController {
    let votes: VoteService

    func addRoutes(to group: RouterGroup<AtelierRequestContext>) {
        group.post("contributions/{contribution}/vote", use: vote)
    }

    struct VoteResult: Encodable {
        let contribution: String
        let agree: Int
        let disagree: Int
        let pass: Int
        let myVote: String?
        /// What the page writes into its tally and its status region, as text.
        let tally: String
        let myVoteText: String
    }

    @Sendable func vote(request: Request, context: AtelierRequestContext) async throws -> Response {
        let session = try context.pageCaller()
        let id = try context.pathID("contribution", resource: "contribution")
        let fields = context.formFields()
        guard let value = fields["vote"].flatMap(VoteValue.init(rawValue:)) else {
            throw PageError(.unprocessableContent, "Choisissez d'accord, pas d'accord ou passer.")
        }
        let contribution = try await votes.cast(value, contributionID: id, by: session.participant)
        if request.headers[.accept]?.contains("application/json") ?? false {
            return JSON.response(
                VoteResult(
                    contribution: id.json, agree: contribution.votes.agree, disagree: contribution.votes.disagree,
                    pass: contribution.votes.pass, myVote: contribution.myVote?.rawValue, tally: ContributionItem.tally(contribution.votes),
                    myVoteText: ContributionItem.myVote(contribution.myVote)))
        }
        let back = Self.localReturn(fields["retour"]) ?? "/ateliers/\(contribution.workshopID.json)"
        return WorkshopPageController.seeOther(back + "#c-\(id.json)")
    }

    /// Where to go back to after a form: a workshop page of this site, never anywhere else.
    static func localReturn(_ path: String?) -> String? {
        guard let path, path.hasPrefix("/ateliers/"), !path.contains("//"), !path.contains("\\"),
            !path.contains("#"), path.unicodeScalars.allSatisfy({ $0.isASCII && $0.value >= 0x21 })
        else { return nil }
        return path
    }
}
