import ArgumentParser
import AtelierServices

struct Migrate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Apply the migrations of sql/ that the database lacks.")

    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        let applied = try await database.withServices(straightToServer: true) { try await $0.schema.migrate(from: try database.migrations()) }
        print(applied.isEmpty ? "The database is up to date." : "Applied: \(applied.joined(separator: ", ")).")
    }
}
