/// Text made safe for XML 1.0 and HTML: markup characters escaped, and the characters XML 1.0
/// forbids (C0 controls but tab and line ends, U+FFFE, U+FFFF) removed, since no escape can
/// carry them. Tabs and line ends become spaces: where a line must break, documents say so
/// with a line-break element, not a character.
enum XMLText {
    /// Text content; with `quotes`, also safe inside an attribute value in either quotes
    /// (`&#39;` rather than `&apos;`, which old HTML does not know).
    static func escape(_ text: String, quotes: Bool = false) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"" where quotes: result += "&quot;"
            case "'" where quotes: result += "&#39;"
            case "\t", "\n", "\r": result += " "
            default:
                if scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF { continue }
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
