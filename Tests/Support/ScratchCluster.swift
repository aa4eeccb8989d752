import Foundation
import TestProcesses

/// A PostgreSQL cluster of a test's own, for tests that stop or restart the server and must
/// not disturb the shared one. Driven through `deploy/pg-cluster.sh`, like `make`.
public final class ScratchCluster: Sendable {
    public let directory: URL
    public let port: Int

    public init() throws {
        let parent = TestDatabase.repositoryRoot.appendingPathComponent(".pg-test")
        try FileManager.default.createDirectory(at: parent, withIntermediateDirectories: true)
        directory = parent.appendingPathComponent("scratch-\(UUID().uuidString.prefix(8))")
        var lastError: (any Error)?
        for _ in 0..<5 {
            // Below the ephemeral range (32768 and up): no client socket takes it while the cluster restarts.
            let candidate = Int.random(in: 29_000..<32_000)
            do {
                try Self.script(["start", directory.path, String(candidate)])
                port = candidate
                return
            } catch {
                lastError = error
            }
        }
        throw lastError!
    }

    public var url: String { "postgres://atelier@127.0.0.1:\(port)/atelier" }

    public func restart() throws { try Self.script(["restart", directory.path]) }
    public func stop() throws { try Self.script(["stop", directory.path]) }
    public func start() throws { try Self.script(["start", directory.path, String(port)]) }

    /// Stops the cluster and deletes its files.
    public func destroy() {
        try? stop()
        try? FileManager.default.removeItem(at: directory)
    }

    struct ScriptFailed: Error, CustomStringConvertible {
        let arguments: [String]
        let output: String
        var description: String { "pg-cluster.sh \(arguments.joined(separator: " ")) failed: \(output)" }
    }

    static func script(_ arguments: [String]) throws {
        let script = TestDatabase.repositoryRoot.appendingPathComponent("deploy/pg-cluster.sh").path
        let result = try Spawn.run(["/bin/bash", script] + arguments, environment: ["PG_FAST": "1"])
        guard result.succeeded else { throw ScriptFailed(arguments: arguments, output: result.output) }
    }
}
