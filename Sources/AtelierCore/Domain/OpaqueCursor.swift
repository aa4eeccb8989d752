import Foundation

/// Where a page ends, as text the client hands back unread: parts joined by `|`, in
/// base64url without padding. The first part names the list, so a cursor from one list is
/// refused by another.
public enum OpaqueCursor {
    public static let maximumLength = 200

    public static func encode(_ parts: [String]) -> String {
        Data(parts.joined(separator: "|").utf8).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    /// The parts, when the text is a cursor of `count` parts; nil otherwise.
    public static func decode(_ encoded: String, count: Int) -> [String]? {
        var base64 = encoded.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        while base64.count % 4 != 0 { base64 += "=" }
        guard encoded.count <= maximumLength, let data = Data(base64Encoded: base64), let raw = String(data: data, encoding: .utf8)
        else { return nil }
        let parts = raw.split(separator: "|", omittingEmptySubsequences: false).map(String.init)
        return parts.count == count ? parts : nil
    }
}
