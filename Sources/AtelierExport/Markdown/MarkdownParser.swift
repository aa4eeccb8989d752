/// Reads the Markdown a workshop lead writes in a synthesis: paragraphs, `#` headings, bulleted
/// (`-`, `*`, `+`) and numbered (`1.`, `1)`) lists nested by indentation, `*emphasis*`,
/// `_emphasis_`, `**strong**`, hard line breaks (two trailing spaces or a trailing `\`) and
/// backslash escapes. Everything else (links, code, HTML) is kept as literal text, which every
/// writer escapes: a synthesis can never inject markup into a document.
///
/// It follows CommonMark where the subset overlaps (a single line end is a space, emphasis uses
/// the delimiter-run rules) and never fails: any string is some document. Nesting is capped
/// (`maximumDepth`) so that no input can exhaust the stack; deeper markers read as text.
public enum MarkdownParser {
    /// Lists within lists, and emphasis within emphasis, beyond this read as plain text.
    public static let maximumDepth = 8

    public static func parse(_ text: String) -> [Block] {
        let lines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).map { expandingTabs(String($0)) }
        return blocks(lines[...], depth: 0)
    }

    // MARK: - Blocks

    private static func blocks(_ lines: ArraySlice<String>, depth: Int) -> [Block] {
        var result: [Block] = []
        var i = lines.startIndex
        while i < lines.endIndex {
            let line = lines[i]
            if isBlank(line) {
                i += 1
            } else if let heading = heading(line) {
                result.append(heading)
                i += 1
            } else if depth < maximumDepth, let marker = ListMarker(line) {
                let (list, next) = self.list(lines, from: i, first: marker, depth: depth)
                result.append(.list(list))
                i = next
            } else {
                var paragraph = [line]
                i += 1
                while i < lines.endIndex, !isBlank(lines[i]), heading(lines[i]) == nil,
                    !(depth < maximumDepth && ListMarker(lines[i]).map(\.interruptsParagraph) == true)
                {
                    paragraph.append(lines[i])
                    i += 1
                }
                result.append(.paragraph(MarkdownInlineParser.parse(paragraphUnits(paragraph))))
            }
        }
        return result
    }

    /// Items of one list: siblings share its kind (bulleted or numbered); a line indented to an
    /// item's content belongs to that item, which is how lists nest.
    private static func list(_ lines: ArraySlice<String>, from start: Int, first: ListMarker, depth: Int) -> (List, Int) {
        var items: [[Block]] = []
        var i = start
        // A marker that ends an item is less indented than the item's text: a sibling if it is of
        // the same kind, otherwise the start of another list.
        while i < lines.endIndex {
            // Blank lines between items keep them in one (loose) list.
            var next = i
            while !items.isEmpty && next < lines.endIndex && isBlank(lines[next]) { next += 1 }
            guard next < lines.endIndex, let marker = ListMarker(lines[next]), marker.ordered == first.ordered else { break }
            i = next
            var body = [marker.content]
            i += 1
            while i < lines.endIndex {
                let line = lines[i]
                if isBlank(line) {
                    // Blank lines stay in the item only if the item goes on after them.
                    var next = i
                    while next < lines.endIndex && isBlank(lines[next]) { next += 1 }
                    guard next < lines.endIndex, indentation(lines[next]) >= marker.contentColumn else { break }
                    body += Array(repeating: "", count: next - i)
                    i = next
                } else if indentation(line) >= marker.contentColumn {
                    body.append(String(line.dropFirst(marker.contentColumn)))
                    i += 1
                } else if ListMarker(line) == nil, heading(line) == nil, let last = body.last, !isBlank(last) {
                    // A lazy continuation line: paragraph text that did not bother to indent.
                    body.append(String(line.drop { $0 == " " }))
                    i += 1
                } else {
                    break
                }
            }
            items.append(blocks(body[...], depth: depth + 1))
        }
        return (List(ordered: first.ordered, start: first.number, items: items), i)
    }

    /// `# Titre` to `###### Titre`, with at most three spaces before and optional closing `#`s.
    private static func heading(_ line: String) -> Block? {
        let indent = indentation(line)
        guard indent <= 3 else { return nil }
        let rest = line.dropFirst(indent)
        let level = rest.prefix { $0 == "#" }.count
        guard (1...6).contains(level) else { return nil }
        var content = rest.dropFirst(level)
        guard content.isEmpty || content.first == " " else { return nil }
        content = content.drop { $0 == " " }
        while content.last == " " { content = content.dropLast() }
        // A closing sequence of `#` counts only after a space, or as the whole content.
        let closing = content.reversed().prefix { $0 == "#" }.count
        if closing > 0 {
            let before = content.dropLast(closing)
            if before.isEmpty || before.last == " " {
                content = before
                while content.last == " " { content = content.dropLast() }
            }
        }
        return .heading(level: level, MarkdownInlineParser.parse(Array(content).map { .character($0) }))
    }

    /// A paragraph's lines as one run: leading spaces dropped, a line end a space, or a hard
    /// break after two spaces or a backslash.
    private static func paragraphUnits(_ lines: [String]) -> [MarkdownInlineParser.Unit] {
        var units: [MarkdownInlineParser.Unit] = []
        for (index, raw) in lines.enumerated() {
            var line = Substring(raw).drop { $0 == " " }
            let isLast = index == lines.count - 1
            var trailingSpaces = 0
            while line.last == " " {
                line = line.dropLast()
                trailingSpaces += 1
            }
            var hardBreak = !isLast && trailingSpaces >= 2
            // A backslash at the end is a break, unless it is itself escaped.
            if !isLast && trailingSpaces == 0 && line.last == "\\" && line.reversed().prefix(while: { $0 == "\\" }).count % 2 == 1 {
                line = line.dropLast()
                hardBreak = true
            }
            units += line.map { .character($0) }
            if !isLast { units.append(hardBreak ? .hardBreak : .character(" ")) }
        }
        return units
    }

    static func isBlank(_ line: String) -> Bool { line.allSatisfy { $0 == " " } }

    static func indentation(_ line: String) -> Int { line.prefix { $0 == " " }.count }

    /// Tabs in the indentation count as four columns, so nesting survives an editor that indents with tabs.
    private static func expandingTabs(_ line: String) -> String {
        guard line.contains("\t") else { return line }
        var result = ""
        var inIndentation = true
        for character in line {
            if character == "\t" {
                result += inIndentation ? String(repeating: " ", count: 4 - result.count % 4) : " "
            } else {
                if character != " " { inIndentation = false }
                result.append(character)
            }
        }
        return result
    }
}

/// The start of a list item: `- `, `* `, `+ `, `12. ` or `12) `.
struct ListMarker: Equatable {
    var indent: Int
    var ordered: Bool
    var number: Int
    /// Where the item's text starts: continuation lines indented this far belong to the item.
    var contentColumn: Int
    var content: String

    init?(_ line: String) {
        let characters = Array(line)
        indent = MarkdownParser.indentation(line)
        var index = indent
        guard index < characters.count else { return nil }
        if "-*+".contains(characters[index]) {
            ordered = false
            number = 1
            index += 1
        } else {
            let digits = characters[index...].prefix { $0.isASCII && $0.isNumber }
            guard (1...9).contains(digits.count), index + digits.count < characters.count,
                characters[index + digits.count] == "." || characters[index + digits.count] == ")",
                let value = Int(String(digits))
            else { return nil }
            ordered = true
            number = value
            index += digits.count + 1
        }
        let spaces = characters[index...].prefix { $0 == " " }.count
        // The marker must be followed by a space or end the line: `*gras*` and `-5 %` are text.
        guard spaces > 0 || index == characters.count else { return nil }
        // Five spaces or more after the marker: the text starts one space after it, the rest is indentation.
        let gap = spaces == 0 || spaces > 4 ? 1 : spaces
        contentColumn = index + gap
        content = String(characters[min(characters.count, index + gap)...])
    }

    /// A paragraph line that starts like an item begins a list only if it could not be prose:
    /// a bullet, or a numbered item starting at 1, and not an empty item.
    var interruptsParagraph: Bool {
        (!ordered || number == 1) && !MarkdownParser.isBlank(content)
    }
}
