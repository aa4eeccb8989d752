import ArgumentParser
import AtelierServices

struct Events: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Manage the workshops' live events.", subcommands: [Prune.self])

    struct Prune: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Delete live events older than some days.",
            discussion: "Clients that resume from before the deleted events are told to reload what they show.")

        @OptionGroup var database: DatabaseOptions
        @Option(help: "Keep the events of the last DAYS days.") var olderThanDays: Int

        func run() async throws {
            let deleted = try await database.withServices { try await $0.events.prune(olderThanDays: olderThanDays) }
            print("Deleted \(deleted) event(s).")
        }
    }
}
