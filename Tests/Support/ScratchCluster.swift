import Foundation

#if canImport(Glibc)
import Glibc
#endif

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
            let candidate = Int.random(in: 40_000..<50_000)
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

    /// Runs the script with posix_spawn and waitpid: Foundation's Process can hang in
    /// waitUntilExit when called from a concurrency thread.
    static func script(_ arguments: [String]) throws {
        let log = FileManager.default.temporaryDirectory.appendingPathComponent("pg-cluster-\(UUID().uuidString).log")
        defer { try? FileManager.default.removeItem(at: log) }
        let script = TestDatabase.repositoryRoot.appendingPathComponent("deploy/pg-cluster.sh").path
        // Output goes to a file, not a pipe: the server the script starts inherits it and would
        // hold a pipe open forever.
        let command = ([script] + arguments).map { "'\($0)'" }.joined(separator: " ")
        let argv = ["/bin/bash", "-c", "PG_FAST=1 exec bash \(command) > '\(log.path)' 2>&1"]
        var pid: pid_t = 0
        let cArguments = argv.map { strdup($0) } + [nil]
        defer { cArguments.forEach { free($0) } }
        let spawned = posix_spawn(&pid, "/bin/bash", nil, nil, cArguments, environ)
        guard spawned == 0 else { throw ScriptFailed(arguments: arguments, output: "posix_spawn failed: \(spawned)") }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        guard status == 0 else {
            throw ScriptFailed(arguments: arguments, output: (try? String(contentsOf: log, encoding: .utf8)) ?? "")
        }
    }
}
