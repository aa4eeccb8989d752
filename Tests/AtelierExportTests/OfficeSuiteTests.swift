import AtelierExport
import Foundation
import TestProcesses
import Testing

/// Opens the ODT and the DOCX with a real office suite: LibreOffice converts both to PDF in one
/// run, and the text read back from the PDFs must hold every proposal's title and provenance.
@Suite struct OfficeSuiteTests {
    @Test func libreOfficeReadsEveryTitleAndProvenanceFigureOfTheODTAndTheDOCX() throws {
        let briefing = SampleBriefing.briefing
        let document = BriefingLayout.document(briefing)
        let texts = try OfficeSuite.text(of: [
            "briefing-odt.odt": ODTWriter.write(document), "briefing-docx.docx": DOCXWriter.write(document),
        ])
        #expect(texts.count == 2)
        for (name, text) in texts.sorted(by: { $0.key < $1.key }) {
            for (number, _, _, proposal) in briefing.numberedProposals {
                #expect(text.contains(normalised("\(number). \(proposal.title)")), "\(name): no title \(proposal.title)")
                let sentence = normalised(proposal.provenance.sentence)
                #expect(text.contains(String(sentence.dropFirst())), "\(name): no provenance \(sentence)")
            }
            #expect(text.contains("aucun vote"), "\(name): the proposal without votes")
            #expect(text.contains(normalised("7e congrès Villes Internet")))
            #expect(text.contains(normalised(FrenchFormat.number(1_234))), "\(name): the cover's figures")
            // Text from the annex: a source, an unretained contribution, and authors as consented.
            #expect(text.contains("Publier les marchés en open data"))
            #expect(text.contains("le parking du congrès était complet"))
            #expect(text.contains("Jeanne Martin"))
            #expect(!text.contains("Paul Secret") && !text.contains("Zoé Cachée"))
            // The synthesis's Markdown is rendered, not shown: no stray asterisks.
            #expect(text.contains("formation obligatoire") && !text.contains("**formation"))
        }
    }

    private func normalised(_ text: String) -> String { OfficeSuite.folded(text) }
}
