import ArgumentParser
import AtelierHTTP
import AtelierServices
import Foundation

extension Participants {
    struct Badges: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Issue fresh badge codes and write the printable badge sheet (A4, eight to a page) as one HTML file.",
            discussion: """
                Codes are stored hashed, so the sheet shows codes issued for it, and each replaces its holder's earlier \
                code. By default only participants without a code yet get one (printed badges keep working); --everyone \
                reprints them all, and every earlier badge stops working. The same as the admin's /admin/badges page.
                """)

        @OptionGroup var database: DatabaseOptions
        @OptionGroup var resources: ResourceOptions
        @Option(help: "The congress's slug, e.g. agen-2026.") var congress: String
        @Option(help: "Where participants open Atelier, e.g. https://atelier.example.fr: each badge's personal link starts with it.")
        var baseURL: String
        @Option(help: "The HTML file to write.") var output: String
        @Flag(help: "Everyone, not only those without a code: every earlier badge stops working.") var everyone = false

        func validate() throws {
            guard let url = URL(string: baseURL), ["http", "https"].contains(url.scheme ?? ""), url.host != nil else {
                throw ValidationError("--base-url must be an http(s) address, e.g. https://atelier.example.fr")
            }
        }

        func run() async throws {
            let renderer = try PageRenderer(resources: try resources.find())
            // Codes cannot be shown twice: make sure the sheet can be written before issuing them.
            guard FileManager.default.createFile(atPath: output, contents: nil) else {
                throw ValidationError("cannot write \(output)")
            }
            let sheet: BadgeSheet
            do {
                sheet = try await database.withServices {
                    try await $0.participants.badges(everyone ? .everyone : .withoutCode, congressSlug: congress)
                }
            } catch {
                try? FileManager.default.removeItem(atPath: output)
                throw error
            }
            let origin = baseURL.hasSuffix("/") ? String(baseURL.dropLast()) : baseURL
            do {
                try Data(renderer.badgeSheetFile(sheet, origin: origin).utf8).write(to: URL(fileURLWithPath: output))
            } catch {
                printError("atelier participants badges: cannot write \(output): \(error.localizedDescription)")
                printError("The \(sheet.badges.count) codes were issued all the same: run the command again to issue new ones.")
                throw ExitCode.failure
            }
            printError("\(sheet.badges.count) badge\(sheet.badges.count == 1 ? "" : "s") written to \(output).")
        }
    }
}
