/// An error reported by the server or by libpq, classified by meaning so that callers
/// never match on message text.
public struct PostgresError: Error, Sendable, CustomStringConvertible {
    public enum Kind: Sendable, Equatable {
        case uniqueViolation
        case foreignKeyViolation
        case checkViolation
        case notNullViolation
        case exclusionViolation
        case serializationFailure
        case deadlockDetected
        case queryCanceled
        /// The server cancelled the statement without being asked: it ran past `statement_timeout`
        /// (an administrator's `pg_cancel_backend` looks the same).
        case statementTimeout
        case connectionLost
        case connectionFailed
        /// The server only reads: a standby, reached after a failover through a connection
        /// opened before it. The connection reopens on its next use, to find the primary.
        case readOnlyServer
        case invalidInput
        case syntaxOrAccess
        case other
    }

    public let kind: Kind
    public let sqlState: String?
    public let message: String
    public let detail: String?
    public let hint: String?
    public let constraint: String?
    public let table: String?
    public let column: String?

    public init(
        kind: Kind,
        sqlState: String? = nil,
        message: String,
        detail: String? = nil,
        hint: String? = nil,
        constraint: String? = nil,
        table: String? = nil,
        column: String? = nil
    ) {
        self.kind = kind
        self.sqlState = sqlState
        self.message = message
        self.detail = detail
        self.hint = hint
        self.constraint = constraint
        self.table = table
        self.column = column
    }

    /// Whether running the same transaction again may succeed.
    public var isTransient: Bool {
        kind == .serializationFailure || kind == .deadlockDetected
    }

    public var description: String {
        var text = "PostgreSQL \(sqlState ?? "error"): \(message)"
        if let detail { text += " (\(detail))" }
        if let constraint { text += " [constraint \(constraint)]" }
        return text
    }

    /// Maps a SQLSTATE to its meaning; classes are used where the exact code does not matter.
    static func kind(forSQLState state: String) -> Kind {
        switch state {
        case "23505": return .uniqueViolation
        case "23503": return .foreignKeyViolation
        case "23514": return .checkViolation
        case "23502": return .notNullViolation
        case "23P01": return .exclusionViolation
        case "40001": return .serializationFailure
        case "40P01": return .deadlockDetected
        case "57014": return .queryCanceled
        case "25006": return .readOnlyServer
        // Administrator shutdown, crash shutdown, cannot connect now: the server went away.
        case "57P01", "57P02", "57P03": return .connectionLost
        default: break
        }
        switch state.prefix(2) {
        case "08": return .connectionLost
        case "22": return .invalidInput
        case "42": return .syntaxOrAccess
        default: return .other
        }
    }
}

/// A value read from a row could not become the Swift type asked for.
public struct PostgresDecodingError: Error, Sendable, CustomStringConvertible {
    public let column: String
    public let expected: String
    public let actualType: PostgresType
    public let reason: String

    public var description: String {
        "column \"\(column)\" (\(actualType)) cannot be decoded as \(expected): \(reason)"
    }
}
