import AtelierCore
import AtelierServices
import Foundation
import Testing

/// The body guard answers every route that may carry a body, whether or not its handler reads
/// one: a declared body over the limit is 413, an encoded body 415, and a chunked body over the
/// limit is 413 where the handler reads it. Each of those answers must be one the contract
/// documents for the operation, so every operation other than GET is probed with all three.
@Suite struct BodyGuardContractTests {
    @Test func everyAnswerOfTheBodyGuardIsDocumented() async throws {
        try await withTestServer { server in
            let fixture = try await server.fixture()
            let workshop = fixture.workshops[0].id
            let contribution = try #require(
                try await server.request("POST", "/api/v1/workshops/\(workshop)/contributions", token: fixture.attendee, json: ["body": "Source"])
                    .json["id"] as? String)
            let admin = try await server.services.access.authenticate(token: fixture.admin)
            let proposal = try await server.services.proposals.create(
                workshopID: workshop, title: "Brouillon", synthesis: "Texte.", sources: [try #require(UUID(uuidString: contribution))],
                idempotencyKey: nil, by: admin
            ).view.record.proposal.id
            let values = [
                "{workshop}": workshop.uuidString.lowercased(), "{contribution}": contribution, "{proposal}": proposal.uuidString.lowercased(),
                "{congress}": fixture.congress.slug,
            ]
            let probed = Contract.repository.operations.filter { $0.method != "GET" && $0.template.hasPrefix("/api/") }
                .sorted { $0.name < $1.name }
            #expect(probed.contains { $0.method == "DELETE" })
            let oversized = Array(#"{"reason":"\#(String(repeating: "x", count: 70_000))"}"#.utf8)
            let small = Array(#"{"reason":"x"}"#.utf8)
            let headers = ["Authorization: Bearer \(fixture.admin)", "Content-Type: application/json"]
            // The refusals first, then the chunked bodies, which some handlers never read and so act on.
            var probes: [(operation: Contract.Operation, headers: [String], body: [UInt8], expected: Int?)] = []
            for operation in probed {
                probes.append((operation, headers + ["Content-Encoding: gzip", "Content-Length: \(small.count)"], small, 415))
                probes.append((operation, headers + ["Content-Length: \(oversized.count)"], oversized, 413))
            }
            for operation in probed { probes.append((operation, headers + ["Transfer-Encoding: chunked"], RawHTTP.chunked(oversized), nil)) }
            for probe in probes {
                let path = values.reduce(probe.operation.template) { $0.replacingOccurrences(of: $1.key, with: $1.value) }
                let reply = try await RawHTTP.exchange(
                    port: server.port, RawHTTP.request(probe.operation.method, path, headers: probe.headers, body: probe.body))
                let what = "\(probe.operation.name) \(probe.headers.last!)"
                let status = try #require(reply.status, "\(what): no answer")
                if let expected = probe.expected { #expect(status == expected, "\(what): \(reply.text.prefix(300))") }
                #expect(status < 500, "\(what): \(reply.text.prefix(300))")
                let body = reply.header("Transfer-Encoding") == nil ? Data(reply.body) : nil
                let lowercased = Dictionary(uniqueKeysWithValues: reply.headers.map { ($0.key, $0.value) })
                for fault in Contract.repository.faults(
                    method: probe.operation.method, path: path, status: status, headers: lowercased, body: body)
                {
                    Issue.record("contract: \(fault) (\(what))")
                }
            }
        }
    }
}
