/// CSV for Excel in France: UTF-8 with a byte order mark (without it Excel reads Windows-1252),
/// `;` between fields (`,` is the decimal mark there), CRLF line ends, and RFC 4180 quoting, so
/// separators, quotes and line breaks inside a field survive a round trip.
///
/// Formula injection: a spreadsheet runs a cell that starts with `=`, `+`, `-` or `@` (and some
/// with a tab or carriage return) as a formula, so a contribution could carry
/// `=HYPERLINK("http://…")` into an analyst's workbook. Such a field is written with a leading
/// apostrophe, which Excel and LibreOffice show as text and never evaluate. A field that already
/// starts with an apostrophe gets one more, so the rule can be undone exactly:
/// `restoringFormulaText` drops one leading apostrophe, and a reader that applies it gets every
/// field back as it was. A reader that does not sees the apostrophe; that is the price of
/// never running a participant's text as a formula.
public enum CSVWriter {
    static let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]

    public static func write(header: [String], rows: [[String]]) -> [UInt8] {
        var text = ""
        for record in [header] + rows {
            // A record of one empty field would be an empty line, which readers skip as blank
            // (the last one, at least): quoted, it is a value. Found by Fuzz/FuzzCSV.
            text += record == [""] ? "\"\"" : record.map(field).joined(separator: ";")
            text += "\r\n"
        }
        return byteOrderMark + Array(text.utf8)
    }

    /// One field, neutralised then quoted when it holds `;`, `"`, a line end, or spaces at its edges
    /// (which some readers trim).
    static func field(_ value: String) -> String {
        var value = value
        if let first = value.unicodeScalars.first, formulaStarts.contains(first) { value = "'" + value }
        let needsQuotes =
            value.unicodeScalars.contains { $0 == ";" || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "," }
            || value.first == " " || value.last == " "
        guard needsQuotes else { return value }
        return "\"" + value.replacingQuotes + "\""
    }

    /// The first characters that make a cell a formula, and the apostrophe that marks a neutralised one.
    private static let formulaStarts: Set<Unicode.Scalar> = ["=", "+", "-", "@", "\t", "\r", "'"]

    /// The field as it was before `field` neutralised it.
    public static func restoringFormulaText(_ field: String) -> String {
        guard field.unicodeScalars.first == "'", let second = field.unicodeScalars.dropFirst().first, formulaStarts.contains(second) else {
            return field
        }
        return String(field.unicodeScalars.dropFirst())
    }
}

extension String {
    /// By scalars, not characters: a quote followed by a combining mark is one character, `"` + U+07AE
    /// say, and left undoubled it would end the field early. Found by Fuzz/FuzzCSV.
    fileprivate var replacingQuotes: String {
        var result = String.UnicodeScalarView()
        for scalar in unicodeScalars {
            if scalar == "\"" { result.append(scalar) }
            result.append(scalar)
        }
        return String(result)
    }
}
