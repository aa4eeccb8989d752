import AtelierHTTP
import Foundation
import Testing

/// The check `TestServer.request` applies to every reply, on replies made up to break it:
/// without these, a checker that always passed would look like a server that always conforms.
@Suite struct ContractTests {
    let contract = Contract.repository
    let health = Data(#"{"database": "ready", "live": true, "status": "ok"}"#.utf8)

    @Test func aDocumentedReplyPasses() {
        #expect(contract.faults(method: "GET", path: "/health", status: 200, contentType: "application/json; charset=utf-8", body: health) == [])
    }

    @Test func anUndocumentedStatusIsAFault() {
        let faults = contract.faults(method: "GET", path: "/health", status: 418, contentType: "application/json", body: health)
        #expect(faults == ["GET /health → 418: the status is not documented"])
    }

    @Test func aBodyThatBreaksItsSchemaIsAFaultNamingWhere() {
        let body = Data(#"{"database": "ready", "live": "yes", "status": "ok"}"#.utf8)
        let faults = contract.faults(method: "GET", path: "/health", status: 200, contentType: "application/json", body: body)
        #expect(faults == [#"GET /health → 200: /live: expected boolean, got string "yes""#])
    }

    @Test func anUndocumentedContentTypeIsAFault() {
        let faults = contract.faults(method: "GET", path: "/health", status: 200, contentType: "text/plain", body: health)
        #expect(faults.count == 1 && faults[0].contains("Content-Type \"text/plain\""), "\(faults)")
    }

    @Test func theQueryIsIgnoredAndLiteralSegmentsWin() {
        let workshop = UUID().uuidString
        #expect(
            contract.operation("PUT", "/api/v1/workshops/\(workshop)/proposals/order?x=1")?.name == "PUT /api/v1/workshops/{workshop}/proposals/order"
        )
        #expect(
            contract.operation("GET", "/api/v1/workshops/\(workshop)/contributions?q=a/b")?.name == "GET /api/v1/workshops/{workshop}/contributions")
        #expect(contract.operation("GET", "/api/v1/workshops/\(workshop)/nothing") == nil)
    }

    @Test func aReplyThatIsNotJSONIsCheckedForItsStatusAndContentTypeOnly() {
        let events = "/api/v1/workshops/\(UUID().uuidString)/events"
        let stream = Data("retry: 3000\n\n".utf8)
        #expect(contract.faults(method: "GET", path: events, status: 200, contentType: "text/event-stream", body: stream) == [])
        #expect(contract.faults(method: "GET", path: events, status: 200, contentType: "application/json", body: stream).count == 1)
        let export = "/api/v1/congresses/agen-2026/export?format=csv"
        #expect(contract.faults(method: "GET", path: export, status: 200, contentType: "application/zip", body: Data([0x50, 0x4B, 3, 4])) == [])
    }

    @Test func aRequestNoOperationTakesMustGetAProblem() {
        let problem = Data(#"{"detail": "x", "instance": "/health", "status": 405, "title": "t", "type": "/problems/method-not-allowed"}"#.utf8)
        #expect(contract.faults(method: "DELETE", path: "/health", status: 405, contentType: "application/problem+json", body: problem) == [])
        #expect(contract.faults(method: "GET", path: "/nowhere", status: 404, contentType: "text/plain", body: Data("no".utf8)).count == 1)
    }

    @Test func aMissingOrBrokenContractStopsTheStartWithItsPath() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("atelier-contract-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root.appendingPathComponent("api"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: root) }
        let file = root.appendingPathComponent("api/openapi.json")
        #expect(throws: WebResources.LoadError.self) { try WebResources(root: root) }
        try Data("{\"openapi\": ".utf8).write(to: file)
        let error = #expect(throws: WebResources.LoadError.self) { try WebResources(root: root) }
        #expect(error?.path == file.path && error?.reason.hasPrefix("not JSON") == true)
        try Data("[]".utf8).write(to: file)
        #expect(throws: WebResources.LoadError.self) { try WebResources(root: root) }
        try Data("{\"openapi\": \"3.1.0\"}".utf8).write(to: file)
        #expect(try WebResources(root: root).openAPIDocument == Data("{\"openapi\": \"3.1.0\"}".utf8))
    }
}
