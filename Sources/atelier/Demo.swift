import ArgumentParser
import AtelierCore
import AtelierDemo
import AtelierServices
import Foundation

struct Demo: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Load the demo congress (Agen, 29–30 January 2026). Safe to run again.")

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var model: ModelOptions
    @Option(help: "The address the pages are served at, for the personal links printed.")
    var site = "http://127.0.0.1:8080"

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
        print("Personal links to the pages (each code is shown once; a new `atelier demo` issues new ones):")
        for badge in summary.badgeCodes {
            print(
                "  \(badge.role.rawValue.padding(toLength: 8, withPad: " ", startingAt: 0)) \(badge.name): \(site)/entrer/\(badge.code)  (code \(badge.code))"
            )
        }
    }
}
