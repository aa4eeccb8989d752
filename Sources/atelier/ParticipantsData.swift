import ArgumentParser
import AtelierServices
import Foundation

extension ErasedContributions: ExpressibleByArgument {}

/// A participant's rights, exercised for them by an organiser at the console.
extension Participants {
    struct PersonalData: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "data", abstract: "Write everything Atelier holds about a participant, as JSON.",
            discussion: "The same document the participant downloads from \"Mes données\" or GET /api/v1/me/data.")

        @OptionGroup var database: DatabaseOptions
        @Option(help: "The congress's slug, e.g. agen-2026.") var congress: String
        @Option(help: "The participant's id.") var participant: UUID
        @Option(help: "The file to write (default: standard output).") var output: String?

        func run() async throws {
            let file = try await database.withServices {
                try await $0.personalData.document(congressSlug: congress, participantID: participant)
            }
            guard let output else { return FileHandle.standardOutput.write(Data(file.bytes)) }
            try Data(file.bytes).write(to: URL(fileURLWithPath: output), options: .atomic)
            printError("Wrote \(output) (\(file.bytes.count) bytes).")
        }
    }

    struct Erase: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Erase a participant: name and organisation removed, votes kept but unlinked, access ended.",
            discussion: "Running it again changes nothing. What is kept and why: sql/014_personal_data.sql.")

        @OptionGroup var database: DatabaseOptions
        @Option(help: "The congress's slug, e.g. agen-2026.") var congress: String
        @Option(help: "The participant's id.") var participant: UUID
        @Option(help: "anonymous: keep their published contributions without a name; withdrawn: withdraw them.")
        var contributions: ErasedContributions

        func run() async throws {
            let erased = try await database.withServices {
                try await $0.personalData.erase(congressSlug: congress, participantID: participant, contributions: contributions)
            }
            print(erased ? "Erased." : "Already erased: nothing changed.")
        }
    }
}

struct CongressCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "congress", abstract: "What concerns a whole congress.", subcommands: [PurgePersonalData.self])

    struct PurgePersonalData: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "After the briefing: remove every name, organisation, token, badge code and session of the congress.",
            discussion: """
                Contributions, votes, proposals and their provenance stay, so every figure of the briefing stays the same. \
                There is no undo: take a backup first if in doubt (deploy/backup.sh).
                """)

        @OptionGroup var database: DatabaseOptions
        @Option(help: "The congress's slug, e.g. agen-2026.") var congress: String

        func run() async throws {
            let purge = try await database.withServices { try await $0.personalData.purge(congressSlug: congress) }
            print("Purged: \(purge.participants) participant(s) made anonymous, \(purge.secrets) token(s), code(s) and session(s) deleted.")
        }
    }
}
