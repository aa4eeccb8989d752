import AtelierCore
import AtelierServices
import Foundation
import HTTPTypes
import Hummingbird

/// Proposals one at a time: list, create, read, edit, change status, delete, sources,
/// history, endorsements. Every edit names the version it was made on (`If-Match`).
struct ProposalController {
    let proposals: ProposalService

    func addRoutes(to group: RouterGroup<AtelierRequestContext>) {
        group.get("workshops/{workshop}/proposals", use: list)
        group.post("workshops/{workshop}/proposals", use: create)
        group.get("proposals/{proposal}", use: get)
        group.patch("proposals/{proposal}", use: edit)
        group.delete("proposals/{proposal}", use: delete)
        group.put("proposals/{proposal}/sources/{contribution}", use: putSource)
        group.delete("proposals/{proposal}/sources/{contribution}", use: removeSource)
        group.get("proposals/{proposal}/revisions", use: revisions)
        group.get("proposals/{proposal}/diff", use: diff)
        group.put("proposals/{proposal}/endorsement", use: endorse)
        group.delete("proposals/{proposal}/endorsement", use: withdrawEndorsement)
    }

    @Sendable func list(request: Request, context: AtelierRequestContext) async throws -> Response {
        let caller = try context.caller()
        let workshopID = try context.pathID("workshop", resource: "workshop")
        let query = try QueryParameters(request)
        let page = try await proposals.page(
            workshopID: workshopID, statuses: try query.oneOf("status", ProposalStatus.self).map { [$0] },
            includeRetired: try query.boolean("retired") ?? false, cursor: query["cursor"], limit: try query.integer("limit"), for: caller)
        return JSON.response(
            PageRepresentation(page) { ProposalRepresentation($0, reader: caller) })
    }

    struct CreateBody: Decodable {
        let title: String
        let synthesis: String?
        let sources: [UUID]?
    }

    /// 201 with the new draft; with a replayed Idempotency-Key, 200 with the first one.
    @Sendable func create(request: Request, context: AtelierRequestContext) async throws -> Response {
        let caller = try context.caller()
        let workshopID = try context.pathID("workshop", resource: "workshop")
        let body = try await request.decodeJSON(CreateBody.self, context: context)
        let (view, created) = try await proposals.create(
            workshopID: workshopID, title: body.title, synthesis: body.synthesis, sources: body.sources ?? [],
            idempotencyKey: request.idempotencyKey, by: caller)
        return Self.respond(view, reader: caller, status: created ? .created : .ok, location: true, replayed: !created)
    }

    @Sendable func get(request: Request, context: AtelierRequestContext) async throws -> Response {
        let caller = try context.caller()
        let id = try context.pathID("proposal", resource: "proposal")
        return Self.respond(try await proposals.proposal(id: id, for: caller), reader: caller)
    }

    /// Either the text (title, synthesis) or the status: one kind of change per revision.
    struct EditBody: Decodable {
        let title: String?
        let synthesis: String?
        let status: String?
    }

    @Sendable func edit(request: Request, context: AtelierRequestContext) async throws -> Response {
        let caller = try context.caller()
        let id = try context.pathID("proposal", resource: "proposal")
        let version = try request.expectedVersion()
        let body = try await request.decodeJSON(EditBody.self, context: context)
        let view: ProposalView
        switch (body.title != nil || body.synthesis != nil, body.status) {
        case (false, nil):
            throw Problem(.invalidField, "send a title, a synthesis, or a status", extensions: ["field": "status"])
        case (true, .some):
            throw Problem(.invalidField, "send the text or the status, not both: each is its own revision", extensions: ["field": "status"])
        case (true, nil):
            view = try await proposals.edit(proposalID: id, version: version, title: body.title, synthesis: body.synthesis, by: caller)
        case (false, .some(let raw)):
            guard let status = ProposalStatus(rawValue: raw) else {
                throw Problem(.invalidField, "status must be one of: draft, validated, published", extensions: ["field": "status"])
            }
            view = try await proposals.setStatus(proposalID: id, version: version, status: status, by: caller)
        }
        return Self.respond(view, reader: caller)
    }

    @Sendable func delete(request: Request, context: AtelierRequestContext) async throws -> Response {
        let caller = try context.caller()
        let id = try context.pathID("proposal", resource: "proposal")
        let version = try request.expectedVersion()
        return Self.respond(try await proposals.delete(proposalID: id, version: version, by: caller), reader: caller)
    }

    /// A note given as null removes it; a note left out keeps it.
    struct SourceBody: Decodable {
        let note: Patch<String>
        let primary: Bool?

        enum CodingKeys: String, CodingKey { case note, primary }

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            note = try container.decodePatch(String.self, forKey: .note)
            primary = try container.decodeIfPresent(Bool.self, forKey: .primary)
        }
    }

    /// 201 when the contribution became a source, 200 when it already was one.
    @Sendable func putSource(request: Request, context: AtelierRequestContext) async throws -> Response {
        let caller = try context.caller()
        let id = try context.pathID("proposal", resource: "proposal")
        let contributionID = try context.pathID("contribution", resource: "contribution")
        let version = try request.expectedVersion()
        let body = try await request.decodeOptionalJSON(SourceBody.self, context: context)
        let (view, added) = try await proposals.putSource(
            proposalID: id, version: version, contributionID: contributionID, note: body?.note ?? .keep, primary: body?.primary ?? false,
            by: caller)
        return Self.respond(view, reader: caller, status: added ? .created : .ok)
    }

    @Sendable func removeSource(request: Request, context: AtelierRequestContext) async throws -> Response {
        let caller = try context.caller()
        let id = try context.pathID("proposal", resource: "proposal")
        let contributionID = try context.pathID("contribution", resource: "contribution")
        let version = try request.expectedVersion()
        return Self.respond(
            try await proposals.removeSource(proposalID: id, version: version, contributionID: contributionID, by: caller), reader: caller)
    }

    @Sendable func revisions(request: Request, context: AtelierRequestContext) async throws -> Response {
        let caller = try context.caller()
        let id = try context.pathID("proposal", resource: "proposal")
        let query = try QueryParameters(request)
        let page = try await proposals.revisions(proposalID: id, cursor: query["cursor"], limit: try query.integer("limit"), for: caller)
        return JSON.response(PageRepresentation(page, RevisionRepresentation.init))
    }

    @Sendable func diff(request: Request, context: AtelierRequestContext) async throws -> Response {
        let caller = try context.caller()
        let id = try context.pathID("proposal", resource: "proposal")
        let query = try QueryParameters(request)
        let diff = try await proposals.diff(proposalID: id, from: try query.integer("from"), to: try query.integer("to"), for: caller)
        return JSON.response(DiffRepresentation(diff))
    }

    @Sendable func endorse(request: Request, context: AtelierRequestContext) async throws -> Response {
        let caller = try context.caller()
        let id = try context.pathID("proposal", resource: "proposal")
        return Self.respond(try await proposals.endorse(proposalID: id, by: caller), reader: caller)
    }

    @Sendable func withdrawEndorsement(request: Request, context: AtelierRequestContext) async throws -> Response {
        let caller = try context.caller()
        let id = try context.pathID("proposal", resource: "proposal")
        return Self.respond(try await proposals.withdrawEndorsement(proposalID: id, by: caller), reader: caller)
    }

    /// The proposal with its version as ETag, and where it lives when it was just made.
    static func respond(
        _ view: ProposalView, reader: Participant, status: HTTPResponse.Status = .ok, location: Bool = false, replayed: Bool = false
    ) -> Response {
        let proposal = view.record.proposal
        var headers = HTTPFields.version(proposal.version)
        if location { headers[.location] = "/api/v1/proposals/\(proposal.id.json)" }
        if replayed { headers[HTTPField.Name("Idempotent-Replayed")!] = "true" }
        return JSON.response(ProposalRepresentation(view, reader: reader), status: status, headers: headers)
    }
}
