import AtelierHTTP
import Foundation
import Testing

/// The check `TestServer.request` applies to every reply, on replies made up to break it:
/// without these, a checker that always passed would look like a server that always conforms.
@Suite struct ContractTests {
    let contract = Contract.repository
    let health = Data(#"{"database": "ready", "live": true, "status": "ok"}"#.utf8)

    func faults(_ method: String, _ path: String, _ status: Int, _ contentType: String, _ body: Data?, headers: [String: String] = [:]) -> [String] {
        contract.faults(method: method, path: path, status: status, headers: headers.merging(["Content-Type": contentType]) { $1 }, body: body)
    }

    @Test func aDocumentedReplyPasses() {
        #expect(faults("GET", "/health", 200, "application/json; charset=utf-8", health) == [])
    }

    @Test func anUndocumentedStatusIsAFault() {
        let found = faults("GET", "/health", 418, "application/json", health)
        #expect(found == ["GET /health → 418: the status is not documented"])
    }

    @Test func aBodyThatBreaksItsSchemaIsAFaultNamingWhere() {
        let body = Data(#"{"database": "ready", "live": "yes", "status": "ok"}"#.utf8)
        let found = faults("GET", "/health", 200, "application/json", body)
        #expect(found == [#"GET /health → 200: /live: expected boolean, got string "yes""#])
    }

    @Test func aProblemOfATypeTheResponseDoesNotListIsAFault() {
        let vote = "/api/v1/contributions/\(UUID().uuidString)/vote"
        func problem(_ slug: String) -> Data {
            Data(#"{"detail": "x", "instance": "/", "requestId": "r", "status": 409, "title": "t", "type": "/problems/\#(slug)"}"#.utf8)
        }
        #expect(faults("PUT", vote, 409, "application/problem+json", problem("workshop-closed")) == [])
        let found = faults("PUT", vote, 409, "application/problem+json", problem("proposal-not-draft"))
        #expect(found.count == 1 && found[0].hasPrefix("PUT /api/v1/contributions/{contribution}/vote → 409: /type: "), "\(found)")
    }

    @Test func anAcceptedRequestBodyThatBreaksItsSchemaIsAFault() {
        let post = "/api/v1/workshops/\(UUID().uuidString)/contributions"
        #expect(contract.faults(ofAccepted: "POST", path: post, body: Data(#"{"body": "Former les élus"}"#.utf8)) == [])
        let found = contract.faults(ofAccepted: "POST", path: post, body: Data(#"{"title": 3, "body": "Former les élus"}"#.utf8))
        #expect(
            found.count == 1 && found[0].hasPrefix("POST /api/v1/workshops/{workshop}/contributions accepted a request body where /title: "),
            "\(found)")
        #expect(contract.faults(ofAccepted: "GET", path: post, body: nil) == [])
    }

    @Test func anUndocumentedContentTypeIsAFault() {
        let found = faults("GET", "/health", 200, "text/plain", health)
        #expect(found.count == 1 && found[0].contains("Content-Type \"text/plain\""), "\(found)")
    }

    @Test func aRequiredHeaderMissingOrAHeaderBreakingItsSchemaIsAFault() {
        let contribution = Data(#"{"id": 1}"#.utf8)
        let created = faults("POST", "/api/v1/workshops/\(UUID().uuidString)/contributions", 201, "application/json", contribution)
        #expect(created.contains("POST /api/v1/workshops/{workshop}/contributions → 201: the required header Location is missing"), "\(created)")
        let cached = faults("GET", "/health", 200, "application/json", health, headers: ["cache-control": "max-age=60"])
        #expect(cached == [#"GET /health → 200: header Cache-Control: "max-age=60" is not "no-store""#])
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
        #expect(faults("GET", events, 200, "text/event-stream", stream) == [])
        #expect(faults("GET", events, 200, "application/json", stream).count == 1)
        let export = "/api/v1/congresses/agen-2026/export?format=csv"
        let attachment = ["Content-Disposition": "attachment; filename=\"donnees-agen-2026.zip\""]
        #expect(faults("GET", export, 200, "application/zip", Data([0x50, 0x4B, 3, 4]), headers: attachment) == [])
    }

    @Test func aRequestNoOperationTakesMustGetAProblem() {
        let problem = Data(
            #"{"detail": "x", "instance": "/health", "requestId": "r", "status": 405, "title": "t", "type": "/problems/method-not-allowed"}"#.utf8)
        #expect(faults("DELETE", "/health", 405, "application/problem+json", problem) == [])
        #expect(faults("GET", "/api/v1/nowhere", 404, "text/plain", Data("no".utf8)).count == 1)
        // The pages are outside the API's contract: an HTML page is not checked against it.
        #expect(faults("GET", "/ateliers", 200, "text/html; charset=utf-8", Data("<p>".utf8)) == [])
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
