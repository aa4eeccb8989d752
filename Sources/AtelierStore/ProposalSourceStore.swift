import AtelierCore
import Foundation
import Postgres

/// A source row as it moves between proposals: who added it, when, and why.
public struct SourceRow: Sendable, Equatable {
    public var contributionID: UUID
    public var isPrimary: Bool
    public var note: String?
    public var addedBy: UUID
    /// Nil for now.
    public var addedAt: Date?

    public init(contributionID: UUID, isPrimary: Bool, note: String?, addedBy: UUID, addedAt: Date?) {
        self.contributionID = contributionID
        self.isPrimary = isPrimary
        self.note = note
        self.addedBy = addedBy
        self.addedAt = addedAt
    }
}

/// The contributions each proposal was made from, and which proposal each mainly feeds.
public enum ProposalSourceStore {
    /// Sources of the given proposals with their contributions as they read now, most
    /// supported first.
    public static func sources(proposalIDs: [UUID], in connection: Connection) throws -> [UUID: [ProposalSource]] {
        guard !proposalIDs.isEmpty else { return [:] }
        var sources: [UUID: [ProposalSource]] = [:]
        for row in try connection.query(
            """
            SELECT ps.proposal_id, ps.contribution_id, ps.is_primary, ps.note, ps.added_by, ps.added_at, \(contributionColumns)
            FROM proposal_source ps
            JOIN contribution c ON c.id = ps.contribution_id
            JOIN participant a ON a.id = c.author_id
            WHERE ps.proposal_id = ANY($1)
            ORDER BY ps.proposal_id, c.support DESC, c.created_at, c.id
            """, [proposalIDs])
        {
            let (proposalID, contributionID, isPrimary, note, addedBy, addedAt) = try row.decode((UUID, UUID, Bool, String?, UUID, Date).self)
            let contribution = try decodeContribution(row, from: 6)
            sources[proposalID, default: []].append(
                ProposalSource(
                    contributionID: contributionID, isPrimary: isPrimary, note: note, addedBy: addedBy, addedAt: addedAt,
                    contribution: contribution))
        }
        return sources
    }

    /// A contribution with its author as a source shows it; `c` is the contribution and `a` its author.
    static let contributionColumns = """
        c.title, c.body, c.status, c.author_id, a.display_name, a.named, a.organisation,
        c.agree_count, c.disagree_count, c.pass_count, c.created_at
        """

    static func decodeContribution(_ row: PostgresRow, from start: Int) throws -> SourceContribution {
        let (title, body, status, authorID, authorName, named, organisation, agree, disagree, pass, createdAt) = try row.decode(
            (String?, String, ContributionStatus, UUID, String, Bool, String?, Int, Int, Int, Date).self, from: start)
        return SourceContribution(
            title: title, body: body, status: status, authorID: authorID,
            authorName: authorName, authorNamed: named, organisation: organisation,
            votes: VoteTally(agree: agree, disagree: disagree, pass: pass), createdAt: createdAt)
    }

    /// The rows of one proposal, to carry them elsewhere with their provenance.
    public static func rows(proposalID: UUID, in connection: Connection) throws -> [SourceRow] {
        try connection.query(
            """
            SELECT contribution_id, is_primary, note, added_by, added_at FROM proposal_source
            WHERE proposal_id = $1 ORDER BY added_at, contribution_id
            """, [proposalID]
        ).map { row in
            let (id, isPrimary, note, addedBy, addedAt) = try row.decode((UUID, Bool, String?, UUID, Date).self)
            return SourceRow(contributionID: id, isPrimary: isPrimary, note: note, addedBy: addedBy, addedAt: addedAt)
        }
    }

    /// Adds rows to a proposal; a contribution it already has keeps its row. Primaries are
    /// written last, after `clearPrimaries` made room for them. Returns how many were added.
    @discardableResult
    public static func insert(
        _ rows: [SourceRow], proposalID: UUID, workshopID: UUID, congressID: UUID, in connection: Connection
    ) throws -> Int {
        guard !rows.isEmpty else { return 0 }
        return try connection.execute(
            """
            INSERT INTO proposal_source (congress_id, workshop_id, proposal_id, contribution_id, is_primary, note, added_by, added_at)
            SELECT $1, $2, $3, c, p, n, b, coalesce(t, now())
            FROM unnest($4::uuid[], $5::bool[], $6::text[], $7::uuid[], $8::timestamptz[]) AS r (c, p, n, b, t)
            ON CONFLICT (proposal_id, contribution_id) DO NOTHING
            """,
            [
                congressID, workshopID, proposalID, rows.map(\.contributionID), rows.map(\.isPrimary), rows.map(\.note),
                rows.map(\.addedBy), rows.map(\.addedAt),
            ])
    }

    @discardableResult
    public static func delete(contributionIDs: [UUID], proposalID: UUID, in connection: Connection) throws -> Int {
        try connection.execute(
            "DELETE FROM proposal_source WHERE proposal_id = $1 AND contribution_id = ANY($2)", [proposalID, contributionIDs])
    }

    public static func setNote(_ note: String?, contributionID: UUID, proposalID: UUID, in connection: Connection) throws {
        try connection.execute(
            "UPDATE proposal_source SET note = $3 WHERE proposal_id = $1 AND contribution_id = $2", [proposalID, contributionID, note])
    }

    /// A retired proposal no longer stands for its contributions.
    public static func clearPrimaries(proposalIDs: [UUID], in connection: Connection) throws {
        try connection.execute("UPDATE proposal_source SET is_primary = false WHERE proposal_id = ANY($1) AND is_primary", [proposalIDs])
    }

    /// Makes this proposal the one the contributions mainly feed (those it has as sources).
    public static func makePrimary(contributionIDs: [UUID], proposalID: UUID, in connection: Connection) throws {
        guard !contributionIDs.isEmpty else { return }
        try connection.execute(
            "UPDATE proposal_source SET is_primary = false WHERE contribution_id = ANY($1) AND proposal_id <> $2 AND is_primary",
            [contributionIDs, proposalID])
        try connection.execute(
            "UPDATE proposal_source SET is_primary = true WHERE contribution_id = ANY($1) AND proposal_id = $2", [contributionIDs, proposalID])
    }

    /// Each given contribution that feeds a live proposal but has no primary one gets one: the
    /// first of those proposals in the workshop's order.
    public static func assignMissingPrimaries(contributionIDs: [UUID], in connection: Connection) throws {
        guard !contributionIDs.isEmpty else { return }
        try connection.execute(
            """
            UPDATE proposal_source ps SET is_primary = true
            FROM (
                SELECT DISTINCT ON (s.contribution_id) s.proposal_id, s.contribution_id
                FROM proposal_source s
                JOIN proposal p ON p.id = s.proposal_id AND p.deleted_at IS NULL
                WHERE s.contribution_id = ANY($1)
                  AND NOT EXISTS (SELECT 1 FROM proposal_source o WHERE o.contribution_id = s.contribution_id AND o.is_primary)
                ORDER BY s.contribution_id, p.position, p.created_at, p.id
            ) pick
            WHERE ps.proposal_id = pick.proposal_id AND ps.contribution_id = pick.contribution_id
            """, [contributionIDs])
    }

    /// The statuses of the given contributions that belong to the workshop; the others are absent.
    public static func contributionStatuses(ids: [UUID], workshopID: UUID, in connection: Connection) throws -> [UUID: ContributionStatus] {
        var statuses: [UUID: ContributionStatus] = [:]
        for row in try connection.query(
            "SELECT id, status FROM contribution WHERE workshop_id = $1 AND id = ANY($2)", [workshopID, ids])
        {
            let (id, status) = try row.decode((UUID, ContributionStatus).self)
            statuses[id] = status
        }
        return statuses
    }

    /// Contributions of the workshop that no live proposal was made from: what an export
    /// lists as not retained.
    public static func unretained(workshopID: UUID, in connection: Connection) throws -> [UUID] {
        try connection.query(
            """
            SELECT c.id FROM contribution c
            WHERE c.workshop_id = $1 AND c.status = 'published'
              AND NOT EXISTS (SELECT 1 FROM proposal_source s JOIN proposal p ON p.id = s.proposal_id AND p.deleted_at IS NULL
                              WHERE s.contribution_id = c.id)
            ORDER BY c.created_at, c.id
            """, [workshopID]
        ).map { try $0.decode(column: 0) }
    }
}
