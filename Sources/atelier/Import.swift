import ArgumentParser
import AtelierServices
import Foundation
import Postgres

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
        let pool = try database.pool()
        let result = await outcome { try await Services(pool: pool).dumps.load(bytes) }
        try? await pool.shutdown()
        do {
            printError("Imported congress \"\(try result.get())\" from \(input).")
        } catch let error as ServiceError {
            throw ValidationError(error.description)
        }
    }
}
