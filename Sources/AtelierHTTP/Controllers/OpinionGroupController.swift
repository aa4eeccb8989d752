import AtelierCore
import AtelierServices
import Hummingbird

/// Opinion groups: a room's leads compute and read its groups, admins the whole congress's;
/// whoever reads a proposal reads how each group voted on it.
struct OpinionGroupController {
    let opinionGroups: OpinionGroupService

    func addRoutes(to group: RouterGroup<AtelierRequestContext>) {
        group.post("workshops/{workshop}/opinion-groups", use: runWorkshop)
        group.get("workshops/{workshop}/opinion-groups", use: workshop)
        group.post("congresses/{congress}/opinion-groups", use: runCongress)
        group.get("congresses/{congress}/opinion-groups", use: congress)
        group.get("proposals/{proposal}/opinion-support", use: proposal)
    }

    /// 201 with a new run; 200 with the latest one when no vote changed since.
    @Sendable func runWorkshop(request: Request, context: AtelierRequestContext) async throws -> Response {
        let caller = try context.caller()
        let id = try context.pathID("workshop", resource: "workshop")
        let (view, reused) = try await opinionGroups.run(workshopID: id, by: caller)
        return Self.reply(view, reused: reused, location: "/api/v1/workshops/\(id.json)/opinion-groups")
    }

    @Sendable func workshop(request: Request, context: AtelierRequestContext) async throws -> Response {
        let caller = try context.caller()
        let id = try context.pathID("workshop", resource: "workshop")
        return JSON.response(OpinionGroupsRepresentation(try await opinionGroups.latest(workshopID: id, for: caller)))
    }

    @Sendable func runCongress(request: Request, context: AtelierRequestContext) async throws -> Response {
        let caller = try context.caller()
        let slug = try context.pathText("congress")
        let (view, reused) = try await opinionGroups.runCongress(slug: slug, by: caller)
        return Self.reply(view, reused: reused, location: "/api/v1/congresses/\(slug)/opinion-groups")
    }

    @Sendable func congress(request: Request, context: AtelierRequestContext) async throws -> Response {
        let caller = try context.caller()
        return JSON.response(OpinionGroupsRepresentation(try await opinionGroups.latestCongress(slug: try context.pathText("congress"), for: caller)))
    }

    @Sendable func proposal(request: Request, context: AtelierRequestContext) async throws -> Response {
        let caller = try context.caller()
        let id = try context.pathID("proposal", resource: "proposal")
        return JSON.response(ProposalOpinionRepresentation(try await opinionGroups.support(proposalID: id, for: caller)))
    }

    static func reply(_ view: OpinionGroupView, reused: Bool, location: String) -> Response {
        JSON.response(OpinionGroupsRepresentation(view), status: reused ? .ok : .created, headers: [.location: location])
    }
}
