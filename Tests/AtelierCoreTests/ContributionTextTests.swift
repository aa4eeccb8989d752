import AtelierCore
import Foundation
import Testing

@Suite struct ContributionTextTests {
    @Test func cleansLineBreaksAndSurroundingSpaceButKeepsWording() throws {
        #expect(try ContributionText.validateBody("  Former les élus\r\nd’abord !\u{00A0} ") == "Former les élus\nd’abord !")
    }

    @Test func countsCharactersAsPostgreSQLDoes() throws {
        // "👩🏽‍💻" is one grapheme but four scalars; the database counts scalars.
        let emoji = "👩🏽‍💻"
        #expect(emoji.unicodeScalars.count == 4)
        let fits = String(repeating: "a", count: 1996) + emoji
        #expect(try ContributionText.validateBody(fits) == fits)
        #expect(throws: ContributionText.Problem.bodyTooLong(length: 2001)) {
            try ContributionText.validateBody(String(repeating: "a", count: 1997) + emoji)
        }
    }

    @Test func refusesBlankAndControlCharacters() {
        #expect(throws: ContributionText.Problem.blankBody) { try ContributionText.validateBody(" \n\t ") }
        #expect(throws: ContributionText.Problem.controlCharacters(field: "body")) { try ContributionText.validateBody("a\u{0}b") }
        #expect(throws: ContributionText.Problem.blankTitle) { try ContributionText.validateTitle("   ") }
        #expect(throws: ContributionText.Problem.titleTooLong(length: 201)) {
            try ContributionText.validateTitle(String(repeating: "t", count: 201))
        }
    }

    @Test func anEmptyOrAbsentTitleMeansNoTitle() throws {
        #expect(try ContributionText.validateTitle(nil) == nil)
        #expect(try ContributionText.validateTitle("") == nil)
        #expect(try ContributionText.validateTitle(" Titre\nsur deux lignes ") == "Titre sur deux lignes")
    }

    @Test func cursorsRoundTripAndRejectForgeries() throws {
        let cursor = ContributionCursor(sort: .support, support: -3, createdAtMicros: 1_769_677_200_123_456, id: UUID())
        #expect(ContributionCursor(encoded: cursor.encoded) == cursor)
        #expect(!cursor.encoded.contains("="))
        #expect(ContributionCursor(encoded: "bm9wZQ") == nil)
        #expect(ContributionCursor(encoded: "%%%") == nil)
        #expect(ContributionCursor(encoded: String(repeating: "A", count: 500)) == nil)
    }
}

@Suite struct TextRuleTests {
    @Test func everyTextIsStoredInNFC() throws {
        let decomposed = "E\u{0301}lus"
        #expect(Array(ContributionText.clean(decomposed).unicodeScalars) == Array("\u{00C9}lus".unicodeScalars))
        #expect(Array(try ContributionText.validateBody(decomposed).unicodeScalars) == ["\u{00C9}", "l", "u", "s"])
        #expect(Array(try ProposalText.validateTitle(decomposed).unicodeScalars) == ["\u{00C9}", "l", "u", "s"])
    }

    @Test func invisibleOnlyTextIsBlank() {
        #expect(throws: ContributionText.Problem.blankBody) { try ContributionText.validateBody("\u{200B}\u{200C}\u{200D}\u{2060}\u{FEFF} \u{3164}") }
        #expect(throws: ContributionText.Problem.blankTitle) { try ContributionText.validateTitle("\u{200B}") }
        #expect(throws: ContributionText.Problem.blankReason) { try ContributionText.validateReason("\u{00AD}\u{200B}") }
        #expect(throws: ProposalText.Problem.self) { try ProposalText.validateTitle("\u{2060}") }
        // A joiner inside real text is kept: it is part of an emoji.
        #expect(throws: Never.self) { try ContributionText.validateBody("👩🏽‍💻") }
    }

    @Test func bidiOverridesAndIsolatesAreRefusedButMarksAreNot() throws {
        for scalar in ["\u{202A}", "\u{202B}", "\u{202C}", "\u{202D}", "\u{202E}", "\u{2066}", "\u{2067}", "\u{2068}", "\u{2069}"] {
            #expect(throws: ContributionText.Problem.controlCharacters(field: "body")) { try ContributionText.validateBody("a\(scalar)b") }
            #expect(throws: ContributionText.Problem.controlCharacters(field: "reason")) { try ContributionText.validateReason("a\(scalar)b") }
            #expect(throws: ProposalText.Problem.self) { try ProposalText.validateSynthesis("a\(scalar)b") }
        }
        #expect(try ContributionText.validateBody("שלום\u{200F} ok") == "שלום\u{200F} ok")
    }

    @Test func aReasonFollowsTheRulesOfAnyText() throws {
        #expect(try ContributionText.validateReason("  Hors sujet\r\n ") == "Hors sujet")
        #expect(throws: ContributionText.Problem.controlCharacters(field: "reason")) { try ContributionText.validateReason("a\u{0}b") }
        #expect(throws: ContributionText.Problem.controlCharacters(field: "reason")) { try ContributionText.validateReason("a\u{7}b") }
        #expect(throws: ContributionText.Problem.reasonTooLong(length: 501)) {
            try ContributionText.validateReason(String(repeating: "r", count: 501))
        }
    }

    @Test func forgedCursorValuesOutsideTheColumnsAreRefused() {
        let id = UUID()
        func cursor(_ support: String, _ micros: String) -> String {
            OpaqueCursor.encode(["contributions", "support", support, micros, id.uuidString.lowercased()])
        }
        #expect(ContributionCursor(encoded: cursor("2147483647", "1769677200000000")) != nil)
        #expect(ContributionCursor(encoded: cursor("2147483648", "1769677200000000")) == nil)
        #expect(ContributionCursor(encoded: cursor("-2147483649", "1769677200000000")) == nil)
        #expect(ContributionCursor(encoded: cursor("0", "9223372036854775807")) == nil)
        #expect(ContributionCursor(encoded: cursor("0", "-9223372036854775808")) == nil)
        #expect(ContributionCursor(encoded: cursor("0", "253402300799999999")) != nil)
    }
}
