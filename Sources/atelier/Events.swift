import ArgumentParser
import AtelierServices
import Postgres

struct Events: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Manage the workshops' live events.", subcommands: [Prune.self])

    struct Prune: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Delete live events older than some days.",
            discussion: "Clients that resume from before the deleted events are told to reload what they show.")

        @OptionGroup var database: DatabaseOptions
        @Option(help: "Keep the events of the last DAYS days.") var olderThanDays: Int

        func run() async throws {
            let pool = try database.pool()
            let result = await outcome { try await Services(pool: pool).events.prune(olderThanDays: olderThanDays) }
            try? await pool.shutdown()
            do {
                print("Deleted \(try result.get()) event(s).")
            } catch let error as ServiceError {
                throw ValidationError(error.description)
            }
        }
    }
}
