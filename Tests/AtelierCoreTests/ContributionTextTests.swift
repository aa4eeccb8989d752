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
