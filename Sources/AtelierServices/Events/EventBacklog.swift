import Synchronization

/// How far behind each of the hub's subscribers is: events the hub has handed to its stream that
/// its feed has not taken yet to write to the client. Kept apart from the hub, an actor, so that
/// the server's metrics read it without waiting for the hub's turn.
final class EventBacklog: Sendable {
    private let pending = Mutex<[Int: Int]>([:])

    func opened(_ subscriber: Int) {
        pending.withLock { $0[subscriber] = 0 }
    }

    func closed(_ subscriber: Int) {
        pending.withLock { $0[subscriber] = nil }
    }

    func closeAll() {
        pending.withLock { $0 = [:] }
    }

    func handed(_ subscriber: Int) {
        pending.withLock { $0[subscriber]? += 1 }
    }

    func taken(_ subscriber: Int) {
        pending.withLock { pending in
            if let count = pending[subscriber], count > 0 { pending[subscriber] = count - 1 }
        }
    }

    /// Subscribers connected to this process, and the events waiting for the one furthest behind.
    var snapshot: (clients: Int, mostBehind: Int) {
        pending.withLock { ($0.count, $0.values.max() ?? 0) }
    }
}
