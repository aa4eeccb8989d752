import AtelierCore
import AtelierHTTP
import Foundation
import Hummingbird
import Postgres
import Testing

/// The published API description and the router must say the same thing.
@Suite struct OpenAPITests {
    @Test func everyRouteIsDocumentedAndEveryDocumentedRouteExists() async throws {
        let server = try await TestServer.start()
        defer { Task { await server.stop() } }
        let reply = try await server.request("GET", "/openapi.json")
        #expect(reply.status == 200)
        let document = reply.json
        #expect(document["openapi"] as? String == "3.1.0")
        let paths = try #require(document["paths"] as? [String: [String: Any]])
        let methods: Set<String> = ["get", "put", "post", "patch", "delete", "head", "options"]
        var documented = Set<String>()
        for (path, item) in paths {
            for (method, operation) in item where methods.contains(method) {
                documented.insert("\(method.uppercased()) \(path)")
                let operation = try #require(operation as? [String: Any])
                let security = try #require(operation["security"] as? [[String: Any]], "\(method) \(path) declares no security")
                // Everything under /api/v1 needs a token; the rest is public.
                #expect(security.isEmpty != path.hasPrefix("/api/v1"), "\(method) \(path)")
                #expect(operation["responses"] is [String: Any], "\(method) \(path)")
            }
        }
        // The pages (HTML) are not part of the API's contract.
        let routed = Set(
            try AtelierApplication.buildRouter(services: server.services, resources: TestServer.resources).routes.map { "\($0.method) \($0.path)" }
                .filter { route in ["/api/", "/health", "/openapi.json", "/problems/"].contains { route.split(separator: " ")[1].hasPrefix($0) } })
        #expect(routed == documented, "only routed: \(routed.subtracting(documented)); only documented: \(documented.subtracting(routed))")
    }

    /// Fragments are merged into the base document: booleans must stay booleans, and the
    /// problem types listed must be exactly those the code defines.
    @Test func theMergedDocumentKeepsItsTypesAndListsEveryProblemType() async throws {
        let server = try await TestServer.start()
        defer { Task { await server.stop() } }
        let reply = try await server.request("GET", "/openapi.json")
        #expect(reply.text.contains(#""required" : true"#))
        #expect(reply.text.range(of: #""(required|deprecated)"\s*:\s*[01]\b"#, options: .regularExpression) == nil)
        let paths = try #require(reply.json["paths"] as? [String: Any])
        let problems = try #require((paths["/problems/{type}"] as? [String: Any])?["get"] as? [String: Any])
        let schema = (problems["parameters"] as? [[String: Any]])?.first?["schema"] as? [String: Any]
        #expect(schema?["enum"] as? [String] == ProblemType.all.map(\.slug))
        let tags = (reply.json["tags"] as? [[String: Any]] ?? []).compactMap { $0["name"] as? String }
        #expect(tags.contains("Proposals") && tags.contains("Contributions"))
    }

    /// Shared parts live in components: every reference must land on one.
    @Test func everyReferenceResolves() async throws {
        let server = try await TestServer.start()
        defer { Task { await server.stop() } }
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
            let target = reference.split(separator: "/").dropFirst().reduce(document as Any?) { node, key in
                (node as? [String: Any])?[String(key)]
            }
            #expect(target != nil, "\(reference) leads nowhere")
        }
    }

    @Test func everyProblemTypeIsDocumentedAtItsURI() async throws {
        let server = try await TestServer.start()
        defer { Task { await server.stop() } }
        for type in ProblemType.all {
            let reply = try await server.request("GET", type.uri)
            #expect(reply.status == 200)
            #expect(reply.json["type"] as? String == type.uri)
            #expect(reply.json["status"] as? Int == type.status.code)
        }
    }
}
