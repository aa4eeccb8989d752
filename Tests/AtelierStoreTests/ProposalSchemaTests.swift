import AtelierTestSupport
import Foundation
import Postgres
import Testing

/// What the database itself guarantees about proposals, whatever the service does.
@Suite struct ProposalSchemaTests {
    struct Rows {
        let congress: UUID
        let workshops: [UUID]
        let participant: UUID
        /// One contribution in each workshop.
        let contributions: [UUID]
        let proposal: UUID
    }

    /// A congress with two workshops, one contribution in each, and a proposal in the first.
    func rows(_ connection: Connection) throws -> Rows {
        let congress: UUID = try connection.query(
            "INSERT INTO congress (slug, title, place, starts_on, ends_on) VALUES ('c', 'C', 'Agen', '2026-01-29', '2026-01-30') RETURNING id"
        ).first!.decode(column: 0)
        let workshops: [UUID] = try ["un", "deux"].map { slug in
            try connection.query("INSERT INTO workshop (congress_id, slug, title) VALUES ($1, $2, $2) RETURNING id", [congress, slug]).first!.decode(
                column: 0)
        }
        let participant: UUID = try connection.query(
            "INSERT INTO participant (congress_id, display_name, role) VALUES ($1, 'Lead', 'lead') RETURNING id", [congress]
        ).first!.decode(column: 0)
        let contributions: [UUID] = try workshops.map { workshop in
            try connection.query(
                "INSERT INTO contribution (congress_id, workshop_id, author_id, body) VALUES ($1, $2, $3, 'Idée') RETURNING id",
                [congress, workshop, participant]
            ).first!.decode(column: 0)
        }
        let proposal: UUID = try connection.query(
            "INSERT INTO proposal (congress_id, workshop_id, title, created_by, updated_by) VALUES ($1, $2, 'P', $3, $3) RETURNING id",
            [congress, workshops[0], participant]
        ).first!.decode(column: 0)
        return Rows(congress: congress, workshops: workshops, participant: participant, contributions: contributions, proposal: proposal)
    }

    func source(_ rows: Rows, proposal: UUID, contribution: UUID, primary: Bool, in connection: Connection) throws {
        try connection.execute(
            """
            INSERT INTO proposal_source (congress_id, workshop_id, proposal_id, contribution_id, is_primary, added_by)
            VALUES ($1, $2, $3, $4, $5, $6)
            """, [rows.congress, rows.workshops[0], proposal, contribution, primary, rows.participant])
    }

    @Test func sourcesStayInTheirWorkshopAndAContributionHasOnePrimaryProposal() async throws {
        let pool = ConnectionPool(.init(url: try await TestDatabase.migrated(), size: 1))
        try await pool.withConnection { connection in
            let rows = try rows(connection)
            try source(rows, proposal: rows.proposal, contribution: rows.contributions[0], primary: true, in: connection)
            let elsewhere = #expect(throws: PostgresError.self) {
                try source(rows, proposal: rows.proposal, contribution: rows.contributions[1], primary: false, in: connection)
            }
            #expect(elsewhere?.kind == .foreignKeyViolation)
            let other: UUID = try connection.query(
                "INSERT INTO proposal (congress_id, workshop_id, title, created_by, updated_by) VALUES ($1, $2, 'Q', $3, $3) RETURNING id",
                [rows.congress, rows.workshops[0], rows.participant]
            ).first!.decode(column: 0)
            let secondPrimary = #expect(throws: PostgresError.self) {
                try source(rows, proposal: other, contribution: rows.contributions[0], primary: true, in: connection)
            }
            #expect(secondPrimary?.constraint == "proposal_source_one_primary")
            try source(rows, proposal: other, contribution: rows.contributions[0], primary: false, in: connection)
        }
        try await pool.shutdown()
    }

    @Test func versionsStatusesAndRetirementAreChecked() async throws {
        let pool = ConnectionPool(.init(url: try await TestDatabase.migrated(), size: 1))
        try await pool.withConnection { connection in
            let rows = try rows(connection)
            for statement in [
                "UPDATE proposal SET version = 0 WHERE id = $1",
                "UPDATE proposal SET status = 'archived' WHERE id = $1",
                "UPDATE proposal SET merged_into = id, deleted_at = now(), deleted_by = created_by WHERE id = $1",
                "UPDATE proposal SET deleted_at = now() WHERE id = $1",
                "UPDATE proposal SET status = 'published', deleted_at = now(), deleted_by = created_by WHERE id = $1",
            ] {
                let error = #expect(throws: PostgresError.self, "\(statement)") { try connection.execute(statement, [rows.proposal]) }
                #expect(error?.kind == .checkViolation, "\(statement)")
            }
            // A revision after the first must carry the state before it.
            let revision = #expect(throws: PostgresError.self) {
                try connection.execute(
                    """
                    INSERT INTO proposal_revision (congress_id, workshop_id, proposal_id, version, action, actor_id, title, synthesis, status,
                                                   position, source_ids, deleted)
                    VALUES ($1, $2, $3, 2, 'edit', $4, 'P', '', 'draft', 0, '{}', false)
                    """, [rows.congress, rows.workshops[0], rows.proposal, rows.participant])
            }
            #expect(revision?.kind == .checkViolation)
        }
        try await pool.shutdown()
    }

    @Test func theLogAndTheRevisionsAreAppendOnly() async throws {
        let pool = ConnectionPool(.init(url: try await TestDatabase.migrated(), size: 1))
        try await pool.withConnection { connection in
            let rows = try rows(connection)
            try connection.execute(
                """
                INSERT INTO proposal_revision (congress_id, workshop_id, proposal_id, version, action, actor_id, title, synthesis, status,
                                               position, source_ids, deleted)
                VALUES ($1, $2, $3, 1, 'create', $4, 'P', '', 'draft', 0, '{}', false)
                """, [rows.congress, rows.workshops[0], rows.proposal, rows.participant])
            try connection.execute(
                """
                INSERT INTO consolidation_log (congress_id, workshop_id, actor_id, action, proposal_ids_after)
                VALUES ($1, $2, $3, 'create', ARRAY[$4::uuid])
                """, [rows.congress, rows.workshops[0], rows.participant, rows.proposal])
            for statement in [
                "UPDATE consolidation_log SET action = 'delete'", "DELETE FROM consolidation_log", "TRUNCATE consolidation_log",
                "UPDATE proposal_revision SET title = 'Autre'", "DELETE FROM proposal_revision", "TRUNCATE proposal_revision",
            ] {
                #expect(throws: PostgresError.self, "\(statement)") { try connection.execute(statement) }
            }
            #expect(try connection.query("SELECT count(*)::int FROM consolidation_log").first!.decode(column: 0, as: Int.self) == 1)
            // A workshop with a consolidation history cannot disappear with it.
            #expect(throws: PostgresError.self) { try connection.execute("DELETE FROM workshop WHERE id = $1", [rows.workshops[0]]) }
        }
        try await pool.shutdown()
    }
}
