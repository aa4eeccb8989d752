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
}
