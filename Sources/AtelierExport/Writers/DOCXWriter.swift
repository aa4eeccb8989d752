import ZipSupport

/// Word (WordprocessingML, ECMA-376 transitional): [Content_Types].xml, the package and document
/// relationships, word/document.xml, word/styles.xml with Word's built-in style ids (Title,
/// Heading1…6, ListParagraph, Caption) so the navigation pane and tables of contents work,
/// word/numbering.xml for real bulleted and numbered lists, a footer with the page number, and
/// docProps metadata. Child elements follow the schema's order, which Word enforces.
public enum DOCXWriter {
    public static let mediaType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"

    public static func write(_ document: Document) -> [UInt8] {
        var body = Body()
        for block in document.blocks { body.write(block, listDepth: 0) }
        var zip = ZipWriter(modified: document.createdAt)
        zip.add("[Content_Types].xml", Array(contentTypes.utf8))
        zip.add("_rels/.rels", Array(packageRelationships.utf8))
        zip.add("word/document.xml", Array(body.document.utf8))
        zip.add("word/_rels/document.xml.rels", Array(documentRelationships.utf8))
        zip.add("word/styles.xml", Array(DOCXStyles.styles(language: document.language).utf8))
        zip.add("word/numbering.xml", Array(body.numbering.utf8))
        zip.add("word/footer1.xml", Array(footer.utf8))
        zip.add("docProps/core.xml", Array(core(document).utf8))
        zip.add("docProps/app.xml", Array(app.utf8))
        return zip.finish()
    }

    static let declaration = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"
    static let main = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    static let relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

    /// The page: A4, 2 cm margins (1 134 twentieths of a point); text 9 638 wide.
    static let textWidth = 11906 - 2 * 1134

    /// Builds word/document.xml, and numbering.xml for the lists it met: bulleted lists share one
    /// numbering, each numbered list gets its own so that it starts again from its first number.
    struct Body {
        var xml = ""
        private var orderedStarts: [(depth: Int, start: Int)] = []

        mutating func write(_ block: Block, listDepth: Int, numbering: (id: Int, level: Int)? = nil) {
            switch block {
            case .heading(let level, let inlines):
                paragraph(style: "Heading\(level)", inlines)
            case .paragraph(let inlines, let role):
                if let numbering {
                    paragraph(
                        style: "ListParagraph", inlines,
                        properties: #"<w:numPr><w:ilvl w:val="\#(numbering.level)"/><w:numId w:val="\#(numbering.id)"/></w:numPr>"#)
                } else if listDepth > 0 {
                    // Further paragraphs of an item line up with its text, without a bullet.
                    paragraph(style: "ListParagraph", inlines, properties: #"<w:ind w:left="\#(720 * listDepth)"/>"#)
                } else {
                    paragraph(style: Self.style(role), inlines)
                }
            case .list(let list):
                let level = min(listDepth, 8)
                let id: Int
                if list.ordered {
                    orderedStarts.append((level, list.start))
                    id = orderedStarts.count + 1
                } else {
                    id = 1
                }
                for item in list.items {
                    guard let first = item.first, case .paragraph(let inlines, _) = first else {
                        // An item that starts with no paragraph still shows its bullet or number.
                        write(.paragraph([]), listDepth: listDepth + 1, numbering: (id, level))
                        for child in item { write(child, listDepth: listDepth + 1) }
                        continue
                    }
                    write(.paragraph(inlines), listDepth: listDepth + 1, numbering: (id, level))
                    for child in item.dropFirst() { write(child, listDepth: listDepth + 1) }
                }
            case .table(let table):
                self.table(table)
            }
        }

        private mutating func paragraph(style: String, _ inlines: [Inline], properties: String = "") {
            xml += #"<w:p><w:pPr><w:pStyle w:val="\#(style)"/>\#(properties)</w:pPr>"#
            xml += DOCXWriter.runs(inlines, bold: false, italic: false)
            xml += "</w:p>"
        }

        private mutating func table(_ table: Table) {
            paragraph(style: "Caption", [.text(table.caption)])
            let widths = table.widths(sharing: DOCXWriter.textWidth)
            xml += #"<w:tbl><w:tblPr><w:tblStyle w:val="TableGrid"/><w:tblW w:w="5000" w:type="pct"/><w:tblLayout w:type="fixed"/></w:tblPr>"#
            xml += "<w:tblGrid>" + widths.map { #"<w:gridCol w:w="\#($0)"/>"# }.joined() + "</w:tblGrid>"
            // The header row repeats on every page the table spans.
            xml += "<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>"
            for (column, width) in zip(table.columns, widths) {
                cell(width: width, style: column.numeric ? "TableHeadingNumber" : "TableHeading", [.text(column.title)])
            }
            xml += "</w:tr>"
            for row in table.rows {
                xml += "<w:tr><w:trPr><w:cantSplit/></w:trPr>"
                for (index, inlines) in row.enumerated() {
                    let style =
                        switch table.kind(ofColumn: index) {
                        case .number: "TableNumber"
                        case .rowHeader: "TableHeading"
                        case .text: "TableContents"
                        }
                    cell(width: index < widths.count ? widths[index] : widths.last ?? DOCXWriter.textWidth, style: style, inlines)
                }
                xml += "</w:tr>"
            }
            xml += "</w:tbl>"
            // Two tables in a row would merge into one: a paragraph keeps them apart.
            paragraph(style: "TableSpacer", [])
        }

        private mutating func cell(width: Int, style: String, _ inlines: [Inline]) {
            xml += #"<w:tc><w:tcPr><w:tcW w:w="\#(width)" w:type="dxa"/></w:tcPr>"#
            paragraph(style: style, inlines)
            xml += "</w:tc>"
        }

        var document: String {
            var result = DOCXWriter.declaration
            result += #"<w:document xmlns:w="\#(DOCXWriter.main)" xmlns:r="\#(DOCXWriter.relationships)"><w:body>"#
            result += xml
            result += #"<w:sectPr><w:footerReference w:type="default" r:id="rIdFooter"/><w:pgSz w:w="11906" w:h="16838"/>"#
            result += #"<w:pgMar w:top="1134" w:right="1134" w:bottom="1134" w:left="1134" w:header="567" w:footer="567" w:gutter="0"/>"#
            result += "</w:sectPr></w:body></w:document>"
            return result
        }

        var numbering: String {
            var result = DOCXWriter.declaration + #"<w:numbering xmlns:w="\#(DOCXWriter.main)">"#
            result += DOCXWriter.abstractNumbering(id: 1, ordered: false) + DOCXWriter.abstractNumbering(id: 2, ordered: true)
            result += #"<w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num>"#
            for (index, ordered) in orderedStarts.enumerated() {
                result += #"<w:num w:numId="\#(index + 2)"><w:abstractNumId w:val="2"/>"#
                result += #"<w:lvlOverride w:ilvl="\#(ordered.depth)"><w:startOverride w:val="\#(ordered.start)"/></w:lvlOverride></w:num>"#
            }
            return result + "</w:numbering>"
        }

        static func style(_ role: ParagraphRole) -> String {
            switch role {
            case .body: "Normal"
            case .title: "Title"
            case .subtitle: "Subtitle"
            case .provenance: "Provenance"
            case .note: "Note"
            }
        }
    }

    /// Nine levels, indented by half an inch each; bullets alternate •, ◦, ▪.
    static func abstractNumbering(id: Int, ordered: Bool) -> String {
        var xml = #"<w:abstractNum w:abstractNumId="\#(id)"><w:multiLevelType w:val="hybridMultilevel"/>"#
        let bullets = ["•", "◦", "▪"]
        for level in 0..<9 {
            xml += #"<w:lvl w:ilvl="\#(level)"><w:start w:val="1"/>"#
            xml +=
                ordered
                ? #"<w:numFmt w:val="decimal"/><w:lvlText w:val="%\#(level + 1)."/>"#
                : #"<w:numFmt w:val="bullet"/><w:lvlText w:val="\#(bullets[level % 3])"/>"#
            xml += #"<w:lvlJc w:val="left"/><w:pPr><w:ind w:left="\#(720 * (level + 1))" w:hanging="360"/></w:pPr></w:lvl>"#
        }
        return xml + "</w:abstractNum>"
    }

    /// Runs with direct bold and italic, nested formatting accumulated.
    static func runs(_ inlines: [Inline], bold: Bool, italic: Bool) -> String {
        var xml = ""
        for inline in inlines {
            switch inline {
            case .text(let text):
                let properties = (bold ? "<w:b/>" : "") + (italic ? "<w:i/>" : "")
                xml += "<w:r>" + (properties.isEmpty ? "" : "<w:rPr>\(properties)</w:rPr>")
                xml += #"<w:t xml:space="preserve">\#(XMLText.escape(text))</w:t></w:r>"#
            case .emphasis(let children): xml += runs(children, bold: bold, italic: true)
            case .strong(let children): xml += runs(children, bold: true, italic: italic)
            case .lineBreak: xml += "<w:r><w:br/></w:r>"
            }
        }
        return xml
    }

    // MARK: - Package parts

    static let contentTypes =
        declaration + """
            <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
            <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
            <Default Extension="xml" ContentType="application/xml"/>\
            <Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>\
            <Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>\
            <Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/>\
            <Override PartName="/word/footer1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/>\
            <Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>\
            <Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>\
            </Types>
            """

    static let packageRelationships =
        declaration + """
            <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
            <Relationship Id="rId1" Type="\(relationships)/officeDocument" Target="word/document.xml"/>\
            <Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" \
            Target="docProps/core.xml"/>\
            <Relationship Id="rId3" Type="\(relationships)/extended-properties" Target="docProps/app.xml"/>\
            </Relationships>
            """

    static let documentRelationships =
        declaration + """
            <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
            <Relationship Id="rIdStyles" Type="\(relationships)/styles" Target="styles.xml"/>\
            <Relationship Id="rIdNumbering" Type="\(relationships)/numbering" Target="numbering.xml"/>\
            <Relationship Id="rIdFooter" Type="\(relationships)/footer" Target="footer1.xml"/>\
            </Relationships>
            """

    static let footer =
        declaration + """
            <w:ftr xmlns:w="\(main)"><w:p><w:pPr><w:pStyle w:val="Footer"/></w:pPr>\
            <w:fldSimple w:instr=" PAGE "><w:r><w:t>1</w:t></w:r></w:fldSimple></w:p></w:ftr>
            """

    static func core(_ document: Document) -> String {
        var xml = declaration
        xml += #"<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" "#
        xml += #"xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" "#
        xml += #"xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">"#
        xml += "<dc:title>\(XMLText.escape(document.title))</dc:title>"
        xml += "<dc:subject>\(XMLText.escape(document.subject))</dc:subject>"
        xml += "<dc:creator>Atelier</dc:creator>"
        xml += "<dc:language>\(XMLText.escape(document.language))</dc:language>"
        if let createdAt = document.createdAt {
            let stamp = FrenchFormat.iso8601(createdAt)
            xml += #"<dcterms:created xsi:type="dcterms:W3CDTF">\#(stamp)</dcterms:created>"#
            xml += #"<dcterms:modified xsi:type="dcterms:W3CDTF">\#(stamp)</dcterms:modified>"#
        }
        return xml + "</cp:coreProperties>"
    }

    static let app =
        declaration + """
            <Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">\
            <Application>Atelier</Application></Properties>
            """
}
