import AtelierExport
import Foundation
import TestProcesses
import Testing

/// Opens the ODT and the DOCX with a real office suite: LibreOffice converts both to PDF in one
/// run, and the text read back from the PDFs must hold every proposal's title and provenance.
@Suite struct OfficeSuiteTests {
    @Test func libreOfficeReadsEveryTitleAndProvenanceFigureOfTheODTAndTheDOCX() throws {
        guard Spawn.which("soffice") != nil, Spawn.which("pdftotext") != nil else {
            Issue.record("LibreOffice or pdftotext is missing: run `make deps` (it installs libreoffice-writer-nogui and poppler-utils)")
            return
        }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("atelier-office-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }

        let briefing = SampleBriefing.briefing
        let document = BriefingLayout.document(briefing)
        try Data(ODTWriter.write(document)).write(to: folder.appendingPathComponent("briefing-odt.odt"))
        try Data(DOCXWriter.write(document)).write(to: folder.appendingPathComponent("briefing-docx.docx"))

        // A private profile: no clash with another LibreOffice running, nothing left in $HOME.
        let profile = folder.appendingPathComponent("profile").absoluteString
        let converted = try Spawn.run(
            [
                "timeout", "300", "soffice", "-env:UserInstallation=\(profile)", "--headless", "--norestore", "--convert-to", "pdf",
                "--outdir", folder.path, folder.appendingPathComponent("briefing-odt.odt").path,
                folder.appendingPathComponent("briefing-docx.docx").path,
            ], environment: ["HOME": folder.path])
        #expect(converted.succeeded, "soffice failed: \(converted.output)")

        for name in ["briefing-odt", "briefing-docx"] {
            let pdf = folder.appendingPathComponent("\(name).pdf")
            guard FileManager.default.fileExists(atPath: pdf.path) else {
                Issue.record("\(name).pdf was not produced: \(converted.output)")
                continue
            }
            let textFile = folder.appendingPathComponent("\(name).txt")
            let extracted = try Spawn.run(["pdftotext", "-enc", "UTF-8", pdf.path, textFile.path])
            #expect(extracted.succeeded, "pdftotext failed: \(extracted.output)")
            let text = normalised(try String(contentsOf: textFile, encoding: .utf8))

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

    /// One space for any run of white space (line ends where a long line wrapped, no-break spaces).
    private func normalised(_ text: String) -> String {
        text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }
}
