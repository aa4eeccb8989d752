import AtelierCore
import AtelierExport
import AtelierServices
import AtelierStore
import AtelierTestSupport
import Foundation
import Postgres
import Testing

/// A congress dumped from one database and imported into another exports the same bytes again,
/// in every format: the import rebuilds it whole.
@Suite struct CongressDumpTests {
    /// The export scene, with a merge (two drafts retired into a third), an endorsement of the
    /// published proposal, an edited contribution (an earlier wording) and a vote of its own.
    static func scene() async throws -> ExportServiceTests.Scene {
        let scene = try await ExportServiceTests.scene()
        let contributions: [UUID] = try await scene.pool.withConnection { connection in
            try connection.query(
                """
                SELECT c.id FROM contribution c WHERE c.workshop_id = $1 AND c.status = 'published'
                AND NOT EXISTS (SELECT 1 FROM proposal_source s WHERE s.contribution_id = c.id) ORDER BY c.created_at, c.id
                """, [scene.workshop.id]
            ).map { try $0.decode(column: 0) }
        }
        let proposals = scene.services.proposals
        var drafts: [VersionedProposal] = []
        for (index, range) in [0..<2, 2..<4].enumerated() {
            let draft = try await proposals.create(
                workshopID: scene.workshop.id, title: "Brouillon \(index + 1)", synthesis: "Partie \(index + 1).",
                sources: Array(contributions[range]), idempotencyKey: nil, by: scene.admin
            ).view.record.proposal
            drafts.append(VersionedProposal(id: draft.id, version: draft.version))
        }
        _ = try await proposals.merge(
            workshopID: scene.workshop.id, proposals: drafts, title: "Fusion", synthesis: nil, idempotencyKey: nil, by: scene.admin)
        _ = try await proposals.endorse(proposalID: scene.published, by: scene.attendee)
        _ = try await scene.services.contributions.edit(
            id: scene.anonymous, title: .set("Un titre"), body: "Une contribution reformulée", by: scene.attendee)
        _ = try await scene.services.votes.cast(.disagree, contributionID: contributions[4], by: scene.attendee)
        return scene
    }

    /// Every export of the congress: each briefing format with every proposal, then the dump.
    static func exports(_ services: Services) async throws -> [String: [UInt8]] {
        var files: [String: [UInt8]] = [:]
        for format in ExportFormat.allCases {
            let request = ExportRequest(congressSlug: "agen-2026", status: .all, format: format)
            files[format.rawValue] = try await services.exports.export(request, by: .commandLine).bytes
        }
        files["congress-json"] = try await services.dumps.dump(congressSlug: "agen-2026").bytes
        return files
    }

    /// Rows per table, events and embeddings included: what "nothing was written" is checked on.
    static func rowCounts(_ pool: ConnectionPool) async throws -> [String: Int] {
        try await pool.withConnection { connection in
            let tables: [String] = try connection.query(
                "SELECT table_name::text FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'"
            ).map { try $0.decode(column: 0) }
            var counts: [String: Int] = [:]
            for table in tables {
                // Names come from the catalogue, not from input; quote_ident keeps them whole.
                let quoted: String = try connection.query("SELECT quote_ident($1)", [table]).first!.decode(column: 0)
                counts[table] = try connection.query("SELECT count(*)::int FROM \(quoted)").first!.decode(column: 0)
            }
            return counts
        }
    }

    @Test func anImportedCongressExportsTheSameBytesInEveryFormat() async throws {
        let scene = try await Self.scene()
        let before = try await Self.exports(scene.services)
        let dump = try #require(before["congress-json"])

        let pool = ConnectionPool(.init(url: try await TestDatabase.migrated(), size: 2))
        let services = Services(pool: pool)
        #expect(try await services.dumps.load(dump) == "agen-2026")
        let after = try await Self.exports(services)

        #expect(Set(after.keys) == Set(ExportFormat.allCases.map(\.rawValue) + ["congress-json"]))
        for (format, bytes) in before {
            // A Bool, so a failure names the format instead of printing megabytes.
            let same = after[format] == bytes
            #expect(same, "\(format) differs after the import")
        }
        // The dump holds what the scene made, not an empty shell that would trivially match.
        let document = try #require(try JSONSerialization.jsonObject(with: Data(dump)) as? [String: Any])
        let proposals = try #require(document["proposals"] as? [[String: Any]])
        #expect(proposals.count == 5 && proposals.filter { $0["merged_into"] is String }.count == 2)
        #expect((document["contribution_revisions"] as? [Any])?.count == 1)
        #expect((document["proposal_endorsements"] as? [Any])?.count == 1)
        let log = try #require(document["consolidation_log"] as? [[String: Any]])
        #expect(log.count > 5 && log.contains { $0["action"] as? String == "merge" })
        #expect((document["participants"] as? [[String: Any]])?.contains { $0["token_hash"] != nil } == false)
        // The triggers counted the imported votes into the tallies.
        let (votes, tallied) = try await pool.withConnection { connection in
            try connection.query(
                "SELECT (SELECT count(*)::int FROM vote), (SELECT sum(agree_count + disagree_count + pass_count)::int FROM contribution)"
            ).first!.decode((Int, Int).self)
        }
        #expect(votes > 100 && votes == tallied && (document["votes"] as? [Any])?.count == votes)
        try await pool.shutdown()
        try await scene.pool.shutdown()
    }

    @Test func aCongressAlreadyThereIsRefusedAndNothingIsWritten() async throws {
        let scene = try await Self.scene()
        let dump = try await scene.services.dumps.dump(congressSlug: "agen-2026").bytes
        let counts = try await Self.rowCounts(scene.pool)

        await #expect(
            throws: ServiceError.congressExists("a congress \"agen-2026\" already exists in this database: nothing was imported")
        ) { try await scene.services.dumps.load(dump) }
        #expect(try await Self.rowCounts(scene.pool) == counts)
        #expect(try await scene.services.dumps.dump(congressSlug: "agen-2026").bytes == dump)
        try await scene.pool.shutdown()
    }

    @Test func aMalformedFileIsRefusedWithItsReasonAndNothingIsWritten() async throws {
        let scene = try await Self.scene()
        let dump = try await scene.services.dumps.dump(congressSlug: "agen-2026").bytes
        let briefing = try await scene.services.exports.export(
            ExportRequest(congressSlug: "agen-2026", format: .json), by: .commandLine
        ).bytes
        let pool = ConnectionPool(.init(url: try await TestDatabase.migrated(), size: 2))
        let dumps = Services(pool: pool).dumps
        let counts = try await Self.rowCounts(pool)

        await #expect(throws: ServiceError.invalid(field: "input", reason: "not a JSON object")) {
            try await dumps.load(Array("{\"format\": ".utf8))
        }
        await #expect(
            throws: ServiceError.invalid(
                field: "input", reason: "not a congress dump (\"format\" is not \"atelier-congress\"): export one with --format congress-json")
        ) { try await dumps.load(briefing) }
        var document = try #require(try JSONSerialization.jsonObject(with: Data(dump)) as? [String: Any])
        var votes = try #require(document["votes"] as? [[String: Any]])
        document["votes"] = nil
        await #expect(throws: ServiceError.invalid(field: "input", reason: "\"votes\" is missing or is not a list")) {
            try await dumps.load(Array(try JSONSerialization.data(withJSONObject: document)))
        }
        // Well-formed, but a vote names a contribution the file does not hold: the database
        // refuses it, after the congress and much else were inserted, and all of it goes.
        votes[0]["contribution_id"] = UUID().uuidString
        document["votes"] = votes
        let error = await #expect(throws: PostgresError.self) { try await dumps.load(Array(try JSONSerialization.data(withJSONObject: document))) }
        #expect(error?.kind == .foreignKeyViolation)
        #expect(try await Self.rowCounts(pool) == counts)
        try await pool.shutdown()
        try await scene.pool.shutdown()
    }
}
