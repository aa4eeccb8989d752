import Foundation

extension OpenAPIDocument {
    /// The base document with each fragment merged in: objects merge key by key, lists
    /// (tags) are joined, and the list of problem types is the one the code defines.
    static func merged(base: String, fragments: [String]) -> String {
        var document = parse(base)
        for fragment in fragments { document = merge(document, parse(fragment), at: "") as! [String: Any] }
        if var paths = document["paths"] as? [String: Any], var problems = paths["/problems/{type}"] as? [String: Any],
            var get = problems["get"] as? [String: Any], var parameters = get["parameters"] as? [[String: Any]],
            var schema = parameters.first?["schema"] as? [String: Any]
        {
            schema["enum"] = ProblemType.all.map(\.slug)
            parameters[0]["schema"] = schema
            get["parameters"] = parameters
            problems["get"] = get
            paths["/problems/{type}"] = problems
            document["paths"] = paths
        }
        let data = try! JSONSerialization.data(withJSONObject: document, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
        return String(decoding: data, as: UTF8.self)
    }

    static func parse(_ text: String) -> [String: Any] {
        // Our own constant: a document that does not parse is a programming error the tests catch.
        try! JSONSerialization.jsonObject(with: Data(text.utf8)) as! [String: Any]
    }

    static func merge(_ base: Any, _ addition: Any, at path: String) -> Any {
        switch (base, addition) {
        case (var base as [String: Any], let addition as [String: Any]):
            for (key, value) in addition {
                base[key] = base[key].map { merge($0, value, at: "\(path)/\(key)") } ?? value
            }
            return base
        case (let base as [Any], let addition as [Any]):
            return base + addition
        default:
            preconditionFailure("an OpenAPI fragment redefines \(path)")
        }
    }
}
