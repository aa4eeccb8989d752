import Foundation
import Synchronization

/// Wrong sign-in codes per client address, in memory: a badge code has 60 bits, and at ten
/// tries per ten minutes no one guesses one. A restart forgets, which costs an attacker a few
/// more tries, not a code.
final class SignInThrottle: Sendable {
    private let failures = Mutex<[String: [Date]]>([:])
    let limit: Int
    let window: TimeInterval

    init(limit: Int, windowSeconds: Int) {
        self.limit = limit
        window = TimeInterval(windowSeconds)
    }

    /// Seconds to wait before the next try, or nil when this address may try now.
    func retryAfter(address: String, now: Date = Date()) -> Int? {
        failures.withLock { failures in
            let recent = (failures[address] ?? []).filter { now.timeIntervalSince($0) < window }
            failures[address] = recent.isEmpty ? nil : recent
            guard recent.count >= limit, let oldest = recent.first else { return nil }
            return max(1, Int((window - now.timeIntervalSince(oldest)).rounded(.up)))
        }
    }

    func recordFailure(address: String, now: Date = Date()) {
        failures.withLock { failures in
            failures[address, default: []].append(now)
            // Addresses that stopped trying are forgotten, so the table cannot grow without bound.
            if failures.count > 10_000 {
                failures = failures.filter { $0.value.contains { now.timeIntervalSince($0) < window } }
            }
        }
    }
}
