import AtelierCore
import AtelierDemo
import AtelierExport
import AtelierServices
import Foundation
import Postgres
import TestProcesses
import Testing

/// The briefing read from the database, opened by LibreOffice: every proposal's title and
/// provenance is in the printed ODT and DOCX, and names only with consent.
@Suite struct ExportOfficeSuiteTests {
    @Test func libreOfficeReadsTheBriefingOfTheDemoCongress() async throws {
        let scene = try await ExportServiceTests.scene()
        let request = ExportRequest(congressSlug: "agen-2026", status: .all, format: .odt)
        let briefing = try await scene.services.exports.briefing(request, by: .commandLine)
        var docx = request
        docx.format = .docx
        let texts = try OfficeSuite.text(of: [
            "briefing.odt": try await scene.services.exports.export(request, by: .commandLine).bytes,
            "briefing-word.docx": try await scene.services.exports.export(docx, by: .commandLine).bytes,
        ])
        // Authors of listed contributions: one who consented to be named, one who did not.
        let (named, unnamed) = try await scene.pool.withConnection { connection in
            let query = """
                SELECT a.display_name FROM participant a JOIN contribution c ON c.author_id = a.id
                WHERE c.workshop_id = $1 AND c.status = 'published' AND a.named = $2 ORDER BY a.display_name LIMIT 1
                """
            return (
                try connection.query(query, [scene.workshop.id, true]).first!.decode(column: 0, as: String.self),
                try connection.query(query, [scene.workshop.id, false]).first!.decode(column: 0, as: String.self)
            )
        }
        #expect(texts.count == 2)
        #expect(briefing.numberedProposals.count == 2)
        for (name, text) in texts {
            for (number, _, _, proposal) in briefing.numberedProposals {
                #expect(text.contains(OfficeSuite.folded("\(number). \(proposal.title)")), "\(name): no title \(proposal.title)")
                #expect(text.contains(String(OfficeSuite.folded(proposal.provenance.sentence).dropFirst())), "\(name): no provenance")
            }
            #expect(text.contains(OfficeSuite.folded(FrenchFormat.number(briefing.figures.votes))), "\(name): the cover's votes")
            #expect(text.contains("Une contribution sans organisation ni nom") && text.contains("anonyme"), "\(name)")
            #expect(text.contains(named), "\(name): \(named) agreed to be named")
            #expect(!text.contains(unnamed), "\(name): \(unnamed) did not agree to be named")
        }
        try await scene.pool.shutdown()
    }
}
