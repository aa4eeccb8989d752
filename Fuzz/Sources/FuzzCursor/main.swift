import AtelierCore
import FuzzSupport

// A pagination cursor is text a client hands back: any text must decode to a cursor or to nil,
// and a cursor that decodes must encode back to the same position.
runFuzzer { data, size in
    let text = String(decoding: bytes(data, size), as: UTF8.self)
    for count in 1...5 {
        guard let parts = OpaqueCursor.decode(text, count: count) else { continue }
        invariant(parts.count == count, "decode(count: \(count)) gave \(parts.count) parts")
        let again = OpaqueCursor.decode(OpaqueCursor.encode(parts), count: count)
        invariant(again == parts, "parts \(parts) came back as \(String(describing: again))")
    }
    if let cursor = ContributionCursor(encoded: text) {
        invariant(ContributionCursor(encoded: cursor.encoded) == cursor, "contribution cursor \(cursor) does not round trip")
    }
    return 0
}
