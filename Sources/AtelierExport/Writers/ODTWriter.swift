import ZipSupport

/// OpenDocument Text (ODF 1.3), the format the French administration's interoperability framework
/// (RGI) recommends: content.xml, styles.xml with named styles (so a reader restyles the whole
/// document by editing "Heading 1" or "Text body"), meta.xml, and the manifest.
public enum ODTWriter {
    public static let mediaType = "application/vnd.oasis.opendocument.text"

    public static func write(_ document: Document) -> [UInt8] {
        var zip = ZipWriter(modified: document.createdAt)
        // ODF packaging: `mimetype` first, stored, so the type is readable at a fixed offset.
        zip.add("mimetype", Array(mediaType.utf8), method: .stored)
        zip.add("content.xml", Array(content(document).utf8))
        zip.add("styles.xml", Array(ODTStyles.styles(language: document.language).utf8))
        zip.add("meta.xml", Array(meta(document).utf8))
        zip.add("META-INF/manifest.xml", Array(manifest.utf8))
        return zip.finish()
    }

    static let namespaces = """
        xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" \
        xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" \
        xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" \
        xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" \
        xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" \
        xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" \
        xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0" \
        xmlns:dc="http://purl.org/dc/elements/1.1/"
        """

    // MARK: - content.xml

    static func content(_ document: Document) -> String {
        var body = ""
        var tables: [Table] = []
        for block in document.blocks { write(block, into: &body, tables: &tables, listDepth: 0) }
        var xml = #"<?xml version="1.0" encoding="UTF-8"?>"# + "\n"
        xml += #"<office:document-content \#(namespaces) office:version="1.3">"#
        xml += "<office:automatic-styles>"
        xml += #"<style:style style:name="Numeric" style:family="paragraph" style:parent-style-name="Table_20_Contents">"#
        xml += #"<style:paragraph-properties fo:text-align="end"/></style:style>"#
        xml += #"<style:style style:name="NumericHeading" style:family="paragraph" style:parent-style-name="Table_20_Heading">"#
        xml += #"<style:paragraph-properties fo:text-align="end"/></style:style>"#
        xml += #"<style:style style:name="Cell" style:family="table-cell"><style:table-cell-properties "#
        xml += #"fo:padding="0.1cm" fo:border="0.5pt solid #808080"/></style:style>"#
        for (index, table) in tables.enumerated() { xml += tableStyles(table, index: index + 1) }
        xml += "</office:automatic-styles><office:body><office:text>"
        xml += body
        xml += "</office:text></office:body></office:document-content>"
        return xml
    }

    private static func write(_ block: Block, into xml: inout String, tables: inout [Table], listDepth: Int) {
        switch block {
        case .heading(let level, let inlines):
            xml += #"<text:h text:style-name="Heading_20_\#(level)" text:outline-level="\#(level)">"#
            xml += text(inlines)
            xml += "</text:h>"
        case .paragraph(let inlines, let role):
            xml += #"<text:p text:style-name="\#(style(role, inList: listDepth > 0))">\#(text(inlines))</text:p>"#
        case .list(let list):
            // Every list names its style, or a numbered list inside a bulleted one would take bullets;
            // the level, and so the indentation, still comes from the nesting.
            xml += #"<text:list text:style-name="\#(list.ordered ? "Numbering_20_123" : "List_20_1")">"#
            for (index, item) in list.items.enumerated() {
                let start = list.ordered && index == 0 && list.start != 1 ? #" text:start-value="\#(list.start)""# : ""
                xml += "<text:list-item\(start)>"
                // A list item must hold a paragraph to show its number.
                if item.isEmpty { xml += #"<text:p text:style-name="List_20_Contents"/>"# }
                for child in item { write(child, into: &xml, tables: &tables, listDepth: listDepth + 1) }
                xml += "</text:list-item>"
            }
            xml += "</text:list>"
        case .table(let table):
            tables.append(table)
            let name = "Tableau\(tables.count)"
            xml += #"<text:p text:style-name="Caption">\#(XMLText.escape(table.caption))</text:p>"#
            xml += #"<table:table table:name="\#(name)" table:style-name="\#(name)">"#
            for column in table.columns.indices { xml += #"<table:table-column table:style-name="\#(name).\#(column + 1)"/>"# }
            xml += "<table:table-header-rows><table:table-row>"
            for column in table.columns {
                xml += #"<table:table-cell table:style-name="Cell" office:value-type="string">"#
                xml += #"<text:p text:style-name="\#(column.numeric ? "NumericHeading" : "Table_20_Heading")">"#
                xml += #"\#(XMLText.escape(column.title))</text:p></table:table-cell>"#
            }
            xml += "</table:table-row></table:table-header-rows>"
            for row in table.rows {
                xml += "<table:table-row>"
                for (index, cell) in row.enumerated() {
                    let style =
                        switch table.kind(ofColumn: index) {
                        case .number: "Numeric"
                        case .rowHeader: "Table_20_Heading"
                        case .text: "Table_20_Contents"
                        }
                    xml += #"<table:table-cell table:style-name="Cell" office:value-type="string">"#
                    xml += #"<text:p text:style-name="\#(style)">\#(text(cell))</text:p></table:table-cell>"#
                }
                xml += "</table:table-row>"
            }
            xml += "</table:table>"
        }
    }

    /// The named paragraph style of each role; body text in a list item is list content.
    static func style(_ role: ParagraphRole, inList: Bool) -> String {
        switch role {
        case .body: inList ? "List_20_Contents" : "Text_20_body"
        case .title: "Title"
        case .subtitle: "Subtitle"
        case .provenance: "Provenance"
        case .note: "Note"
        }
    }

    /// Column widths share the 17 cm between A4 margins by weight.
    private static func tableStyles(_ table: Table, index: Int) -> String {
        let name = "Tableau\(index)"
        var xml = #"<style:style style:name="\#(name)" style:family="table"><style:table-properties style:width="17cm" "#
        xml += #"table:align="margins" fo:margin-top="0.1cm" fo:margin-bottom="0.3cm"/></style:style>"#
        for (column, hundredths) in table.widths(sharing: 1700).enumerated() {
            xml += #"<style:style style:name="\#(name).\#(column + 1)" style:family="table-column">"#
            xml += #"<style:table-column-properties style:column-width="\#(centimetres(hundredths: hundredths))" "#
            xml += #"style:rel-width="\#(max(1, table.columns[column].weight))*"/></style:style>"#
        }
        return xml
    }

    /// Two decimals, computed in integers so the text never depends on the platform's formatting.
    static func centimetres(hundredths: Int) -> String {
        let fraction = hundredths % 100
        return "\(hundredths / 100).\(fraction < 10 ? "0" : "")\(fraction)cm"
    }

    /// Runs of text with spans for emphasis. ODF collapses white space, so a run of spaces keeps
    /// its width through `text:s`.
    static func text(_ inlines: [Inline]) -> String {
        var xml = ""
        for inline in inlines {
            switch inline {
            case .text(let string): xml += preservingSpaces(XMLText.escape(string))
            case .emphasis(let children): xml += #"<text:span text:style-name="Emphasis">\#(text(children))</text:span>"#
            case .strong(let children): xml += #"<text:span text:style-name="Strong_20_Emphasis">\#(text(children))</text:span>"#
            case .lineBreak: xml += "<text:line-break/>"
            }
        }
        return xml
    }

    private static func preservingSpaces(_ escaped: String) -> String {
        guard escaped.contains("  ") || escaped.hasPrefix(" ") else { return escaped }
        var result = ""
        var spaces = 0
        func flush(atStart: Bool) {
            guard spaces > 0 else { return }
            // The first space of a run survives collapsing, unless the run starts the text.
            if atStart {
                result += spaces == 1 ? "<text:s/>" : #"<text:s text:c="\#(spaces)"/>"#
            } else {
                result += " "
                if spaces > 1 { result += spaces == 2 ? "<text:s/>" : #"<text:s text:c="\#(spaces - 1)"/>"# }
            }
            spaces = 0
        }
        for character in escaped {
            if character == " " {
                spaces += 1
            } else {
                flush(atStart: result.isEmpty)
                result.append(character)
            }
        }
        flush(atStart: result.isEmpty)
        return result
    }

    // MARK: - meta.xml and manifest

    static func meta(_ document: Document) -> String {
        var xml = #"<?xml version="1.0" encoding="UTF-8"?>"# + "\n"
        xml += #"<office:document-meta \#(namespaces) office:version="1.3"><office:meta>"#
        xml += "<meta:generator>Atelier</meta:generator>"
        xml += "<dc:title>\(XMLText.escape(document.title))</dc:title>"
        xml += "<dc:subject>\(XMLText.escape(document.subject))</dc:subject>"
        xml += "<dc:language>\(XMLText.escape(document.language))</dc:language>"
        if let createdAt = document.createdAt {
            let stamp = FrenchFormat.iso8601(createdAt)
            xml += "<meta:creation-date>\(stamp)</meta:creation-date><dc:date>\(stamp)</dc:date>"
        }
        xml += "</office:meta></office:document-meta>"
        return xml
    }

    static let manifest = """
        <?xml version="1.0" encoding="UTF-8"?>
        <manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3">\
        <manifest:file-entry manifest:full-path="/" manifest:version="1.3" manifest:media-type="\(mediaType)"/>\
        <manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>\
        <manifest:file-entry manifest:full-path="styles.xml" manifest:media-type="text/xml"/>\
        <manifest:file-entry manifest:full-path="meta.xml" manifest:media-type="text/xml"/>\
        </manifest:manifest>
        """
}
