import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// HTTP/1.1 as bytes over a plain socket, for what URLSession will not send: chunked bodies,
/// broken framing, half a request line, `HEAD`, paths with doubled slashes. The socket work runs
/// on a thread of its own, so a test waiting for the server to hang up blocks no task.
enum RawHTTP {
    struct Reply: Sendable {
        /// Nil when the server closed the connection without answering.
        let status: Int?
        let headers: [String: String]
        /// The bytes after the head, as sent (a chunked body is not decoded).
        let body: [UInt8]
        /// Whether the server closed the connection before `wait` ran out.
        let closed: Bool

        func header(_ name: String) -> String? { headers[name.lowercased()] }
        var text: String { String(decoding: body, as: UTF8.self) }
    }

    /// Sends `request`, then reads until the server closes the connection or `wait` passes
    /// without a byte arriving.
    static func exchange(port: Int, _ request: [UInt8], wait: Duration = .seconds(60)) async throws -> Reply {
        try await withCheckedThrowingContinuation { continuation in
            Thread {
                continuation.resume(with: Result { try exchangeBlocking(port: port, request, wait: wait) })
            }.start()
        }
    }

    /// A request with `Connection: close`, so that the reply ends with the connection.
    static func request(_ method: String, _ path: String, headers: [String] = [], body: [UInt8] = []) -> [UInt8] {
        let head = ["\(method) \(path) HTTP/1.1", "Host: 127.0.0.1", "Connection: close"] + headers
        return Array((head.joined(separator: "\r\n") + "\r\n\r\n").utf8) + body
    }

    /// `bytes` as a chunked body, in chunks of `size`, with the last chunk.
    static func chunked(_ bytes: [UInt8], size: Int = 8192) -> [UInt8] {
        var body: [UInt8] = []
        for start in stride(from: 0, to: bytes.count, by: size) {
            let chunk = bytes[start..<min(start + size, bytes.count)]
            body += Array("\(String(chunk.count, radix: 16))\r\n".utf8) + chunk + Array("\r\n".utf8)
        }
        return body + Array("0\r\n\r\n".utf8)
    }

    /// A socket connected to the test server on 127.0.0.1.
    static func connect(port: Int) throws -> Int32 {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { throw POSIXError(.init(rawValue: errno) ?? .EIO) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { Glibc.connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else {
            close(descriptor)
            throw POSIXError(.init(rawValue: errno) ?? .ECONNREFUSED)
        }
        return descriptor
    }

    private static func exchangeBlocking(port: Int, _ request: [UInt8], wait: Duration) throws -> Reply {
        let descriptor = try connect(port: port)
        defer { close(descriptor) }
        var timeout = timeval(tv_sec: Int(wait.components.seconds), tv_usec: 0)
        setsockopt(descriptor, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        // The server may answer (413) and hang up before it has read everything: a failed send
        // is then part of the exchange, not an error.
        var sent = 0
        while sent < request.count {
            let count = request[sent...].withUnsafeBytes { send(descriptor, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            if count <= 0 { break }
            sent += count
        }
        var received: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 16384)
        var closed = false
        while true {
            let count = recv(descriptor, &buffer, buffer.count, 0)
            if count == 0 || (count < 0 && errno == ECONNRESET) {
                closed = true
                break
            }
            if count < 0 { break }
            received += buffer[..<count]
        }
        return parse(received, closed: closed)
    }

    private static func parse(_ bytes: [UInt8], closed: Bool) -> Reply {
        let separator = Array("\r\n\r\n".utf8)
        guard let end = bytes.indices.first(where: { bytes[$0...].starts(with: separator) }) else {
            return Reply(status: nil, headers: [:], body: bytes, closed: closed)
        }
        let lines = String(decoding: bytes[..<end], as: UTF8.self).components(separatedBy: "\r\n")
        let status = lines.first.flatMap { $0.split(separator: " ").dropFirst().first }.flatMap { Int($0) }
        var headers: [String: String] = [:]
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        return Reply(status: status, headers: headers, body: Array(bytes[(end + separator.count)...]), closed: closed)
    }
}
