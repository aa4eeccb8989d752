import AtelierCore
import AtelierHTTP
import AtelierTestSupport
import Foundation
import Hummingbird
import Postgres
import Testing

/// The published API description and the router must say the same thing.
@Suite struct OpenAPITests {
    @Test func everyRouteIsDocumentedAndEveryDocumentedRouteExists() async throws {
        try await withTestServer { server in
            let reply = try await server.request("GET", "/openapi.json")
            #expect(reply.status == 200)
            let document = reply.json
            #expect(document["openapi"] as? String == "3.1.0")
            // A token is needed unless an operation says otherwise, so a new route is closed by default.
            let security = try #require(document["security"] as? [[String: [String]]])
            #expect(security == [["bearer": []]])
            let paths = try #require(document["paths"] as? [String: [String: Any]])
            let methods: Set<String> = ["get", "put", "post", "patch", "delete", "head", "options"]
            var documented = Set<String>()
            for (path, item) in paths {
                for (method, operation) in item where methods.contains(method) {
                    documented.insert("\(method.uppercased()) \(path)")
                    let operation = try #require(operation as? [String: Any])
                    // Everything under /api/v1 needs a token and inherits the root's; the rest is public and
                    // says so, or (/metrics) takes a token without requiring one: `[{}, {"bearer": []}]`.
                    if path.hasPrefix("/api/v1") {
                        #expect(operation["security"] == nil, "\(method) \(path) overrides the root's security")
                    } else {
                        let security = try #require(operation["security"] as? [Any], "\(method) \(path) does not say it is public")
                        #expect(security.isEmpty || (security.first as? [String: Any])?.isEmpty == true, "\(method) \(path)")
                    }
                    #expect(operation["responses"] is [String: Any], "\(method) \(path)")
                }
            }
            // The pages (HTML) are not part of the API's contract.
            let routed = Set(
                try AtelierApplication.buildRouter(services: server.services, resources: TestServer.resources).routes.map {
                    "\($0.method) \($0.path)"
                }
                .filter { Contract.isAPI(String($0.split(separator: " ")[1])) })
            #expect(routed == documented, "only routed: \(routed.subtracting(documented)); only documented: \(documented.subtracting(routed))")
        }
    }

    /// The file is served as it is written: booleans stay booleans, and the problem types
    /// listed must be exactly those the code defines.
    @Test func theServedDocumentIsTheFileAndListsEveryProblemType() async throws {
        try await withTestServer { server in
            let reply = try await server.request("GET", "/openapi.json")
            let file = try Data(contentsOf: TestDatabase.repositoryRoot.appendingPathComponent("api/openapi.json"))
            #expect(reply.body == file)
            #expect(reply.text.range(of: #""required"\s*:\s*true"#, options: .regularExpression) != nil)
            #expect(reply.text.range(of: #""(required|deprecated)"\s*:\s*[01]\b"#, options: .regularExpression) == nil)
            let paths = try #require(reply.json["paths"] as? [String: Any])
            let problems = try #require((paths["/problems/{type}"] as? [String: Any])?["get"] as? [String: Any])
            let schema = (problems["parameters"] as? [[String: Any]])?.first?["schema"] as? [String: Any]
            #expect(schema?["enum"] as? [String] == ProblemType.all.map(\.slug))
            let tags = (reply.json["tags"] as? [[String: Any]] ?? []).compactMap { $0["name"] as? String }
            #expect(tags.contains("Proposals") && tags.contains("Contributions"))
        }
    }

    /// Shared parts live in components: every reference must land on one.
    @Test func everyReferenceResolves() async throws {
        try await withTestServer { server in
            let document = try await server.request("GET", "/openapi.json").json
            var references: [String] = []
            func collect(_ value: Any) {
                if let object = value as? [String: Any] {
                    if let reference = object["$ref"] as? String { references.append(reference) }
                    object.values.forEach(collect)
                } else if let list = value as? [Any] {
                    list.forEach(collect)
                }
            }
            collect(document)
            #expect(references.contains("#/components/parameters/PageLimit"))
            for reference in Set(references) {
                #expect(reference.hasPrefix("#/components/"), "\(reference) points outside components")
                let target = reference.split(separator: "/").dropFirst().reduce(document as Any?) { node, key in
                    (node as? [String: Any])?[String(key)]
                }
                #expect(target != nil, "\(reference) leads nowhere")
            }
        }
    }

    /// A problem response says which types it carries, so a client knows what to match on and
    /// the contract check fails when an operation answers with another one.
    @Test func everyProblemResponseListsItsTypesWithItsStatus() throws {
        let document = Contract.repository.document
        let byURI = Dictionary(uniqueKeysWithValues: ProblemType.all.map { ($0.uri, $0) })
        var listed = Set<String>()
        for (path, item) in document["paths"]?.members ?? [:] {
            for (method, operation) in item.members ?? [:] {
                for (status, response) in operation["responses"]?.members ?? [:] {
                    let reference = response["$ref"]?.string
                    let resolved = reference.flatMap { document.resolve(pointer: String($0.dropFirst())) } ?? response
                    guard let schema = resolved["content"]?["application/problem+json"]?["schema"] else { continue }
                    let place = "\(method.uppercased()) \(path) \(status)"
                    let enumerated = schema["properties"]?["type"]?["enum"]?.elements
                    let types = try #require(enumerated, "\(place) lists no types").compactMap(\.string)
                    #expect(schema["properties"]?["status"]?["const"] == .number(Double(status) ?? 0), "\(place)")
                    for uri in types {
                        listed.insert(uri)
                        #expect(byURI[uri]?.status.code == Int(status), "\(place): \(uri) is not a problem type with that status")
                    }
                }
            }
        }
        // 405 and 500 can come from any route and are described once, in the document's introduction.
        let everywhere: Set<String> = [ProblemType.methodNotAllowed.uri, ProblemType.internalError.uri]
        #expect(listed.union(everywhere) == Set(byURI.keys), "never listed: \(Set(byURI.keys).subtracting(listed.union(everywhere)))")
    }

    @Test func everyProblemTypeIsDocumentedAtItsURI() async throws {
        try await withTestServer { server in
            for type in ProblemType.all {
                let reply = try await server.request("GET", type.uri)
                #expect(reply.status == 200)
                #expect(reply.json["type"] as? String == type.uri)
                #expect(reply.json["status"] as? Int == type.status.code)
            }
        }
    }
}
