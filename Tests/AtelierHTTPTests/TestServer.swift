import AtelierCore
import AtelierHTTP
import AtelierServices
import AtelierStore
import AtelierTestSupport
import Foundation
import Hummingbird
import Logging
import Postgres
import ServiceLifecycle
import Synchronization
import Testing

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Runs `body` against the real server on a free port, over its own freshly migrated database
/// (or `databaseURL`, as a second process on another's database would be), then shuts the server
/// down gracefully and waits for it, whatever `body` does: nothing outlives the test.
/// `settings` are the server's: no rate limit unless a test asks for them (`RateLimitTests`),
/// since most tests post and vote far faster than people; `logger` receives what the server
/// logs (by default nothing below critical). With `standbyURL`, lists and exports read there
/// through a read-only pool, as from a standby.
func withTestServer<R>(
    poolSize: Int = 4, databaseURL: String? = nil, standbyURL: String? = nil, statementTimeout: Duration? = .seconds(15),
    connectionWait: Duration = .seconds(5),
    opinionGroupMinimumSize: Int = ProposalOpinionSupport.defaultMinimumGroupSize, tallyInterval: Duration = .milliseconds(200),
    readTimeout: Duration = AtelierApplication.defaultReadTimeout, settings: PageSettings = .init(rateLimits: .unlimited), logger: Logger? = nil,
    _ body: (TestServer) async throws -> R
) async throws -> R {
    let server = try await TestServer.start(
        poolSize: poolSize, databaseURL: databaseURL, standbyURL: standbyURL, statementTimeout: statementTimeout, connectionWait: connectionWait,
        opinionGroupMinimumSize: opinionGroupMinimumSize, tallyInterval: tallyInterval, readTimeout: readTimeout, settings: settings,
        logger: logger)
    do {
        let result = try await body(server)
        await server.stop()
        return result
    } catch {
        await server.stop()
        throw error
    }
}

/// The real server, with the pool, the event listener and the HTTP server in one service group
/// as `atelier serve` runs them, talked to over real HTTP. Use it through `withTestServer`.
final class TestServer: Sendable {
    let services: Services
    let port: Int
    let databaseURL: String
    /// The checkout's files, as a development build serves them.
    // The checkout always holds them; a failure here is a broken checkout, not a test result.
    static let resources = try! WebResources(root: TestDatabase.repositoryRoot)
    private let group: ServiceGroup
    private let task: Task<Void, any Error>

    /// The timeouts are the pool's (`ConnectionPool.Configuration`).
    fileprivate static func start(
        poolSize: Int, databaseURL: String?, standbyURL: String?, statementTimeout: Duration?, connectionWait: Duration, opinionGroupMinimumSize: Int,
        tallyInterval: Duration, readTimeout: Duration, settings: PageSettings, logger: Logger?
    ) async throws -> TestServer {
        let url: String
        if let databaseURL { url = databaseURL } else { url = try await TestDatabase.migrated() }
        let pool = ConnectionPool(.init(url: url, size: poolSize, statementTimeout: statementTimeout, connectionWait: connectionWait))
        let metrics = ServerMetrics()
        let standby = standbyURL.map { StandbyReads(pool: ConnectionPool(.init(url: $0, size: poolSize, readOnly: true))) }
        let services = Services(
            pool: pool, standby: standby, opinionGroupMinimumSize: opinionGroupMinimumSize, tallyInterval: tallyInterval, metrics: metrics.factory)
        let logger =
            logger
            ?? {
                var logger = Logger(label: "atelier.test")
                logger.logLevel = .critical
                return logger
            }()
        let bound = AsyncStream<Int>.makeStream()
        let group = try AtelierApplication.serviceGroup(
            services: services, resources: resources, settings: settings, metrics: metrics, host: "127.0.0.1", port: 0,
            readTimeout: readTimeout, logger: logger, signals: []
        ) { port in
            bound.continuation.yield(port)
        }
        let task = Task { try await group.run() }
        var iterator = bound.stream.makeAsyncIterator()
        guard let port = await iterator.next() else {
            task.cancel()
            throw CancellationError()
        }
        return TestServer(services: services, port: port, databaseURL: url, group: group, task: task)
    }

    private init(services: Services, port: Int, databaseURL: String, group: ServiceGroup, task: Task<Void, any Error>) {
        self.services = services
        self.port = port
        self.databaseURL = databaseURL
        self.group = group
        self.task = task
    }

    /// As SIGTERM would: the server drains, its streams end, the pool closes last.
    fileprivate func stop() async {
        await group.triggerGracefulShutdown()
        _ = await task.result
    }

    /// Runs SQL directly, to check what the API says against what the database holds.
    func sql<R: Sendable>(_ body: @escaping @Sendable (Connection) throws -> R) async throws -> R {
        try await services.pool.withConnection(body)
    }

    // MARK: Fixtures

    struct Fixture: Sendable {
        let congress: Congress
        let workshops: [Workshop]
        let admin: String
        let lead: String
        let attendee: String
        let otherAttendee: String
    }

    /// A congress with two workshops, an admin, a lead of the first workshop, and two attendees.
    func fixture() async throws -> Fixture {
        let (congress, workshops) = try await sql { connection in
            try connection.transaction { connection in
                let congress = try CongressStore.upsertCongress(
                    slug: "test-congress", title: "Congrès d'essai", place: "Agen", startsOn: "2026-01-29", endsOn: "2026-01-30",
                    in: connection)
                let workshops = try ["premier", "second"].enumerated().map { position, slug in
                    try CongressStore.upsertWorkshop(
                        congressID: congress.id, engagementID: nil, slug: slug, title: "Atelier \(slug)", description: "",
                        position: position, in: connection)
                }
                return (congress, workshops)
            }
        }
        func add(_ name: String, _ role: Role, leads: [String] = []) async throws -> String {
            try await services.participants.add(
                congressSlug: congress.slug, displayName: name, organisation: "Ville de \(name)", role: role, named: role != .attendee,
                leadsWorkshops: leads
            ).token
        }
        return Fixture(
            congress: congress, workshops: workshops, admin: try await add("Admin", .admin),
            lead: try await add("Lead", .lead, leads: ["premier"]), attendee: try await add("Attendee", .attendee),
            otherAttendee: try await add("Other", .attendee))
    }

    // MARK: HTTP

    struct Reply: Sendable {
        let status: Int
        let headers: [String: String]
        let body: Data

        var json: [String: Any] { (try? JSONSerialization.jsonObject(with: body)) as? [String: Any] ?? [:] }
        var text: String { String(decoding: body, as: UTF8.self) }
        var contentType: String { header("Content-Type") ?? "" }
        var problemType: String? { contentType == "application/problem+json" ? json["type"] as? String : nil }

        func header(_ name: String) -> String? {
            headers.first { $0.key.caseInsensitiveCompare(name) == .orderedSame }?.value
        }
    }

    /// Every reply is checked against `api/openapi.json`: a status the operation does not
    /// document, a body that breaks its schema or a documented header missing fails the calling
    /// test, and so does a request body the server accepted although it breaks its schema.
    func request(
        _ method: String, _ path: String, token: String? = nil, json: Any? = nil, body: Data? = nil,
        headers: [String: String] = [:], sourceLocation: SourceLocation = #_sourceLocation
    ) async throws -> Reply {
        var request = URLRequest(url: URL(string: "http://127.0.0.1:\(port)\(path)")!)
        request.httpMethod = method
        if let token { request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization") }
        if let json {
            request.httpBody = try JSONSerialization.data(withJSONObject: json)
            request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        }
        if let body { request.httpBody = body }
        for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }
        let (data, response) = try await URLSession.shared.data(for: request)
        let http = response as! HTTPURLResponse
        var replyHeaders: [String: String] = [:]
        for (key, value) in http.allHeaderFields { replyHeaders["\(key)"] = "\(value)" }
        let reply = Reply(status: http.statusCode, headers: replyHeaders, body: data)
        let faults = Contract.repository.faults(method: method, path: path, status: reply.status, headers: replyHeaders, body: data)
        let accepted = (200..<300).contains(reply.status) ? Contract.repository.faults(ofAccepted: method, path: path, body: request.httpBody) : []
        for fault in faults + accepted { Issue.record("contract: \(fault)", sourceLocation: sourceLocation) }
        return reply
    }
}
