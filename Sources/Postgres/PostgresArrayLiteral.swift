/// One-dimensional arrays in PostgreSQL's text form: `{a,"b c",NULL}`.
enum PostgresArrayLiteral {
    static let elementTypes: [PostgresType: PostgresType] = [
        .textArray: .text, .varcharArray: .varchar, .int2Array: .int2, .int4Array: .int4, .int8Array: .int8,
        .uuidArray: .uuid, .float4Array: .float4, .float8Array: .float8, .boolArray: .bool,
        .timestamptzArray: .timestamptz,
    ]

    static func elementType(ofArray type: PostgresType) -> PostgresType? { elementTypes[type] }

    /// Every element is quoted, so no element is mistaken for NULL or split on a comma.
    static func format(_ elements: [String?]) -> String {
        var out = "{"
        for (index, element) in elements.enumerated() {
            if index > 0 { out += "," }
            guard let element else {
                out += "NULL"
                continue
            }
            out += "\""
            for character in element.unicodeScalars {
                if character == "\"" || character == "\\" { out += "\\" }
                out.unicodeScalars.append(character)
            }
            out += "\""
        }
        return out + "}"
    }

    /// Parses a one-dimensional literal; nil elements are SQL NULLs.
    static func parse(_ text: String) -> [String?]? {
        let scalars = Array(text.unicodeScalars)
        guard scalars.first == "{", scalars.last == "}" else { return nil }
        var items: [String?] = []
        var index = 1
        let end = scalars.count - 1
        if index == end { return [] }
        while index <= end {
            var item = String.UnicodeScalarView()
            var quoted = false
            if scalars[index] == "\"" {
                quoted = true
                index += 1
                while index < end, scalars[index] != "\"" {
                    if scalars[index] == "\\" { index += 1 }
                    guard index < end else { return nil }
                    item.append(scalars[index])
                    index += 1
                }
                guard index < end else { return nil }
                index += 1
            } else {
                while index < end, scalars[index] != "," {
                    if scalars[index] == "{" { return nil }  // multi-dimensional arrays are not supported
                    item.append(scalars[index])
                    index += 1
                }
            }
            let value = String(item)
            items.append(!quoted && value == "NULL" ? nil : value)
            guard index == end || scalars[index] == "," else { return nil }
            index += 1
        }
        return items
    }
}
