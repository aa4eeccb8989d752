import AtelierCore
import Foundation
import TestProcesses
import Testing
import ZipSupport

@testable import AtelierExport

@Suite struct CSVExportTests {
    private let briefing = SampleBriefing.briefing

    private func table(_ bytes: [UInt8]) throws -> (header: [String], rows: [[String]]) {
        let read = try CSVReader.read(bytes)
        return (read.header, read.rows.map { $0.map(CSVWriter.restoringFormulaText) })
    }

    @Test func writesUTF8WithABOMSemicolonsAndCRLF() {
        let bytes = CSVWriter.write(header: ["a", "b"], rows: [["1", "été"]])
        #expect(bytes == [0xEF, 0xBB, 0xBF] + Array("a;b\r\n1;été\r\n".utf8))
    }

    @Test func quotesSeparatorsQuotesAndLineBreaksAsRFC4180Says() {
        let bytes = CSVWriter.write(header: ["texte"], rows: [["a;b"], ["il a dit \"non\""], ["deux\r\nlignes"], [" marges "], ["simple"]])
        let text = String(decoding: bytes.dropFirst(3), as: UTF8.self)
        #expect(text == "texte\r\n\"a;b\"\r\n\"il a dit \"\"non\"\"\"\r\n\"deux\r\nlignes\"\r\n\" marges \"\r\nsimple\r\n")
    }

    @Test func neutralisesFormulasWithAnApostropheThatCanBeUndone() {
        let bytes = CSVWriter.write(header: ["x"], rows: [["=1+1"], ["+33 6"], ["-5"], ["@SUM(A1)"], ["'déjà"], ["sans"]])
        let text = String(decoding: bytes.dropFirst(3), as: UTF8.self)
        #expect(text == "x\r\n'=1+1\r\n'+33 6\r\n'-5\r\n'@SUM(A1)\r\n''déjà\r\nsans\r\n")
        #expect(CSVWriter.restoringFormulaText("'=1+1") == "=1+1")
        #expect(CSVWriter.restoringFormulaText("''déjà") == "'déjà")
        #expect(CSVWriter.restoringFormulaText("'texte") == "'texte")
    }

    /// Random fields over the characters that matter round-trip exactly through the project's
    /// CSV reader, once the neutralising apostrophe is removed.
    @Test func randomFieldsSurviveARoundTripThroughCSVReader() throws {
        var random = SeededGenerator(seed: "csv round trip")
        let alphabet: [Character] = ["a", "é", ";", ",", "\"", "\r", "\n", "\r\n", "=", "+", "-", "@", "'", "\t", " ", "€"]
        var rows: [[String]] = []
        for index in 0..<300 {
            let length = Int(random.next() % 12)
            rows.append([String(index), String((0..<length).map { _ in alphabet[Int(random.next() % UInt64(alphabet.count))] })])
        }
        let read = try table(CSVWriter.write(header: ["id", "texte"], rows: rows))
        #expect(read.header == ["id", "texte"])
        #expect(read.rows == rows)
    }

    /// Found by the fuzzer (Fuzz/FuzzCSV): a one-column file whose header or last row is empty
    /// was written as a blank line, which the reader drops, so it read back as empty.
    @Test func aRecordOfOneEmptyFieldIsWrittenQuotedNotAsABlankLine() throws {
        let bytes = CSVWriter.write(header: [""], rows: [["a"], [""]])
        #expect(String(decoding: bytes.dropFirst(3), as: UTF8.self) == "\"\"\r\na\r\n\"\"\r\n")
        let read = try table(bytes)
        #expect(read.header == [""])
        #expect(read.rows == [["a"], [""]])
        #expect(try table(CSVWriter.write(header: ["x", "y"], rows: [["", ""]])).rows == [["", ""]])
    }

    /// Found by the fuzzer (Fuzz/FuzzCSV): a quote followed by a combining mark (U+07AE, a Thaana
    /// vowel sign) is one Character, and was not doubled, so the field ended at that quote and the
    /// rest of a contribution could have become fields of its own.
    @Test func aQuoteBeforeACombiningMarkIsDoubledToo() throws {
        let field = "J<\"profil\"\"\u{07AE}"
        let bytes = CSVWriter.write(header: ["texte", "suite"], rows: [[field, "x"]])
        #expect(String(decoding: bytes.dropFirst(3), as: UTF8.self) == "texte;suite\r\n\"J<\"\"profil\"\"\"\"\u{07AE}\";x\r\n")
        #expect(try table(bytes).rows == [[field, "x"]])
    }

    @Test func theFilesHaveTheirColumnsAndEveryContributionOnce() throws {
        let files = BriefingCSV.files(briefing)
        #expect(files.map(\.name) == ["contributions.csv", "votes.csv", "proposals.csv", "proposal_sources.csv"])

        let contributions = try table(files[0].bytes)
        #expect(
            contributions.header == [
                "contribution_id", "engagement_slug", "workshop_slug", "workshop_title", "title", "body", "author", "created_at", "agree",
                "disagree", "pass", "votes", "proposal_count",
            ])
        #expect(contributions.rows.count == 10)
        #expect(Set(contributions.rows.map { $0[0] }).count == 10)
        let hostile = try #require(contributions.rows.first { $0[0] == SampleBriefing.id(1003).uuidString.lowercased() })
        #expect(hostile[5] == "=HYPERLINK(\"http://exemple.invalid\";\"cliquez\") ; \"citation\" <b>gras</b> & co")
        #expect(hostile[6] == "anonyme" && hostile[12] == "0")
        let second = try #require(contributions.rows.first { $0[0] == SampleBriefing.id(1002).uuidString.lowercased() })
        #expect(second[5] == "Les secrétaires de mairie aussi !\nIls font tout le travail.")
        #expect(second[6] == "Agen (47)" && second[7] == "2026-01-29T10:02:00Z" && Array(second[8...]) == ["25", "1", "4", "30", "1"])
        #expect(!contributions.rows.joined().contains { $0.contains("Paul Secret") || $0.contains("Zoé Cachée") })

        let votes = try table(files[1].bytes)
        #expect(votes.header == ["contribution_id", "workshop_slug", "agree", "disagree", "pass", "votes", "agree_percent"])
        #expect(votes.rows.contains([SampleBriefing.id(1001).uuidString.lowercased(), "pilotage", "40", "3", "2", "45", "89"]))

        let proposals = try table(files[2].bytes)
        #expect(proposals.rows.count == 5)
        let fourth = proposals.rows[3]
        #expect(fourth[1] == "4" && fourth[5] == SampleBriefing.proposalTitles[3] && fourth[14] == "" && fourth[15].hasSuffix("aucun vote"))
        #expect(proposals.rows[4][6] == "draft")
        #expect(proposals.rows[0][7].hasPrefix("Les participants demandent une **formation obligatoire**"))

        let sources = try table(files[3].bytes)
        #expect(sources.header == ["proposal_id", "proposal_number", "contribution_id", "position"])
        #expect(sources.rows.count == 7)
        #expect(sources.rows[1] == [SampleBriefing.id(1).uuidString.lowercased(), "1", SampleBriefing.id(1002).uuidString.lowercased(), "2"])
    }

    @Test func rawVotesListEachVoteUnderAPseudonym() throws {
        let key: [UInt8] = Array("clé secrète de cet export".utf8)
        let voter = SampleBriefing.id(7)
        let raw = [
            PseudonymousVote(contributionID: SampleBriefing.id(1001), voter: Pseudonym.of(participant: voter, key: key), value: .agree),
            PseudonymousVote(contributionID: SampleBriefing.id(1002), voter: Pseudonym.of(participant: voter, key: key), value: .pass),
        ]
        let votes = try table(BriefingCSV.files(briefing, rawVotes: raw)[1].bytes)
        #expect(votes.header == ["contribution_id", "voter", "value", "voted_at"])
        #expect(votes.rows.map { $0[2] } == ["agree", "pass"])
        #expect(votes.rows[0][1] == votes.rows[1][1] && votes.rows[0][1].hasPrefix("v-") && votes.rows[0][1].count == 18)
        #expect(!votes.rows[0][1].contains(voter.uuidString.lowercased()))
        // Another key, another pseudonym: exports cannot be linked to each other.
        #expect(Pseudonym.of(participant: voter, key: [1, 2, 3]) != votes.rows[0][1])
    }

    /// RFC 4231 test case 2, so the pseudonyms are a real HMAC.
    @Test func pseudonymsAreHMACSHA256() {
        let mac = Pseudonym.hmacSHA256(key: Array("Jefe".utf8), message: Array("what do ya want for nothing?".utf8))
        #expect(SHA256.hex(bytes: mac) == "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843")
    }

    @Test func theArchiveHoldsTheFourFiles() throws {
        let archive = try ZipArchive(bytes: BriefingExport.export(briefing, as: .csv))
        #expect(archive.entries.map(\.name) == ["contributions.csv", "votes.csv", "proposals.csv", "proposal_sources.csv"])
        #expect(try archive.contents(of: "proposals.csv") == BriefingCSV.proposals(briefing))
    }

    /// Python's csv module, as an analyst's script would read the files.
    @Test func pythonsCSVModuleReadsTheSameRows() throws {
        guard Spawn.which("python3") != nil else {
            Issue.record("python3 is missing: run `make deps`")
            return
        }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("atelier-csv-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let script = """
            import csv, json, sys
            with open(sys.argv[1], encoding="utf-8-sig", newline="") as f:
                print(json.dumps(list(csv.reader(f, delimiter=";"))))
            """
        for file in BriefingCSV.files(briefing) {
            let path = folder.appendingPathComponent(file.name)
            try Data(file.bytes).write(to: path)
            let result = try Spawn.run(["python3", "-c", script, path.path])
            #expect(result.succeeded, "\(result.output)")
            let python = try JSONDecoder().decode([[String]].self, from: Data(result.output.utf8))
            let swift = try CSVReader.read(file.bytes)
            #expect(python == [swift.header] + swift.rows, "\(file.name)")
        }
    }
}
