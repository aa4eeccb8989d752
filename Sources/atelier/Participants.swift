import ArgumentParser
import AtelierCore
import AtelierServices
import Foundation
import Postgres

struct Participants: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Manage a congress's participants.", subcommands: [Add.self, Import.self, Revoke.self, Token.self])

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Register a participant and print their access token, once.",
            discussion: "The token goes to standard output alone, so a script can capture it.")

        @OptionGroup var database: DatabaseOptions

        @Option(help: "The congress's slug, e.g. agen-2026.") var congress: String
        @Option(help: "The name shown to others.") var name: String
        @Option(help: "The collectivité the participant speaks for.") var organisation: String?
        @Option(help: "attendee, lead, admin, or display (the plenary screen's read-only access).") var role: String
        @Option(help: "A workshop slug this lead leads (repeat for several).") var workshop: [String] = []
        @Flag(help: "The participant agrees to be named in exports.") var named = false

        func validate() throws {
            guard Role(rawValue: role) != nil else { throw ValidationError("--role must be attendee, lead, admin or display") }
        }

        func run() async throws {
            let pool = try database.pool()
            let result = await outcome {
                try await Services(pool: pool).participants.add(
                    congressSlug: congress, displayName: name, organisation: organisation, role: Role(rawValue: role)!,
                    named: named, leadsWorkshops: workshop)
            }
            try? await pool.shutdown()
            do {
                let (participant, token) = try result.get()
                printError("Added \(participant.displayName) (\(participant.role.rawValue)), id \(participant.id.uuidString.lowercased()).")
                print(token)
            } catch let error as ServiceError {
                throw ValidationError(error.description)
            }
        }
    }
}

extension Participants {
    struct Revoke: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Revoke every access token of a participant, at once.")

        @OptionGroup var database: DatabaseOptions
        @Option(help: "The participant's id.") var id: UUID

        func run() async throws {
            let pool = try database.pool()
            let result = await outcome { try await Services(pool: pool).participants.revokeTokens(participantID: id) }
            try? await pool.shutdown()
            do {
                print("Revoked \(try result.get()) token(s).")
            } catch let error as ServiceError {
                throw ValidationError(error.description)
            }
        }
    }

    struct Token: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Issue a new access token for an existing participant and print it, once.")

        @OptionGroup var database: DatabaseOptions
        @Option(help: "The participant's id.") var id: UUID

        func run() async throws {
            let pool = try database.pool()
            let result = await outcome { try await Services(pool: pool).participants.issueToken(participantID: id) }
            try? await pool.shutdown()
            do {
                print(try result.get())
            } catch let error as ServiceError {
                throw ValidationError(error.description)
            }
        }
    }
}

extension UUID: @retroactive ExpressibleByArgument {
    public init?(argument: String) { self.init(uuidString: argument) }
}

func printError(_ text: String) {
    var standardError = StandardError()
    print(text, to: &standardError)
}

struct StandardError: TextOutputStream {
    mutating func write(_ string: String) {
        FileHandleOutput.standardError(string)
    }
}
