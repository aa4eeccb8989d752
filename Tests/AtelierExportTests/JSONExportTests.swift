import AtelierExport
import Foundation
import Testing

@Suite struct JSONExportTests {
    @Test func readsBackToTheSameBriefingAndTheSameBytes() throws {
        var briefing = SampleBriefing.briefing
        let bytes = BriefingJSON.encode(briefing)
        let decoded = try BriefingJSON.decode(bytes)
        #expect(decoded == briefing)
        #expect(BriefingJSON.encode(decoded) == bytes)
        #expect(!String(decoding: bytes, as: UTF8.self).contains("generatedAt"))

        briefing.generatedAt = Date(timeIntervalSince1970: 1_769_792_742)
        let stamped = BriefingJSON.encode(briefing)
        #expect(String(decoding: stamped, as: UTF8.self).contains(#""generatedAt" : "2026-01-30T17:05:42Z""#))
        #expect(try BriefingJSON.decode(stamped) == briefing)
    }

    @Test func keepsAuthorsAsConsentedAndIdsAsTheyAre() throws {
        let bytes = BriefingJSON.encode(SampleBriefing.briefing)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any])
        let engagements = try #require(json["engagements"] as? [[String: Any]])
        let workshop = try #require((engagements[0]["workshops"] as? [[String: Any]])?.first)
        let sources = try #require((workshop["proposals"] as? [[String: Any]])?.first?["sources"] as? [[String: Any]])
        #expect(sources[0]["author"] as? [String: String] == ["name": "Jeanne Martin", "organisation": "Ville de Nérac (47)"])
        #expect(sources[0]["id"] as? String == SampleBriefing.id(1001).uuidString)
        #expect(sources[1]["author"] as? [String: String] == ["organisation": "Agen (47)"])
        let unretained = try #require(workshop["unretained"] as? [[String: Any]])
        #expect(unretained[0]["author"] as? [String: String] == [:])
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(!text.contains("Paul Secret") && !text.contains("Zoé Cachée"))
    }
}

/// A congress of 250 contributions in every format: the size the issue's speed target names.
/// `make bench` times `BriefingExport.allFormats` on `SyntheticBriefing.make(contributions: 250)`;
/// this test checks what it produces, not how fast.
@Suite struct ExportScaleTests {
    @Test func a250ContributionCongressExportsInEveryFormatWithNothingLeftOut() throws {
        let briefing = SyntheticBriefing.make(contributions: 250)
        let contributions = briefing.engagements.flatMap(\.workshops).flatMap { $0.proposals.flatMap(\.sources) + $0.unretained }
        #expect(Set(contributions.map(\.id)).count == 250)
        let started = ContinuousClock.now
        let files = BriefingExport.allFormats(briefing)
        print("ExportScaleTests: all formats of 250 contributions in \(ContinuousClock.now - started) (debug build)")
        #expect(files.count == ExportFormat.allCases.count)
        let html = String(decoding: files[.html]!, as: UTF8.self)
        #expect(html.components(separatedBy: "<tr>").count - 1 >= 250)
        #expect(try BriefingJSON.decode(files[.json]!) == briefing)
    }
}

@Suite struct BriefingScopeTests {
    @Test func publishedOnlyMovesTheSourcesOfDraftsToTheUnretained() {
        let briefing = SampleBriefing.briefing.restricted(publishedOnly: true)
        let acces = briefing.engagements[1].workshops[1]
        #expect(acces.proposals.isEmpty)
        #expect(acces.unretained.map(\.id) == [SampleBriefing.id(1009)])
        #expect(briefing.numberedProposals.count == 4)
        let contributions = briefing.engagements.flatMap(\.workshops).flatMap { $0.proposals.flatMap(\.sources) + $0.unretained }
        #expect(Set(contributions.map(\.id)).count == 10)
        #expect(SampleBriefing.briefing.restricted() == SampleBriefing.briefing)
    }

    @Test func oneWorkshopKeepsOnlyItAndItsEngagement() {
        let briefing = SampleBriefing.briefing.restricted(toWorkshop: "donnees")
        #expect(briefing.engagements.map(\.slug) == ["servir"])
        #expect(briefing.engagements[0].workshops.map(\.slug) == ["donnees"])
        #expect(SampleBriefing.briefing.restricted(toWorkshop: "inconnu").engagements.isEmpty)
    }
}
