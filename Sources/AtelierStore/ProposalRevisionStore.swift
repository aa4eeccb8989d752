import AtelierCore
import Foundation
import Postgres

/// The history of a proposal, written by `ProposalStore.recordChange` and never changed.
public enum ProposalRevisionStore {
    /// Revisions in version order, from just after `afterVersion`.
    public static func revisions(proposalID: UUID, afterVersion: Int, limit: Int?, in connection: Connection) throws -> [ProposalRevision] {
        try connection.query(
            "SELECT \(columns) FROM proposal_revision WHERE proposal_id = $1 AND version > $2 ORDER BY version LIMIT $3",
            [proposalID, afterVersion, limit]
        ).map(decode)
    }

    public static func revision(proposalID: UUID, version: Int, in connection: Connection) throws -> ProposalRevision? {
        try connection.query(
            "SELECT \(columns) FROM proposal_revision WHERE proposal_id = $1 AND version = $2", [proposalID, version]
        ).first.map(decode)
    }

    static let columns = """
        proposal_id, version, action, actor_id, at, title, synthesis, status, position, source_ids, deleted, merged_into,
        previous_title, previous_synthesis, previous_status, previous_position, previous_source_ids, previous_deleted,
        previous_merged_into
        """

    static func decode(_ row: PostgresRow) throws -> ProposalRevision {
        let (proposalID, version, action, actorID, at) = try row.decode((UUID, Int, ConsolidationAction, UUID, Date).self)
        let (title, synthesis, status, position, sources, deleted, mergedInto) = try row.decode(
            (String, String, ProposalStatus, Int, [UUID], Bool, UUID?).self, from: 5)
        let (oldTitle, oldSynthesis, oldStatus, oldPosition, oldSources, oldDeleted, oldMergedInto) = try row.decode(
            (String?, String?, ProposalStatus?, Int?, [UUID]?, Bool?, UUID?).self, from: 12)
        var previous: ProposalSnapshot?
        if let oldTitle, let oldSynthesis, let oldStatus, let oldPosition, let oldSources, let oldDeleted {
            previous = ProposalSnapshot(
                title: oldTitle, synthesis: oldSynthesis, status: oldStatus, position: oldPosition,
                sourceIDs: oldSources, deleted: oldDeleted, mergedInto: oldMergedInto)
        }
        return ProposalRevision(
            proposalID: proposalID, version: version, action: action, actorID: actorID, at: at,
            state: ProposalSnapshot(
                title: title, synthesis: synthesis, status: status, position: position,
                sourceIDs: sources, deleted: deleted, mergedInto: mergedInto),
            previous: previous)
    }
}
