import AtelierCore
import Foundation
import Postgres

/// The audit log (`sql/015_audit_log.sql`): append-only, the database refuses the rest.
public enum AuditStore {
    public static func append(
        congressID: UUID, actorID: UUID?, action: AuditAction, target: String, detail: [String: String] = [:], requestID: String?,
        in connection: Connection
    ) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        try connection.execute(
            """
            INSERT INTO audit_log (congress_id, actor_id, action, target, detail, request_id)
            VALUES ($1, $2, $3, $4, $5::jsonb, $6)
            """,
            [congressID, actorID, action.rawValue, target, String(decoding: try encoder.encode(detail), as: UTF8.self), requestID])
    }

    /// The congress's lines, newest first: those before `beforeID` when given, of one action when given.
    public static func entries(
        congressID: UUID, action: AuditAction? = nil, beforeID: Int64? = nil, limit: Int, in connection: Connection
    ) throws -> [AuditEntry] {
        try connection.query(
            """
            SELECT a.id, a.congress_id, a.actor_id, p.display_name, a.action, a.target, a.detail::text, a.request_id, a.at
            FROM audit_log a LEFT JOIN participant p ON p.id = a.actor_id
            WHERE a.congress_id = $1 AND ($2::text IS NULL OR a.action = $2) AND ($3::bigint IS NULL OR a.id < $3)
            ORDER BY a.id DESC LIMIT $4
            """, [congressID, action?.rawValue, beforeID, limit]
        ).map { row in
            let (id, congress, actor, name, action, target, detail, request, at) = try row.decode(
                (Int64, UUID, UUID?, String?, String, String, String, String?, Date).self)
            return AuditEntry(
                id: id, congressID: congress, actorID: actor, actorName: name, action: AuditAction(rawValue: action)!, target: target,
                detail: try JSONDecoder().decode([String: String].self, from: Data(detail.utf8)), requestID: request, at: at)
        }
    }
}
