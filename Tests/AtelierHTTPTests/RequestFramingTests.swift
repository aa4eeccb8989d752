import AtelierCore
import Foundation
import Testing

/// What a hostile or broken client can do to HTTP itself, over a plain socket: chunked bodies
/// past the limit, broken framing, encodings we do not read, half a request, `HEAD`, doubled
/// slashes. Every answer is a 4xx problem, never a 500, and a silent client is hung up on.
@Suite struct RequestFramingTests {
    static let oversized = Array(#"{"body":"\#(String(repeating: "x", count: 70_000))"}"#.utf8)

    func problem(_ reply: RawHTTP.Reply, _ status: Int, _ type: String, _ what: String) {
        #expect(reply.status == status, "\(what): \(reply.text.prefix(300))")
        #expect(reply.header("Content-Type") == "application/problem+json", "\(what)")
        #expect(reply.text.contains("\"/problems/\(type)\""), "\(what): \(reply.text.prefix(300))")
    }

    @Test func aChunkedBodyOverTheLimitIsRefusedLikeADeclaredOne() async throws {
        try await withTestServer { server in
            let fixture = try await server.fixture()
            let mine = try #require(
                try await server.request(
                    "POST", "/api/v1/workshops/\(fixture.workshops[0].id)/contributions", token: fixture.attendee, json: ["body": "À moi"]
                ).json["id"] as? String)
            let before = try await BadInputTests().snapshot(server)
            let routes = [
                ("POST", "/api/v1/workshops/\(fixture.workshops[0].id)/contributions"), ("PUT", "/api/v1/contributions/\(mine)/vote"),
                ("PATCH", "/api/v1/contributions/\(mine)"), ("DELETE", "/api/v1/contributions/\(mine)"),
            ]
            for (method, path) in routes {
                let headers = ["Authorization: Bearer \(fixture.attendee)", "Content-Type: application/json"]
                let chunked = try await RawHTTP.exchange(
                    port: server.port,
                    RawHTTP.request(method, path, headers: headers + ["Transfer-Encoding: chunked"], body: RawHTTP.chunked(Self.oversized)))
                problem(chunked, 413, "payload-too-large", "chunked \(method)")
                let declared = try await RawHTTP.exchange(
                    port: server.port,
                    RawHTTP.request(method, path, headers: headers + ["Content-Length: \(Self.oversized.count)"], body: Self.oversized))
                problem(declared, 413, "payload-too-large", "declared \(method)")
            }
            #expect(try await BadInputTests().snapshot(server) == before)
        }
    }

    @Test func brokenFramingAndUnknownCodingsAreRefused() async throws {
        try await withTestServer { server in
            let fixture = try await server.fixture()
            let path = "/api/v1/workshops/\(fixture.workshops[0].id)/contributions"
            let headers = ["Authorization: Bearer \(fixture.attendee)", "Content-Type: application/json"]
            let json = Array(#"{"body":"Compressé ?"}"#.utf8)
            let before = try await BadInputTests().snapshot(server)

            let garbled = Array("5\r\n{\"bod\r\nZZ\r\nnot a chunk\r\n0\r\n\r\n".utf8)
            let broken = try await RawHTTP.exchange(
                port: server.port, RawHTTP.request("POST", path, headers: headers + ["Transfer-Encoding: chunked"], body: garbled))
            problem(broken, 400, "malformed-request", "malformed chunked framing")

            let gzipFraming = try await RawHTTP.exchange(
                port: server.port,
                RawHTTP.request("POST", path, headers: headers + ["Transfer-Encoding: gzip", "Content-Length: \(json.count)"], body: json))
            #expect(gzipFraming.status == 400, "Transfer-Encoding: gzip: \(gzipFraming.text)")

            let gzipContent = try await RawHTTP.exchange(
                port: server.port,
                RawHTTP.request("POST", path, headers: headers + ["Content-Encoding: gzip", "Content-Length: \(json.count)"], body: json))
            problem(gzipContent, 415, "unsupported-media-type", "Content-Encoding: gzip")
            let nothingEncoded = try await RawHTTP.exchange(
                port: server.port, RawHTTP.request("GET", path, headers: headers + ["Content-Encoding: gzip"]))
            #expect(nothingEncoded.status == 200, "a GET naming a coding but sending no body: \(nothingEncoded.text)")
            #expect(try await BadInputTests().snapshot(server) == before)
        }
    }

    @Test func aClientThatStopsHalfWayThroughARequestLineIsHungUpOn() async throws {
        try await withTestServer(readTimeout: .seconds(1)) { server in
            // Without a read timeout this waits for the guard (60 s) and finds the socket still open.
            let reply = try await RawHTTP.exchange(port: server.port, Array("GET /api/v1/me HT".utf8))
            #expect(reply.closed)
            #expect(reply.status == nil)
        }
    }

    @Test func theEventStreamOutlivesTheReadTimeout() async throws {
        try await withTestServer(readTimeout: .seconds(1)) { server in
            let fixture = try await server.fixture()
            let workshop = fixture.workshops[0].id
            let client = try EventStreamClient.open(
                port: server.port, path: "/api/v1/workshops/\(workshop.uuidString.lowercased())/events", token: fixture.attendee)
            try await client.wait { $0.messages.contains { $0.event == "ready" } }
            // Several read timeouts pass with nothing sent either way; the stream stays.
            try await Task.sleep(for: .seconds(3))
            #expect(!client.current.ended)
            let posted = try await server.request(
                "POST", "/api/v1/workshops/\(workshop)/contributions", token: fixture.otherAttendee, json: ["body": "Toujours là ?"])
            #expect(posted.status == 201)
            let events = try await client.wait { $0.events.count == 1 }.events
            #expect(events[0].json["contribution"] as? String == posted.json["id"] as? String)
            client.close()
        }
    }

    @Test func headAnswersLikeGetWithoutTheBody() async throws {
        try await withTestServer { server in
            let fixture = try await server.fixture()
            for (path, token) in [("/api/v1/me", Optional(fixture.attendee)), ("/health", nil), ("/entrer", nil), ("/openapi.json", nil)] {
                let headers = token.map { ["Authorization: Bearer \($0)"] } ?? []
                let get = try await RawHTTP.exchange(port: server.port, RawHTTP.request("GET", path, headers: headers))
                let head = try await RawHTTP.exchange(port: server.port, RawHTTP.request("HEAD", path, headers: headers))
                #expect(get.status == 200, "GET \(path)")
                #expect(head.status == 200, "HEAD \(path): \(head.text)")
                #expect(head.body.isEmpty, "HEAD \(path)")
                #expect(head.header("Content-Type") == get.header("Content-Type"), "HEAD \(path)")
                #expect(head.header("Cache-Control") == get.header("Cache-Control"), "HEAD \(path)")
            }
            let refused = try await RawHTTP.exchange(port: server.port, RawHTTP.request("HEAD", "/api/v1/me"))
            #expect(refused.status == 401)
            #expect(refused.body.isEmpty)
        }
    }

    @Test func doubledSlashesStillMarkTheAPIAsNotForCaches() async throws {
        try await withTestServer { server in
            let fixture = try await server.fixture()
            for path in ["//api/v1/me", "/api//v1/me", "//api//v1//me"] {
                let reply = try await RawHTTP.exchange(
                    port: server.port, RawHTTP.request("GET", path, headers: ["Authorization: Bearer \(fixture.attendee)"]))
                #expect(reply.status == 200, "\(path)")
                #expect(reply.header("Cache-Control") == "no-store", "\(path)")
            }
        }
    }
}
