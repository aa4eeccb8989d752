import ArgumentParser
import AtelierServices
import Foundation

struct ImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Rebuild a congress from a congress-json export, with its ids, in one transaction.",
        discussion: """
            The database must be migrated and hold no congress of the same slug: one that does is refused and nothing \
            is written. Access tokens are not exported: give imported participants new ones with `atelier participants token`.
            """)

    @OptionGroup var database: DatabaseOptions

    @Option(help: "A file written by `atelier export --format congress-json`.") var input: String

    func run() async throws {
        let bytes: [UInt8]
        do {
            bytes = Array(try Data(contentsOf: URL(fileURLWithPath: input)))
        } catch {
            throw ValidationError("cannot read \(input): \(error.localizedDescription)")
        }
        let slug = try await database.withServices { try await $0.dumps.load(bytes) }
        printError("Imported congress \"\(slug)\" from \(input).")
    }
}
