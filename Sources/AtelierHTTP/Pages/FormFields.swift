import Foundation

/// The fields of an HTML form as browsers post it (`application/x-www-form-urlencoded`, or
/// `multipart/form-data` for a form with a file: see FormFields+Multipart.swift).
struct FormFields: Sendable, Equatable {
    var values: [String: [String]] = [:]
    /// Uploaded files by field name, their bytes as sent (multipart forms only).
    var files: [String: [UInt8]] = [:]

    init(urlEncoded text: String) {
        for pair in text.split(separator: "&", omittingEmptySubsequences: true) {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = QueryParameters.decode(parts[0]) ?? String(parts[0])
            let value = parts.count > 1 ? QueryParameters.decode(parts[1]) ?? String(parts[1]) : ""
            values[name, default: []].append(value)
        }
    }

    subscript(name: String) -> String? { values[name]?.first }

    /// Whether a name or a value holds U+0000.
    var holdsNUL: Bool {
        values.contains { name, values in ([name] + values).contains { $0.unicodeScalars.contains("\0") } }
    }

    /// nil for a missing or blank field.
    func text(_ name: String) -> String? {
        guard let value = self[name], !value.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { return nil }
        return value
    }

    /// Every value of a repeated field (checkboxes of one name), in the order sent.
    func all(_ name: String) -> [String] { values[name] ?? [] }

    /// A value written into a URL's query: everything but ASCII letters, digits and `-._~` escaped.
    static func encode(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: unreserved) ?? ""
    }

    private static let unreserved = CharacterSet(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")
}
