import Synchronization

/// A clock the test turns by hand, for the rate limits: nothing depends on how fast the
/// machine runs the test.
final class ManualClock: Sendable {
    private let seconds = Mutex<Double>(1_000)

    var now: @Sendable () -> Double { { self.seconds.withLock { $0 } } }

    func advance(by interval: Double) {
        seconds.withLock { $0 += interval }
    }
}
