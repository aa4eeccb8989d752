import AtelierCore
import AtelierServices
import Hummingbird

/// One vote per participant and contribution: PUT sets it (idempotent), DELETE retracts it.
struct VoteController {
    let votes: VoteService

    func addRoutes(to group: RouterGroup<AtelierRequestContext>) {
        group.put("contributions/{contribution}/vote", use: cast)
        group.delete("contributions/{contribution}/vote", use: retract)
    }

    struct VoteBody: Decodable {
        let value: String
    }

    /// Answers with the contribution and its new tallies, so the client needs no second request.
    @Sendable func cast(request: Request, context: AtelierRequestContext) async throws -> Response {
        let caller = try context.caller()
        let id = try context.pathID("contribution", resource: "contribution")
        let body = try await request.decodeJSON(VoteBody.self, context: context)
        guard let value = VoteValue(rawValue: body.value) else {
            throw Problem(.invalidField, "value must be one of: agree, disagree, pass", extensions: ["field": "value"])
        }
        let contribution = try await votes.cast(value, contributionID: id, by: caller)
        return JSON.response(ContributionRepresentation(contribution, reader: caller))
    }

    @Sendable func retract(request: Request, context: AtelierRequestContext) async throws -> Response {
        let caller = try context.caller()
        let id = try context.pathID("contribution", resource: "contribution")
        let contribution = try await votes.retract(contributionID: id, by: caller)
        return JSON.response(ContributionRepresentation(contribution, reader: caller))
    }
}
