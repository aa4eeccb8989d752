import AtelierCore
import AtelierServices
import AtelierTestSupport
import Foundation
import Postgres
import Testing

/// `/metrics` through real HTTP: what the server did shows in its series, by the right amounts.
@Suite struct MetricsTests {
    @Test func requestsVotesClusteringsAndExportsAreCounted() async throws {
        try await withTestServer { server in
            let fixture = try await server.fixture()
            let workshop = fixture.workshops[0].id
            for text in ClusteringTests.texts {
                let posted = try await server.request(
                    "POST", "/api/v1/workshops/\(workshop)/contributions", token: fixture.attendee, json: ["body": text])
                #expect(posted.status == 201)
            }
            let contribution =
                try await server.request(
                    "POST", "/api/v1/workshops/\(workshop)/contributions", token: fixture.attendee, json: ["body": "Une de plus"]
                ).json["id"] as! String
            let before = try await Scrape(server)

            for _ in 0..<3 { #expect(try await server.request("GET", "/api/v1/workshops/\(workshop)", token: fixture.attendee).status == 200) }
            #expect(try await server.request("GET", "/api/v1/workshops/\(UUID())", token: fixture.attendee).status == 404)
            #expect(try await server.request("GET", "/nowhere/at/all").status == 404)
            let vote = try await server.request(
                "PUT", "/api/v1/contributions/\(contribution)/vote", token: fixture.otherAttendee, json: ["value": "agree"])
            #expect(vote.status == 200)
            #expect(try await server.request("POST", "/api/v1/workshops/\(workshop)/clusterings", token: fixture.lead).status == 201)
            let export = try await server.request("GET", "/api/v1/congresses/test-congress/export?format=md", token: fixture.admin)
            #expect(export.status == 200)
            let after = try await Scrape(server)

            func added(_ name: String, _ labels: [String: String] = [:]) -> Double? {
                guard let now = after[name, labels] else { return nil }
                return now - (before[name, labels] ?? 0)
            }
            let workshopRoute = ["route": "/api/v1/workshops/{workshop}", "method": "GET"]
            #expect(added("atelier_http_requests_total", workshopRoute.merging(["status": "200"]) { $1 }) == 3)
            #expect(added("atelier_http_request_duration_seconds_count", workshopRoute.merging(["status": "200"]) { $1 }) == 3)
            #expect(added("atelier_http_requests_total", workshopRoute.merging(["status": "404"]) { $1 }) == 1)
            // The raw path never becomes a label: one series for every path no route matches.
            #expect(added("atelier_http_requests_total", ["route": "unmatched", "method": "GET", "status": "404"]) == 1)
            #expect(after.text.contains("nowhere") == false)
            let voteRoute = ["route": "/api/v1/contributions/{contribution}/vote", "method": "PUT", "status": "200"]
            #expect(added("atelier_http_requests_total", voteRoute) == 1)
            #expect(added("atelier_clustering_duration_seconds_count") == 1)
            #expect(added("atelier_export_duration_seconds_count", ["format": "md"]) == 1)
            // The buckets run from 1 ms to 10 s.
            for le in ["0.001", "10.0"] {
                #expect(after["atelier_http_request_duration_seconds_bucket", workshopRoute.merging(["status": "200", "le": le]) { $1 }] != nil)
            }

            for gauge in [
                "atelier_db_connections_open", "atelier_db_connections_in_use", "atelier_db_callers_waiting",
                "atelier_db_statement_timeouts_total", "atelier_db_connection_wait_timeouts_total", "atelier_compute_jobs_running",
                "atelier_compute_jobs_queued", "atelier_compute_jobs_refused_total", "atelier_event_stream_clients",
                "atelier_event_stream_lag_events", "atelier_embedding_queue_length",
            ] {
                #expect(after[gauge] != nil, "\(gauge) is missing")
            }
            #expect((after["atelier_db_connections_open"] ?? 0) >= 1)
            #expect(after["atelier_db_callers_waiting"] == 0)
            // No figure of the compute pool is asserted: it is the process's, shared with the suites running beside this one.
            // Without a model there is no queue.
            #expect(after["atelier_embedding_queue_length"] == 0)
        }
    }

    @Test func statementAndConnectionWaitTimeoutsAreCounted() async throws {
        // The tally flusher would wait for the only connection too, and be counted: not what is tested.
        try await withTestServer(poolSize: 1, statementTimeout: .milliseconds(50), connectionWait: .milliseconds(50), tallyInterval: .seconds(3600)) {
            server in
            let pool = server.services.pool
            let before = try await Scrape(server)
            await #expect(throws: PostgresError.self) {
                try await pool.withConnection { _ = try $0.query("SELECT pg_sleep(1)") }
            }
            // The one connection is held until a second caller has given up waiting for it.
            let release = DispatchSemaphore(value: 0)
            let holder = Task { try await pool.withConnection { _ in release.wait() } }
            try await eventually { pool.statistics.open == 1 && pool.statistics.idle == 0 }
            await #expect(throws: PoolError.self) { try await pool.withConnection { _ in } }
            release.signal()
            try await holder.value
            let after = try await Scrape(server)
            for series in ["atelier_db_statement_timeouts_total", "atelier_db_connection_wait_timeouts_total"] {
                #expect((after[series] ?? 0) - (before[series] ?? 0) == 1, "\(series)")
            }
        }
    }

    @Test func eventStreamClientsAndTheirLag() async throws {
        try await withTestServer { server in
            let fixture = try await server.fixture()
            let workshop = fixture.workshops[0].id
            let lead = try await server.services.access.authenticate(token: fixture.lead)
            let feed = try await server.services.events.feed(workshopID: workshop, after: nil, for: lead)
            var iterator = feed.makeAsyncIterator()
            guard case .ready = try await iterator.next() else { throw CancellationError() }
            for text in ["Premier événement", "Second événement"] {
                _ = try await server.request("POST", "/api/v1/workshops/\(workshop)/contributions", token: fixture.attendee, json: ["body": text])
            }
            // The hub hands the events over as the notifications arrive; nobody takes them yet.
            try await eventually { try await Scrape(server)["atelier_event_stream_lag_events"] ?? 0 >= 2 }
            let scrape = try await Scrape(server)
            #expect(scrape["atelier_event_stream_clients"] == 1)
            var waiting = Int(scrape["atelier_event_stream_lag_events"] ?? 0)
            while waiting > 0 {
                if case .event = try await iterator.next() { waiting -= 1 }
            }
            #expect(try await Scrape(server)["atelier_event_stream_lag_events"] == 0)
            feed.close()
            try await eventually { try await Scrape(server)["atelier_event_stream_clients"] == 0 }
        }
    }

    @Test func onlyAdminsOrTheMachineItselfMayRead() async throws {
        try await withTestServer { server in
            let fixture = try await server.fixture()
            let local = try await server.request("GET", "/metrics")
            #expect(local.status == 200)
            #expect(local.contentType == "text/plain; version=0.0.4; charset=utf-8")
            // Behind a proxy every request comes from the loopback: a forwarded one is from elsewhere.
            for forwarded in [["X-Forwarded-For": "203.0.113.7"], ["Forwarded": "for=203.0.113.7"]] {
                let anonymous = try await server.request("GET", "/metrics", headers: forwarded)
                #expect(anonymous.status == 401)
                #expect(anonymous.problemType == "/problems/unauthenticated")
                for token in [fixture.attendee, fixture.lead] {
                    let refused = try await server.request("GET", "/metrics", token: token, headers: forwarded)
                    #expect(refused.status == 403)
                    #expect(refused.problemType == "/problems/forbidden")
                    #expect(!refused.text.contains("atelier_"))
                }
                #expect(try await server.request("GET", "/metrics", token: fixture.admin, headers: forwarded).status == 200)
            }
        }
    }
}

/// One reading of `/metrics`, by series: a name and its labels, in any order.
struct Scrape {
    let text: String
    private let values: [String: Double]

    init(_ server: TestServer) async throws {
        let reply = try await server.request("GET", "/metrics")
        guard reply.status == 200 else { throw CancellationError() }
        text = reply.text
        var values: [String: Double] = [:]
        for line in text.split(separator: "\n") where !line.hasPrefix("#") {
            guard let space = line.lastIndex(of: " "), let value = Double(line[line.index(after: space)...]) else { continue }
            let series = line[..<space]
            guard let brace = series.firstIndex(of: "{") else {
                values[Self.key(String(series), [:])] = value
                continue
            }
            var labels: [String: String] = [:]
            for match in series[brace...].matches(of: /([a-z_]+)="((?:[^"\\]|\\.)*)"/) { labels[String(match.1)] = String(match.2) }
            values[Self.key(String(series[..<brace]), labels)] = value
        }
        self.values = values
    }

    subscript(_ name: String, _ labels: [String: String] = [:]) -> Double? { values[Self.key(name, labels)] }

    private static func key(_ name: String, _ labels: [String: String]) -> String {
        name + "{" + labels.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ",") + "}"
    }
}
