import AtelierCore
import AtelierExport
import AtelierServices
import Foundation
import Postgres
import Testing
import ZipSupport

/// The briefing's line on opinion groups, on the demo congress's votes: the same figures in every
/// format, for published proposals only.
@Suite struct ExportOpinionGroupTests {
    /// The text of a file of each format, where the sentence must stand as written.
    static func text(_ file: ExportedFile, _ format: ExportFormat) throws -> String {
        let text: String
        switch format {
        case .odt: text = String(decoding: try ZipArchive(bytes: file.bytes).contents(of: "content.xml"), as: UTF8.self)
        case .docx: text = String(decoding: try ZipArchive(bytes: file.bytes).contents(of: "word/document.xml"), as: UTF8.self)
        case .csv: text = String(decoding: try ZipArchive(bytes: file.bytes).contents(of: "proposals.csv"), as: UTF8.self)
        default: text = String(decoding: file.bytes, as: UTF8.self)
        }
        return text.replacingOccurrences(of: "&#160;", with: "\u{A0}").replacingOccurrences(of: "&nbsp;", with: "\u{A0}")
    }

    @Test func aPublishedProposalCarriesEachGroupsAgreementAlikeInEveryFormat() async throws {
        let scene = try await ExportServiceTests.scene()
        let request = ExportRequest(congressSlug: "agen-2026", workshopSlug: "pilotage", status: .all, format: .json)
        let before = try await scene.services.exports.briefing(request, by: .commandLine)
        #expect(before.engagements.flatMap(\.workshops).flatMap(\.proposals).allSatisfy { $0.opinion == nil }, "no run yet, no line")

        _ = try await scene.services.opinionGroups.run(workshopID: scene.workshop.id, by: scene.admin)
        let support = try #require(try await scene.services.opinionGroups.support(proposalID: scene.published, for: scene.admin).support)
        let expected = try #require(OpinionGroupSupport(support))
        #expect(expected.groups.count >= 2)

        let briefing = try await scene.services.exports.briefing(request, by: .commandLine)
        let proposals = briefing.engagements.flatMap(\.workshops).flatMap(\.proposals)
        #expect(proposals.first { $0.id == scene.published }?.opinion == expected)
        #expect(proposals.first { $0.id == scene.draft }?.opinion == nil, "a draft is not published data")

        let sentence = expected.sentence
        #expect(sentence.hasPrefix(expected.supportedEverywhere ? "soutenue dans chacun des" : "non soutenue par le"))
        for percent in expected.groups.map(\.agreePercent) { #expect(sentence.contains("\(percent)\u{A0}%")) }
        for format in ExportFormat.allCases {
            var asked = request
            asked.format = format
            let file = try await scene.services.exports.export(asked, by: .commandLine)
            let text = try Self.text(file, format)
            switch format {
            case .json:
                let decoded = try BriefingJSON.decode(file.bytes)
                #expect(decoded.engagements.flatMap(\.workshops).flatMap(\.proposals).first { $0.id == scene.published }?.opinion == expected)
            case .csv:
                #expect(text.contains(sentence), "csv")
                #expect(text.contains(expected.groups.map { String($0.agreePercent) }.joined(separator: ";")))
            default:
                #expect(text.contains(sentence.prefix(1).uppercased() + sentence.dropFirst()), "\(format)")
            }
        }
        try await scene.pool.shutdown()
    }

    @Test func theSentenceSaysWhichGroupDoesNotSupportTheProposal() {
        let divided = OpinionGroupSupport(
            groups: [
                .init(group: 1, members: 12, votes: 40, agreePercent: 72, supports: true),
                .init(group: 2, members: 8, votes: 30, agreePercent: 35, supports: false),
                .init(group: 3, members: 6, votes: 20, agreePercent: 58, supports: true),
            ], hiddenGroups: 0)
        #expect(
            divided.sentence
                == "non soutenue par le groupe d’opinion 2 sur 3\u{A0}: groupe 1 à 72\u{A0}%, groupe 2 à 35\u{A0}%, groupe 3 à 58\u{A0}% d’accord")
        var bridging = divided
        bridging.groups[1].supports = true
        bridging.groups[1].agreePercent = 61
        #expect(bridging.sentence == "soutenue dans chacun des 3 groupes d’opinion\u{A0}: 72\u{A0}%, 61\u{A0}%, 58\u{A0}% d’accord")
        var rejected = divided
        for index in rejected.groups.indices { rejected.groups[index].supports = false }
        #expect(rejected.sentence.hasPrefix("non soutenue par les groupes d’opinion 1, 2 et 3 sur 3"))
    }
}
