import ArgumentParser
import AtelierServices

struct Sessions: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Manage the pages' browser sessions.", subcommands: [Prune.self])

    struct Prune: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Delete the browser sessions that ended or expired more than some days ago.",
            discussion: "Live sessions are kept: nobody is signed out by this.")

        @OptionGroup var database: DatabaseOptions
        @Option(help: "Keep the sessions that ended within the last DAYS days.") var olderThanDays: Int

        func run() async throws {
            let deleted = try await database.withServices { try await $0.sessions.prune(olderThanDays: olderThanDays) }
            print("Deleted \(deleted) session(s).")
        }
    }
}
