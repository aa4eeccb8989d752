import AtelierCore
import Foundation
import Postgres
import Testing

/// A lead's hide, the author's withdrawal and the author's edit sent at the same moment: one
/// change of state wins, the other is refused, and every 200 told the truth.
@Suite struct ModerationRaceTests {
    @Test func hideWithdrawAndEditSentTogetherNeverOverwriteEachOther() async throws {
        try await withTestServer(poolSize: 6) { server in
            let fixture = try await server.fixture()
            let workshop = fixture.workshops[0].id
            for trial in 0..<20 {
                let id = try #require(
                    try await server.request(
                        "POST", "/api/v1/workshops/\(workshop)/contributions", token: fixture.attendee, json: ["body": "Première version \(trial)"]
                    ).json["id"] as? String)
                let edited = "Seconde version \(trial)"
                async let hide = server.request("DELETE", "/api/v1/contributions/\(id)", token: fixture.lead, json: ["reason": "Hors sujet"])
                async let withdraw = server.request("DELETE", "/api/v1/contributions/\(id)", token: fixture.attendee)
                async let edit = server.request("PATCH", "/api/v1/contributions/\(id)", token: fixture.attendee, json: ["body": edited])
                let (hidden, withdrawn, rewritten) = try await (hide.status, withdraw.status, edit.status)

                let (status, reason, body) = try await server.sql { connection in
                    try connection.query("SELECT status::text, moderation_reason, body FROM contribution WHERE id = $1::uuid", [id])
                        .first!.decode((String, String?, String).self)
                }
                let context = "trial \(trial): hide \(hidden), withdraw \(withdrawn), edit \(rewritten), final \(status)"
                // Exactly one removal wins, and the row says which; the loser was told so.
                #expect([hidden, withdrawn].filter { $0 == 200 }.count == 1, "\(context)")
                #expect([hidden, withdrawn, rewritten].allSatisfy { [200, 404, 409].contains($0) }, "\(context)")
                if hidden == 200 {
                    #expect(status == "hidden" && reason == "Hors sujet", "\(context)")
                } else {
                    #expect(status == "withdrawn" && reason == nil, "\(context)")
                }
                #expect(body == (rewritten == 200 ? edited : "Première version \(trial)"), "\(context)")
            }
        }
    }
}
