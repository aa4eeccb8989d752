/// How much a transaction sees of concurrent ones.
public enum IsolationLevel: Sendable {
    case readCommitted
    case repeatableRead
    case serializable

    var sql: String {
        switch self {
        case .readCommitted: "READ COMMITTED"
        case .repeatableRead: "REPEATABLE READ"
        case .serializable: "SERIALIZABLE"
        }
    }
}

extension Connection {
    /// Runs `body` in a transaction: commits when it returns, rolls back when it throws.
    public func transaction<R>(_ isolation: IsolationLevel = .readCommitted, _ body: (Connection) throws -> R) throws -> R {
        try begin(isolation)
        do {
            let value = try body(self)
            // A statement that failed inside `body` and was caught there leaves the transaction
            // aborted; COMMIT would then quietly roll back, so say so instead.
            if isInFailedTransaction {
                throw PostgresError(kind: .other, sqlState: "25P02", message: "the transaction was aborted by an earlier error")
            }
            try execute("COMMIT")
            return value
        } catch {
            if isAlive, !isIdle { _ = try? run("ROLLBACK") }
            throw error
        }
    }
}

extension Connection {
    /// Behind a transaction pooler the session's settings open the transaction, in the same
    /// round trip (simple query protocol, no parameters: the texts are our own constants).
    private func begin(_ isolation: IsolationLevel) throws {
        let begin = "BEGIN ISOLATION LEVEL \(isolation.sql)" + (readOnly ? " READ ONLY" : "")
        guard !transactionSettings.isEmpty else {
            try execute(begin)
            return
        }
        if isCancelRequested {
            throw PostgresError(kind: .queryCanceled, sqlState: "57014", message: "canceling statement due to user request")
        }
        try executeScript(([begin] + transactionSettings).joined(separator: "; "))
    }
}

extension Connection {
    /// Lifts the session's `statement_timeout` until the transaction ends, for a job that is
    /// long by nature (a whole congress read or written in one statement) and that someone at
    /// the console started on purpose.
    public func liftStatementTimeoutForTransaction() throws {
        try execute("SET LOCAL statement_timeout = 0")
    }
}
