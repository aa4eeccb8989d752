/// Reads comma-separated values as RFC 4180 describes them, plus what real exports add:
/// a UTF-8 byte order mark, bare LF (or old Mac CR) line ends, and `;` as the separator,
/// which French Excel writes because `,` is the decimal mark there.
///
/// It works on bytes: separators, quotes and line ends are ASCII, and no byte of a multi-byte
/// UTF-8 sequence is ASCII, so splitting the bytes never cuts a character in half.
public enum CSVReader {
    /// The first record is the header; every other record must have as many fields.
    public static func read(_ data: [UInt8]) throws(CSVError) -> (header: [String], rows: [[String]]) {
        let table = try readLines(data)
        return (table.header, table.rows.map(\.fields))
    }

    /// As `read`, with the physical line each row starts on (1-based, the header's included), so a
    /// person can be told where in their file a row goes wrong even when a quoted field spans lines.
    public static func readLines(_ data: [UInt8]) throws(CSVError) -> (header: [String], rows: [(line: Int, fields: [String])]) {
        try validateUTF8(data)
        let body = data.starts(with: byteOrderMark) ? data[byteOrderMark.count...] : data[...]
        var records = try parse(body, separator: separator(of: body))
        // Editors and exports often leave blank lines at the end; they are not rows.
        while let last = records.last, last.isBlank { records.removeLast() }
        guard let header = records.first else { throw CSVError(.empty) }
        for record in records.dropFirst() where record.fields.count != header.fields.count {
            throw CSVError(.fieldCount(line: record.line, found: record.fields.count, expected: header.fields.count))
        }
        return (header.fields, records.dropFirst().map { ($0.line, $0.fields) })
    }

    private static let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]
    private static let quote = UInt8(ascii: "\"")
    private static let comma = UInt8(ascii: ",")
    private static let semicolon = UInt8(ascii: ";")
    private static let lineFeed = UInt8(ascii: "\n")
    private static let carriageReturn = UInt8(ascii: "\r")

    private struct Record {
        var fields: [String]
        /// The physical line the record starts on, 1-based.
        var line: Int
        var hasQuotedField: Bool

        /// An empty line, or one of only spaces and tabs: `""` on a line is a value, not a blank.
        var isBlank: Bool {
            !hasQuotedField && fields.count == 1 && fields[0].unicodeScalars.allSatisfy { $0 == " " || $0 == "\t" }
        }
    }

    /// Checks the whole file first, so a Latin-1 or UTF-16 file is refused with where it goes wrong,
    /// rather than read into replacement characters.
    private static func validateUTF8(_ data: [UInt8]) throws(CSVError) {
        // The standard library's validation is fast even in a debug build; the scalar-by-scalar walk
        // below only runs to find where a bad file goes wrong.
        if String(validating: data, as: UTF8.self) != nil { return }
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = data.makeIterator()
        var offset = 0
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let encoded): offset += encoded.count
            case .emptyInput: return
            case .error:
                throw CSVError(.notUTF8(offset: offset, line: line(at: offset, in: data), byte: data[offset]))
            }
        }
    }

    /// `;` only when the header has `;` and no `,` outside quotes: a comma anywhere means a comma file.
    private static func separator(of bytes: ArraySlice<UInt8>) -> UInt8 {
        var inQuotes = false
        var commas = 0
        var semicolons = 0
        for byte in bytes {
            if byte == quote {
                inQuotes.toggle()  // a doubled quote toggles twice, which is right
            } else if !inQuotes {
                if byte == lineFeed || byte == carriageReturn { break }
                if byte == comma { commas += 1 }
                if byte == semicolon { semicolons += 1 }
            }
        }
        return semicolons > 0 && commas == 0 ? semicolon : comma
    }

    private static func parse(_ slice: ArraySlice<UInt8>, separator: UInt8) throws(CSVError) -> [Record] {
        try slice.withUnsafeBufferPointer { (bytes) throws(CSVError) in try parse(bytes, separator: separator) }
    }

    /// One field per turn of the loop; fields are decoded from byte ranges, copied only to undouble quotes.
    private static func parse(_ bytes: UnsafeBufferPointer<UInt8>, separator: UInt8) throws(CSVError) -> [Record] {
        var records: [Record] = []
        var fields: [String] = []
        var line = 1
        var recordLine = 1
        var recordHasQuotedField = false
        var index = 0
        let end = bytes.count

        func isLineEnd(_ index: Int) -> Bool {
            // A CR LF is one line end, counted at its LF; a CR alone is an old Mac line end.
            bytes[index] == lineFeed || (bytes[index] == carriageReturn && (index + 1 == end || bytes[index + 1] != lineFeed))
        }

        while index < end {
            if bytes[index] == quote {
                recordHasQuotedField = true
                let quoteLine = line
                index += 1
                let start = index
                var hasDoubledQuotes = false
                while true {
                    guard index < end else { throw CSVError(.unterminatedQuote(line: quoteLine)) }
                    if bytes[index] == quote {
                        guard index + 1 < end && bytes[index + 1] == quote else { break }
                        hasDoubledQuotes = true
                        index += 2
                        continue
                    }
                    if isLineEnd(index) { line += 1 }
                    index += 1
                }
                let content = UnsafeBufferPointer(rebasing: bytes[start..<index])
                fields.append(hasDoubledQuotes ? undoublingQuotes(content) : String(decoding: content, as: UTF8.self))
                index += 1
                if index < end && bytes[index] != separator && bytes[index] != lineFeed && bytes[index] != carriageReturn {
                    throw CSVError(.textAfterClosingQuote(line: line))
                }
            } else {
                // A quote inside an unquoted field (`15" d'écran`) is kept as written, as Excel does.
                let start = index
                while index < end && bytes[index] != separator && bytes[index] != lineFeed && bytes[index] != carriageReturn {
                    index += 1
                }
                fields.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self))
            }
            if index < end && bytes[index] == separator {
                index += 1
                // A separator at the very end of the file still opens a last, empty field.
                if index == end { fields.append("") }
                continue
            }
            // A line end, or the end of a last line that has none.
            if index < end {
                if bytes[index] == carriageReturn && index + 1 < end && bytes[index + 1] == lineFeed { index += 1 }
                index += 1
                line += 1
            }
            records.append(Record(fields: fields, line: recordLine, hasQuotedField: recordHasQuotedField))
            fields.removeAll(keepingCapacity: true)
            recordHasQuotedField = false
            recordLine = line
        }
        if !fields.isEmpty {
            records.append(Record(fields: fields, line: recordLine, hasQuotedField: recordHasQuotedField))
        }
        return records
    }

    /// Inside a quoted field every quote is doubled, so keeping every other one undoes the escaping.
    private static func undoublingQuotes(_ content: UnsafeBufferPointer<UInt8>) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(content.count)
        var skipNext = false
        for byte in content {
            if skipNext {
                skipNext = false
                continue
            }
            bytes.append(byte)
            skipNext = byte == quote
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The 1-based physical line of a byte offset, counting line ends as the parser does.
    private static func line(at offset: Int, in data: [UInt8]) -> Int {
        var line = 1
        for index in 0..<offset {
            let byte = data[index]
            if byte == lineFeed || (byte == carriageReturn && (index + 1 == data.count || data[index + 1] != lineFeed)) {
                line += 1
            }
        }
        return line
    }
}

/// Why a CSV file could not be read, in words a person who exported it from a spreadsheet can act on.
public struct CSVError: Error, CustomStringConvertible, Equatable, Sendable {
    public enum Kind: Equatable, Sendable {
        /// No bytes, or only a byte order mark and blank lines.
        case empty
        /// `offset` counts bytes from the start of the file, byte order mark included.
        case notUTF8(offset: Int, line: Int, byte: UInt8)
        case unterminatedQuote(line: Int)
        case textAfterClosingQuote(line: Int)
        case fieldCount(line: Int, found: Int, expected: Int)
    }

    public var kind: Kind

    public init(_ kind: Kind) {
        self.kind = kind
    }

    public var description: String {
        switch kind {
        case .empty:
            return "the file is empty"
        case .notUTF8(let offset, let line, let byte):
            let hex = String(byte, radix: 16, uppercase: true)
            return "not UTF-8: byte 0x\(hex.count == 1 ? "0" + hex : hex) at offset \(offset) (line \(line)); save the file as UTF-8"
        case .unterminatedQuote(let line):
            return "line \(line): a quoted field is never closed (a \" is missing)"
        case .textAfterClosingQuote(let line):
            return "line \(line): text after the closing quote of a field (a quote inside a quoted field is written \"\")"
        case .fieldCount(let line, let found, let expected):
            return "line \(line): \(found) field\(found == 1 ? "" : "s") where the header has \(expected)"
        }
    }
}
