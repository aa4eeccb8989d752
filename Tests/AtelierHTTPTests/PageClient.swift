import Foundation
import Synchronization

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// A browser, as far as the pages care: it asks for HTML, keeps the session cookie, sends
/// `Origin` with its forms and does not follow redirects, so tests see each 303.
final class PageClient: Sendable {
    let server: TestServer
    private let session: URLSession
    private let jar = Mutex<[String: String]>([:])

    init(_ server: TestServer) {
        self.server = server
        let configuration = URLSessionConfiguration.ephemeral
        configuration.httpCookieStorage = nil
        configuration.httpShouldSetCookies = false
        session = URLSession(configuration: configuration, delegate: NoRedirects(), delegateQueue: nil)
    }

    var origin: String { "http://127.0.0.1:\(server.port)" }
    var cookie: String? { jar.withLock { $0["atelier_session"] } }

    func get(_ path: String, headers: [String: String] = [:]) async throws -> TestServer.Reply {
        try await send("GET", path, body: nil, headers: headers)
    }

    /// A form as a browser posts it; `_csrf` is added from `csrf` when given.
    func post(_ path: String, _ fields: [(String, String)], headers: [String: String] = [:]) async throws -> TestServer.Reply {
        let body = fields.map { "\(Self.encode($0.0))=\(Self.encode($0.1))" }.joined(separator: "&")
        var headers = headers
        if headers["Origin"] == nil { headers["Origin"] = origin }
        headers["Content-Type"] = "application/x-www-form-urlencoded"
        return try await send("POST", path, body: Data(body.utf8), headers: headers)
    }

    /// Signs in with a code and returns the CSRF token the pages then carry.
    @discardableResult
    func signIn(code: String) async throws -> String {
        let reply = try await post("/entrer", [("code", code)])
        guard reply.status == 303 else { throw PageClientError.signInRefused(reply.status, reply.text) }
        return try await csrf()
    }

    /// The CSRF token written in the home page's logout form.
    func csrf() async throws -> String {
        let home = try await get("/")
        guard let range = home.text.range(of: #"name="_csrf" value="([A-Za-z0-9]+)""#, options: .regularExpression) else {
            throw PageClientError.noCSRFToken
        }
        return String(home.text[range].split(separator: "\"")[3])
    }

    func send(_ method: String, _ path: String, body: Data?, headers: [String: String]) async throws -> TestServer.Reply {
        var request = URLRequest(url: URL(string: "\(origin)\(path)")!)
        request.httpMethod = method
        request.httpBody = body
        request.setValue("text/html", forHTTPHeaderField: "Accept")
        if let cookie { request.setValue("atelier_session=\(cookie)", forHTTPHeaderField: "Cookie") }
        for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }
        let (data, response) = try await session.data(for: request)
        let http = response as! HTTPURLResponse
        var replyHeaders: [String: String] = [:]
        for (key, value) in http.allHeaderFields { replyHeaders["\(key)"] = "\(value)" }
        let reply = TestServer.Reply(status: http.statusCode, headers: replyHeaders, body: data)
        if let setCookie = reply.header("Set-Cookie"), let pair = setCookie.split(separator: ";").first {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
            jar.withLock { $0[parts[0]] = parts.count > 1 && !parts[1].isEmpty ? parts[1] : nil }
        }
        return reply
    }

    static func encode(_ text: String) -> String {
        let allowed = CharacterSet(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._*")
        return (text.addingPercentEncoding(withAllowedCharacters: allowed) ?? text).replacingOccurrences(of: "%20", with: "+")
    }
}

enum PageClientError: Error {
    case signInRefused(Int, String)
    case noCSRFToken
}

private final class NoRedirects: NSObject, URLSessionTaskDelegate, Sendable {
    func urlSession(
        _ session: URLSession, task: URLSessionTask, willPerformHTTPRedirection response: HTTPURLResponse, newRequest request: URLRequest,
        completionHandler: @escaping @Sendable (URLRequest?) -> Void
    ) {
        completionHandler(nil)
    }
}
