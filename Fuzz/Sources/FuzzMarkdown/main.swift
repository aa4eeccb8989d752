import AtelierExport
import FuzzSupport

// A synthesis is Markdown a lead types. Whatever the text: the parser returns a document
// nested no deeper than its cap; the HTML has no markup but the writer's own tags (every `<`
// and `>` of the text arrives escaped).
runFuzzer { data, size in
    let text = String(decoding: bytes(data, size), as: UTF8.self)
    let blocks = MarkdownParser.parse(text)
    invariant(depth(blocks) <= 2 * MarkdownParser.maximumDepth + 2, "nested \(depth(blocks)) deep")
    let html = HTMLWriter.fragment(blocks)
    if let stray = strayMarkup(html) { invariant(false, "markup \(stray) not written by the writer in \(html)") }
    return 0
}

/// How deeply lists and emphasis nest.
func depth(_ blocks: [Block]) -> Int {
    blocks.map { block in
        switch block {
        case .heading(_, let inlines), .paragraph(let inlines, _): depth(inlines)
        case .list(let list): 1 + (list.items.map(depth).max() ?? 0)
        case .table: 0
        }
    }.max() ?? 0
}

func depth(_ inlines: [Inline]) -> Int {
    inlines.map { inline in
        switch inline {
        case .emphasis(let children), .strong(let children): 1 + depth(children)
        case .text, .lineBreak: 0
        }
    }.max() ?? 0
}

/// The tags HTMLWriter.fragment writes for Markdown; anything else between `<` and `>` came from the text.
/// (A static, not a top-level constant: main.swift's top level after runFuzzer never runs.)
enum HTMLFragment {
    static let writerTags: Set<String> = [
        "p", "/p", "em", "/em", "strong", "/strong", "br", "ul", "/ul", "ol", "/ol", "li", "/li",
        "h2", "/h2", "h3", "/h3", "h4", "/h4", "h5", "/h5", "h6", "/h6",
    ]
}

/// Scalars, not characters: a combining mark after `>` makes one character of the two, and an
/// HTML parser reads code points.
func strayMarkup(_ html: String) -> String? {
    var rest = Substring(html).unicodeScalars
    while let open = rest.firstIndex(where: { $0 == "<" || $0 == ">" }) {
        guard rest[open] == "<", let close = rest[open...].firstIndex(of: ">") else { return String(String(rest[open...]).prefix(20)) }
        let tag = String(rest[rest.index(after: open)..<close])
        let isOrderedStart = tag.hasPrefix("ol start=\"") && tag.hasSuffix("\"") && tag.dropFirst(10).dropLast().allSatisfy(\.isNumber)
        guard HTMLFragment.writerTags.contains(tag) || isOrderedStart else { return tag }
        rest = rest[rest.index(after: close)...]
    }
    return nil
}
