import AtelierCore
import Foundation
import Postgres

/// One vote as the raw votes export needs it: the voter is turned into a pseudonym later.
public struct RecordedVote: Sendable, Equatable {
    public var contributionID: UUID
    public var participantID: UUID
    public var value: VoteValue
    /// When the vote took its current value: the last vote counts.
    public var votedAt: Date

    public init(contributionID: UUID, participantID: UUID, value: VoteValue, votedAt: Date) {
        self.contributionID = contributionID
        self.participantID = participantID
        self.value = value
        self.votedAt = votedAt
    }
}

/// What the ministry briefing reads besides proposals (`ProposalStore.records`) and the
/// congress's structure (`CongressStore`).
public enum BriefingStore {
    public static func figures(congressID: UUID, in connection: Connection) throws -> CongressFigures {
        let (participants, organisations, contributions, votes, workshops) = try connection.query(
            """
            SELECT (SELECT count(*)::int FROM participant WHERE congress_id = $1 AND role <> 'display' AND NOT anonymous_voter),
                   (SELECT count(DISTINCT organisation)::int FROM participant WHERE congress_id = $1 AND role <> 'display'),
                   (SELECT count(*)::int FROM contribution WHERE congress_id = $1 AND status = 'published'),
                   (SELECT count(*)::int FROM vote v JOIN contribution c ON c.id = v.contribution_id
                    WHERE v.congress_id = $1 AND c.status = 'published'),
                   (SELECT count(*)::int FROM workshop WHERE congress_id = $1)
            """, [congressID]
        ).first!.decode((Int, Int, Int, Int, Int).self)
        return CongressFigures(
            participants: participants, organisations: organisations, contributions: contributions, votes: votes, workshops: workshops)
    }

    /// The given contributions with their authors, by id.
    public static func contributions(ids: [UUID], in connection: Connection) throws -> [UUID: SourceContribution] {
        guard !ids.isEmpty else { return [:] }
        var contributions: [UUID: SourceContribution] = [:]
        for row in try connection.query(
            """
            SELECT c.id, \(ProposalSourceStore.contributionColumns)
            FROM contribution c JOIN participant a ON a.id = c.author_id
            WHERE c.id = ANY($1)
            """, [ids])
        {
            contributions[try row.decode(column: 0)] = try ProposalSourceStore.decodeContribution(row, from: 1)
        }
        return contributions
    }

    /// Every vote on the given contributions, one by one.
    public static func votes(contributionIDs: [UUID], in connection: Connection) throws -> [RecordedVote] {
        guard !contributionIDs.isEmpty else { return [] }
        return try connection.query(
            """
            SELECT contribution_id, participant_id, value, updated_at FROM vote
            WHERE contribution_id = ANY($1) ORDER BY contribution_id, updated_at, participant_id
            """, [contributionIDs]
        ).map { row in
            let (contributionID, participantID, value, votedAt) = try row.decode((UUID, UUID, VoteValue, Date).self)
            return RecordedVote(
                contributionID: contributionID, participantID: participantID, value: value, votedAt: votedAt)
        }
    }
}
