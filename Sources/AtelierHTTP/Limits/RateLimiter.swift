import AtelierCore
import Synchronization

/// The buckets of every key, in memory: a restart forgets them, which gives a script one more
/// burst, not a way through. Memory is bounded: a full bucket is the same as none and is
/// forgotten, and past `maximumBuckets` the longest idle go too.
final class RateLimiter: Sendable {
    struct Key: Hashable {
        let scope: LimitScope
        let action: LimitedAction
        let id: String
    }

    let settings: RateLimitSettings
    private let buckets = Mutex<[Key: TokenBucket]>([:])

    init(settings: RateLimitSettings) { self.settings = settings }

    var count: Int { buckets.withLock { $0.count } }

    /// Takes a token from the participant's and the address's bucket for `action`, or from
    /// neither: returns the whole seconds to wait when either is empty.
    func take(_ action: LimitedAction, participant: String?, address: String) -> Int? {
        let keys = [participant.map { Key(scope: .participant, action: action, id: $0) }, Key(scope: .address, action: action, id: address)]
            .compactMap { $0 }
        return spend(keys)
    }

    /// Whether the address may try `action` now, without spending: for what only failures cost.
    func wait(_ action: LimitedAction, address: String) -> Int? {
        let key = Key(scope: .address, action: action, id: address)
        guard settings.sizes[.address]?[action] != nil else { return nil }
        let now = settings.now()
        return buckets.withLock { buckets in
            guard var bucket = buckets[key] else { return nil }
            let wait = bucket.wait(now: now)
            buckets[key] = bucket
            return Self.seconds(wait)
        }
    }

    /// Spends a token of the address's bucket for `action`, e.g. for a wrong code.
    func charge(_ action: LimitedAction, address: String) {
        let key = Key(scope: .address, action: action, id: address)
        guard let size = settings.sizes[.address]?[action] else { return }
        let now = settings.now()
        buckets.withLock { buckets in
            var bucket = buckets[key] ?? TokenBucket(size: size, now: now)
            bucket.take(now: now)
            buckets[key] = bucket
            evictIfNeeded(&buckets, now: now)
        }
    }

    private func spend(_ keys: [Key]) -> Int? {
        let now = settings.now()
        let sized = keys.compactMap { key in settings.sizes[key.scope]?[key.action].map { (key, $0) } }
        guard !sized.isEmpty else { return nil }
        return buckets.withLock { buckets in
            var chosen = sized.map { key, size in (key, buckets[key] ?? TokenBucket(size: size, now: now)) }
            let waits = chosen.indices.map { chosen[$0].1.wait(now: now) }
            if let longest = waits.max(), longest > 0 {
                for (key, bucket) in chosen { buckets[key] = bucket }
                return Self.seconds(longest)
            }
            for index in chosen.indices {
                chosen[index].1.take(now: now)
                buckets[chosen[index].0] = chosen[index].1
            }
            evictIfNeeded(&buckets, now: now)
            return nil
        }
    }

    private func evictIfNeeded(_ buckets: inout [Key: TokenBucket], now: Double) {
        guard buckets.count > settings.maximumBuckets else { return }
        buckets = buckets.filter { !$0.value.isFull(now: now) }
        guard buckets.count > settings.maximumBuckets else { return }
        let kept = buckets.sorted { $0.value.updated > $1.value.updated }.prefix(settings.maximumBuckets / 2)
        buckets = Dictionary(uniqueKeysWithValues: kept.map { ($0.key, $0.value) })
    }

    /// Retry-After is whole seconds: rounded up, so a client that waits that long gets through.
    private static func seconds(_ wait: Double) -> Int? {
        wait > 0 ? max(1, Int(wait.rounded(.up))) : nil
    }
}
