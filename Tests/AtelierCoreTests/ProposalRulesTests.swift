import AtelierCore
import Foundation
import Testing

@Suite struct LineDiffTests {
    @Test func identicalTextsAreAllSame() {
        #expect(LineDiff.diff("a\nb", "a\nb") == [.same("a"), .same("b")])
        #expect(LineDiff.diff("", "") == [])
    }

    @Test func fromAndToEmpty() {
        #expect(LineDiff.diff("", "x\ny") == [.added("x"), .added("y")])
        #expect(LineDiff.diff("x\ny", "") == [.removed("x"), .removed("y")])
    }

    @Test func aReplacedLineShowsRemovedThenAdded() {
        #expect(LineDiff.diff("a\nb\nc", "a\nB\nc") == [.same("a"), .removed("b"), .added("B"), .same("c")])
    }

    @Test func insertionsAndDeletionsKeepTheLongestCommonPart() {
        let old = "titre\nun\ndeux\ntrois\nquatre"
        let new = "titre\ndeux\ntrois bis\nquatre\ncinq"
        let diff = LineDiff.diff(old, new)
        #expect(
            diff == [.same("titre"), .removed("un"), .same("deux"), .removed("trois"), .added("trois bis"), .same("quatre"), .added("cinq")])
        // Applying the diff gives back both texts.
        #expect(diff.oldLines.joined(separator: "\n") == old)
        #expect(diff.newLines.joined(separator: "\n") == new)
        #expect(diff.sameCount == 3, "the common subsequence has three lines")
    }

    @Test func aTrailingNewlineIsALineOfItsOwn() {
        #expect(LineDiff.diff("a", "a\n") == [.same("a"), .added("")])
    }

    @Test func beyondTheCellBudgetTheMiddleIsReplacedWholeButStaysCorrect() {
        let old = (0..<2_100).map { "ligne \($0)" }
        let new = (0..<2_100).map { $0 % 2 == 0 ? "ligne \($0)" : "autre \($0)" }
        let diff = LineDiff.diff(lines: ["début"] + old + ["fin"], ["début"] + new + ["fin"])
        #expect(diff.first == .same("début"))
        #expect(diff.last == .same("fin"))
        // "début" and "ligne 0" lead, "fin" ends; the 2 099 × 2 099 lines between exceed the budget.
        #expect(diff.count == 3 + 2 * 2_099, "head and tail kept, the middle replaced whole")
        #expect(diff.oldLines == ["début"] + old + ["fin"])
        #expect(diff.newLines == ["début"] + new + ["fin"])
    }

    @Test func randomEditsAlwaysRebuildBothSides() {
        var generator = SeededGenerator(seed: 7)
        for _ in 0..<200 {
            let old = (0..<Int.random(in: 0...12, using: &generator)).map { _ in ["a", "b", "c", "d"].randomElement(using: &generator)! }
            let new = (0..<Int.random(in: 0...12, using: &generator)).map { _ in ["a", "b", "c", "e"].randomElement(using: &generator)! }
            let diff = LineDiff.diff(lines: old, new)
            #expect(diff.oldLines == old)
            #expect(diff.newLines == new)
            #expect(diff.sameCount == Self.lcsLength(old, new))
        }
    }

    /// The textbook recurrence, to check the diff keeps a longest common subsequence.
    static func lcsLength(_ a: [String], _ b: [String]) -> Int {
        var table = Array(repeating: Array(repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0..<a.count {
            for j in 0..<b.count {
                table[i + 1][j + 1] = a[i] == b[j] ? table[i][j] + 1 : max(table[i][j + 1], table[i + 1][j])
            }
        }
        return table[a.count][b.count]
    }
}

extension [DiffLine] {
    /// The text the diff starts from: every line but the added ones.
    var oldLines: [String] {
        compactMap { line -> String? in
            switch line {
            case .same(let text), .removed(let text): text
            case .added: nil
            }
        }
    }

    /// The text the diff leads to: every line but the removed ones.
    var newLines: [String] {
        compactMap { line -> String? in
            switch line {
            case .same(let text), .added(let text): text
            case .removed: nil
            }
        }
    }

    var sameCount: Int { filter { $0.sameText != nil }.count }
}

extension DiffLine {
    var sameText: String? {
        if case .same(let text) = self { return text }
        return nil
    }
}

@Suite struct ProposalDiffTests {
    let a = UUID()
    let b = UUID()
    let c = UUID()

    @Test func reportsOnlyWhatChanged() {
        let before = ProposalSnapshot(
            title: "Former les élus", synthesis: "Un.\nDeux.", status: .draft, position: 0, sourceIDs: [a, b], deleted: false, mergedInto: nil)
        var after = before
        after.title = "Former élus et agents"
        after.synthesis = "Un.\nDeux bis."
        after.sourceIDs = [b, c].sorted { $0.uuidString < $1.uuidString }
        let diff = ProposalDiff(from: before, to: after)
        #expect(diff.title == .init(before: "Former les élus", after: "Former élus et agents"))
        #expect(diff.status == nil)
        #expect(diff.position == nil)
        #expect(diff.sourcesAdded == [c])
        #expect(diff.sourcesRemoved == [a])
        #expect(diff.synthesis == [.same("Un."), .removed("Deux."), .added("Deux bis.")])
        #expect(diff.synthesisChanged)
        let none = ProposalDiff(from: before, to: before)
        #expect(none.title == nil && none.sourcesAdded.isEmpty && none.sourcesRemoved.isEmpty && !none.synthesisChanged)
    }

    @Test func mergeShowsAsRetirement() {
        let before = ProposalSnapshot(title: "T", synthesis: "", status: .draft, position: 2, sourceIDs: [a], deleted: false, mergedInto: nil)
        var after = before
        after.deleted = true
        after.mergedInto = b
        let diff = ProposalDiff(from: before, to: after)
        #expect(diff.deleted == .init(before: false, after: true))
        #expect(diff.mergedInto == .init(before: nil, after: b))
        #expect(diff.sourcesRemoved.isEmpty, "a merged proposal keeps its sources")
    }
}

@Suite struct ProposalRulesTests {
    @Test func statusMovesOneStepAtATime() {
        let allowed = ProposalStatus.allCases.flatMap { from in ProposalStatus.allCases.filter { from.mayBecome($0) }.map { "\(from)→\($0)" } }
        #expect(Set(allowed) == ["draft→validated", "validated→draft", "validated→published", "published→validated"])
        #expect(ConsolidationAction.statusChange(from: .draft, to: .validated) == .validate)
        #expect(ConsolidationAction.statusChange(from: .validated, to: .published) == .publish)
        #expect(ConsolidationAction.statusChange(from: .published, to: .validated) == .unpublish)
        #expect(ConsolidationAction.statusChange(from: .validated, to: .draft) == .reopen)
    }

    @Test func textRules() throws {
        #expect(try ProposalText.validateTitle("  Former\r\nles élus ") == "Former les élus")
        #expect(throws: ProposalText.Problem.self) { try ProposalText.validateTitle("   ") }
        #expect(throws: ProposalText.Problem.self) { try ProposalText.validateTitle(String(repeating: "é", count: 201)) }
        #expect(try ProposalText.validateSynthesis("- un\r\n- deux\n") == "- un\n- deux")
        #expect(try ProposalText.validateSynthesis("") == "")
        #expect(throws: ProposalText.Problem.self) { try ProposalText.validateSynthesis("a\u{0}b") }
        #expect(try ProposalText.validateNote("  ") == nil)
        #expect(try ProposalText.validateNote(nil) == nil)
        #expect(throws: ProposalText.Problem.self) { try ProposalText.validateNote(String(repeating: "n", count: 501)) }
    }

    @Test func opaqueCursorsRoundTripAndRefuseOtherShapes() {
        let encoded = OpaqueCursor.encode(["proposals", "3", "abc"])
        #expect(OpaqueCursor.decode(encoded, count: 3) == ["proposals", "3", "abc"])
        #expect(OpaqueCursor.decode(encoded, count: 2) == nil)
        #expect(OpaqueCursor.decode("%%%", count: 3) == nil)
        #expect(!encoded.contains("="))
    }
}

@Suite struct RevisionReplayTests {
    func revision(_ version: Int, _ state: ProposalSnapshot, previous: ProposalSnapshot?) -> ProposalRevision {
        ProposalRevision(
            proposalID: UUID(), version: version, action: version == 1 ? .create : .edit, actorID: UUID(), at: Date(), state: state,
            previous: previous)
    }

    @Test func aChainReplaysToItsLastStateAndABrokenOneIsRefused() throws {
        let first = ProposalSnapshot(title: "A", synthesis: "", status: .draft, position: 0, sourceIDs: [], deleted: false, mergedInto: nil)
        var second = first
        second.title = "B"
        var third = second
        third.status = .validated
        let chain = [revision(1, first, previous: nil), revision(2, second, previous: first), revision(3, third, previous: second)]
        #expect(try ProposalRevision.replay(chain) == third)
        #expect(throws: ProposalRevision.ReplayError.broken(version: 3)) {
            try ProposalRevision.replay([chain[0], chain[1], revision(3, third, previous: first)])
        }
        #expect(throws: ProposalRevision.ReplayError.gap(expected: 2, found: 3)) { try ProposalRevision.replay([chain[0], chain[2]]) }
        #expect(throws: ProposalRevision.ReplayError.empty) { try ProposalRevision.replay([]) }
    }
}
