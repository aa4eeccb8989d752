import ArgumentParser
import AtelierExport
import AtelierServices
import Foundation

struct ExportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write the ministry briefing of a congress, or the data behind it, to a file.",
        discussion: """
            odt, docx, html and md are the briefing; csv is a zip of contributions.csv, votes.csv, proposals.csv and \
            proposal_sources.csv (UTF-8 with BOM, ';'); json is the whole briefing, with ids. The same data always gives \
            the same bytes, except raw votes, whose pseudonyms are drawn afresh for each export. congress-json is \
            the whole congress with its participants and each vote, for `atelier import` into another database.
            """)

    @OptionGroup var database: DatabaseOptions

    @Option(help: "The congress's slug, e.g. agen-2026.") var congress: String
    @Option(help: "odt, docx, html, md, csv, json, or congress-json (the whole congress, for atelier import).")
    var format: ExportCommandFormat
    @Option(help: "The file to write (replaced if it exists).") var output: String
    @Option(help: "Only this workshop (its slug).") var workshop: String?
    @Option(help: "published: the proposals published to the room; all: drafts and validated ones too.") var status: ExportStatus = .published
    @Flag(help: "With csv: votes.csv lists every vote under a pseudonym instead of a tally per contribution.") var rawVotes = false
    @Flag(help: "Print the time the export took, from the first query to the last byte (process start excluded), to standard error.")
    var timing = false

    func validate() throws {
        if rawVotes && format != .briefing(.csv) { throw ValidationError("--raw-votes goes with --format csv") }
        if workshop != nil && format == .congress { throw ValidationError("congress-json is the whole congress: no --workshop") }
    }

    func run() async throws {
        let started = ContinuousClock.now
        let file = try await database.withServices { services in
            switch format {
            case .congress:
                return try await services.dumps.dump(congressSlug: congress)
            case .briefing(let format):
                let request = ExportRequest(
                    congressSlug: congress, workshopSlug: workshop, status: status, format: format, votes: rawVotes ? .raw : .aggregated)
                return try await services.exports.export(request, by: .commandLine)
            }
        }
        let elapsed = ContinuousClock.now - started
        try Data(file.bytes).write(to: URL(fileURLWithPath: output), options: .atomic)
        printError("Wrote \(output) (\(file.bytes.count) bytes, \(file.mediaType)).")
        if timing {
            let milliseconds = elapsed / .milliseconds(1)
            printError("atelier export: \(format.name) in \(String(format: "%.1f", milliseconds)) ms")
        }
    }
}

/// What --format accepts: a format of the briefing, or the whole congress, which is not a
/// briefing and has no route (see CongressDumpService).
enum ExportCommandFormat: ExpressibleByArgument, Equatable {
    case briefing(ExportFormat)
    case congress

    static let congressName = "congress-json"

    init?(argument: String) {
        if argument == Self.congressName {
            self = .congress
        } else if let format = ExportFormat(rawValue: argument) {
            self = .briefing(format)
        } else {
            return nil
        }
    }

    var name: String {
        switch self {
        case .briefing(let format): format.rawValue
        case .congress: Self.congressName
        }
    }

    static var allValueStrings: [String] { ExportFormat.allCases.map(\.rawValue) + [congressName] }
}
extension ExportStatus: ExpressibleByArgument {}
