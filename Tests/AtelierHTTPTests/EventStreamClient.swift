import AtelierTestSupport
import Foundation
import Synchronization
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// A minimal HTTP/1.1 client for one text/event-stream response, over a plain socket read by a
/// thread of its own: URLSession on Linux hands a streamed body over only once it has ended.
final class EventStreamClient: Sendable {
    struct Message: Sendable, Equatable {
        var id: String?
        var event: String
        var data: String

        var json: [String: Any] { (try? JSONSerialization.jsonObject(with: Data(data.utf8))) as? [String: Any] ?? [:] }
    }

    struct State: Sendable {
        var status: Int?
        var headers: [String: String] = [:]
        var messages: [Message] = []
        var comments = 0
        var retry: Int?
        var ended = false

        func header(_ name: String) -> String? { headers[name.lowercased()] }
        /// Events from the table, without the stream's own `ready` and `reset`.
        var events: [Message] { messages.filter { $0.event.contains(".") } }
    }

    private let socket: Int32
    private let path: String
    private let state = Mutex(State())
    /// Whether the response head was checked against the contract yet: once per stream.
    private let checked = Mutex(false)

    private init(socket: Int32, path: String) {
        self.socket = socket
        self.path = path
    }

    /// Connects, sends the request and starts reading.
    static func open(port: Int, path: String, token: String?, headers: [String: String] = [:]) throws -> EventStreamClient {
        let descriptor = try RawHTTP.connect(port: port)
        var lines = ["GET \(path) HTTP/1.1", "Host: 127.0.0.1:\(port)", "Accept: text/event-stream"]
        if let token { lines.append("Authorization: Bearer \(token)") }
        lines += headers.map { "\($0.key): \($0.value)" }
        let request = Array((lines.joined(separator: "\r\n") + "\r\n\r\n").utf8)
        _ = request.withUnsafeBytes { send(descriptor, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
        let client = EventStreamClient(socket: descriptor, path: path)
        let thread = Thread { client.read() }
        thread.start()
        return client
    }

    var current: State { state.withLock { $0 } }

    /// Waits until the state satisfies `condition`, and returns it. The first wait that sees the
    /// response head checks its status and headers against the contract, from the test's
    /// own task so that a fault fails that test.
    @discardableResult
    func wait(until condition: @escaping (State) -> Bool, sourceLocation: SourceLocation = #_sourceLocation) async throws -> State {
        try await eventually { condition(current) }
        let state = current
        guard let status = state.status,
            checked.withLock({ done in
                defer { done = true }; return !done
            })
        else { return state }
        for fault in Contract.repository.faults(method: "GET", path: path, status: status, headers: state.headers, body: nil) {
            Issue.record("contract: \(fault)", sourceLocation: sourceLocation)
        }
        return state
    }

    /// Hangs up, as a phone that goes out of range does.
    func close() {
        state.withLock { state in
            guard !state.ended else { return }
            state.ended = true
            shutdown(socket, Int32(SHUT_RDWR))
        }
    }

    private func read() {
        var parser = Parser()
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = recv(socket, &buffer, buffer.count, 0)
            if count <= 0 { break }
            parser.consume(buffer[..<count])
            let done = state.withLock { state in
                parser.drain(into: &state)
                return parser.isComplete
            }
            if done { break }
        }
        state.withLock { state in
            state.ended = true
            shutdown(socket, Int32(SHUT_RDWR))
        }
        Glibc.close(socket)
    }

    /// Response head, chunked body, then the event-stream format.
    private struct Parser {
        var raw: [UInt8] = []
        var body: [UInt8] = []
        var headDone = false
        var isComplete = false
        var status: Int?
        var headers: [String: String] = [:]
        var block: [(field: String, value: String)] = []
        var messages: [Message] = []
        var comments = 0
        var retry: Int?

        mutating func consume(_ bytes: ArraySlice<UInt8>) {
            raw += bytes
            if !headDone, let end = find([13, 10, 13, 10], in: raw) {
                let head = String(decoding: raw[..<end], as: UTF8.self).components(separatedBy: "\r\n")
                status = head.first.flatMap { Int($0.split(separator: " ").dropFirst().first ?? "") }
                for line in head.dropFirst() {
                    guard let colon = line.firstIndex(of: ":") else { continue }
                    headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
                }
                raw.removeFirst(end + 4)
                headDone = true
            }
            guard headDone else { return }
            if headers["transfer-encoding"] == "chunked" {
                // size CRLF data CRLF, until a chunk of size 0.
                while let lineEnd = find([13, 10], in: raw), let size = Int(String(decoding: raw[..<lineEnd], as: UTF8.self), radix: 16) {
                    guard raw.count >= lineEnd + 2 + size + 2 else { break }
                    body += raw[(lineEnd + 2)..<(lineEnd + 2 + size)]
                    raw.removeFirst(lineEnd + 2 + size + 2)
                    if size == 0 { isComplete = true }
                }
            } else {
                body += raw
                raw = []
            }
            parseLines()
        }

        mutating func parseLines() {
            while let newline = body.firstIndex(of: 10) {
                var line = String(decoding: body[..<newline], as: UTF8.self)
                body.removeFirst(newline + 1)
                if line.hasSuffix("\r") { line.removeLast() }
                if line.isEmpty {
                    dispatch()
                } else if line.hasPrefix(":") {
                    comments += 1
                } else {
                    let parts = line.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
                    var value = parts.count > 1 ? String(parts[1]) : ""
                    if value.hasPrefix(" ") { value.removeFirst() }
                    block.append((String(parts[0]), value))
                }
            }
        }

        mutating func dispatch() {
            defer { block = [] }
            if let value = block.last(where: { $0.field == "retry" })?.value { retry = Int(value) }
            let data = block.filter { $0.field == "data" }.map(\.value)
            guard !data.isEmpty else { return }
            messages.append(
                Message(
                    id: block.last { $0.field == "id" }?.value, event: block.last { $0.field == "event" }?.value ?? "message",
                    data: data.joined(separator: "\n")))
        }

        mutating func drain(into state: inout State) {
            state.status = status
            state.headers = headers
            state.messages += messages
            state.comments += comments
            state.retry = retry ?? state.retry
            messages = []
            comments = 0
        }

        func find(_ needle: [UInt8], in haystack: [UInt8]) -> Int? {
            guard haystack.count >= needle.count else { return nil }
            return (0...(haystack.count - needle.count)).first { haystack[$0..<($0 + needle.count)].elementsEqual(needle) }
        }
    }
}
