import ArgumentParser
import AtelierDemo
import AtelierServices

struct Demo: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Load the demo congress (Agen, 29–30 January 2026). Safe to run again.")

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var model: ModelOptions

    func run() async throws {
        let summary = try await database.withServices(embeddings: model.choice()) { services in
            if case .unavailable(let reason) = services.embeddings.availability {
                printError("atelier demo: the first clusterings group on words alone: \(reason)")
            }
            return try await DemoLoader(services: services).load()
        }
        print(
            """
            Demo congress "\(summary.congressSlug)": \(summary.workshops) workshops, \(summary.participants) participants, \
            \(summary.contributions) contributions, \(summary.votes) votes.
            Admin access token (shown once): \(summary.adminToken)
            """)
    }
}
