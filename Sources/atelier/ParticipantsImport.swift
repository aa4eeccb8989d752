import ArgumentParser
import AtelierServices
import Foundation

extension Participants {
    struct Import: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Register participants in bulk from a registration file (CSV), all or none.",
            discussion: """
                Columns (French or English header, `;` or `,`, UTF-8 with or without BOM): name (nom), organisation \
                (collectivité), role (attendee / participant·e, lead / animateur·rice, admin / administrateur·rice), \
                workshops (ateliers: slugs separated by | or ,, required for leads). Every bad row is reported by its line \
                and nothing is written. A person already registered with the same name and organisation is not added \
                again: their role and led workshops become the file's, so importing a file twice changes nothing. \
                No access code is issued: print the badge sheet for that.
                """)

        @OptionGroup var database: DatabaseOptions
        @Option(help: "The congress's slug, e.g. agen-2026.") var congress: String
        @Argument(help: "The registration file.") var file: String

        func run() async throws {
            let bytes: [UInt8]
            do { bytes = Array(try Data(contentsOf: URL(fileURLWithPath: file))) } catch {
                throw ValidationError("cannot read \(file): \(error.localizedDescription)")
            }
            do {
                let report = try await database.withServices { try await $0.participants.register(file: bytes, congressSlug: congress) }
                print("\(file): \(report.added.count) added, \(report.updated.count) updated, \(report.unchanged.count) already registered.")
                if !report.ignoredColumns.isEmpty {
                    print("Columns ignored: \(report.ignoredColumns.map { "\"\($0)\"" }.joined(separator: ", ")).")
                }
            } catch let refused as RegistrationRefused {
                printError("\(file): nothing imported, \(refused.problems.count) problem\(refused.problems.count == 1 ? "" : "s"):")
                for problem in refused.problems { printError("  \(problem)") }
                throw ExitCode.failure
            }
        }
    }
}
