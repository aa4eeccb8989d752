import AtelierTestSupport
import Foundation

/// `api/openapi.json` as the tests read it: which operation a request reached, and whether the
/// reply is one that operation documents. `TestServer.request` runs every reply through it.
struct Contract: Sendable {
    let document: JSONValue
    let operations: [Operation]

    /// The checkout's contract, read once for the whole test run.
    static let repository: Contract = {
        let url = TestDatabase.repositoryRoot.appendingPathComponent("api/openapi.json")
        // The server refuses to start without it, so no test gets this far when it is broken.
        return Contract(document: try! JSONValue.parse(Data(contentsOf: url)))
    }()

    struct Operation: Sendable {
        let method: String
        let template: String
        let segments: [Substring]
        let definition: JSONValue

        var name: String { "\(method) \(template)" }

        /// How many segments are literal: `/proposals/order` wins over `/proposals/{proposal}`.
        var literals: Int { segments.filter { !$0.hasPrefix("{") }.count }

        func matches(_ path: [Substring]) -> Bool {
            path.count == segments.count && zip(segments, path).allSatisfy { template, actual in template.hasPrefix("{") || template == actual }
        }
    }

    init(document: JSONValue) {
        self.document = document
        self.operations = (document["paths"]?.members ?? [:]).flatMap { template, item in
            (item.members ?? [:]).compactMap { method, definition -> Operation? in
                guard ["get", "put", "post", "patch", "delete", "head", "options"].contains(method) else { return nil }
                return Operation(method: method.uppercased(), template: template, segments: template.split(separator: "/"), definition: definition)
            }
        }
    }

    /// The operation a request for `path` (its query ignored) reaches, if the document has one.
    func operation(_ method: String, _ path: String) -> Operation? {
        let segments = (path.split(separator: "?", maxSplits: 1).first ?? "").split(separator: "/")
        return operations.filter { $0.method == method && $0.matches(segments) }.max { $0.literals < $1.literals }
    }

    /// Whether a path belongs to the API the document describes, rather than to the pages.
    static func isAPI(_ path: String) -> Bool {
        ["/api/", "/health", "/openapi.json", "/problems/", "/metrics"].contains { path.hasPrefix($0) }
    }

    /// What is wrong with this reply to this request, one sentence per fault; empty when it
    /// is documented: its status, its content type, its body against the schema, and the
    /// headers the response says it carries. A request no operation takes must get a problem
    /// document (404, 405…). Without a body (a stream still open), the body is not checked.
    func faults(method: String, path: String, status: Int, headers: [String: String], body: Data?) -> [String] {
        // The pages (HTML, their forms and their event stream) are outside the API's contract.
        guard Self.isAPI(path) else { return [] }
        let contentType = Self.header("Content-Type", in: headers) ?? ""
        guard let operation = operation(method, path) else {
            let problem = JSONValue.object(["$ref": .string("#/components/schemas/Problem")])
            return check(body, as: "application/problem+json", against: problem, contentType: contentType).map {
                "\(method) \(path) (no operation) → \(status): \($0)"
            }
        }
        let name = "\(operation.name) → \(status)"
        let responses = operation.definition["responses"]
        guard let response = (responses?[String(status)] ?? responses?["default"]).map(resolved) else {
            return ["\(name): the status is not documented"]
        }
        let headerFaults = (response["headers"]?.members ?? [:]).sorted { $0.key < $1.key }.flatMap { header, definition in
            self.faults(ofHeader: header, resolved(definition), in: headers)
        }
        return (headerFaults + faults(ofBody: body, contentType: contentType, content: response["content"]?.members)).map { "\(name): \($0)" }
    }

    /// A request the server accepted (2xx) must fit the request body schema of its operation:
    /// otherwise the server takes what the contract says it refuses, or the contract is too strict.
    func faults(ofAccepted method: String, path: String, body: Data?) -> [String] {
        guard let operation = operation(method, path), let body, !body.isEmpty,
            let schema = operation.definition["requestBody"].map(resolved)?["content"]?["application/json"]?["schema"]
        else { return [] }
        guard let instance = try? JSONValue.parse(body) else { return ["\(operation.name): accepted a body that is not JSON"] }
        return SchemaValidator(document: document).validate(instance, against: schema).map { "\(operation.name) accepted a request body where \($0)" }
    }

    private func faults(ofBody body: Data?, contentType: String, content: [String: JSONValue]?) -> [String] {
        guard let content else { return (body ?? Data()).isEmpty ? [] : ["a body where none is documented"] }
        let mediaType = Self.mediaType(contentType)
        guard let (documented, media) = content.first(where: { Self.mediaType($0.key) == mediaType }) else {
            return ["Content-Type \"\(contentType)\" is not one of \(content.keys.sorted().joined(separator: ", "))"]
        }
        guard Self.isJSON(mediaType), let schema = media["schema"] else { return [] }
        return check(body, as: documented, against: schema, contentType: contentType)
    }

    /// A header the response documents: there when `required`, and its value as its schema says.
    private func faults(ofHeader name: String, _ definition: JSONValue, in headers: [String: String]) -> [String] {
        guard let value = Self.header(name, in: headers) else {
            return definition["required"] == .bool(true) ? ["the required header \(name) is missing"] : []
        }
        guard let schema = definition["schema"] else { return [] }
        return SchemaValidator(document: document).validate(.string(value), against: schema).map { "header \(name): \($0.message)" }
    }

    private func check(_ body: Data?, as mediaType: String, against schema: JSONValue, contentType: String) -> [String] {
        guard Self.mediaType(contentType) == Self.mediaType(mediaType) else {
            return ["Content-Type \"\(contentType)\" where \(mediaType) is documented"]
        }
        guard let body else { return [] }
        guard let instance = try? JSONValue.parse(body) else { return ["the body is not JSON"] }
        return SchemaValidator(document: document).validate(instance, against: schema).map(\.description)
    }

    /// A response, parameter or header object, with its `$ref` followed.
    private func resolved(_ object: JSONValue) -> JSONValue {
        guard let reference = object["$ref"]?.string, let target = document.resolve(pointer: String(reference.dropFirst())) else { return object }
        return target
    }

    static func header(_ name: String, in headers: [String: String]) -> String? {
        headers.first { $0.key.caseInsensitiveCompare(name) == .orderedSame }?.value
    }

    /// `text/html; charset=utf-8` → `text/html`.
    static func mediaType(_ contentType: String) -> String {
        (contentType.split(separator: ";").first ?? "").trimmingCharacters(in: .whitespaces).lowercased()
    }

    static func isJSON(_ mediaType: String) -> Bool {
        mediaType == "application/json" || mediaType.hasSuffix("+json")
    }
}
