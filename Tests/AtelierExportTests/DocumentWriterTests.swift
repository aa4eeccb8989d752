import AtelierCore
import Foundation
import Testing
import ZipSupport

@testable import AtelierExport

#if canImport(FoundationXML)
import FoundationXML
#endif

@Suite struct DocumentWriterTests {
    /// Text that tries to break every format: markup characters, quotes, and control characters
    /// that XML 1.0 cannot carry at all.
    static let hostile = "Titre <b>&amp; \"guillemets\" 'apostrophes'\u{0}\u{1}\u{B}\u{1F}\u{FFFE} fin]]>"

    static var hostileBriefing: Briefing {
        var briefing = SampleBriefing.briefing
        briefing.congress.title = hostile
        briefing.engagements[0].title = hostile
        briefing.engagements[0].workshops[0].proposals[0].title = hostile
        briefing.engagements[0].workshops[0].proposals[0].synthesis = "**\(hostile)**\n\n- \(hostile)"
        briefing.engagements[0].workshops[0].unretained[0].body = hostile
        return briefing
    }

    private func isWellFormed(_ bytes: [UInt8]) -> Bool { XMLParser(data: Data(bytes)).parse() }

    @Test(arguments: [SampleBriefing.briefing, hostileBriefing])
    func everyXMLPartOfTheODTAndTheDOCXIsWellFormed(briefing: Briefing) throws {
        let document = BriefingLayout.document(briefing)
        for archive in [try ZipArchive(bytes: ODTWriter.write(document)), try ZipArchive(bytes: DOCXWriter.write(document))] {
            for entry in archive.entries where entry.name.hasSuffix(".xml") || entry.name.hasSuffix(".rels") {
                #expect(isWellFormed(try archive.contents(of: entry)), "\(entry.name) is not well-formed XML")
            }
        }
    }

    @Test func escapesMarkupAndDropsWhatXMLCannotCarry() throws {
        #expect(XMLText.escape("<a href=\"x\">&'</a>") == "&lt;a href=\"x\"&gt;&amp;'&lt;/a&gt;")
        #expect(XMLText.escape("\"'", quotes: true) == "&quot;&#39;")
        #expect(XMLText.escape("a\u{0}b\u{8}c\u{FFFF}d\te\nf") == "abcd e f")
        let content = String(
            decoding: try ZipArchive(bytes: ODTWriter.write(BriefingLayout.document(Self.hostileBriefing))).contents(of: "content.xml"), as: UTF8.self
        )
        #expect(content.contains("Titre &lt;b&gt;&amp;amp; \"guillemets\" 'apostrophes' fin]]&gt;"))
        #expect(!content.unicodeScalars.contains { ($0.value < 0x20 && $0 != "\n") || $0 == "\u{FFFE}" })
    }

    @Test func theODTFollowsThePackagingRulesAndCarriesItsMetadata() throws {
        let bytes = ODTWriter.write(BriefingLayout.document(SampleBriefing.briefing))
        #expect(String(decoding: bytes[30..<38], as: UTF8.self) == "mimetype")
        let archive = try ZipArchive(bytes: bytes)
        #expect(archive.entries.map(\.name) == ["mimetype", "content.xml", "styles.xml", "meta.xml", "META-INF/manifest.xml"])
        #expect(archive.entries[0].method == 0)
        let manifest = String(decoding: try archive.contents(of: "META-INF/manifest.xml"), as: UTF8.self)
        for part in ["content.xml", "styles.xml", "meta.xml"] { #expect(manifest.contains(#"full-path="\#(part)""#)) }
        let meta = String(decoding: try archive.contents(of: "meta.xml"), as: UTF8.self)
        #expect(meta.contains("<dc:title>7e congrès Villes Internet — propositions des ateliers</dc:title>"))
        #expect(meta.contains("<dc:language>fr-FR</dc:language>") && meta.contains("<meta:generator>Atelier</meta:generator>"))
        #expect(!meta.contains("creation-date"))
        let styles = String(decoding: try archive.contents(of: "styles.xml"), as: UTF8.self)
        for style in ["Heading_20_1", "Heading_20_3", "Text_20_body", "Title", "Provenance", "Table_20_Heading", "List_20_1", "Numbering_20_123"] {
            #expect(styles.contains(#"style:name="\#(style)""#), "no style \(style)")
        }
        #expect(styles.contains(#"fo:language="fr" fo:country="FR""#))
        let content = String(decoding: try archive.contents(of: "content.xml"), as: UTF8.self)
        #expect(content.contains(#"<text:h text:style-name="Heading_20_3" text:outline-level="3">1. Former tous les élus"#))
        #expect(content.contains(#"<text:list text:style-name="Numbering_20_123">"#))
        #expect(content.contains(#"<text:span text:style-name="Strong_20_Emphasis">formation obligatoire</text:span>"#))
        #expect(content.contains("<table:table-header-rows>"))
    }

    @Test func theDOCXHasItsPartsRealListsAndMetadata() throws {
        let archive = try ZipArchive(bytes: DOCXWriter.write(BriefingLayout.document(SampleBriefing.briefing)))
        #expect(
            archive.entries.map(\.name) == [
                "[Content_Types].xml", "_rels/.rels", "word/document.xml", "word/_rels/document.xml.rels", "word/styles.xml", "word/numbering.xml",
                "word/footer1.xml", "docProps/core.xml", "docProps/app.xml",
            ])
        let document = String(decoding: try archive.contents(of: "word/document.xml"), as: UTF8.self)
        #expect(document.contains(#"<w:pStyle w:val="Heading3"/></w:pPr><w:r><w:t xml:space="preserve">1. Former tous les élus"#))
        #expect(document.contains(#"<w:pStyle w:val="Title"/>"#))
        #expect(document.contains(#"<w:rPr><w:b/></w:rPr><w:t xml:space="preserve">formation obligatoire</w:t>"#))
        #expect(document.contains(#"<w:numPr><w:ilvl w:val="1"/>"#), "the nested numbered list")
        #expect(document.contains("<w:tblHeader/>"))
        let numbering = String(decoding: try archive.contents(of: "word/numbering.xml"), as: UTF8.self)
        #expect(numbering.contains(#"<w:numFmt w:val="bullet"/>"#) && numbering.contains(#"<w:numFmt w:val="decimal"/>"#))
        // Each numbered list restarts: the synthesis of proposal 1 and of proposal 2 have one each.
        #expect(numbering.components(separatedBy: "<w:startOverride").count - 1 == 2)
        let styles = String(decoding: try archive.contents(of: "word/styles.xml"), as: UTF8.self)
        for style in ["Title", "Heading1", "Heading2", "Heading3", "ListParagraph", "Provenance", "TableGrid"] {
            #expect(styles.contains(#"w:styleId="\#(style)""#), "no style \(style)")
        }
        #expect(styles.contains(#"<w:lang w:val="fr-FR""#))
        let core = String(decoding: try archive.contents(of: "docProps/core.xml"), as: UTF8.self)
        #expect(core.contains("<dc:language>fr-FR</dc:language>") && !core.contains("dcterms:created"))
    }

    @Test func theSameDataGivesTheSameBytesAndATimestampOnlyWhenAsked() throws {
        let briefing = SampleBriefing.briefing
        let first = BriefingExport.allFormats(briefing)
        #expect(first == BriefingExport.allFormats(briefing))
        #expect(first.count == ExportFormat.allCases.count)

        var stamped = briefing
        stamped.generatedAt = Date(timeIntervalSince1970: 1_769_792_742)
        let odt = try ZipArchive(bytes: BriefingExport.export(stamped, as: .odt))
        #expect(
            String(decoding: try odt.contents(of: "meta.xml"), as: UTF8.self).contains(
                "<meta:creation-date>2026-01-30T17:05:42Z</meta:creation-date>"))
        let docx = try ZipArchive(bytes: BriefingExport.export(stamped, as: .docx))
        #expect(String(decoding: try docx.contents(of: "docProps/core.xml"), as: UTF8.self).contains(">2026-01-30T17:05:42Z</dcterms:created>"))
        let html = String(decoding: BriefingExport.export(stamped, as: .html), as: UTF8.self)
        #expect(html.contains("Document produit le 30 janvier 2026"))
        for format in [ExportFormat.html, .md] {
            #expect(!String(decoding: first[format]!, as: UTF8.self).contains("Document produit le"))
        }
    }

    @Test func theHTMLIsOneAccessibleSelfContainedPage() {
        let html = HTMLWriter.render(BriefingLayout.document(Self.hostileBriefing))
        #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"fr\">"))
        #expect(html.components(separatedBy: "<h1>").count - 1 == 1)
        #expect(html.contains("<caption>Le congrès en chiffres</caption>"))
        #expect(html.contains(#"<th scope="col">Contribution</th>"#) && html.contains(#"<th scope="row">Participants</th>"#))
        // Nothing is loaded from elsewhere.
        for reference in ["src=", "href=", "@import", "url("] { #expect(!html.contains(reference), "\(reference)") }
        #expect(html.contains("section.part { break-before: page; }"))
        #expect(html.components(separatedBy: #"<section class="part">"#).count - 1 == 3)
        #expect(html.contains("Titre &lt;b&gt;&amp;amp; \"guillemets\""))
        #expect(!html.contains("<b>"))
        #expect(html.contains("<strong>formation obligatoire</strong>") || html.contains("<strong>Titre"))
    }

    @Test func theMarkdownReadsBackToTheSameBlocks() {
        let samples = [
            SampleBriefing.briefing.engagements[0].workshops[0].proposals[0].synthesis,
            "Un **référent** par intercommunalité.\n\n3. recrutement\n4. exercices\n\n- a\n  - b\n    - c",
            "Ligne\\\nsuivante, *italique* et **gras *imbriqué***.",
        ]
        for sample in samples {
            let blocks = MarkdownParser.parse(sample)
            let markdown = MarkdownWriter.render(blocks)
            #expect(MarkdownParser.parse(markdown) == blocks, "\(markdown)")
        }
        // Text that looks like markup stays text.
        let literal: [Block] = [
            .paragraph([.text("2 * 3 = 6, _x_ et [lien](x) <b> \\ | `code` ~~barré~~")]),
            .paragraph([.text("# pas un titre")]), .paragraph([.text("- pas une liste")]), .paragraph([.text("12. pas un numéro")]),
            .paragraph([.text("+ ni ça"), .lineBreak, .text("1) ni ça")]),
        ]
        let markdown = MarkdownWriter.render(literal)
        #expect(MarkdownParser.parse(markdown) == literal, "\(markdown)")
    }

    @Test func theMarkdownDocumentShowsTheBriefing() {
        let markdown = MarkdownWriter.render(BriefingLayout.document(SampleBriefing.briefing))
        #expect(markdown.hasPrefix("# 7e congrès Villes Internet\n"))
        #expect(markdown.contains("\n#### 1. Former tous les élus au numérique dès leur installation\n"))
        #expect(markdown.contains("\n*Issue de 1 contribution d’une collectivité\u{A0}; aucun vote*\n"))
        #expect(markdown.contains("| Contribution | Auteur | D’accord | Pas d’accord | Passer |\n| --- | --- | ---: | ---: | ---: |"))
        #expect(markdown.contains("Les secrétaires de mairie aussi !<br>Ils font tout le travail. | Agen (47) | 25 | 1 | 4 |"))
    }

    /// Headings inside a synthesis sit under the proposal's heading, whatever level the lead wrote.
    @Test func synthesisHeadingsSitBelowTheProposal() {
        let document = BriefingLayout.document(SampleBriefing.briefing)
        #expect(document.blocks.contains(.heading(level: 4, [.text("Pourquoi")])))
        #expect(Block.heading(level: 5, [.text("x")]).demotingHeadings(by: 3) == .heading(level: 6, [.text("x")]))
    }

    /// Nothing silently dropped: every contribution of the briefing is in every document.
    @Test func everyContributionAppearsInTheAnnex() {
        let briefing = SampleBriefing.briefing
        let html = HTMLWriter.render(BriefingLayout.document(briefing))
        let contributions = briefing.engagements.flatMap(\.workshops).flatMap { $0.proposals.flatMap(\.sources) + $0.unretained }
        #expect(contributions.count == 10)
        for contribution in contributions {
            let firstLine = String(contribution.body.split(separator: "\n")[0])
            #expect(html.contains(XMLText.escape(firstLine)), "\(firstLine)")
        }
        #expect(!html.contains("Paul Secret") && !html.contains("Zoé Cachée"))
    }
}
