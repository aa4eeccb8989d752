import Foundation

/// The files the server serves or renders (the API contract, page templates, static files),
/// under one folder: the checkout in development and in tests, `/usr/share/atelier` once
/// installed. The command line finds it as it finds `sql/`; everything is read once, at start.
public struct WebResources: Sendable {
    public let root: URL

    public init(root: URL) {
        self.root = root
    }
}
