import AtelierCore
import AtelierServices
import Foundation
import HTTPTypes
import Hummingbird

/// Contributions: posting to a workshop, listing, reading, editing, removing.
struct ContributionController {
    let contributions: ContributionService

    func addRoutes(to group: RouterGroup<AtelierRequestContext>) {
        group.post("workshops/{workshop}/contributions", use: post)
        group.get("workshops/{workshop}/contributions", use: list)
        group.get("contributions/{contribution}", use: get)
        group.patch("contributions/{contribution}", use: edit)
        group.delete("contributions/{contribution}", use: remove)
    }

    struct PostBody: Decodable {
        let title: String?
        let body: String
    }

    /// 201 with the new contribution; with a replayed Idempotency-Key, 200 with the first one.
    @Sendable func post(request: Request, context: AtelierRequestContext) async throws -> Response {
        let caller = try context.caller()
        let workshopID = try context.pathID("workshop", resource: "workshop")
        let body = try await request.decodeJSON(PostBody.self, context: context)
        let key = request.headers[HTTPField.Name("Idempotency-Key")!]
        let (contribution, created) = try await contributions.post(
            workshopID: workshopID, title: body.title, body: body.body, idempotencyKey: key, by: caller)
        var headers: HTTPFields = [.location: "/api/v1/contributions/\(contribution.id.json)"]
        if !created { headers[HTTPField.Name("Idempotent-Replayed")!] = "true" }
        return JSON.response(ContributionRepresentation(contribution, reader: caller), status: created ? .created : .ok, headers: headers)
    }

    @Sendable func list(request: Request, context: AtelierRequestContext) async throws -> Response {
        let caller = try context.caller()
        let workshopID = try context.pathID("workshop", resource: "workshop")
        let query = try QueryParameters(request)
        let page = try await contributions.page(
            workshopID: workshopID, search: query["q"], sort: try query.oneOf("sort", ContributionSort.self) ?? .recent,
            cursor: query["cursor"], limit: try query.integer("limit"), for: caller)
        return JSON.response(PageRepresentation(page) { ContributionRepresentation($0, reader: caller) })
    }

    @Sendable func get(request: Request, context: AtelierRequestContext) async throws -> Response {
        let caller = try context.caller()
        let id = try context.pathID("contribution", resource: "contribution")
        return JSON.response(ContributionRepresentation(try await contributions.contribution(id: id, for: caller), reader: caller))
    }

    /// A title given as null removes it; a title left out keeps it.
    struct EditBody: Decodable {
        let title: Patch<String>
        let body: String?

        enum CodingKeys: String, CodingKey { case title, body }

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            title = try container.decodePatch(String.self, forKey: .title)
            body = try container.decodeIfPresent(String.self, forKey: .body)
        }
    }

    @Sendable func edit(request: Request, context: AtelierRequestContext) async throws -> Response {
        let caller = try context.caller()
        let id = try context.pathID("contribution", resource: "contribution")
        let edit = try await request.decodeJSON(EditBody.self, context: context)
        guard edit.title != .keep || edit.body != nil else {
            throw Problem(.invalidField, "send a title, a body, or both", extensions: ["field": "body"])
        }
        let contribution = try await contributions.edit(id: id, title: edit.title, body: edit.body, by: caller)
        return JSON.response(ContributionRepresentation(contribution, reader: caller))
    }

    struct RemoveBody: Decodable {
        let reason: String?
    }

    /// The author withdraws; a moderator hides, with a reason in the body or the `reason` query parameter.
    @Sendable func remove(request: Request, context: AtelierRequestContext) async throws -> Response {
        let caller = try context.caller()
        let id = try context.pathID("contribution", resource: "contribution")
        let reason = try await request.decodeOptionalJSON(RemoveBody.self, context: context)?.reason ?? QueryParameters(request)["reason"]
        let contribution = try await contributions.remove(id: id, reason: reason, by: caller)
        return JSON.response(ContributionRepresentation(contribution, reader: caller))
    }
}
