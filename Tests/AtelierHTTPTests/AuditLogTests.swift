import AtelierCore
import AtelierServices
import Foundation
import Postgres
import Testing

/// An admin's and a moderator's actions land in the audit log with who, what, on what and the
/// request's id, in the action's transaction; the log refuses to be changed.
@Suite struct AuditLogTests {
    @Test func actionsAreRecordedWithTheirRequestAndTheLogIsAppendOnly() async throws {
        try await withTestServer { server in
            let fixture = try await server.fixture()
            let posted = try await server.request(
                "POST", "/api/v1/workshops/\(fixture.workshops[0].id)/contributions", token: fixture.attendee, json: ["body": "Hors sujet"])
            let contribution = try #require(posted.json["id"] as? String)
            let hidden = try await server.request(
                "DELETE", "/api/v1/contributions/\(contribution)", token: fixture.lead, json: ["reason": "Hors sujet"],
                headers: ["X-Request-Id": "moderation-1"])
            #expect(hidden.status == 200)
            // A refused action leaves no line: the author cannot hide, only withdraw, and this one is gone already.
            #expect(
                try await server.request("DELETE", "/api/v1/contributions/\(contribution)", token: fixture.lead, json: ["reason": "x"]).status == 409)
            let exported = try await server.request(
                "GET", "/api/v1/congresses/\(fixture.congress.slug)/export?format=md", token: fixture.admin, headers: ["X-Request-Id": "export-1"])
            #expect(exported.status == 200)
            #expect(
                try await server.request("GET", "/api/v1/congresses/\(fixture.congress.slug)/export?format=md", token: fixture.attendee).status == 403
            )
            let attendee = try await server.services.access.authenticate(token: fixture.otherAttendee)
            _ = try await server.services.participants.rotate(participantID: attendee.id, congressSlug: fixture.congress.slug)

            let entries = try await server.services.audit.entries(congressSlug: fixture.congress.slug)
            #expect(entries.map(\.action) == [.participantRotate, .export, .contributionHide])
            let lead = try await server.services.access.authenticate(token: fixture.lead)
            #expect(entries[2].actorID == lead.id && entries[2].actorName == "Lead" && entries[2].requestID == "moderation-1")
            #expect(entries[2].target == "contribution \(contribution)" && entries[2].detail == ["reason": "Hors sujet"])
            #expect(entries[1].requestID == "export-1" && entries[1].target == "congress" && entries[1].detail["format"] == "md")
            #expect(
                entries[0].actorID == nil && entries[0].requestID == nil && entries[0].target == "participant \(attendee.id.uuidString.lowercased())")

            for statement in ["UPDATE audit_log SET target = 'rien'", "DELETE FROM audit_log", "TRUNCATE audit_log"] {
                await #expect(throws: PostgresError.self, "\(statement)") { try await server.sql { try $0.execute(statement) } }
            }
            #expect(try await server.services.audit.entries(congressSlug: fixture.congress.slug).count == 3)
        }
    }

    /// The admins read the log through the API, newest first, a page at a time: every line once,
    /// each with the `X-Request-Id` of the request that did it; nobody else reads it.
    @Test func adminsReadTheLogPageByPage() async throws {
        try await withTestServer { server in
            let fixture = try await server.fixture()
            let slug = fixture.congress.slug
            let posted = try await server.request(
                "POST", "/api/v1/workshops/\(fixture.workshops[0].id)/contributions", token: fixture.attendee, json: ["body": "Hors sujet"])
            let contribution = try #require(posted.json["id"] as? String)
            #expect(
                try await server.request(
                    "DELETE", "/api/v1/contributions/\(contribution)", token: fixture.lead, json: ["reason": "Hors sujet"],
                    headers: ["X-Request-Id": "moderation-2"]
                ).status == 200)
            for format in ["md", "html", "json"] {
                let exported = try await server.request(
                    "GET", "/api/v1/congresses/\(slug)/export?format=\(format)", token: fixture.admin, headers: ["X-Request-Id": "export-\(format)"])
                #expect(exported.status == 200 && exported.header("X-Request-Id") == "export-\(format)")
            }
            let admin = try await server.services.access.authenticate(token: fixture.admin)
            let sheet = try await RequestTrace.$id.withValue("badges-1") { try await server.services.participants.badges(.everyone, by: admin) }

            var lines: [[String: Any]] = []
            var cursor: String?
            repeat {
                let query = cursor.map { "&cursor=\($0.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!)" } ?? ""
                let page = try await server.request("GET", "/api/v1/congresses/\(slug)/audit?limit=2\(query)", token: fixture.admin)
                #expect(page.status == 200)
                let items = try #require(page.json["items"] as? [[String: Any]])
                #expect(items.count <= 2)
                lines += items
                cursor = page.json["nextCursor"] as? String
            } while cursor != nil
            #expect(lines.map { $0["action"] as? String } == ["badges-issue", "export", "export", "export", "contribution-hide"])
            #expect(Set(lines.compactMap { $0["id"] as? Int }).count == 5)
            #expect(lines.map { $0["requestId"] as? String } == ["badges-1", "export-json", "export-html", "export-md", "moderation-2"])
            #expect(lines[0]["target"] as? String == "badges" && lines[0]["actorName"] as? String == "Admin")
            #expect((lines[0]["detail"] as? [String: String]) == ["count": "\(sheet.badges.count)", "scope": "everyone"] && sheet.badges.count == 4)
            #expect(lines[1]["actorId"] as? String == admin.id.uuidString.lowercased() && lines[1]["target"] as? String == "congress")
            #expect(lines[4]["target"] as? String == "contribution \(contribution)")

            let exports = try await server.request("GET", "/api/v1/congresses/\(slug)/audit?action=export", token: fixture.admin)
            #expect((exports.json["items"] as? [[String: Any]])?.map { $0["requestId"] as? String } == ["export-json", "export-html", "export-md"])

            let forged = Paginator(list: "audit", width: 1).cursor(at: ["99999999999999999999"])
            for cursor in [forged, Paginator(list: "log", width: 1).cursor(at: ["1"])] {
                let refused = try await server.request(
                    "GET", "/api/v1/congresses/\(slug)/audit?cursor=\(cursor.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!)",
                    token: fixture.admin)
                #expect(refused.status == 422 && refused.json["field"] as? String == "cursor")
            }
            for token in [fixture.lead, fixture.attendee] {
                #expect(try await server.request("GET", "/api/v1/congresses/\(slug)/audit", token: token).status == 403)
            }
            #expect(try await server.request("GET", "/api/v1/congresses/ailleurs/audit", token: fixture.admin).status == 404)
        }
    }
}
