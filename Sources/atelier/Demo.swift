import ArgumentParser
import AtelierCore
import AtelierServices
import Foundation
import Postgres

struct Demo: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Load the demo congress (Agen, 29–30 January 2026). Safe to run again.")

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var model: ModelOptions
    @Option(help: "The address the pages are served at, for the personal links printed.")
    var site = "http://127.0.0.1:8080"

    func run() async throws {
        let pool = try database.pool()
        let embeddings = model.embeddings(pool: pool)
        if case .unavailable(let reason) = embeddings.availability {
            printError("atelier demo: the first clusterings group on words alone: \(reason)")
        }
        let result = await outcome { try await Services(pool: pool, embeddings: embeddings).demo.load() }
        try? await embeddings.shutdown()
        try? await pool.shutdown()
        let summary = try result.get()
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

/// Runs `body` and keeps its error, so the pool can be shut down before the error is thrown.
func outcome<T>(_ body: () async throws -> T) async -> Result<T, any Error> {
    do { return .success(try await body()) } catch { return .failure(error) }
}
