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

    /// What is wrong with this reply to this request, one sentence per fault; empty when it
    /// is documented. A request no operation takes must get a problem document (404, 405…).
    /// Without a body (a stream still open), only the status and content type are checked.
    func faults(method: String, path: String, status: Int, contentType: String, body: Data?) -> [String] {
        guard let operation = operation(method, path) else {
            let name = "\(method) \(path) (no operation)"
            let problem = JSONValue.object(["$ref": .string("#/components/schemas/Problem")])
            return check(body, as: "application/problem+json", against: problem, contentType: contentType).map { "\(name) → \(status): \($0)" }
        }
        let name = "\(operation.name) → \(status)"
        let responses = operation.definition["responses"]
        guard var response = responses?[String(status)] ?? responses?["default"] else {
            return ["\(name): the status is not documented"]
        }
        if let reference = response["$ref"]?.string, let target = document.resolve(pointer: String(reference.dropFirst())) {
            response = target
        }
        guard let content = response["content"]?.members else {
            return (body ?? Data()).isEmpty ? [] : ["\(name): a body where none is documented"]
        }
        let mediaType = Self.mediaType(contentType)
        guard let (documented, media) = content.first(where: { Self.mediaType($0.key) == mediaType }) else {
            return ["\(name): Content-Type \"\(contentType)\" is not one of \(content.keys.sorted().joined(separator: ", "))"]
        }
        guard Self.isJSON(mediaType), let schema = media["schema"] else { return [] }
        return check(body, as: documented, against: schema, contentType: contentType).map { "\(name): \($0)" }
    }

    private func check(_ body: Data?, as mediaType: String, against schema: JSONValue, contentType: String) -> [String] {
        guard Self.mediaType(contentType) == Self.mediaType(mediaType) else {
            return ["Content-Type \"\(contentType)\" where \(mediaType) is documented"]
        }
        guard let body else { return [] }
        guard let instance = try? JSONValue.parse(body) else { return ["the body is not JSON"] }
        return SchemaValidator(document: document).validate(instance, against: schema).map(\.description)
    }

    /// `text/html; charset=utf-8` → `text/html`.
    static func mediaType(_ contentType: String) -> String {
        (contentType.split(separator: ";").first ?? "").trimmingCharacters(in: .whitespaces).lowercased()
    }

    static func isJSON(_ mediaType: String) -> Bool {
        mediaType == "application/json" || mediaType.hasSuffix("+json")
    }
}
