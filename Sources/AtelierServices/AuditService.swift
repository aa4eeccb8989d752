import AtelierCore
import AtelierStore
import Foundation
import Postgres

/// Reading the audit log. Lines are written by the services that act, in the action's own
/// transaction (`AuditStore.append`).
public struct AuditService: Sendable {
    let database: Database

    public static let defaultPageSize = 50

    public init(pool: ConnectionPool) { self.database = Database(pool: pool) }

    /// The congress's lines, newest first, for its admins: the organisers answer for them.
    public func page(congressSlug: String, action: AuditAction?, cursor: String?, limit: Int?, for reader: Participant) async throws -> Page<
        AuditEntry
    > {
        try reader.mustAdminister(to: "read the audit log")
        let limit = try PageSize.checked(limit, default: Self.defaultPageSize)
        let before = try ProposalService.position(cursor, in: Self.list).map { parts in
            guard let id = Paginator.bigInteger(parts[0]) else { throw ProposalService.foreignCursor }
            return id
        }
        return try await database.withConnection { connection in
            guard let congress = try CongressStore.congress(slug: congressSlug, in: connection), congress.id == reader.congressID else {
                throw ServiceError.notFound("no congress \"\(congressSlug)\"")
            }
            let entries = try AuditStore.entries(congressID: congress.id, action: action, beforeID: before, limit: limit + 1, in: connection)
            return Self.list.page(entries, limit: limit) { [String($0.id)] }
        }
    }

    static let list = Paginator(list: "audit", width: 1)

    /// The command line acts as the organisers, on any congress: newest first.
    public func entries(congressSlug: String, limit: Int = 100) async throws -> [AuditEntry] {
        guard (1...10_000).contains(limit) else { throw ServiceError.invalid(field: "limit", reason: "must be 1 to 10000") }
        return try await database.withConnection { connection in
            guard let congress = try CongressStore.congress(slug: congressSlug, in: connection) else {
                throw ServiceError.notFound("no congress \"\(congressSlug)\"")
            }
            return try AuditStore.entries(congressID: congress.id, limit: limit, in: connection)
        }
    }
}
