import ArgumentParser
import AtelierExport
import AtelierServices
import Foundation
import Postgres

struct ExportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write the ministry briefing of a congress, or the data behind it, to a file.",
        discussion: """
            odt, docx, html and md are the briefing; csv is a zip of contributions.csv, votes.csv, proposals.csv and \
            proposal_sources.csv (UTF-8 with BOM, ';'); json is the whole briefing, with ids. The same data always gives \
            the same bytes, except raw votes, whose pseudonyms are drawn afresh for each export.
            """)

    @OptionGroup var database: DatabaseOptions

    @Option(help: "The congress's slug, e.g. agen-2026.") var congress: String
    @Option(help: "odt, docx, html, md, csv or json.") var format: ExportFormat
    @Option(help: "The file to write (replaced if it exists).") var output: String
    @Option(help: "Only this workshop (its slug).") var workshop: String?
    @Option(help: "published: the proposals published to the room; all: drafts and validated ones too.") var status: ExportStatus = .published
    @Flag(help: "With csv: votes.csv lists every vote under a pseudonym instead of a tally per contribution.") var rawVotes = false
    @Flag(help: "Print the time the export took, from the first query to the last byte (process start excluded), to standard error.")
    var timing = false

    func validate() throws {
        if rawVotes && format != .csv { throw ValidationError("--raw-votes goes with --format csv") }
    }

    func run() async throws {
        let pool = try database.pool()
        let request = ExportRequest(
            congressSlug: congress, workshopSlug: workshop, status: status, format: format, votes: rawVotes ? .raw : .aggregated)
        let started = ContinuousClock.now
        let result = await outcome { try await Services(pool: pool).exports.export(request, by: .commandLine) }
        let elapsed = ContinuousClock.now - started
        try? await pool.shutdown()
        do {
            let file = try result.get()
            try Data(file.bytes).write(to: URL(fileURLWithPath: output), options: .atomic)
            printError("Wrote \(output) (\(file.bytes.count) bytes, \(file.mediaType)).")
            if timing {
                let milliseconds = Double(elapsed.components.attoseconds) / 1e15 + Double(elapsed.components.seconds) * 1000
                printError("atelier export: \(format.rawValue) in \(String(format: "%.1f", milliseconds)) ms")
            }
        } catch let error as ServiceError {
            throw ValidationError(error.description)
        }
    }
}

extension ExportFormat: ExpressibleByArgument {}
extension ExportStatus: ExpressibleByArgument {}
