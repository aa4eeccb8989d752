import AtelierCore
import Foundation
import Postgres

/// A request made with an Idempotency-Key, as the log remembers it.
public struct IdempotentRequest: Sendable, Equatable {
    public var key: String
    /// SHA-256 of what was asked, so the key cannot be reused for another request.
    public var digest: String

    public init(key: String, digest: String) {
        self.key = key
        self.digest = digest
    }
}

/// The append-only log of consolidation actions (the database refuses updates and deletes).
public enum ConsolidationLogStore {
    /// Serialises consolidation within one workshop until the transaction ends: leads act a
    /// few times a minute, and one at a time keeps positions, primaries and retries simple.
    public static func lockWorkshop(_ workshopID: UUID, in connection: Connection) throws {
        _ = try connection.query("SELECT pg_advisory_xact_lock(hashtextextended('consolidation ' || $1::text, 0))", [workshopID])
    }

    @discardableResult
    public static func append(
        congressID: UUID, workshopID: UUID, actorID: UUID, action: ConsolidationAction, before: [UUID], after: [UUID],
        contributions: [UUID] = [], detail: [String: String] = [:], request: IdempotentRequest? = nil, in connection: Connection
    ) throws -> Int64 {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return try connection.query(
            """
            INSERT INTO consolidation_log (congress_id, workshop_id, actor_id, action, proposal_ids_before, proposal_ids_after,
                                           contribution_ids, detail, idempotency_key, request_digest)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8::jsonb, $9, $10)
            RETURNING id
            """,
            [
                congressID, workshopID, actorID, action.rawValue, before, after, contributions,
                String(decoding: try encoder.encode(detail), as: UTF8.self), request?.key, request?.digest,
            ]
        ).first!.decode(column: 0)
    }

    /// The entry an earlier request with this key left, if any.
    public static func entry(actorID: UUID, idempotencyKey: String, in connection: Connection) throws -> (ConsolidationEntry, digest: String)? {
        try connection.query(
            "SELECT \(columns), request_digest FROM consolidation_log WHERE actor_id = $1 AND idempotency_key = $2", [actorID, idempotencyKey]
        ).first.map { (try decode($0), try $0.decode(column: 9)) }
    }

    /// The workshop's entries, newest first, from just before `beforeID`.
    public static func entries(workshopID: UUID, beforeID: Int64?, limit: Int, in connection: Connection) throws -> [ConsolidationEntry] {
        try connection.query(
            """
            SELECT \(columns) FROM consolidation_log
            WHERE workshop_id = $1 AND ($2::bigint IS NULL OR id < $2)
            ORDER BY id DESC LIMIT $3
            """, [workshopID, beforeID, limit]
        ).map(decode)
    }

    static let columns =
        "id, workshop_id, actor_id, action, proposal_ids_before, proposal_ids_after, contribution_ids, detail::text, at"

    static func decode(_ row: PostgresRow) throws -> ConsolidationEntry {
        let (id, workshopID, actorID, action, before, after, contributions, detail, at) = try row.decode(
            (Int64, UUID, UUID, ConsolidationAction, [UUID], [UUID], [UUID], String, Date).self)
        return ConsolidationEntry(
            id: id, workshopID: workshopID, actorID: actorID, action: action,
            proposalsBefore: before, proposalsAfter: after, contributions: contributions,
            detail: (try? JSONDecoder().decode([String: String].self, from: Data(detail.utf8))) ?? [:], at: at)
    }
}
