import AtelierCore
import AtelierServices
import Foundation
import HTTPTypes
import Hummingbird

/// The operations that reshape a workshop's proposals: adopting a clustering run, merging,
/// splitting, moving or copying sources, reordering; and the log of all of it.
struct ConsolidationController {
    let proposals: ProposalService

    func addRoutes(to group: RouterGroup<AtelierRequestContext>) {
        group.post("workshops/{workshop}/proposals/adoptions", use: adopt)
        group.post("workshops/{workshop}/proposals/merges", use: merge)
        group.post("workshops/{workshop}/proposals/transfers", use: transfer)
        group.put("workshops/{workshop}/proposals/order", use: reorder)
        group.post("proposals/{proposal}/splits", use: split)
        group.get("workshops/{workshop}/consolidation-log", use: log)
    }

    struct Versioned: Decodable {
        let id: UUID
        let version: Int

        var value: VersionedProposal { VersionedProposal(id: id, version: version) }
    }

    struct Items: Encodable {
        let items: [ProposalRepresentation]

        init(_ views: [ProposalView], reader: Participant) { items = views.map { ProposalRepresentation($0, reader: reader) } }
    }

    struct AdoptBody: Decodable {
        let clusteringId: UUID
        /// Every cluster of the run when left out.
        let clusters: [String]?
    }

    @Sendable func adopt(request: Request, context: AtelierRequestContext) async throws -> Response {
        let caller = try context.caller()
        let workshopID = try context.pathID("workshop", resource: "workshop")
        let body = try await request.decodeJSON(AdoptBody.self, context: context)
        let (views, created) = try await proposals.adopt(
            workshopID: workshopID, clusteringID: body.clusteringId, clusterIDs: body.clusters, idempotencyKey: request.idempotencyKey, by: caller)
        return JSON.response(Items(views, reader: caller), status: created ? .created : .ok, headers: Self.replayed(!created))
    }

    struct MergeBody: Decodable {
        let proposals: [Versioned]
        let title: String?
        let synthesis: String?
    }

    @Sendable func merge(request: Request, context: AtelierRequestContext) async throws -> Response {
        let caller = try context.caller()
        let workshopID = try context.pathID("workshop", resource: "workshop")
        let body = try await request.decodeJSON(MergeBody.self, context: context)
        let (view, created) = try await proposals.merge(
            workshopID: workshopID, proposals: body.proposals.map(\.value), title: body.title, synthesis: body.synthesis,
            idempotencyKey: request.idempotencyKey, by: caller)
        return ProposalController.respond(view, reader: caller, status: created ? .created : .ok, location: true, replayed: !created)
    }

    struct SplitBody: Decodable {
        struct Part: Decodable {
            let title: String
            let synthesis: String?
            let sources: [UUID]
        }

        let parts: [Part]
    }

    /// 201 with the original proposal first, then the new ones.
    @Sendable func split(request: Request, context: AtelierRequestContext) async throws -> Response {
        let caller = try context.caller()
        let id = try context.pathID("proposal", resource: "proposal")
        let version = try request.expectedVersion()
        let body = try await request.decodeJSON(SplitBody.self, context: context)
        let (views, created) = try await proposals.split(
            proposalID: id, version: version, parts: body.parts.map { SplitPart(title: $0.title, synthesis: $0.synthesis, sources: $0.sources) },
            idempotencyKey: request.idempotencyKey, by: caller)
        return JSON.response(Items(views, reader: caller), status: created ? .created : .ok, headers: Self.replayed(!created))
    }

    struct TransferBody: Decodable {
        let from: Versioned
        let to: Versioned
        let contributions: [UUID]
        let mode: String
    }

    /// 200 with both proposals, the origin first.
    @Sendable func transfer(request: Request, context: AtelierRequestContext) async throws -> Response {
        let caller = try context.caller()
        let workshopID = try context.pathID("workshop", resource: "workshop")
        let body = try await request.decodeJSON(TransferBody.self, context: context)
        guard let mode = TransferMode(rawValue: body.mode) else {
            throw Problem(.invalidField, "mode must be one of: move, copy", extensions: ["field": "mode"])
        }
        let (views, created) = try await proposals.transfer(
            workshopID: workshopID, from: body.from.value, to: body.to.value, contributions: body.contributions, mode: mode,
            idempotencyKey: request.idempotencyKey, by: caller)
        return JSON.response(Items(views, reader: caller), headers: Self.replayed(!created))
    }

    struct OrderBody: Decodable {
        let proposals: [UUID]
    }

    @Sendable func reorder(request: Request, context: AtelierRequestContext) async throws -> Response {
        let caller = try context.caller()
        let workshopID = try context.pathID("workshop", resource: "workshop")
        let body = try await request.decodeJSON(OrderBody.self, context: context)
        return JSON.response(Items(try await proposals.reorder(workshopID: workshopID, order: body.proposals, by: caller), reader: caller))
    }

    @Sendable func log(request: Request, context: AtelierRequestContext) async throws -> Response {
        let caller = try context.caller()
        let workshopID = try context.pathID("workshop", resource: "workshop")
        let query = try QueryParameters(request)
        let page = try await proposals.log(workshopID: workshopID, cursor: query["cursor"], limit: try query.integer("limit"), for: caller)
        return JSON.response(PageRepresentation(page, ConsolidationEntryRepresentation.init))
    }

    static func replayed(_ replayed: Bool) -> HTTPFields {
        replayed ? [HTTPField.Name("Idempotent-Replayed")!: "true"] : [:]
    }
}
