/// A condition that another task or thread was to make true did not, in the time allowed.
public struct NeverHappened: Error, CustomStringConvertible {
    public let seconds: Int64
    public var description: String { "the condition did not become true within \(seconds) seconds" }
}

/// Waits for a condition that another task or thread will make true. The limit only keeps a
/// broken test from hanging: no test depends on how fast anything is.
public func eventually(within limit: Duration = .seconds(10), _ condition: () async throws -> Bool) async throws {
    let deadline = ContinuousClock.now + limit
    while try await !condition() {
        guard ContinuousClock.now < deadline else { throw NeverHappened(seconds: limit.components.seconds) }
        try await Task.sleep(for: .milliseconds(10))
    }
}
