import ArgumentParser
import AtelierHTTP
import Foundation

/// Where the server's own files are (`api/`, and the `sql/` beside them).
struct ResourceOptions: ParsableArguments {
    @Option(help: "Folder holding api/ (default: $ATELIER_RESOURCES, else the checkout a development build sits in, or /usr/share/atelier).")
    var resourcesDir: String?

    func find() throws -> WebResources {
        if let explicit = resourcesDir ?? ProcessInfo.processInfo.environment["ATELIER_RESOURCES"] {
            return try WebResources(root: URL(fileURLWithPath: explicit))
        }
        switch InstalledFolder.find(".", holding: "api/openapi.json") {
        case .success(let found): return try WebResources(root: URL(fileURLWithPath: found).standardized)
        case .failure(let missing):
            throw ValidationError("the server's files were not found (looked in \(missing.description)); pass --resources-dir")
        }
    }
}
