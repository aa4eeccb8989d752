import CLibPQ
import Foundation
import Synchronization

/// One libpq connection. Every call blocks, so it is only ever used from a thread of the
/// pool's own thread pool, and by one thread at a time; `requestCancel` is the one call that is
/// safe from anywhere.
public final class Connection: @unchecked Sendable {
    let url: String
    /// Further libpq parameters, for connections with special needs (the listener's keepalives).
    private let parameters: [(key: String, value: String)]
    /// The session's settings, sent when it opens: the fixed ones, then the owner's. Empty
    /// behind a transaction pooler, which would refuse them or lose them.
    private let sessionOptions: String
    /// Behind a transaction pooler, the same settings as `SET LOCAL`s that open every
    /// transaction, since each transaction may reach another server session; empty otherwise.
    let transactionSettings: [String]
    /// Behind a transaction pooler, statements are never prepared by name: the next
    /// transaction may reach a session that never saw the statement, or another client's.
    private let preparesStatements: Bool
    /// Every transaction opens `READ ONLY`, and so does the session: `default_transaction_read_only`
    /// alone would not survive a transaction pooler, and a `SET LOCAL` of it comes too late for
    /// the transaction it is sent in.
    let readOnly: Bool
    /// Set when the server turned out to be read-only (a standby after a failover): the
    /// connection is then reopened, so that `target_session_attrs` finds the primary again.
    private var reachedReadOnlyServer = false
    private var handle: OpaquePointer?
    /// Statements this session has prepared, by text and parameter types: parsed and planned
    /// once per connection instead of once per call.
    private var prepared: [PreparedKey: String] = [:]
    private static let maximumPrepared = 512

    private struct PreparedKey: Hashable {
        let sql: String
        let types: [UInt32]
    }
    private let cancellation = Mutex<Cancellation>(Cancellation())

    private struct Cancellation: @unchecked Sendable {
        var token: OpaquePointer?
        /// Numbers the units of work, so a cancel meant for one never reaches the next.
        var work = 0
        var requested = false
    }

    /// A connection that opens lazily, on first use.
    public convenience init(url: String) { self.init(url: url, parameters: []) }

    /// `settings` are run-time parameters for the whole session, such as `statement_timeout`;
    /// behind a transaction pooler (`transactionPooling`), for every transaction instead.
    init(
        url: String, parameters: [(key: String, value: String)], settings: [(name: String, value: String)] = [],
        transactionPooling: Bool = false, readOnly: Bool = false
    ) {
        self.url = url
        self.parameters = parameters
        self.readOnly = readOnly
        let all = Self.fixedSettings + settings + (readOnly ? [(name: "default_transaction_read_only", value: "on")] : [])
        sessionOptions = transactionPooling ? "" : all.map { "-c \($0.name)=\($0.value)" }.joined(separator: " ")
        transactionSettings = transactionPooling ? all.map { "SET LOCAL \($0.name) = '\($0.value)'" } : []
        preparesStatements = !transactionPooling
    }

    /// Opens a connection now.
    public static func connect(url: String) throws -> Connection {
        let connection = Connection(url: url)
        try connection.open()
        return connection
    }

    deinit { close() }

    /// Every session speaks UTC and ISO dates, so timestamps decode the same way everywhere.
    private static let fixedSettings = [
        (name: "DateStyle", value: "ISO"), (name: "TimeZone", value: "UTC"), (name: "IntervalStyle", value: "iso_8601"),
        (name: "extra_float_digits", value: "3"),
    ]

    func open() throws {
        close()
        // pgbouncer refuses a startup packet with `options` unless told to ignore it.
        let options = sessionOptions.isEmpty ? [] : [(key: "options", value: sessionOptions)]
        let startup =
            [(key: "client_encoding", value: "UTF8")] + options + [(key: "application_name", value: "atelier"), (key: "connect_timeout", value: "5")]
        let keys = ["dbname"] + (startup + parameters).map(\.key)
        let values = [url] + (startup + parameters).map(\.value)
        let connection = withCStringArray(keys) { keyPointers in
            withCStringArray(values) { valuePointers in
                PQconnectdbParams(keyPointers, valuePointers, 1)
            }
        }
        guard let connection, PQstatus(connection) == CONNECTION_OK else {
            let message = connection.map { String(cString: PQerrorMessage($0)) } ?? "out of memory"
            if let connection { PQfinish(connection) }
            throw PostgresError(kind: .connectionFailed, message: message.trimmingCharacters(in: .whitespacesAndNewlines))
        }
        // Notices (e.g. "already exists, skipping") are not errors and must not reach stderr.
        PQsetNoticeProcessor(connection, { _, _ in }, nil)
        handle = connection
        let token = PQgetCancel(connection)
        cancellation.withLock { $0.token = token }
    }

    /// Closes the connection; the next use opens a new one.
    public func close() {
        let token = cancellation.withLock { state -> OpaquePointer? in
            defer { state.token = nil }
            return state.token
        }
        if let token { PQfreeCancel(token) }
        if let handle { PQfinish(handle) }
        handle = nil
        prepared = [:]
        reachedReadOnlyServer = false
    }

    /// Whether the connection can take a statement now: open, and not closed by the server
    /// while it sat idle (a restart leaves such sockets behind).
    public var isAlive: Bool {
        guard let handle, PQstatus(handle) == CONNECTION_OK, !reachedReadOnlyServer else { return false }
        // Between statements the server has nothing to say: anything readable on the socket is
        // a termination notice or the end of the stream, so the session is over.
        var descriptor = pollfd(fd: PQsocket(handle), events: Int16(POLLIN), revents: 0)
        return poll(&descriptor, 1, 0) == 0
    }

    /// Outside any transaction, with nothing pending: safe to hand to someone else.
    public var isIdle: Bool {
        guard let handle, PQstatus(handle) == CONNECTION_OK else { return false }
        return PQtransactionStatus(handle) == PQTRANS_IDLE
    }

    var isInFailedTransaction: Bool {
        guard let handle else { return false }
        return PQtransactionStatus(handle) == PQTRANS_INERROR
    }

    /// Opens or reopens the connection when needed, unless the work was cancelled before it
    /// started: then nothing runs and the caller gets a `CancellationError`.
    func prepareForUse() throws {
        if cancellation.withLock({ $0.requested }) { throw CancellationError() }
        if !isAlive { try open() }
    }

    /// Starts a unit of work: a cancel asked for the previous one is forgotten. Returns the
    /// work's number for `requestCancel` and `sendCancel`.
    func beginWork() -> Int {
        cancellation.withLock { state in
            state.work &+= 1
            state.requested = false
            return state.work
        }
    }

    /// Ends the unit of work: a cancel still on its way for it is dropped. When a cancel is being
    /// sent, waits for it, so the server has it before the connection serves anyone else.
    func endWork() {
        cancellation.withLock { $0.work &+= 1 }
    }

    /// Marks `work` cancelled, from any thread, without blocking: a statement not started yet will
    /// not start. Returns whether one may be running, for `sendCancel` to interrupt.
    func requestCancel(of work: Int) -> Bool {
        cancellation.withLock { state in
            guard state.work == work else { return false }
            state.requested = true
            return state.token != nil
        }
    }

    /// Asks the server to interrupt the statement of `work` if that work is still going on.
    /// Blocks while it connects to the server and waits for its answer: call it from a thread
    /// that may block, never from the cooperative pool.
    func sendCancel(of work: Int) {
        cancellation.withLock { state in
            guard state.work == work, let token = state.token else { return }
            var buffer = [CChar](repeating: 0, count: 256)
            _ = PQcancel(token, &buffer, Int32(buffer.count))
        }
    }

    /// Runs one statement with its parameters bound separately.
    @discardableResult
    public func query(_ sql: String, _ parameters: [any PostgresEncodable] = []) throws -> PostgresResult {
        if isCancelRequested {
            throw PostgresError(kind: .queryCanceled, sqlState: "57014", message: "canceling statement due to user request")
        }
        return try run(sql, parameters)
    }

    var isCancelRequested: Bool { cancellation.withLock { $0.requested } }

    /// `query` without the cancel check, for the clean-up that must run after a cancel.
    func run(_ sql: String, _ parameters: [any PostgresEncodable] = []) throws -> PostgresResult {
        let handle = try usableHandle()
        let types = parameters.map { type(of: $0).postgresType.rawValue }
        let texts = try parameters.enumerated().map { index, parameter -> String? in
            guard let text = parameter.postgresText else { return nil }
            // libpq passes C strings: a NUL would silently cut the value short.
            guard !text.utf8.contains(0) else {
                throw PostgresError(kind: .invalidInput, sqlState: "22021", message: "parameter $\(index + 1) contains a NUL character")
            }
            return text
        }
        let name = try preparedName(sql, types: types, handle: handle)
        let result = withOptionalCStringArray(texts) { values in
            if let name {
                return PQexecPrepared(handle, name, Int32(parameters.count), values, nil, nil, 0)
            }
            return PQexecParams(handle, sql, Int32(parameters.count), types, values, nil, nil, 0)
        }
        return try check(result, handle: handle)
    }

    /// Runs a statement and returns the number of rows it changed.
    @discardableResult
    public func execute(_ sql: String, _ parameters: [any PostgresEncodable] = []) throws -> Int {
        try query(sql, parameters).affectedRows
    }

    /// The name of the prepared statement for `sql`, preparing it on first use; nil once the
    /// cache is full, and the statement then runs unprepared.
    private func preparedName(_ sql: String, types: [UInt32], handle: OpaquePointer) throws -> String? {
        let key = PreparedKey(sql: sql, types: types)
        if let name = prepared[key] { return name }
        guard preparesStatements, prepared.count < Self.maximumPrepared else { return nil }
        let name = "atelier_\(prepared.count)"
        _ = try check(PQprepare(handle, name, sql, Int32(types.count), types), handle: handle)
        prepared[key] = name
        return name
    }

    func usableHandle() throws -> OpaquePointer {
        if handle == nil { try open() }
        guard let handle else { throw PostgresError(kind: .connectionLost, message: "no connection") }
        return handle
    }

    /// Turns a libpq result into rows or a classified error.
    func check(_ result: OpaquePointer?, handle: OpaquePointer, accepting accepted: Set<UInt32> = []) throws -> PostgresResult {
        guard let result else { throw connectionError(handle) }
        let status = PQresultStatus(result)
        switch status {
        case PGRES_COMMAND_OK, PGRES_TUPLES_OK, PGRES_EMPTY_QUERY:
            return PostgresResult(handle: result)
        default:
            if accepted.contains(status.rawValue) { return PostgresResult(handle: result) }
            defer { PQclear(result) }
            throw error(from: result, handle: handle)
        }
    }

    func error(from result: OpaquePointer, handle: OpaquePointer) -> PostgresError {
        func field(_ code: Int32) -> String? {
            PQresultErrorField(result, code).map { String(cString: $0) }
        }
        guard let state = field(ATELIER_PG_DIAG_SQLSTATE) else { return connectionError(handle) }
        var kind = PostgresError.kind(forSQLState: state)
        if PQstatus(handle) != CONNECTION_OK { kind = .connectionLost }
        // The server cancelled a statement nobody here asked to cancel: its statement_timeout.
        if kind == .queryCanceled, !cancellation.withLock({ $0.requested }) { kind = .statementTimeout }
        if kind == .readOnlyServer { reachedReadOnlyServer = true }
        return PostgresError(
            kind: kind,
            sqlState: state,
            message: field(ATELIER_PG_DIAG_MESSAGE_PRIMARY) ?? String(cString: PQresultErrorMessage(result)),
            detail: field(ATELIER_PG_DIAG_MESSAGE_DETAIL),
            hint: field(ATELIER_PG_DIAG_MESSAGE_HINT),
            constraint: field(ATELIER_PG_DIAG_CONSTRAINT_NAME),
            table: field(ATELIER_PG_DIAG_TABLE_NAME),
            column: field(ATELIER_PG_DIAG_COLUMN_NAME)
        )
    }

    func connectionError(_ handle: OpaquePointer) -> PostgresError {
        let message = String(cString: PQerrorMessage(handle)).trimmingCharacters(in: .whitespacesAndNewlines)
        let lost = PQstatus(handle) != CONNECTION_OK
        return PostgresError(kind: lost ? .connectionLost : .other, message: message.isEmpty ? "no result" : message)
    }

    var rawHandle: OpaquePointer? { handle }
}

/// Passes an array of Swift strings to C as `const char * const *`, valid for the call only.
func withCStringArray<R>(_ strings: [String], _ body: ([UnsafePointer<CChar>?]) -> R) -> R {
    withOptionalCStringArray(strings.map { Optional($0) }) { pointers in
        body(pointers + [nil])
    }
}

func withOptionalCStringArray<R>(_ strings: [String?], _ body: ([UnsafePointer<CChar>?]) -> R) -> R {
    let copies = strings.map { $0.map { strdup($0)! } }
    defer { copies.forEach { free($0) } }
    return body(copies.map { $0.map { UnsafePointer($0) } })
}

extension Connection {
    /// Runs a script of several statements with no parameters (simple query protocol), for
    /// migrations only: anything with a value in it goes through `query`.
    public func executeScript(_ sql: String) throws {
        let handle = try usableHandle()
        // PQexec returns the last result; an error stops the script at that statement.
        _ = try check(PQexec(handle, sql), handle: handle)
    }
}
