import Foundation
import Postgres
import Testing

/// Shortcuts for the proposal tests: they talk HTTP like any client, and read ids, versions
/// and sources from the answers.
extension TestServer {
    func postContribution(_ body: String, workshop: UUID, token: String) async throws -> String {
        let reply = try await request("POST", "/api/v1/workshops/\(workshop)/contributions", token: token, json: ["body": body])
        return try #require(reply.json["id"] as? String, "\(reply.status) \(reply.text)")
    }

    func createProposal(_ title: String, workshop: UUID, sources: [String], token: String, synthesis: String? = nil) async throws -> Reply {
        var body: [String: Any] = ["title": title, "sources": sources]
        if let synthesis { body["synthesis"] = synthesis }
        return try await request("POST", "/api/v1/workshops/\(workshop)/proposals", token: token, json: body)
    }

    /// A request that names the version it was made on.
    func edit(_ method: String, _ path: String, version: Int, token: String, json: Any? = nil) async throws -> Reply {
        try await request(method, path, token: token, json: json, headers: ["If-Match": "\"\(version)\""])
    }

    func proposal(_ id: String, token: String) async throws -> [String: Any] {
        let reply = try await request("GET", "/api/v1/proposals/\(id)", token: token)
        #expect(reply.status == 200, "\(reply.text)")
        return reply.json
    }

    /// Every revision of a proposal, following the cursor.
    func revisions(_ id: String, token: String) async throws -> [[String: Any]] {
        var all: [[String: Any]] = []
        var cursor: String?
        repeat {
            let suffix = cursor.map { "&cursor=\($0)" } ?? ""
            let reply = try await request("GET", "/api/v1/proposals/\(id)/revisions?limit=3\(suffix)", token: token)
            #expect(reply.status == 200, "\(reply.text)")
            all += reply.json["items"] as? [[String: Any]] ?? []
            cursor = reply.json["nextCursor"] as? String
        } while cursor != nil
        return all
    }

    func count(_ sql: String, _ parameters: [any PostgresEncodable] = []) async throws -> Int {
        try await self.sql { try $0.query(sql, parameters).first!.decode(column: 0, as: Int.self) }
    }
}

extension TestServer.Reply {
    var version: Int? { json["version"] as? Int }
    var items: [[String: Any]] { json["items"] as? [[String: Any]] ?? [] }
}

extension [String: Any] {
    var id: String { self["id"] as? String ?? "" }
    var version: Int { self["version"] as? Int ?? 0 }
    var sourceIDs: [String] { (self["sources"] as? [[String: Any]] ?? []).compactMap { $0["contributionId"] as? String } }
    var support: [String: Any] { self["support"] as? [String: Any] ?? [:] }
}
