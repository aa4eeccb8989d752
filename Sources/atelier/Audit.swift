import ArgumentParser
import AtelierCore
import AtelierServices
import Foundation

struct Audit: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print a congress's audit log, newest first: imports, revocations, moderation, publications, exports.",
        discussion:
            "One line each, tab-separated: time (UTC), who (\"command line\" for this tool), action, target, request id (\"-\" outside a request), details."
    )

    @OptionGroup var database: DatabaseOptions
    @Option(help: "The congress's slug, e.g. agen-2026.") var congress: String
    @Option(help: "How many lines, newest first.") var limit = 100

    func run() async throws {
        let entries = try await database.withServices { try await $0.audit.entries(congressSlug: congress, limit: limit) }
        let time = ISO8601DateFormatter()
        for entry in entries {
            let who = entry.actorID.map { "\(entry.actorName ?? "?") (\($0.json))" } ?? "command line"
            let detail = entry.detail.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " ")
            print([time.string(from: entry.at), who, entry.action.rawValue, entry.target, entry.requestID ?? "-", detail].joined(separator: "\t"))
        }
    }
}
