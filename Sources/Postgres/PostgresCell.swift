/// One field of a result row, in PostgreSQL's text format, borrowed from libpq's result buffer.
///
/// Cells live only as long as the result that holds them; decode them into Swift values
/// before the result goes away.
public struct PostgresCell {
    /// `nil` for SQL NULL.
    public let bytes: UnsafeBufferPointer<UInt8>?
    public let type: PostgresType
    public let columnName: String

    public var isNull: Bool { bytes == nil }

    /// The text of a non-null cell.
    public var string: String? {
        bytes.map { String(decoding: $0, as: UTF8.self) }
    }

    func mismatch(_ expected: Any.Type, _ reason: String = "type mismatch") -> PostgresDecodingError {
        PostgresDecodingError(column: columnName, expected: String(describing: expected), actualType: type, reason: reason)
    }
}
