import AtelierCore
import AtelierHTTP
import AtelierServices
import Foundation
import Glibc
import Logging
import Postgres
import ServiceLifecycle
import Synchronization
import Testing
import UnixSignals

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// `atelier serve` on SIGTERM, as systemd stops it: in the middle of a room voting, with a
/// browser following the live events.
@Suite struct ShutdownTests {
    /// What one voter saw acknowledged: (contribution, vote) pairs the server answered 200 to.
    typealias Acknowledged = [(contribution: String, value: String)]

    @Test func sigtermDuringAVoteLoadAndAnOpenStreamStopsPromptlyAndKeepsEveryAcknowledgedVote() async throws {
        try await withTestServer { witness in
            let fixture = try await witness.fixture()
            let workshop = fixture.workshops[0].id
            var posted: [String] = []
            for index in 0..<120 {
                posted.append(
                    try await witness.postContribution("Idée numéro \(index) pour la salle", workshop: workshop, token: fixture.admin))
            }

            // The server under test: the same service group as `atelier serve`, trapping SIGTERM.
            var logger = Logger(label: "atelier.test")
            logger.logLevel = .critical
            let bound = AsyncStream<Int>.makeStream()
            let group = try AtelierApplication.serviceGroup(
                services: Services(pool: ConnectionPool(.init(url: witness.databaseURL, size: 4))), resources: TestServer.resources,
                host: "127.0.0.1", port: 0, logger: logger, signals: [.sigterm]
            ) { port in
                bound.continuation.yield(port)
            }
            let running = Task { try await group.run() }
            var ports = bound.stream.makeAsyncIterator()
            let port = try #require(await ports.next())
            let stream = try EventStreamClient.open(port: port, path: "/api/v1/workshops/\(workshop)/events", token: fixture.attendee)
            defer { stream.close() }
            _ = try await stream.wait { $0.messages.contains { $0.event == "ready" } }

            let contributions = posted
            // Four voters go through the contributions, each once, one request at a time.
            let voters = [fixture.admin, fixture.lead, fixture.attendee, fixture.otherAttendee]
            let acknowledgedCount = Counter()
            let load = Task {
                try await withThrowingTaskGroup(of: Acknowledged.self) { tasks in
                    for (offset, token) in voters.enumerated() {
                        tasks.addTask {
                            var acknowledged: Acknowledged = []
                            for (index, contribution) in contributions.enumerated() {
                                let value = ["agree", "disagree", "pass"][(index + offset) % 3]
                                // Refused or cut off once the server stops: not acknowledged, so not checked.
                                guard let status = try? await Self.vote(value, on: contribution, token: token, port: port) else { break }
                                if status == 200 {
                                    acknowledged.append((contribution, value))
                                    acknowledgedCount.add()
                                }
                            }
                            return acknowledged
                        }
                    }
                    return try await tasks.reduce(into: Acknowledged()) { all, one in all += one }
                }
            }

            while acknowledgedCount.value < 40 { try await Task.sleep(for: .milliseconds(5)) }
            kill(getpid(), SIGTERM)
            // A server that does not stop by itself is cancelled after 15 s, so the test fails instead of hanging.
            let cancelledByWatchdog = Mutex(false)
            let watchdog = Task {
                try await Task.sleep(for: .seconds(15))
                cancelledByWatchdog.withLock { $0 = true }
                running.cancel()
            }
            _ = await running.result
            watchdog.cancel()
            #expect(cancelledByWatchdog.withLock { $0 } == false, "the server did not stop by itself on SIGTERM")
            #expect(try await stream.wait { $0.ended }.ended, "the open event stream ended with the server")

            let acknowledged = try await load.value
            #expect(acknowledged.count >= 40)
            let stored = try await witness.sql { connection in
                try connection.query(
                    "SELECT v.contribution_id::text, v.value FROM vote v JOIN contribution c ON c.id = v.contribution_id WHERE c.workshop_id = $1",
                    [workshop]
                ).map { try $0.decode((String, String).self) }
            }
            var counts: [String: [String: Int]] = [:]
            for (contribution, value) in stored { counts[contribution, default: [:]][value, default: 0] += 1 }
            var expected: [String: [String: Int]] = [:]
            for (contribution, value) in acknowledged { expected[contribution, default: [:]][value, default: 0] += 1 }
            // Every acknowledged vote is there; votes cut off mid-flight may or may not be.
            for (contribution, values) in expected {
                for (value, count) in values {
                    #expect((counts[contribution]?[value] ?? 0) >= count, "acknowledged \(value) on \(contribution) was lost")
                }
            }
        }
    }

    static func vote(_ value: String, on contribution: String, token: String, port: Int) async throws -> Int {
        var request = URLRequest(url: URL(string: "http://127.0.0.1:\(port)/api/v1/contributions/\(contribution)/vote")!)
        request.httpMethod = "PUT"
        request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization")
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        request.httpBody = Data(#"{"value":"\#(value)"}"#.utf8)
        request.timeoutInterval = 10
        let (_, response) = try await URLSession.shared.data(for: request)
        return (response as! HTTPURLResponse).statusCode
    }

    final class Counter: Sendable {
        private let count = Mutex(0)
        var value: Int { count.withLock { $0 } }
        func add() { count.withLock { $0 += 1 } }
    }
}
