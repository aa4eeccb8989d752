/// One page of a list, and where the next one starts: an opaque cursor, nil on the last page.
public struct Page<Item: Sendable>: Sendable {
    public var items: [Item]
    public var nextCursor: String?

    public init(items: [Item], nextCursor: String?) {
        self.items = items
        self.nextCursor = nextCursor
    }

    public func map<Other: Sendable>(_ transform: (Item) throws -> Other) rethrows -> Page<Other> {
        Page<Other>(items: try items.map(transform), nextCursor: nextCursor)
    }
}

/// How every list pages. A store reads `limit + 1` rows after a position; the paginator keeps
/// `limit` and, when there was one more, writes the last kept row's position as a cursor named
/// for its list, so a cursor made by one list is refused by another.
public struct Paginator: Sendable {
    public let list: String
    /// How many values make a position in this list.
    public let width: Int

    public init(list: String, width: Int) {
        self.list = list
        self.width = width
    }

    /// The position a cursor of this list holds; nil when the text is not one.
    public func position(of cursor: String) -> [String]? {
        guard let parts = OpaqueCursor.decode(cursor, count: width + 1), parts[0] == list else { return nil }
        return Array(parts.dropFirst())
    }

    public func cursor(at position: [String]) -> String {
        precondition(position.count == width, "a position of \(list) has \(width) values")
        return OpaqueCursor.encode([list] + position)
    }

    /// The first `limit` of the rows read, and a cursor after them when there were more.
    public func page<Row: Sendable>(_ rows: [Row], limit: Int, position: (Row) -> [String]) -> Page<Row> {
        let items = Array(rows.prefix(limit))
        guard rows.count > limit, let last = items.last else { return Page(items: items, nextCursor: nil) }
        return Page(items: items, nextCursor: cursor(at: position(last)))
    }
}

extension Paginator {
    // A cursor is text the client may forge: each value is read back only within the range the
    // database's column holds, so a forged one is refused here (a 422 on `cursor`) rather than
    // failing in PostgreSQL.

    /// A whole number that fits PostgreSQL's `integer` (positions, versions, tallies).
    public static func integer(_ text: String) -> Int? { Int32(text).map(Int.init) }

    /// A whole number that fits PostgreSQL's `bigint` (log entries).
    public static func bigInteger(_ text: String) -> Int64? { Int64(text) }

    /// Microseconds since 1970 within the years 1 to 9999, which `timestamptz` holds.
    public static func timestampMicros(_ text: String) -> Int64? {
        Int64(text).flatMap { timestampRange.contains($0) ? $0 : nil }
    }

    static let timestampRange: ClosedRange<Int64> = -62_135_596_800_000_000...253_402_300_799_999_999
}
