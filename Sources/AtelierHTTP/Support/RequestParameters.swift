import Foundation
import Hummingbird

extension AtelierRequestContext {
    /// A path parameter, percent-decoded: Hummingbird hands them over raw. No resource has a
    /// NUL in its name (PostgreSQL's text cannot hold one), so such a path names none.
    func pathText(_ name: String) throws -> String {
        guard let raw = parameters.get(name), let text = raw.removingPercentEncoding else {
            throw Problem(.malformedRequest, "the path parameter \(name) is not valid percent-encoded text")
        }
        if text.unicodeScalars.contains("\0") { throw Problem(.notFound, "no resource has a NUL character in its \(name)") }
        return text
    }

    /// A path parameter that must be an id; anything else names no resource.
    func pathID(_ name: String, resource: String) throws -> UUID {
        let text = try pathText(name)
        guard let id = UUID(uuidString: text) else { throw Problem(.notFound, "no \(resource) \"\(text)\": not an id") }
        return id
    }
}

/// The query string read as a form would send it (`+` is a space), which Hummingbird's
/// own parser does not do.
struct QueryParameters {
    private var values: [String: String] = [:]

    init(_ request: Request) throws {
        guard let query = request.uri.query, !query.isEmpty else { return }
        for pair in query.split(separator: "&", omittingEmptySubsequences: true) {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard let key = Self.decode(parts[0]), let value = Self.decode(parts.count > 1 ? parts[1] : "") else {
                throw Problem(.malformedRequest, "the query string is not valid percent-encoded UTF-8")
            }
            if values[key] != nil { throw Problem(.malformedRequest, "the query parameter \(key) is given twice") }
            // Every text sent on to PostgreSQL, whose text cannot hold a NUL, comes through here, the
            // path's (pathText) or a JSON body's (StrictJSON).
            if value.unicodeScalars.contains("\0") {
                throw Problem(.invalidField, "\(key) contains a NUL character", extensions: ["field": key])
            }
            values[key] = value
        }
    }

    static func decode(_ text: Substring) -> String? {
        text.replacingOccurrences(of: "+", with: " ").removingPercentEncoding
    }

    subscript(_ name: String) -> String? { values[name] }

    func integer(_ name: String) throws -> Int? {
        guard let text = values[name] else { return nil }
        guard let value = Int(text) else { throw Problem(.invalidField, "\(name) must be a whole number", extensions: ["field": name]) }
        return value
    }

    func boolean(_ name: String) throws -> Bool? {
        guard let text = values[name] else { return nil }
        guard let value = Bool(text) else { throw Problem(.invalidField, "\(name) must be true or false", extensions: ["field": name]) }
        return value
    }

    func oneOf<T: RawRepresentable & CaseIterable>(_ name: String, _ type: T.Type) throws -> T? where T.RawValue == String {
        guard let text = values[name] else { return nil }
        guard let value = T(rawValue: text) else {
            let allowed = T.allCases.map(\.rawValue).joined(separator: ", ")
            throw Problem(.invalidField, "\(name) must be one of: \(allowed)", extensions: ["field": name])
        }
        return value
    }
}
