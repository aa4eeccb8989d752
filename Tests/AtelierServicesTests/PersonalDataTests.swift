import AtelierCore
import AtelierExport
import AtelierServices
import AtelierStore
import AtelierTestSupport
import Foundation
import Postgres
import Testing
import ZipSupport

/// A participant's download and erasure, and the purge of a congress, on the export scene.
@Suite struct PersonalDataTests {
    /// A demo participant who is named, gave an organisation, wrote a source of the published
    /// proposal and voted: the one whose erasure has the most to remove.
    static func someoneInvolved(_ scene: ExportServiceTests.Scene) async throws -> (id: UUID, name: String, organisation: String) {
        try await scene.pool.withConnection { connection in
            try connection.query(
                """
                SELECT p.id, p.display_name, p.organisation FROM participant p
                WHERE p.named AND p.organisation IS NOT NULL
                  AND EXISTS (SELECT 1 FROM contribution c JOIN proposal_source s ON s.contribution_id = c.id
                              WHERE c.author_id = p.id AND s.proposal_id = $1)
                  AND EXISTS (SELECT 1 FROM vote v WHERE v.participant_id = p.id)
                  AND (SELECT count(*) FROM participant o WHERE o.organisation = p.organisation) = 1
                ORDER BY p.id LIMIT 1
                """, [scene.published]
            ).first!.decode((UUID, String, String).self)
        }
    }

    /// Every contribution's tallies and number of voters, by id.
    static func tallies(_ pool: ConnectionPool) async throws -> [UUID: [Int]] {
        try await pool.withConnection { connection in
            var tallies: [UUID: [Int]] = [:]
            for row in try connection.query(
                """
                SELECT c.id, c.agree_count, c.disagree_count, c.pass_count, (SELECT count(*)::int FROM vote v WHERE v.contribution_id = c.id)
                FROM contribution c
                """)
            {
                let (id, agree, disagree, pass, voters) = try row.decode((UUID, Int, Int, Int, Int).self)
                tallies[id] = [agree, disagree, pass, voters]
            }
            return tallies
        }
    }

    /// Events stored, once every pending tally has been emitted.
    static func eventCount(_ services: Services) async throws -> Int {
        try await services.tallies.drain()
        return try await services.pool.withConnection { try $0.query("SELECT count(*)::int FROM workshop_event").first!.decode(column: 0) }
    }

    /// The text of each export, zip entries (ODT, DOCX, CSV) unpacked, since deflate hides words.
    static func texts(_ files: [String: [UInt8]]) throws -> [String: String] {
        try files.mapValues { bytes in
            guard bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]) else { return String(decoding: bytes, as: UTF8.self) }
            let archive = try ZipArchive(bytes: bytes)
            return try archive.entries.map { String(decoding: try archive.contents(of: $0), as: UTF8.self) }.joined(separator: "\n")
        }
    }

    @Test func aParticipantsDocumentHoldsWhatTheyDidAndNoSecret() async throws {
        let scene = try await CongressDumpTests.scene()
        _ = try await scene.services.participants.issueBadgeCode(participantID: scene.attendee.id)
        let file = try await scene.services.personalData.document(for: scene.attendee)
        #expect(file.mediaType == "application/json" && file.filename == "mes-donnees.json")
        let document = try #require(try JSONSerialization.jsonObject(with: Data(file.bytes)) as? [String: Any])
        #expect(document["format"] as? String == "atelier-personal-data")
        #expect((document["participant"] as? [String: Any])?["displayName"] as? String == "Sans nom")
        let contributions = try #require(document["contributions"] as? [[String: Any]])
        #expect(contributions.count == 1 && contributions[0]["body"] as? String == "Une contribution reformulée")
        #expect((contributions[0]["revisions"] as? [[String: Any]])?.first?["body"] as? String == "Une contribution sans organisation ni nom")
        #expect((document["votes"] as? [[String: Any]])?.map { $0["value"] as? String } == ["disagree"])
        #expect((document["endorsements"] as? [[String: Any]])?.first?["proposal"] as? String == scene.published.uuidString.lowercased())
        #expect((document["accessTokens"] as? [Any])?.count == 1)
        #expect((document["badgeCode"] as? [String: Any])?.keys.sorted() == ["issuedAt"])
        // Only dates: the stored hashes are nowhere in the file.
        let hashes: [String] = try await scene.pool.withConnection { connection in
            try connection.query(
                """
                SELECT encode(token_hash, 'hex') FROM access_token WHERE participant_id = $1
                UNION ALL SELECT encode(code_hash, 'hex') FROM badge_code WHERE participant_id = $1
                """, [scene.attendee.id]
            ).map { try $0.decode(column: 0) }
        }
        #expect(hashes.count == 2)
        let text = String(decoding: file.bytes, as: UTF8.self)
        #expect(!hashes.contains { text.contains($0) })
        // A lead's consolidation work is theirs too.
        let admin = try await scene.services.personalData.document(for: scene.admin)
        let log = try #require((try JSONSerialization.jsonObject(with: Data(admin.bytes)) as? [String: Any])?["consolidationLog"] as? [[String: Any]])
        #expect(log.contains { $0["action"] as? String == "merge" && $0["byMe"] as? Bool == true })
        try await scene.pool.shutdown()
    }

    @Test func anErasedParticipantIsInNoExportTheirVotesStillCountAndTheirAccessIsGone() async throws {
        let scene = try await CongressDumpTests.scene()
        let person = try await Self.someoneInvolved(scene)
        let token = try await scene.services.participants.issueToken(participantID: person.id)
        let tallies = try await Self.tallies(scene.pool)
        let figuresRequest = ExportRequest(congressSlug: "agen-2026", format: .json)
        let figuresBefore = try await scene.services.exports.briefing(figuresRequest, by: .commandLine).figures
        let before = try Self.texts(try await CongressDumpTests.exports(scene.services))
        #expect(before.values.contains { $0.contains(person.name) } && before.values.contains { $0.contains(person.organisation) })

        let events = try await Self.eventCount(scene.services)
        #expect(try await scene.services.personalData.erase(congressSlug: "agen-2026", participantID: person.id, contributions: .anonymous))
        // Unchanged tallies are not announced: a burst of them would say what the person had voted on.
        #expect(try await Self.eventCount(scene.services) == events)
        #expect(!(try await scene.services.personalData.erase(congressSlug: "agen-2026", participantID: person.id, contributions: .withdrawn)))

        let after = try Self.texts(try await CongressDumpTests.exports(scene.services))
        for (format, text) in after {
            #expect(!text.contains(person.name) && !text.contains(person.organisation), "\(format) still names them")
        }
        #expect(try await Self.tallies(scene.pool) == tallies)
        await #expect(throws: ServiceError.self) { try await scene.services.access.authenticate(token: token) }
        // No command gives them access again, nor lists them for a badge.
        await #expect(throws: (any Error).self) { try await scene.services.participants.issueToken(participantID: person.id) }
        await #expect(throws: (any Error).self) { try await scene.services.participants.issueBadgeCode(participantID: person.id) }
        let sheet = try await scene.services.participants.badges(.everyone, congressSlug: "agen-2026")
        #expect(!sheet.badges.contains { $0.participant.id == person.id || $0.participant.displayName == "anonyme" })
        // Nothing points from the erased row to the votes: they belong to a row of their own.
        let (linked, voters, erasedVotes) = try await scene.pool.withConnection { connection in
            try connection.query(
                """
                SELECT (SELECT count(*)::int FROM vote WHERE participant_id = $1),
                       (SELECT count(*)::int FROM participant WHERE anonymous_voter),
                       (SELECT count(*)::int FROM vote v JOIN participant p ON p.id = v.participant_id WHERE p.anonymous_voter)
                """, [person.id]
            ).first!.decode((Int, Int, Int).self)
        }
        #expect(linked == 0 && voters == 1 && erasedVotes > 0)
        // The anonymous voter is not one more participant, and the votes are all still there.
        let figures = try await scene.services.exports.briefing(figuresRequest, by: .commandLine).figures
        #expect(figures.participants == figuresBefore.participants && figures.votes == figuresBefore.votes)
        try await scene.pool.shutdown()
    }

    @Test func withdrawnOnErasureTheirPublishedContributionsLeaveTheRoom() async throws {
        let scene = try await CongressDumpTests.scene()
        try await scene.services.personalData.erase(scene.attendee, contributions: .withdrawn)
        let status: String = try await scene.pool.withConnection {
            try $0.query("SELECT status FROM contribution WHERE id = $1", [scene.anonymous]).first!.decode(column: 0)
        }
        #expect(status == "withdrawn")
        try await scene.pool.shutdown()
    }

    /// The briefing with every author made anonymous: what a purge may change and nothing else.
    static func withoutAuthors(_ briefing: Briefing) -> Briefing {
        var briefing = briefing
        func strip(_ contributions: inout [Briefing.Contribution]) {
            for index in contributions.indices { contributions[index].author = .anonymous }
        }
        for e in briefing.engagements.indices {
            for w in briefing.engagements[e].workshops.indices {
                strip(&briefing.engagements[e].workshops[w].unretained)
                for p in briefing.engagements[e].workshops[w].proposals.indices {
                    strip(&briefing.engagements[e].workshops[w].proposals[p].sources)
                }
            }
        }
        return briefing
    }

    @Test func aPurgeKeepsEveryFigureAndLeavesNoPersonalDataInAnyTable() async throws {
        let scene = try await CongressDumpTests.scene()
        _ = try await scene.services.participants.issueBadgeCode(participantID: scene.attendee.id)
        _ = try await scene.services.sessions.start(code: try await scene.services.participants.issueToken(participantID: scene.lead.id))
        let request = ExportRequest(congressSlug: "agen-2026", status: .all, format: .json)
        let before = try await scene.services.exports.briefing(request, by: .commandLine)
        let tallies = try await Self.tallies(scene.pool)
        let personal: [String] = try await scene.pool.withConnection { connection in
            try connection.query(
                """
                SELECT DISTINCT value FROM participant,
                    unnest(ARRAY[display_name, organisation, external_ref]) AS value
                WHERE value IS NOT NULL AND char_length(value) >= 6
                  -- What people wrote stays as they wrote it, thanks to an organisation included.
                  AND NOT EXISTS (SELECT 1 FROM contribution c WHERE strpos(coalesce(c.title, '') || ' ' || c.body, value) > 0)
                """
            ).map { try $0.decode(column: 0) }
        }
        #expect(personal.count > 50)

        let purge = try await scene.services.personalData.purge(congressSlug: "agen-2026")
        #expect(purge.participants > 50 && purge.secrets >= 3)
        #expect(try await scene.services.personalData.purge(congressSlug: "agen-2026") == .init(participants: 0, secrets: 0))

        let after = try await scene.services.exports.briefing(request, by: .commandLine)
        #expect(after.figures == before.figures)
        #expect(Self.withoutAuthors(after) == Self.withoutAuthors(before))
        #expect(try await Self.tallies(scene.pool) == tallies)
        // Every row of every table, as text: none says who anyone was.
        let rows: [String: String] = try await scene.pool.withConnection { connection in
            let tables: [String] = try connection.query(
                "SELECT quote_ident(table_name::text) FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'"
            ).map { try $0.decode(column: 0) }
            var rows: [String: String] = [:]
            for table in tables {
                rows[table] = try connection.query("SELECT coalesce(string_agg(t::text, E'\\n'), '') FROM \(table) t").first!.decode(column: 0)
            }
            return rows
        }
        #expect(rows.count > 15)
        for (table, text) in rows {
            let found = personal.filter { text.contains($0) }
            #expect(found.isEmpty, "\(table) still holds \(found.prefix(3))")
        }
        for table in ["access_token", "badge_code", "page_session"] { #expect(rows[table] == "", "\(table)") }
        try await scene.pool.shutdown()
    }
}
