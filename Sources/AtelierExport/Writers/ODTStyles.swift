/// styles.xml of the ODT: the named styles, with LibreOffice's own names ("Heading 1", "Text body",
/// "List 1"…) so the document behaves like one written in Writer, an A4 page with its number in
/// the footer.
enum ODTStyles {
    static func styles(language: String) -> String {
        let parts = language.split(separator: "-")
        let lang = parts.first.map(String.init) ?? "fr"
        let country = parts.count > 1 ? String(parts[1]) : "FR"
        var xml = #"<?xml version="1.0" encoding="UTF-8"?>"# + "\n"
        xml += #"<office:document-styles \#(ODTWriter.namespaces) office:version="1.3">"#
        xml += "<office:font-face-decls>"
        xml += font("Liberation Serif", generic: "roman") + font("Liberation Sans", generic: "swiss")
        xml += "</office:font-face-decls><office:styles>"
        xml += #"<style:default-style style:family="paragraph"><style:paragraph-properties style:writing-mode="lr-tb"/>"#
        xml += #"<style:text-properties style:font-name="Liberation Serif" fo:font-size="11pt" "#
        xml += #"fo:language="\#(XMLText.escape(lang, quotes: true))" fo:country="\#(XMLText.escape(country, quotes: true))" fo:hyphenate="false"/>"#
        xml += "</style:default-style>"
        xml += #"<style:style style:name="Standard" style:family="paragraph" style:class="text"/>"#
        xml += paragraph(
            "Text_20_body", display: "Text body", parent: "Standard",
            paragraph: #"fo:margin-top="0cm" fo:margin-bottom="0.25cm" fo:line-height="115%""#)
        xml += paragraph("List_20_Contents", display: "List Contents", parent: "Text_20_body", paragraph: #"fo:margin-bottom="0.1cm""#)
        xml += paragraph(
            "Heading", display: "Heading", parent: "Standard", next: "Text_20_body",
            paragraph: #"fo:margin-top="0.45cm" fo:margin-bottom="0.2cm" fo:keep-with-next="always""#,
            text: #"style:font-name="Liberation Sans" fo:font-weight="bold""#)
        let sizes = ["18pt", "15pt", "13pt", "12pt", "11pt", "11pt"]
        for level in 1...6 {
            // Each engagement and the annex start on a new page.
            let pageBreak = level == 1 ? #" fo:break-before="page""# : ""
            xml += paragraph(
                "Heading_20_\(level)", display: "Heading \(level)", parent: "Heading", next: "Text_20_body", outline: level,
                paragraph: #"fo:margin-top="0.45cm" fo:margin-bottom="0.2cm"\#(pageBreak)"#,
                text: #"fo:font-size="\#(sizes[level - 1])"\#(level == 6 ? #" fo:font-style="italic""# : "")"#)
        }
        xml += paragraph(
            "Title", display: "Title", parent: "Heading", next: "Subtitle",
            paragraph: #"fo:margin-top="6cm" fo:margin-bottom="0.4cm" fo:text-align="center""#, text: #"fo:font-size="26pt""#)
        xml += paragraph(
            "Subtitle", display: "Subtitle", parent: "Standard", next: "Text_20_body",
            paragraph: #"fo:margin-bottom="0.3cm" fo:text-align="center""#, text: #"style:font-name="Liberation Sans" fo:font-size="14pt""#)
        xml += paragraph(
            "Provenance", display: "Provenance", parent: "Text_20_body",
            paragraph: #"fo:margin-bottom="0.3cm""#, text: ##"fo:font-style="italic" fo:color="#404040""##)
        xml += paragraph("Note", display: "Note", parent: "Text_20_body", text: ##"fo:font-size="9pt" fo:color="#595959""##)
        xml += paragraph(
            "Caption", display: "Caption", parent: "Standard",
            paragraph: #"fo:margin-top="0.3cm" fo:margin-bottom="0.1cm" fo:keep-with-next="always""#,
            text: #"fo:font-size="10pt" fo:font-style="italic""#)
        xml += paragraph("Table_20_Contents", display: "Table Contents", parent: "Standard", text: #"fo:font-size="10pt""#)
        xml += paragraph("Table_20_Heading", display: "Table Heading", parent: "Table_20_Contents", text: #"fo:font-weight="bold""#)
        xml += paragraph("Footer", display: "Footer", parent: "Standard", paragraph: #"fo:text-align="center""#, text: #"fo:font-size="9pt""#)
        xml += #"<style:style style:name="Emphasis" style:family="text"><style:text-properties fo:font-style="italic"/></style:style>"#
        xml += #"<style:style style:name="Strong_20_Emphasis" style:display-name="Strong Emphasis" style:family="text">"#
        xml += #"<style:text-properties fo:font-weight="bold"/></style:style>"#
        xml += listStyle("List_20_1", display: "List 1", ordered: false)
        xml += listStyle("Numbering_20_123", display: "Numbering 123", ordered: true)
        xml += "</office:styles><office:automatic-styles>"
        xml += #"<style:page-layout style:name="A4"><style:page-layout-properties fo:page-width="21cm" fo:page-height="29.7cm" "#
        xml += #"style:print-orientation="portrait" fo:margin-top="2cm" fo:margin-bottom="1.5cm" fo:margin-left="2cm" fo:margin-right="2cm"/>"#
        xml += #"<style:footer-style><style:header-footer-properties fo:min-height="0cm" fo:margin-top="0.3cm"/></style:footer-style>"#
        xml += "</style:page-layout></office:automatic-styles><office:master-styles>"
        xml += #"<style:master-page style:name="Standard" style:page-layout-name="A4"><style:footer>"#
        xml += #"<text:p text:style-name="Footer"><text:page-number text:select-page="current">1</text:page-number></text:p>"#
        xml += "</style:footer></style:master-page></office:master-styles></office:document-styles>"
        return xml
    }

    private static func font(_ name: String, generic: String) -> String {
        #"<style:font-face style:name="\#(name)" svg:font-family="'\#(name)'" style:font-family-generic="\#(generic)" style:font-pitch="variable"/>"#
    }

    private static func paragraph(
        _ name: String, display: String, parent: String, next: String? = nil, outline: Int? = nil, paragraph: String? = nil,
        text: String? = nil
    ) -> String {
        var xml =
            #"<style:style style:name="\#(name)" style:display-name="\#(display)" style:family="paragraph" style:parent-style-name="\#(parent)""#
        if let next { xml += #" style:next-style-name="\#(next)""# }
        if let outline { xml += #" style:default-outline-level="\#(outline)""# }
        xml += #" style:class="text">"#
        if let paragraph { xml += "<style:paragraph-properties \(paragraph)/>" }
        if let text { xml += "<style:text-properties \(text)/>" }
        return xml + "</style:style>"
    }

    /// Ten levels, each indented a further 0.6 cm; bullets alternate •, ◦, ▪.
    private static func listStyle(_ name: String, display: String, ordered: Bool) -> String {
        var xml = #"<text:list-style style:name="\#(name)" style:display-name="\#(display)">"#
        let bullets = ["•", "◦", "▪"]
        for level in 1...10 {
            let element = ordered ? "text:list-level-style-number" : "text:list-level-style-bullet"
            let marker =
                ordered
                ? #"style:num-suffix="." style:num-format="1""#
                : #"text:bullet-char="\#(bullets[(level - 1) % bullets.count])""#
            let position = ODTWriter.centimetres(hundredths: level * 60)
            xml += #"<\#(element) text:level="\#(level)" \#(marker)><style:list-level-properties "#
            xml += #"text:list-level-position-and-space-mode="label-alignment"><style:list-level-label-alignment "#
            xml += #"text:label-followed-by="listtab" text:list-tab-stop-position="\#(position)" fo:text-indent="-0.6cm" "#
            xml += #"fo:margin-left="\#(position)"/></style:list-level-properties></\#(element)>"#
        }
        return xml + "</text:list-style>"
    }
}
