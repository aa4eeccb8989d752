import Foundation

/// Where the tests find the model and their fixtures, from this file so any working directory works.
public enum ModelFiles {
    public static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    public static let directory: String = {
        if let dir = ProcessInfo.processInfo.environment["MODEL_DIR"], !dir.isEmpty { return dir }
        return root.appendingPathComponent("models/usem3").path
    }()

    /// The path of a model file. A missing model is a failure, not a skip: a skipped exactness
    /// test would hide a broken setup.
    public static func path(_ name: String) throws -> String {
        let path = directory + "/" + name
        guard FileManager.default.fileExists(atPath: path) else { throw Missing(path: path) }
        return path
    }

    public struct Missing: Error, CustomStringConvertible {
        let path: String
        public var description: String {
            "The model file \(path) is missing: run deploy/fetch-model.sh (or set MODEL_DIR) before the tests."
        }
    }
}
