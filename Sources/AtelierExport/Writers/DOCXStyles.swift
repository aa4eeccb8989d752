/// word/styles.xml: Word's built-in style ids and names ("heading 1" is how Word spells its own),
/// so Word and LibreOffice map them onto their headings, outline levels and navigation.
enum DOCXStyles {
    static func styles(language: String) -> String {
        let lang = XMLText.escape(language, quotes: true)
        var xml = DOCXWriter.declaration + #"<w:styles xmlns:w="\#(DOCXWriter.main)">"#
        xml += "<w:docDefaults><w:rPrDefault><w:rPr>\(fonts("Liberation Serif"))"
        xml += #"<w:sz w:val="22"/><w:szCs w:val="22"/><w:lang w:val="\#(lang)" w:eastAsia="\#(lang)" w:bidi="ar-SA"/></w:rPr></w:rPrDefault>"#
        xml += #"<w:pPrDefault><w:pPr><w:spacing w:after="120" w:line="264" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>"#
        xml += #"<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>"#
        xml += paragraph(
            "Title", name: "Title", next: "Subtitle", paragraph: #"<w:spacing w:before="3400" w:after="240"/><w:jc w:val="center"/>"#,
            run: fonts("Liberation Sans") + #"<w:b/><w:sz w:val="52"/><w:szCs w:val="52"/>"#)
        xml += paragraph(
            "Subtitle", name: "Subtitle", paragraph: #"<w:spacing w:after="160"/><w:jc w:val="center"/>"#,
            run: fonts("Liberation Sans") + #"<w:sz w:val="28"/><w:szCs w:val="28"/>"#)
        let sizes = [36, 30, 26, 24, 22, 22]
        for level in 1...6 {
            // Each engagement and the annex start on a new page.
            let pageBreak = level == 1 ? "<w:pageBreakBefore/>" : ""
            let italic = level == 6 ? "<w:i/>" : ""
            xml += paragraph(
                "Heading\(level)", name: "heading \(level)",
                paragraph: #"<w:keepNext/><w:keepLines/>\#(pageBreak)<w:spacing w:before="240" w:after="120"/><w:outlineLvl w:val="\#(level - 1)"/>"#,
                run: fonts("Liberation Sans") + #"<w:b/>\#(italic)<w:sz w:val="\#(sizes[level - 1])"/><w:szCs w:val="\#(sizes[level - 1])"/>"#)
        }
        xml += paragraph("Provenance", name: "Provenance", paragraph: #"<w:spacing w:after="160"/>"#, run: #"<w:i/><w:color w:val="404040"/>"#)
        xml += paragraph("Note", name: "Note", run: #"<w:color w:val="595959"/><w:sz w:val="18"/><w:szCs w:val="18"/>"#)
        xml += paragraph(
            "Caption", name: "caption", paragraph: #"<w:keepNext/><w:spacing w:before="160" w:after="60"/>"#,
            run: #"<w:i/><w:sz w:val="20"/><w:szCs w:val="20"/>"#)
        xml += paragraph("ListParagraph", name: "List Paragraph", paragraph: #"<w:spacing w:after="60"/><w:ind w:left="720"/>"#)
        xml += paragraph(
            "TableContents", name: "Table Contents", paragraph: #"<w:spacing w:after="0"/>"#, run: #"<w:sz w:val="20"/><w:szCs w:val="20"/>"#)
        xml += paragraph("TableNumber", name: "Table Number", basedOn: "TableContents", paragraph: #"<w:jc w:val="right"/>"#)
        xml += paragraph("TableHeading", name: "Table Heading", basedOn: "TableContents", run: "<w:b/>")
        xml += paragraph("TableHeadingNumber", name: "Table Heading Number", basedOn: "TableHeading", paragraph: #"<w:jc w:val="right"/>"#)
        xml += paragraph("TableSpacer", name: "Table Spacer", paragraph: #"<w:spacing w:after="0" w:line="120" w:lineRule="exact"/>"#)
        xml += paragraph("Footer", name: "footer", paragraph: #"<w:jc w:val="center"/>"#, run: #"<w:sz w:val="18"/><w:szCs w:val="18"/>"#)
        xml += #"<w:style w:type="table" w:styleId="TableGrid"><w:name w:val="Table Grid"/><w:tblPr><w:tblBorders>"#
        for edge in ["top", "left", "bottom", "right", "insideH", "insideV"] {
            xml += #"<w:\#(edge) w:val="single" w:sz="4" w:space="0" w:color="808080"/>"#
        }
        xml += #"</w:tblBorders><w:tblCellMar><w:top w:w="40" w:type="dxa"/><w:left w:w="85" w:type="dxa"/>"#
        xml += #"<w:bottom w:w="40" w:type="dxa"/><w:right w:w="85" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>"#
        return xml + "</w:styles>"
    }

    private static func fonts(_ name: String) -> String {
        #"<w:rFonts w:ascii="\#(name)" w:hAnsi="\#(name)" w:eastAsia="\#(name)" w:cs="\#(name)"/>"#
    }

    private static func paragraph(
        _ id: String, name: String, basedOn: String = "Normal", next: String = "Normal", paragraph: String = "", run: String = ""
    )
        -> String
    {
        var xml = #"<w:style w:type="paragraph" w:styleId="\#(id)"><w:name w:val="\#(name)"/><w:basedOn w:val="\#(basedOn)"/>"#
        xml += #"<w:next w:val="\#(next)"/><w:qFormat/>"#
        if !paragraph.isEmpty { xml += "<w:pPr>\(paragraph)</w:pPr>" }
        if !run.isEmpty { xml += "<w:rPr>\(run)</w:rPr>" }
        return xml + "</w:style>"
    }
}
