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

/// GET /api/v1/workshops/{id}/events over real HTTP, read as a stream.
@Suite struct LiveEventsTests {
    func path(_ workshop: UUID) -> String { "/api/v1/workshops/\(workshop.uuidString.lowercased())/events" }

    func post(_ body: String, to workshop: UUID, by token: String, on server: TestServer) async throws -> String {
        let reply = try await server.request("POST", "/api/v1/workshops/\(workshop)/contributions", token: token, json: ["body": body])
        #expect(reply.status == 201)
        return try #require(reply.json["id"] as? String)
    }

    func vote(_ value: String, on contribution: String, by token: String, on server: TestServer) async throws {
        let reply = try await server.request("PUT", "/api/v1/contributions/\(contribution)/vote", token: token, json: ["value": value])
        #expect(reply.status == 200)
    }

    /// Opens a stream and waits for its `ready`.
    func follow(
        _ workshop: UUID, token: String, on server: TestServer, headers: [String: String] = [:], query: String = ""
    ) async throws -> EventStreamClient {
        try await follow(workshop, token: token, port: server.port, headers: headers, query: query)
    }

    func follow(
        _ workshop: UUID, token: String, port: Int, headers: [String: String] = [:], query: String = ""
    ) async throws -> EventStreamClient {
        let client = try EventStreamClient.open(port: port, path: path(workshop) + query, token: token, headers: headers)
        try await client.wait { state in state.messages.contains { $0.event == "ready" || $0.event == "reset" } }
        return client
    }

    /// The workshop's events in the table after `id`, as (id, kind).
    /// The workshop's events in the table, once every vote's tally is in it.
    func stored(_ workshop: UUID, after id: Int, on server: TestServer) async throws -> [String] {
        try await server.services.tallies.drain()
        return try await server.sql { connection in
            try connection.query("SELECT id, kind FROM workshop_event WHERE workshop_id = $1 AND id > $2 ORDER BY id", [workshop, id])
                .decode((Int, String).self).map { "\($0.0) \($0.1)" }
        }
    }

    func described(_ messages: [EventStreamClient.Message]) -> [String] { messages.map { "\($0.id ?? "-") \($0.event)" } }

    @Test func eventsArriveLiveAndAReconnectionGetsExactlyWhatItMissed() async throws {
        try await withTestServer { server in
            let fixture = try await server.fixture()
            let workshop = fixture.workshops[0].id

            let first = try await follow(workshop, token: fixture.attendee, on: server)
            let opened = first.current
            #expect(opened.status == 200)
            #expect(opened.header("Content-Type") == "text/event-stream; charset=utf-8")
            #expect(opened.header("Cache-Control") == "no-store")
            #expect(opened.header("X-Accel-Buffering") == "no")
            #expect(opened.retry == 3000)
            let start = try #require(opened.messages.first?.id.flatMap { Int($0) })

            let idea = try await post("Former les élus au numérique", to: workshop, by: fixture.otherAttendee, on: server)
            try await vote("agree", on: idea, by: fixture.attendee, on: server)
            let live = try await first.wait { $0.events.count == 2 }.events
            #expect(live.map(\.event) == ["contribution.created", "contribution.tallied"])
            #expect(live[0].json as NSDictionary == ["contribution": idea, "status": "published"])
            #expect(live[1].json["votes"] as? [String: Int] == ["agree": 1, "disagree": 0, "pass": 0])
            #expect(described(live) == (try await stored(workshop, after: start, on: server)))

            // The phone goes out of range; the room goes on.
            first.close()
            let seen = try #require(live.last?.id.flatMap { Int($0) })
            let second = try await post("Un guichet numérique par commune", to: workshop, by: fixture.attendee, on: server)
            try await vote("disagree", on: second, by: fixture.otherAttendee, on: server)
            try await vote("pass", on: idea, by: fixture.otherAttendee, on: server)
            _ = try await post("Ailleurs", to: fixture.workshops[1].id, by: fixture.attendee, on: server)
            let missed = try await stored(workshop, after: seen, on: server)
            #expect(missed.count == 3)

            let again = try await follow(workshop, token: fixture.attendee, on: server, headers: ["Last-Event-ID": String(seen)])
            let replayed = again.current.messages
            #expect(described(replayed) == missed + ["\(missed.last!.split(separator: " ")[0]) ready"])
            // Then live again, once each.
            let third = try await post("Des salles équipées", to: workshop, by: fixture.lead, on: server)
            let after = try await again.wait { $0.events.count == 4 }.events
            #expect(after.last?.json["contribution"] as? String == third)
            let ids = after.compactMap { $0.id.flatMap { Int($0) } }
            #expect(ids == ids.sorted() && Set(ids).count == ids.count)
            again.close()
        }
    }

    /// Notifications sent while the listener was cut off are lost; it says so when it is back,
    /// and the hub reads what it missed from the table.
    @Test func eventsCommittedWhileTheListenerIsDownArriveWhenItIsBack() async throws {
        try await withTestServer { server in
            let fixture = try await server.fixture()
            let workshop = fixture.workshops[0].id
            let client = try await follow(workshop, token: fixture.attendee, on: server)
            let listeners = "SELECT count(*)::int FROM pg_stat_activity WHERE datname = current_database() AND query LIKE 'LISTEN%'"
            func listening() async throws -> Int {
                try await server.sql { try $0.query(listeners).first!.decode(column: 0, as: Int.self) }
            }
            try await eventually { try await listening() == 1 }

            // The pool's open connections keep working; the listener cannot reconnect. A database
            // refuses new connections only when told so from another one.
            let database = try await server.sql { try $0.query("SELECT current_database()").first!.decode(column: 0, as: String.self) }
            let admin = try Connection.connect(url: TestDatabase.serverURL)
            try admin.execute("ALTER DATABASE \(database) WITH ALLOW_CONNECTIONS false")
            try admin.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND query LIKE 'LISTEN%'", [database])
            try await eventually { try await listening() == 0 }
            let idea = try await post("Écrite pendant la coupure", to: workshop, by: fixture.otherAttendee, on: server)
            try admin.execute("ALTER DATABASE \(database) WITH ALLOW_CONNECTIONS true")

            let events = try await client.wait { $0.events.count == 1 }.events
            #expect(events[0].json["contribution"] as? String == idea)
            #expect(try await listening() == 1)
            client.close()
        }
    }

    @Test func twoServersOnOneDatabaseEachDeliverWhatTheOtherWrites() async throws {
        try await withTestServer { one in
            try await withTestServer(databaseURL: one.databaseURL) { other in
                let fixture = try await one.fixture()
                let workshop = fixture.workshops[0].id
                let onOne = try await follow(workshop, token: fixture.attendee, on: one)
                let onOther = try await follow(workshop, token: fixture.lead, on: other)

                let idea = try await post("Écrit par l'autre processus", to: workshop, by: fixture.attendee, on: other)
                try await onOne.wait { $0.events.count == 1 }
                try await vote("agree", on: idea, by: fixture.otherAttendee, on: one)
                for client in [onOne, onOther] {
                    let events = try await client.wait { $0.events.count == 2 }.events
                    #expect(events.map(\.event) == ["contribution.created", "contribution.tallied"])
                    #expect(events.allSatisfy { $0.json["contribution"] as? String == idea })
                    client.close()
                }
            }
        }
    }

    @Test func attendeesSeeNoTextOfHiddenContributionsNorTheLeadsOwnEvents() async throws {
        try await withTestServer { server in
            let fixture = try await server.fixture()
            let workshop = fixture.workshops[0].id
            let attendee = try await follow(workshop, token: fixture.otherAttendee, on: server)
            let lead = try await follow(workshop, token: fixture.lead, on: server)

            let rude = try await post("Propos injurieux à cacher", to: workshop, by: fixture.attendee, on: server)
            let hidden = try await server.request("DELETE", "/api/v1/contributions/\(rude)", token: fixture.lead, json: ["reason": "Injurieux"])
            #expect(hidden.status == 200)
            // An event for the workshop's leads only, as consolidation will emit.
            let congress = fixture.congress.id
            _ = try await server.sql { connection in
                try connection.execute(
                    "SELECT atelier_emit_event($1, $2, 'proposal.drafted', '{\"proposal\": 1}', 'moderators')", [congress, workshop])
            }
            let closing = try await post("Une dernière idée", to: workshop, by: fixture.attendee, on: server)

            let seenByLead = try await lead.wait { $0.events.count == 4 }.events
            let seenByAttendee = try await attendee.wait { $0.events.last?.json["contribution"] as? String == closing }.events
            #expect(seenByLead.map(\.event) == ["contribution.created", "contribution.updated", "proposal.drafted", "contribution.created"])
            #expect(seenByAttendee.map(\.event) == ["contribution.created", "contribution.updated", "contribution.created"])
            #expect(seenByAttendee[1].json as NSDictionary == ["contribution": rude, "status": "hidden", "edited": false])
            #expect(!(seenByLead + seenByAttendee).contains { $0.data.contains("injurieux") || $0.data.contains("Injurieux") })
            attendee.close()
            lead.close()
        }
    }

    @Test func consolidationReachesTheLeadsAndPublicationReachesEveryone() async throws {
        try await withTestServer { server in
            let fixture = try await server.fixture()
            let workshop = fixture.workshops[0].id
            let sources = [
                try await server.postContribution("Former les agents à l'accueil numérique", workshop: workshop, token: fixture.attendee),
                try await server.postContribution("Des médiateurs numériques dans chaque mairie", workshop: workshop, token: fixture.attendee),
            ]
            let attendee = try await follow(workshop, token: fixture.otherAttendee, on: server)
            let lead = try await follow(workshop, token: fixture.lead, on: server)

            let created = try await server.createProposal(
                "Médiation numérique", workshop: workshop, sources: sources, token: fixture.lead, synthesis: "Un médiateur par mairie.")
            let id = try #require(created.json["id"] as? String, "\(created.text)")
            let path = "/api/v1/proposals/\(id)"
            var version = try #require(created.version)
            for status in ["validated", "published"] {
                let reply = try await server.edit("PATCH", path, version: version, token: fixture.lead, json: ["status": status])
                version = try #require(reply.version, "\(reply.text)")
            }
            #expect(try await server.request("PUT", path + "/endorsement", token: fixture.otherAttendee).status == 200)

            let seenByLead = try await lead.wait { $0.events.last?.event == "proposal.endorsed" }.events
            #expect(
                seenByLead.map(\.event) == ["proposal.create", "proposal.validate", "proposal.publish", "proposal.published", "proposal.endorsed"])
            #expect(seenByLead[0].json["proposalsAfter"] as? [String] == [id])
            #expect(seenByLead[0].json["contributions"] as? Int == 2)
            let seenByAttendee = try await attendee.wait { $0.events.last?.event == "proposal.endorsed" }.events
            #expect(seenByAttendee.map(\.event) == ["proposal.published", "proposal.endorsed"])
            #expect(seenByAttendee[0].json["proposals"] as? [String] == [id])
            #expect(seenByAttendee[1].json as NSDictionary == ["proposal": id, "endorsements": 1])
            attendee.close()
            lead.close()
        }
    }

    @Test func aClientFarBehindGetsOnlyTheLatestTallyAndAnUnresumablePositionIsReset() async throws {
        try await withTestServer { server in
            let fixture = try await server.fixture()
            let workshop = fixture.workshops[0].id
            let idea = try await post("Une idée", to: workshop, by: fixture.lead, on: server)
            let before = try await follow(workshop, token: fixture.attendee, on: server)
            let position = try #require(before.current.messages.last?.id)
            before.close()
            // A tally each: the flusher coalesces only what falls between two of its rounds.
            for (value, voter) in [("agree", fixture.attendee), ("agree", fixture.otherAttendee), ("disagree", fixture.attendee)] {
                try await vote(value, on: idea, by: voter, on: server)
                try await server.services.tallies.drain()
            }
            #expect(try await stored(workshop, after: Int(position)!, on: server).count == 3)

            // The query parameter, for clients that cannot set headers.
            let behind = try await follow(workshop, token: fixture.attendee, on: server, query: "?lastEventId=\(position)")
            let replayed = behind.current.messages
            #expect(replayed.map(\.event) == [WorkshopEvent.tallied, "ready"])
            #expect(replayed[0].json["votes"] as? [String: Int] == ["agree": 1, "disagree": 1, "pass": 0])
            behind.close()

            // Events up to here pruned: an older position cannot be resumed from, nor one from elsewhere.
            let newest = try await server.sql { connection in
                let newest = try connection.query("SELECT max(id) FROM workshop_event").first!.decode(column: 0, as: Int.self)
                try connection.execute("UPDATE workshop_event_pruned SET through_id = $1", [newest])
                return newest
            }
            for stale in [position, String(newest + 1000)] {
                let client = try await follow(workshop, token: fixture.attendee, on: server, headers: ["Last-Event-ID": stale])
                #expect(described(client.current.messages) == ["\(newest) reset"])
                client.close()
            }
        }
    }

    @Test func refusalsAreProblemsBeforeAnyStream() async throws {
        try await withTestServer { server in
            let fixture = try await server.fixture()
            let workshop = fixture.workshops[0].id
            let stranger = try await server.sql { connection in
                try CongressStore.upsertCongress(
                    slug: "autre-congres", title: "Autre", place: "Pau", startsOn: "2026-03-01", endsOn: "2026-03-02", in: connection)
            }
            let outsider = try await server.services.participants.add(
                congressSlug: stranger.slug, displayName: "Extérieur", organisation: nil, role: .admin, named: false, leadsWorkshops: []
            ).token

            let cases: [(token: String?, path: String, headers: [String: String], status: Int, type: String)] = [
                (nil, path(workshop), [:], 401, "/problems/unauthenticated"),
                (outsider, path(workshop), [:], 404, "/problems/not-found"),
                (fixture.attendee, path(UUID()), [:], 404, "/problems/not-found"),
                (fixture.attendee, "/api/v1/workshops/atelier/events", [:], 404, "/problems/not-found"),
                (fixture.attendee, path(workshop), ["Last-Event-ID": "douze"], 422, "/problems/invalid-field"),
                (fixture.attendee, path(workshop) + "?lastEventId=-1", [:], 422, "/problems/invalid-field"),
            ]
            for refusal in cases {
                let reply = try await server.request("GET", refusal.path, token: refusal.token, headers: refusal.headers)
                #expect(reply.status == refusal.status, "\(refusal)")
                #expect(reply.problemType == refusal.type, "\(refusal)")
            }
        }
    }

    /// `atelier serve` stops on SIGTERM by a graceful shutdown, which waits for open responses:
    /// an open stream must end then, or the server would never stop.
    @Test func aGracefulShutdownEndsOpenStreams() async throws {
        try await withTestServer { server in
            let fixture = try await server.fixture()
            let pool = ConnectionPool(.init(url: server.databaseURL, size: 2))
            var logger = Logger(label: "atelier.test")
            logger.logLevel = .critical
            let bound = AsyncStream<Int>.makeStream()
            let group = try AtelierApplication.serviceGroup(
                services: Services(pool: pool), resources: TestServer.resources, host: "127.0.0.1", port: 0, logger: logger,
                signals: []
            ) { port in
                bound.continuation.yield(port)
            }
            let stopped = Mutex(false)
            let running = Task {
                try? await group.run()
                stopped.withLock { $0 = true }
            }
            var ports = bound.stream.makeAsyncIterator()
            let port = try #require(await ports.next())
            let client = try await follow(fixture.workshops[0].id, token: fixture.attendee, port: port)

            await group.triggerGracefulShutdown()
            do {
                try await eventually { stopped.withLock { $0 } }
            } catch {
                running.cancel()
                throw error
            }
            // The client reads the stream's end on its own task, which may come just after the group's.
            try await eventually { client.current.ended }
            // The group closed the pool too, after the server.
            await #expect(throws: PoolError.self) { try await pool.withConnection { _ in 1 } }
        }
    }
}
