import Foundation

/// The subset of JSON Schema 2020-12 that `api/openapi.json` uses, enough to say where a
/// reply breaks its schema: type (one or a list, null included), properties, required,
/// additionalProperties, items, enum, const, $ref (into the same document), oneOf, anyOf,
/// allOf, not, minimum, maximum, exclusiveMinimum, exclusiveMaximum, minLength, maxLength,
/// pattern, minItems, maxItems, and the formats uuid, date-time and date, loosely. Other
/// keywords (description, default, contentMediaType…) say nothing about validity and are skipped.
struct SchemaValidator {
    /// The document `$ref`s point into.
    let document: JSONValue

    struct Violation: Equatable, CustomStringConvertible {
        /// JSON pointer to the offending value in the instance; empty for the instance itself.
        let pointer: String
        let message: String

        var description: String { "\(pointer.isEmpty ? "/" : pointer): \(message)" }
    }

    func validate(_ instance: JSONValue, against schema: JSONValue) -> [Violation] {
        collect(instance, schema, at: "")
    }

    private func collect(_ instance: JSONValue, _ schema: JSONValue, at pointer: String) -> [Violation] {
        var violations: [Violation] = []
        check(instance, schema, at: pointer, into: &violations)
        return violations
    }

    private func check(_ instance: JSONValue, _ schema: JSONValue, at pointer: String, into violations: inout [Violation]) {
        func fail(_ message: String) { violations.append(Violation(pointer: pointer, message: message)) }
        guard let keywords = schema.members else {
            // `true` accepts anything, `false` nothing.
            if schema == .bool(false) { fail("no value is allowed here") }
            return
        }
        if let reference = keywords["$ref"]?.string {
            guard reference.hasPrefix("#"), let target = document.resolve(pointer: String(reference.dropFirst())) else {
                return fail("$ref \(reference) leads nowhere")
            }
            check(instance, target, at: pointer, into: &violations)
        }
        if let type = keywords["type"], !Self.allows(type, instance) {
            let expected = type.elements?.compactMap(\.string).joined(separator: " or ") ?? type.string ?? "?"
            return fail("expected \(expected), got \(instance.typeName) \(Self.excerpt(instance))")
        }
        if let allowed = keywords["enum"]?.elements, !allowed.contains(instance) {
            fail("\(Self.excerpt(instance)) is not one of \(allowed.map(Self.excerpt).joined(separator: ", "))")
        }
        if let constant = keywords["const"], constant != instance {
            fail("\(Self.excerpt(instance)) is not \(Self.excerpt(constant))")
        }
        checkCombinations(instance, keywords, at: pointer, into: &violations)
        switch instance {
        case .object(let members): checkObject(members, keywords, at: pointer, into: &violations)
        case .array(let elements): checkArray(elements, keywords, at: pointer, into: &violations)
        case .string(let text): checkString(text, keywords, fail: fail)
        case .number(let value): checkNumber(value, keywords, fail: fail)
        case .null, .bool: break
        }
    }

    private func checkCombinations(_ instance: JSONValue, _ keywords: [String: JSONValue], at pointer: String, into violations: inout [Violation]) {
        for schema in keywords["allOf"]?.elements ?? [] { check(instance, schema, at: pointer, into: &violations) }
        if let choices = keywords["anyOf"]?.elements {
            let results = choices.map { collect(instance, $0, at: pointer) }
            if !results.contains(where: \.isEmpty) {
                violations.append(Violation(pointer: pointer, message: "matches none of anyOf: " + Self.closest(results)))
            }
        }
        if let choices = keywords["oneOf"]?.elements {
            let results = choices.map { collect(instance, $0, at: pointer) }
            let matching = results.filter(\.isEmpty).count
            if matching == 0 {
                violations.append(Violation(pointer: pointer, message: "matches none of oneOf: " + Self.closest(results)))
            } else if matching > 1 {
                violations.append(Violation(pointer: pointer, message: "matches \(matching) schemas of oneOf, not exactly one"))
            }
        }
        if let excluded = keywords["not"], collect(instance, excluded, at: pointer).isEmpty {
            violations.append(Violation(pointer: pointer, message: "matches the schema of not"))
        }
    }

    private func checkObject(_ members: [String: JSONValue], _ keywords: [String: JSONValue], at pointer: String, into violations: inout [Violation])
    {
        let properties = keywords["properties"]?.members ?? [:]
        for name in keywords["required"]?.elements?.compactMap(\.string) ?? [] where members[name] == nil {
            violations.append(Violation(pointer: pointer, message: "required member \"\(name)\" is missing"))
        }
        for (name, value) in members.sorted(by: { $0.key < $1.key }) {
            let at = pointer + "/" + name.replacingOccurrences(of: "~", with: "~0").replacingOccurrences(of: "/", with: "~1")
            if let schema = properties[name] {
                check(value, schema, at: at, into: &violations)
            } else if let additional = keywords["additionalProperties"] {
                if additional == .bool(false) {
                    violations.append(Violation(pointer: at, message: "member \"\(name)\" is not in the schema"))
                } else {
                    check(value, additional, at: at, into: &violations)
                }
            }
        }
    }

    private func checkArray(_ elements: [JSONValue], _ keywords: [String: JSONValue], at pointer: String, into violations: inout [Violation]) {
        if let minimum = keywords["minItems"]?.number, Double(elements.count) < minimum {
            violations.append(Violation(pointer: pointer, message: "\(elements.count) items, fewer than \(Int(minimum))"))
        }
        if let maximum = keywords["maxItems"]?.number, Double(elements.count) > maximum {
            violations.append(Violation(pointer: pointer, message: "\(elements.count) items, more than \(Int(maximum))"))
        }
        if let items = keywords["items"] {
            for (index, element) in elements.enumerated() { check(element, items, at: "\(pointer)/\(index)", into: &violations) }
        }
    }

    private func checkString(_ text: String, _ keywords: [String: JSONValue], fail: (String) -> Void) {
        // JSON Schema counts code points, as the API counts Unicode scalars.
        let length = text.unicodeScalars.count
        if let minimum = keywords["minLength"]?.number, Double(length) < minimum { fail("\(length) characters, fewer than \(Int(minimum))") }
        if let maximum = keywords["maxLength"]?.number, Double(length) > maximum { fail("\(length) characters, more than \(Int(maximum))") }
        if let pattern = keywords["pattern"]?.string, text.range(of: pattern, options: .regularExpression) == nil {
            fail("\(Self.excerpt(.string(text))) does not match \(pattern)")
        }
        if let format = keywords["format"]?.string, let shape = Self.formats[format], text.range(of: shape, options: .regularExpression) == nil {
            fail("\(Self.excerpt(.string(text))) is not a \(format)")
        }
    }

    private func checkNumber(_ value: Double, _ keywords: [String: JSONValue], fail: (String) -> Void) {
        let shown = Self.excerpt(.number(value))
        if let bound = keywords["minimum"]?.number, value < bound { fail("\(shown) is below the minimum \(Self.excerpt(.number(bound)))") }
        if let bound = keywords["maximum"]?.number, value > bound { fail("\(shown) is above the maximum \(Self.excerpt(.number(bound)))") }
        if let bound = keywords["exclusiveMinimum"]?.number, value <= bound { fail("\(shown) is not above \(Self.excerpt(.number(bound)))") }
        if let bound = keywords["exclusiveMaximum"]?.number, value >= bound { fail("\(shown) is not below \(Self.excerpt(.number(bound)))") }
    }

    /// Loose shapes: enough to catch a name where an id belongs, or a date in the wrong form.
    private static let formats = [
        "uuid": "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$",
        "date-time": "^[0-9]{4}-[0-9]{2}-[0-9]{2}[Tt ][0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]+)?([Zz]|[+-][0-9]{2}:[0-9]{2})$",
        "date": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$",
    ]

    private static func allows(_ type: JSONValue, _ instance: JSONValue) -> Bool {
        let names = type.elements?.compactMap(\.string) ?? type.string.map { [$0] } ?? []
        let actual = instance.typeName
        return names.contains(actual) || (actual == "integer" && names.contains("number"))
    }

    /// The violations of the branch that came nearest, so a message says what to fix.
    private static func closest(_ results: [[Violation]]) -> String {
        let best = results.min { $0.count < $1.count } ?? []
        return best.map(\.description).joined(separator: "; ")
    }

    static func excerpt(_ value: JSONValue) -> String {
        switch value {
        case .null: return "null"
        case .bool(let flag): return "\(flag)"
        case .number(let number): return number == number.rounded() && abs(number) < 1e15 ? "\(Int(number))" : "\(number)"
        case .string(let text): return "\"\(text.count > 40 ? text.prefix(40) + "…" : text)\""
        case .array(let elements): return "an array of \(elements.count)"
        case .object: return "an object"
        }
    }
}
