/// A token bucket: up to `burst` requests at once, then `perSecond` on average. Pure: the
/// caller says what time it is (seconds on a monotonic clock), so tests turn the clock by hand.
/// O(1) time and two doubles of memory per key.
public struct TokenBucket: Sendable, Equatable {
    public struct Size: Sendable, Equatable {
        public var burst: Double
        public var perSecond: Double

        public init(burst: Double, perSecond: Double) {
            precondition(burst >= 1 && perSecond > 0, "a bucket holds at least one token and refills")
            self.burst = burst
            self.perSecond = perSecond
        }
    }

    public let size: Size
    public private(set) var tokens: Double
    public private(set) var updated: Double

    /// A bucket starts full: a newcomer may act at once.
    public init(size: Size, now: Double) {
        self.size = size
        tokens = size.burst
        updated = now
    }

    /// Seconds until a token is there; 0 when one is there now.
    public mutating func wait(now: Double) -> Double {
        refill(now: now)
        return tokens >= 1 ? 0 : (1 - tokens) / size.perSecond
    }

    /// Spends a token; an empty bucket stays at 0 rather than going into debt.
    public mutating func take(now: Double) {
        refill(now: now)
        tokens = max(0, tokens - 1)
    }

    /// A full bucket is the same as no bucket: it can be forgotten.
    public func isFull(now: Double) -> Bool {
        tokens + max(0, now - updated) * size.perSecond >= size.burst
    }

    private mutating func refill(now: Double) {
        guard now > updated else { return }
        tokens = min(size.burst, tokens + (now - updated) * size.perSecond)
        updated = now
    }
}
