import ArgumentParser
import AtelierStore
import Postgres

struct Migrate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Apply the migrations of sql/ that the database lacks.")

    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        let pool = try database.pool()
        do {
            let applied = try await Migrator(pool: pool, migrations: try database.migrations()).migrate()
            print(applied.isEmpty ? "The database is up to date." : "Applied: \(applied.joined(separator: ", ")).")
        } catch {
            try? await pool.shutdown()
            throw error
        }
        try await pool.shutdown()
    }
}
