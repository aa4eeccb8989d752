import CLibPQ

/// The rows of one statement. Owns the libpq result and frees it when released.
///
/// Decode the rows inside the connection's scope: a result is not `Sendable`, and its cells
/// point into libpq's memory.
public final class PostgresResult: Sequence {
    let handle: OpaquePointer
    public let columnNames: [String]
    let columnTypes: [PostgresType]
    public let count: Int

    init(handle: OpaquePointer) {
        self.handle = handle
        let columns = Int(PQnfields(handle))
        // COPY results have columns without names.
        self.columnNames = (0..<columns).map { PQfname(handle, Int32($0)).map { String(cString: $0) } ?? "" }
        self.columnTypes = (0..<columns).map { PostgresType(rawValue: PQftype(handle, Int32($0))) }
        self.count = Int(PQntuples(handle))
    }

    deinit { PQclear(handle) }

    /// Rows changed by an INSERT, UPDATE, DELETE, MERGE or COPY.
    public var affectedRows: Int { Int(String(cString: PQcmdTuples(handle))) ?? 0 }

    public var isEmpty: Bool { count == 0 }

    public subscript(row: Int) -> PostgresRow { PostgresRow(result: self, index: row) }

    public var first: PostgresRow? { count > 0 ? self[0] : nil }

    public func makeIterator() -> AnyIterator<PostgresRow> {
        var next = 0
        return AnyIterator {
            guard next < self.count else { return nil }
            defer { next += 1 }
            return self[next]
        }
    }

    /// Decodes every row into a typed tuple.
    public func decode<each T: PostgresDecodable>(_ types: (repeat each T).Type) throws -> [(repeat each T)] {
        try map { try $0.decode(types) }
    }

    func cell(row: Int, column: Int) -> PostgresCell {
        let type = columnTypes[column]
        let name = columnNames[column]
        if PQgetisnull(handle, Int32(row), Int32(column)) == 1 {
            return PostgresCell(bytes: nil, type: type, columnName: name)
        }
        let length = Int(PQgetlength(handle, Int32(row), Int32(column)))
        let start = PQgetvalue(handle, Int32(row), Int32(column))
        let bytes = start.map { UnsafeRawPointer($0).assumingMemoryBound(to: UInt8.self) }
        return PostgresCell(bytes: UnsafeBufferPointer(start: bytes, count: length), type: type, columnName: name)
    }
}

/// One row of a result.
public struct PostgresRow {
    let result: PostgresResult
    let index: Int

    public var columnCount: Int { result.columnNames.count }

    /// Decodes the row's columns, in order, into a typed tuple: `row.decode((UUID, String?).self)`.
    public func decode<each T: PostgresDecodable>(_ types: (repeat each T).Type, from start: Int = 0) throws -> (repeat each T) {
        var column = start
        func next<U: PostgresDecodable>(_ type: U.Type) throws -> U {
            defer { column += 1 }
            guard column < columnCount else {
                throw PostgresDecodingError(
                    column: "#\(column)", expected: String(describing: U.self), actualType: .unspecified,
                    reason: "the row has only \(columnCount) columns")
            }
            return try decode(column: column, as: type)
        }
        return (repeat try next((each T).self))
    }

    public func decode<T: PostgresDecodable>(column: Int, as type: T.Type = T.self) throws -> T {
        let cell = result.cell(row: index, column: column)
        return cell.isNull ? try T.decodeNull(from: cell) : try T.decode(from: cell)
    }

    public func decode<T: PostgresDecodable>(column name: String, as type: T.Type = T.self) throws -> T {
        guard let column = result.columnNames.firstIndex(of: name) else {
            throw PostgresDecodingError(
                column: name, expected: String(describing: T.self), actualType: .unspecified,
                reason: "no such column")
        }
        return try decode(column: column, as: type)
    }
}
