import AtelierCore
import AtelierStore
import Foundation
import Postgres

/// Reading the audit log. Lines are written by the services that act, in the action's own
/// transaction (`AuditStore.append`).
public struct AuditService: Sendable {
    let database: Database

    public init(pool: ConnectionPool) { self.database = Database(pool: pool) }

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
