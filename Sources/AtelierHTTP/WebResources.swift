import Foundation

/// The files the server serves or renders (the API contract, page templates, static files),
/// under one folder: the checkout in development and in tests, `/usr/share/atelier` once
/// installed. The command line finds it as it finds `sql/`; everything is read once, at start,
/// so a missing or broken file stops the start instead of failing a request later.
public struct WebResources: Sendable {
    public let root: URL
    /// `api/openapi.json`, the contract served at `/openapi.json`, as its bytes: what is
    /// served is exactly what is reviewed in the repository.
    public let openAPIDocument: Data

    public init(root: URL) throws {
        self.root = root
        self.openAPIDocument = try Self.jsonObject(at: "api/openapi.json", under: root)
    }

    static func jsonObject(at relative: String, under root: URL) throws -> Data {
        let url = root.appendingPathComponent(relative)
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw LoadError(path: url.path, reason: "not found")
        }
        let parsed: Any
        do {
            parsed = try JSONSerialization.jsonObject(with: data)
        } catch {
            // Foundation's message alone says only "not in the correct format"; the debug text says where.
            let detail = (error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String ?? error.localizedDescription
            throw LoadError(path: url.path, reason: "not JSON (\(detail))")
        }
        guard parsed is [String: Any] else { throw LoadError(path: url.path, reason: "not a JSON object") }
        return data
    }

    public struct LoadError: Error, CustomStringConvertible {
        public let path: String
        public let reason: String
        public var description: String { "\(path): \(reason)" }
    }
}
