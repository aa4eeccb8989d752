import AtelierStore
import Foundation

/// The database schema against the migrations of a folder (`sql/`): apply what is missing, or
/// refuse a database this build does not match.
public struct SchemaService: Sendable {
    let database: Database

    /// Applies each missing migration in its own transaction; the names applied, in order.
    public func migrate(from folder: URL) async throws -> [String] {
        try await Migrator(pool: database.pool, migrations: try Migrator.load(directory: folder)).migrate()
    }

    /// Throws when a migration is missing, unknown to this build, or was edited after it was applied.
    public func verify(against folder: URL) async throws {
        try await Migrator(pool: database.pool, migrations: try Migrator.load(directory: folder)).verify()
    }
}
