/// Markdown as CommonMark and GitHub read it: ATX headings (the title `#`, document levels one
/// below), `-` and `1.` lists indented to their text, pipe tables after a bold caption. Every
/// character that would read as markup is escaped, so a contribution's `*` or `#` stays text;
/// `MarkdownParser` reads what this writes back to the same blocks.
public enum MarkdownWriter {
    public static let mediaType = "text/markdown; charset=utf-8"

    public static func write(_ document: Document) -> [UInt8] { Array(render(document).utf8) }

    public static func render(_ document: Document) -> String {
        render(document.blocks, headingOffset: 1)
    }

    /// Blocks alone, such as a synthesis; `headingOffset` levels are added to their headings.
    public static func render(_ blocks: [Block], headingOffset: Int = 0) -> String {
        blocks.map { render($0, headingOffset: headingOffset) }.joined(separator: "\n\n") + "\n"
    }

    /// One block, lines separated by `\n`, without a trailing line end.
    static func render(_ block: Block, headingOffset: Int) -> String {
        switch block {
        case .heading(let level, let inlines):
            return String(repeating: "#", count: min(6, level + headingOffset)) + " " + text(inlines, atLineStart: false)
        case .paragraph(let inlines, let role):
            switch role {
            case .title: return "# " + text(inlines, atLineStart: false)
            case .provenance where !inlines.isEmpty: return text([.emphasis(inlines)], atLineStart: true)
            default: return text(inlines, atLineStart: true)
            }
        case .list(let list):
            var lines: [String] = []
            for (index, item) in list.items.enumerated() {
                let marker = list.ordered ? "\(list.start + index). " : "- "
                guard !item.isEmpty else {
                    lines.append(marker.trimmingTrailingSpace)
                    continue
                }
                let indent = String(repeating: " ", count: marker.count)
                // A list nested right after the item's text stays tight against it.
                var body = ""
                for (position, child) in item.enumerated() {
                    if position > 0, case .list = child { body += "\n" } else if position > 0 { body += "\n\n" }
                    body += render(child, headingOffset: headingOffset)
                }
                for (number, line) in body.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                    lines.append(number == 0 ? marker + line : (line.isEmpty ? "" : indent + line))
                }
            }
            return lines.joined(separator: "\n")
        case .table(let table):
            var lines = ["**" + escape(table.caption, atLineStart: false) + "**", ""]
            lines.append("| " + table.columns.map { escape($0.title, atLineStart: false) }.joined(separator: " | ") + " |")
            lines.append("|" + table.columns.map { $0.numeric ? " ---: |" : " --- |" }.joined())
            for row in table.rows {
                lines.append("| " + row.map { text($0, atLineStart: false, inTable: true) }.joined(separator: " | ") + " |")
            }
            return lines.joined(separator: "\n")
        }
    }

    /// Inlines on lines: a line break is a trailing backslash, which survives editors that trim
    /// trailing spaces.
    static func text(_ inlines: [Inline], atLineStart: Bool, inTable: Bool = false) -> String {
        var result = ""
        var lineStart = atLineStart && !inTable
        for inline in inlines {
            switch inline {
            case .text(let string):
                result += escape(string, atLineStart: lineStart)
            case .emphasis(let children):
                result += "*" + text(children, atLineStart: false, inTable: inTable) + "*"
            case .strong(let children):
                result += "**" + text(children, atLineStart: false, inTable: inTable) + "**"
            case .lineBreak:
                // In a table a cell is one line: GitHub renders `<br>` there.
                result += inTable ? "<br>" : "\\\n"
                lineStart = !inTable
                continue
            }
            lineStart = false
        }
        return result
    }

    /// Backslash before every character that could start markup, and before what would make a
    /// line a heading or a list item.
    static func escape(_ text: String, atLineStart: Bool) -> String {
        var result = ""
        for character in text {
            switch character {
            case "\\", "*", "_", "`", "[", "]", "<", ">", "|", "~": result += "\\" + String(character)
            case "\n", "\r", "\t": result += " "
            default: result.append(character)
            }
        }
        guard atLineStart, let first = result.first else { return result }
        if "#-+=".contains(first) { return "\\" + result }
        // `12. ` or `3) ` at the start of a line would read as a numbered item.
        let digits = result.prefix { $0.isASCII && $0.isNumber }
        if !digits.isEmpty, let after = result.dropFirst(digits.count).first, after == "." || after == ")" {
            let index = result.index(result.startIndex, offsetBy: digits.count)
            return String(result[..<index]) + "\\" + String(result[index...])
        }
        return result
    }
}

extension String {
    fileprivate var trimmingTrailingSpace: String {
        var result = self
        while result.last == " " { result.removeLast() }
        return result
    }
}
