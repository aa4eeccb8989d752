import ArgumentParser
import AtelierCore
import AtelierServices
import Foundation

struct Participants: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Manage a congress's participants.",
        subcommands: [
            Add.self, Import.self, Badges.self, Revoke.self, Rotate.self, Token.self, Code.self, PersonalData.self, Erase.self,
        ])

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
            let (participant, token) = try await database.withServices {
                try await $0.participants.add(
                    congressSlug: congress, displayName: name, organisation: organisation, role: Role(rawValue: role)!,
                    named: named, leadsWorkshops: workshop)
            }
            printError("Added \(participant.displayName) (\(participant.role.rawValue)), id \(participant.id.json).")
            print(token)
        }
    }
}

extension Participants {
    struct Revoke: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Revoke every access token, the badge code and the page sessions of a participant, at once.")

        @OptionGroup var database: DatabaseOptions
        @Option(help: "The congress's slug, e.g. agen-2026: the participant must be one of its own.") var congress: String?
        @Option(name: [.customLong("participant"), .customLong("id")], help: "The participant's id.") var participant: UUID

        func run() async throws {
            let revoked = try await database.withServices { services in
                if let congress { return try await services.participants.revoke(participantID: participant, congressSlug: congress) }
                return try await services.participants.revokeTokens(participantID: participant)
            }
            print("Revoked \(revoked) token(s), the badge code and the page sessions.")
        }
    }

    struct Rotate: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Replace a participant's access token, badge code and sessions with new ones, and print the new personal link.",
            discussion:
                "Everything earlier stops working at once. Standard output gets the personal link, then the access token, each on a line of its own; a display access's link opens with its token."
        )

        @OptionGroup var database: DatabaseOptions
        @Option(help: "The congress's slug, e.g. agen-2026.") var congress: String
        @Option(name: [.customLong("participant"), .customLong("id")], help: "The participant's id.") var participant: UUID
        @Option(help: "The address the pages are served at, for the personal link.") var site = "http://127.0.0.1:8080"

        func run() async throws {
            let rotated = try await database.withServices { try await $0.participants.rotate(participantID: participant, congressSlug: congress) }
            printError("New access for \(rotated.participant.displayName); every earlier token, code and session stopped working.")
            print("\(site.hasSuffix("/") ? String(site.dropLast()) : site)/entrer/\(rotated.personalCode)")
            print(rotated.token)
        }
    }

    struct Token: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Issue a new access token for an existing participant and print it, once.")

        @OptionGroup var database: DatabaseOptions
        @Option(help: "The participant's id.") var id: UUID

        func run() async throws {
            print(try await database.withServices { try await $0.participants.issueToken(participantID: id) })
        }
    }
}

extension Participants {
    struct Code: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Issue a participant's badge code (XXXX-XXXX-XXXX) for the sign-in page and print it, once.",
            discussion: "Any earlier badge code of the participant stops working. The personal link is /entrer/CODE.")

        @OptionGroup var database: DatabaseOptions
        @Option(help: "The participant's id.") var id: UUID

        func run() async throws {
            print(try await database.withServices { try await $0.participants.issueBadgeCode(participantID: id) })
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
