// The per-token quantities of the encoder (see TokenFeatures) depend on the token id alone, and
// a few thousand ids make up most of any French text, so they are kept across calls. Entries
// are immutable once made and shared by reference: a batch holding one keeps it alive even if
// the cache evicts it meanwhile, and nothing is copied. Values are computed the same way
// whether they come from here or not, so the cache changes the time a vector takes, never its bits.

import Synchronization

/// The `TokenFeatures.width` floats of one token id, all written by `TokenFeatures.compute`
/// before the row is shared, and never after.
final class TokenFeatureRow: @unchecked Sendable {
    let values = UnsafeMutablePointer<Float>.allocate(capacity: TokenFeatures.width)

    deinit { values.deallocate() }
}

/// A bounded map from token id to its row, evicted by the clock (second-chance) policy.
final class TokenFeatureCache: Sendable {
    let capacity: Int
    private let state: Mutex<State>

    private struct State {
        var slotOf: [Int32: Int] = [:]
        var rows: [TokenFeatureRow] = []
        var ids: [Int32] = []
        var referenced: [Bool] = []
        var hand = 0
    }

    init(capacity: Int) {
        precondition(capacity >= 0, "a cache capacity cannot be negative")
        self.capacity = capacity
        state = Mutex(State())
    }

    var count: Int { state.withLock { $0.rows.count } }

    /// The cached row of each id, nil where there is none.
    func rows(_ ids: [Int32]) -> [TokenFeatureRow?] {
        guard capacity > 0 else { return Array(repeating: nil, count: ids.count) }
        return state.withLock { state in
            ids.map { id in
                guard let slot = state.slotOf[id] else { return nil }
                state.referenced[slot] = true
                return state.rows[slot]
            }
        }
    }

    /// Keeps `rows[i]` as the row of `ids[i]`, evicting entries unused since the hand last passed.
    func insert(_ ids: [Int32], _ rows: [TokenFeatureRow]) {
        guard capacity > 0 else { return }
        state.withLock { state in
            for (id, row) in zip(ids, rows) where state.slotOf[id] == nil {
                let slot: Int
                if state.rows.count < capacity {
                    slot = state.rows.count
                    state.rows.append(row)
                    state.ids.append(id)
                    state.referenced.append(false)
                } else {
                    while state.referenced[state.hand] {
                        state.referenced[state.hand] = false
                        state.hand = (state.hand + 1) % capacity
                    }
                    slot = state.hand
                    state.hand = (state.hand + 1) % capacity
                    state.slotOf[state.ids[slot]] = nil
                    state.rows[slot] = row
                    state.ids[slot] = id
                }
                state.slotOf[id] = slot
            }
        }
    }
}
