import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What a finished program left: its wait status and everything it wrote.
public struct SpawnResult: Sendable {
    /// The raw wait status: 0 when the program exited with code 0.
    public let status: Int32
    /// Standard output and standard error, interleaved as written.
    public let output: String

    public var succeeded: Bool { status == 0 }
}

/// Runs programs from tests with posix_spawn and waitpid: Foundation's Process can hang in
/// waitUntilExit when called from a concurrency thread.
public enum Spawn {
    public struct Failed: Error, CustomStringConvertible {
        public let arguments: [String]
        public let reason: String
        public var description: String { "\(arguments.joined(separator: " ")): \(reason)" }
    }

    /// Runs `arguments[0]` (looked up in PATH) with `arguments` and waits for it to end.
    /// Output goes to a file, not a pipe: a server the program starts inherits it and would hold
    /// a pipe open forever. Standard input is /dev/null.
    public static func run(_ arguments: [String], environment: [String: String] = [:]) throws -> SpawnResult {
        precondition(!arguments.isEmpty, "no program to run")
        let log = FileManager.default.temporaryDirectory.appendingPathComponent("spawn-\(UUID().uuidString).log")
        defer { try? FileManager.default.removeItem(at: log) }

        #if canImport(Darwin)
        var actions: posix_spawn_file_actions_t? = nil
        #else
        var actions = posix_spawn_file_actions_t()
        #endif
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, log.path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)

        var merged = ProcessInfo.processInfo.environment
        merged.merge(environment) { _, new in new }
        let cEnvironment = merged.map { strdup("\($0.key)=\($0.value)") } + [nil]
        let cArguments = arguments.map { strdup($0) } + [nil]
        defer {
            cEnvironment.forEach { free($0) }
            cArguments.forEach { free($0) }
        }
        var pid: pid_t = 0
        let spawned = posix_spawnp(&pid, arguments[0], &actions, nil, cArguments, cEnvironment)
        guard spawned == 0 else { throw Failed(arguments: arguments, reason: "posix_spawnp failed: \(String(cString: strerror(spawned)))") }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        let output = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
        return SpawnResult(status: status, output: output)
    }

    /// The absolute path of `program` in PATH, or nil when it is not installed.
    public static func which(_ program: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for folder in path.split(separator: ":") {
            let candidate = "\(folder)/\(program)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }
}
