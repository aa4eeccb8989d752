import Foundation

/// Where a folder the binary needs (migrations, the model) is: `sql/` or `models/usem3` of the
/// checkout a development build sits in, of the working directory, or where a package installs it.
enum InstalledFolder {
    /// The first candidate holding `marker`, or the list of places looked in.
    static func find(_ relative: String, holding marker: String) -> Result<String, LookedIn> {
        // A development build lives at .build/<triple>/<configuration>/atelier, three levels below the checkout.
        let build = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
        let candidates = [
            build.appendingPathComponent("../../../" + relative).standardized.path,
            FileManager.default.currentDirectoryPath + "/" + relative,
            "/usr/share/atelier/" + relative,
        ]
        guard let found = candidates.first(where: { FileManager.default.fileExists(atPath: $0 + "/" + marker) }) else {
            return .failure(LookedIn(places: candidates))
        }
        return .success(found)
    }

    struct LookedIn: Error {
        let places: [String]
        var description: String { places.joined(separator: ", ") }
    }
}
