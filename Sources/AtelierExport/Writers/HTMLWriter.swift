/// One self-contained HTML page: no script, font, image or style sheet from elsewhere, so it
/// opens offline and can be mailed as is. `lang="fr"`, one `h1`, headings in order, tables with a
/// caption and scoped header cells. Printed, each engagement and the annex start a new page.
///
/// The blocks before the first level-1 heading are the cover (`header`); each level-1 heading
/// opens a `section`. Document heading levels move one down (the title is the `h1`).
public enum HTMLWriter {
    public static let mediaType = "text/html; charset=utf-8"

    public static func write(_ document: Document) -> [UInt8] { Array(render(document).utf8) }

    public static func render(_ document: Document) -> String {
        let language = document.language.split(separator: "-").first.map(String.init) ?? "fr"
        var html = "<!DOCTYPE html>\n"
        html += #"<html lang="\#(XMLText.escape(language, quotes: true))">"# + "\n<head>\n"
        html += #"<meta charset="utf-8">"# + "\n"
        html += #"<meta name="viewport" content="width=device-width, initial-scale=1">"# + "\n"
        html += "<title>\(XMLText.escape(document.title))</title>\n"
        html += #"<meta name="description" content="\#(XMLText.escape(document.subject, quotes: true))">"# + "\n"
        html += #"<meta name="generator" content="Atelier">"# + "\n"
        if let createdAt = document.createdAt {
            html += #"<meta name="dcterms.created" content="\#(FrenchFormat.iso8601(createdAt))">"# + "\n"
        }
        html += "<style>\n\(style)</style>\n</head>\n<body>\n<header>\n"
        var inSection = false
        for block in document.blocks {
            if case .heading(1, _) = block {
                html += inSection ? "</section>\n" : "</header>\n<main>\n"
                html += #"<section class="part">"# + "\n"
                inSection = true
            }
            write(block, into: &html)
        }
        html += inSection ? "</section>\n</main>\n" : "</header>\n"
        html += "</body>\n</html>\n"
        return html
    }

    /// Blocks as an HTML fragment to place inside a page, such as a synthesis previewed on the
    /// leads' board. Every text is escaped, so a fragment made from Markdown holds no markup but
    /// the writer's own; headings move one level down, as in a document.
    public static func fragment(_ blocks: [Block]) -> String {
        var html = ""
        for block in blocks { write(block, into: &html) }
        return html
    }

    private static func write(_ block: Block, into html: inout String) {
        switch block {
        case .heading(let level, let inlines):
            let tag = "h\(min(6, level + 1))"
            html += "<\(tag)>\(text(inlines))</\(tag)>\n"
        case .paragraph(let inlines, let role):
            switch role {
            case .title: html += "<h1>\(text(inlines))</h1>\n"
            case .body: html += "<p>\(text(inlines))</p>\n"
            default: html += #"<p class="\#(role.rawValue)">\#(text(inlines))</p>"# + "\n"
            }
        case .list(let list):
            let tag = list.ordered ? "ol" : "ul"
            html += list.ordered && list.start != 1 ? #"<ol start="\#(list.start)">"# : "<\(tag)>"
            html += "\n"
            for item in list.items {
                html += "<li>"
                // A lone paragraph stays inline in its item, as a tight list renders.
                if item.count == 1, case .paragraph(let inlines, .body) = item[0] {
                    html += text(inlines)
                } else {
                    html += "\n"
                    for child in item { write(child, into: &html) }
                }
                html += "</li>\n"
            }
            html += "</\(tag)>\n"
        case .table(let table):
            html += "<table>\n<caption>\(XMLText.escape(table.caption))</caption>\n<thead>\n<tr>"
            for column in table.columns {
                html += #"<th scope="col"\#(column.numeric ? #" class="number""# : "")>\#(XMLText.escape(column.title))</th>"#
            }
            html += "</tr>\n</thead>\n<tbody>\n"
            for row in table.rows {
                html += "<tr>"
                for (index, cell) in row.enumerated() {
                    switch table.kind(ofColumn: index) {
                    case .rowHeader: html += #"<th scope="row">\#(text(cell))</th>"#
                    case .number: html += #"<td class="number">\#(text(cell))</td>"#
                    case .text: html += "<td>\(text(cell))</td>"
                    }
                }
                html += "</tr>\n"
            }
            html += "</tbody>\n</table>\n"
        }
    }

    static func text(_ inlines: [Inline]) -> String {
        var html = ""
        for inline in inlines {
            switch inline {
            case .text(let string): html += XMLText.escape(string)
            case .emphasis(let children): html += "<em>\(text(children))</em>"
            case .strong(let children): html += "<strong>\(text(children))</strong>"
            case .lineBreak: html += "<br>"
            }
        }
        return html
    }

    static let style = """
        :root { color: #1e1e1e; background: #fff; }
        body { font-family: "Marianne", "Liberation Sans", Arial, sans-serif; line-height: 1.5; max-width: 52rem; margin: 2rem auto; padding: 0 1rem; }
        header { text-align: center; margin-bottom: 3rem; }
        header table { margin-left: auto; margin-right: auto; width: auto; min-width: 20rem; }
        header .note { text-align: left; }
        h1 { font-size: 2rem; margin: 3rem 0 1rem; }
        h2 { font-size: 1.6rem; margin-top: 2.5rem; border-bottom: 2px solid #000091; }
        h3 { font-size: 1.3rem; margin-top: 2rem; }
        h4 { font-size: 1.1rem; }
        h5, h6 { font-size: 1rem; }
        h6 { font-style: italic; }
        .subtitle { font-size: 1.2rem; }
        .provenance { font-style: italic; color: #404040; }
        .note { font-size: 0.85rem; color: #595959; }
        table { border-collapse: collapse; width: 100%; margin: 0.5rem 0 1.5rem; font-size: 0.9rem; }
        caption { text-align: left; font-style: italic; padding: 0.25rem 0; }
        th, td { border: 1px solid #808080; padding: 0.3rem 0.5rem; vertical-align: top; text-align: left; }
        thead th { background: #eee; }
        .number { text-align: right; white-space: nowrap; }
        @page { size: A4; margin: 2cm 2cm 1.5cm; }
        @media print {
          body { max-width: none; margin: 0; padding: 0; font-size: 11pt; }
          section.part { break-before: page; }
          h2, h3, h4, h5, h6, caption { break-after: avoid; }
          tr, li, .provenance { break-inside: avoid; }
          thead { display: table-header-group; }
          thead th { background: none; }
        }

        """
}
