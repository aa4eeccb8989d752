import Synchronization

/// Reads an asynchronous sequence on a task of its own and keeps what it yields, so a test can
/// wait for elements with `eventually` instead of blocking on `next()` with no way out.
public final class Collector<Element: Sendable>: Sendable {
    private let state = Mutex<(elements: [Element], ended: Bool, failure: String?)>(([], false, nil))

    private init() {}

    public static func reading<Sequence: AsyncSequence & Sendable>(_ sequence: Sequence) -> Collector
    where Sequence.Element == Element {
        let collector = Collector()
        Task {
            do {
                for try await element in sequence { collector.state.withLock { $0.elements.append(element) } }
            } catch {
                collector.state.withLock { $0.failure = "\(error)" }
            }
            collector.state.withLock { $0.ended = true }
        }
        return collector
    }

    public var elements: [Element] { state.withLock { $0.elements } }
    /// Whether the sequence has ended, normally or not.
    public var ended: Bool { state.withLock { $0.ended } }
    /// What the sequence threw, if it did.
    public var failure: String? { state.withLock { $0.failure } }
}
