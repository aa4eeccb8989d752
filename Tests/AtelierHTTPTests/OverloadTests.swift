import AtelierCore
import AtelierTestSupport
import Foundation
import Postgres
import Testing

/// A database too slow or a pool all taken: the client is told to come back shortly, with a
/// 503 problem and `Retry-After`, instead of a request that hangs or a 500.
@Suite struct OverloadTests {
    @Test func aStatementPastTheTimeoutIsA503ToTryAgain() async throws {
        try await withTestServer(statementTimeout: .seconds(1)) { server in
            // The route's statement waits on the lock past the timeout.
            let (fixture, contributions, locker) = try await Self.contributionsLocked(on: server)
            let reply = try await server.request("GET", contributions, token: fixture.attendee)
            try locker.execute("ROLLBACK")
            Self.expectBusy(reply)
            #expect(try await server.request("GET", contributions, token: fixture.attendee).status == 200)
        }
    }

    @Test func aRequestThatFindsEveryConnectionTakenIsA503ToTryAgain() async throws {
        // The tally flusher would borrow the only connection now and then: not what is tested.
        try await withTestServer(poolSize: 1, connectionWait: .milliseconds(500), tallyInterval: .seconds(3600)) { server in
            let (fixture, contributions, locker) = try await Self.contributionsLocked(on: server)
            // This request takes the only connection and waits on the lock with it.
            let stuck = Task { try await server.request("GET", contributions, token: fixture.attendee) }
            try await eventually {
                try locker.query("SELECT count(*)::int FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND datname = current_database()")
                    .first!.decode(column: 0, as: Int.self) == 1
            }
            let turnedAway = try await server.request("GET", "/api/v1/me", token: fixture.attendee)
            try locker.execute("ROLLBACK")
            Self.expectBusy(turnedAway)
            #expect(try await stuck.value.status == 200)
        }
    }

    /// The fixture, a route that reads contributions, and another session that holds their
    /// table until it rolls back: the route's statement waits for it.
    static func contributionsLocked(on server: TestServer) async throws -> (TestServer.Fixture, String, Connection) {
        let fixture = try await server.fixture()
        let locker = try Connection.connect(url: server.databaseURL)
        try locker.execute("BEGIN")
        try locker.execute("LOCK TABLE contribution IN ACCESS EXCLUSIVE MODE")
        return (fixture, "/api/v1/workshops/\(fixture.workshops[0].id)/contributions", locker)
    }

    static func expectBusy(_ reply: TestServer.Reply, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(reply.status == 503, sourceLocation: sourceLocation)
        #expect(reply.problemType == "/problems/service-busy", "\(reply.text)", sourceLocation: sourceLocation)
        #expect(reply.header("Retry-After") == "2", sourceLocation: sourceLocation)
    }
}
