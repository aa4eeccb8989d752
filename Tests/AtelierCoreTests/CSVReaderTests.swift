import AtelierCore
import Testing

@Suite struct CSVReaderTests {
    private func read(_ text: String) throws(CSVError) -> (header: [String], rows: [[String]]) {
        try CSVReader.read(Array(text.utf8))
    }

    @Test func readsAHeaderAndRowsWithLFOrCRLF() throws {
        for text in ["id,texte\n1,un\n2,deux\n", "id,texte\r\n1,un\r\n2,deux\r\n"] {
            let table = try read(text)
            #expect(table.header == ["id", "texte"])
            #expect(table.rows == [["1", "un"], ["2", "deux"]])
        }
    }

    @Test func readsOldMacCRLineEndsAndCountsThemAsLines() throws {
        #expect(try read("id,texte\r1,un\r2,deux\r").rows == [["1", "un"], ["2", "deux"]])
        #expect(throws: CSVError(.fieldCount(line: 4, found: 1, expected: 2))) { try read("id,texte\r1,\"a\rb\"\r2\r") }
    }

    @Test func readsALastLineWithoutALineEnd() throws {
        #expect(try read("id,texte\n1,un\n2,deux").rows == [["1", "un"], ["2", "deux"]])
        #expect(try read("id,texte\n1,").rows == [["1", ""]])
        #expect(try read("id,texte\n1,\"\"").rows == [["1", ""]])
    }

    @Test func ignoresBlankLinesAtTheEnd() throws {
        #expect(try read("id,texte\n1,un\n\n\r\n  \n").rows == [["1", "un"]])
        // A header alone is a table with no rows, not an empty file.
        #expect(try read("id,texte\n\n").rows.isEmpty)
    }

    @Test func aQuotedEmptyLastLineIsAValueNotABlank() throws {
        #expect(try read("texte\nun\n\"\"\n").rows == [["un"], [""]])
    }

    @Test func unquotesFieldsWithEscapedQuotesAndSeparatorsInside() throws {
        let table = try read("id,texte\n1,\"Il a dit \"\"non\"\", puis \"\"oui\"\"\"\n2,\"\"\"\"\n")
        #expect(table.rows == [["1", "Il a dit \"non\", puis \"oui\""], ["2", "\""]])
    }

    @Test func keepsLineBreaksInsideQuotesAsWritten() throws {
        let table = try read("id,texte\r\n1,\"Première ligne\r\nseconde\ntroisième\"\r\n2,fin\r\n")
        #expect(table.rows == [["1", "Première ligne\r\nseconde\ntroisième"], ["2", "fin"]])
    }

    @Test func keepsAQuoteInsideAnUnquotedFieldAsExcelDoes() throws {
        #expect(try read("id,texte\n1,un écran 15\" large\n").rows == [["1", "un écran 15\" large"]])
    }

    @Test func keepsSpacesAroundUnquotedFields() throws {
        #expect(try read("id,texte\n 1 , un \n").rows == [[" 1 ", " un "]])
    }

    @Test func skipsAByteOrderMark() throws {
        let table = try CSVReader.read([0xEF, 0xBB, 0xBF] + Array("id,texte\n1,été\n".utf8))
        #expect(table.header == ["id", "texte"])
        #expect(table.rows == [["1", "été"]])
    }

    @Test func keepsAccentsEmojiAndTypographicApostrophes() throws {
        let text = "Œuvre d’art 🎨 à l’école, « vivre ensemble » 👩🏽‍💻"
        let table = try read("id,texte\n1,\"\(text)\"\n")
        #expect(table.rows == [["1", text]])
    }

    @Test func usesSemicolonsWhenTheHeaderHasThemAndNoComma() throws {
        // French Excel: `;` separates, `,` is the decimal mark.
        let table = try read("id;texte;montant\r\n1;\"Des bancs; des arbres\";1,5\r\n")
        #expect(table.header == ["id", "texte", "montant"])
        #expect(table.rows == [["1", "Des bancs; des arbres", "1,5"]])
    }

    @Test func aCommaInTheHeaderMeansCommasEvenWithSemicolons() throws {
        #expect(try read("id,texte;note\n1,a;b\n").rows == [["1", "a;b"]])
        // Inside quotes, a comma does not count: the separator is still `;`.
        #expect(try read("id;\"texte, long\"\n1;a,b\n").header == ["id", "texte, long"])
    }

    @Test func refusesAnEmptyFile() {
        for bytes: [UInt8] in [[], [0xEF, 0xBB, 0xBF], Array("\n\r\n\n".utf8)] {
            #expect(throws: CSVError(.empty)) { try CSVReader.read(bytes) }
        }
        #expect(CSVError(.empty).description == "the file is empty")
    }

    @Test func refusesLatin1WithTheOffsetOfTheFirstBadByte() {
        // "é" in Latin-1 is the single byte 0xE9, which cannot stand alone in UTF-8.
        let bytes = Array("id,texte\n1,caf".utf8) + [0xE9] + Array("\n".utf8)
        let expected = CSVError(.notUTF8(offset: 14, line: 2, byte: 0xE9))
        #expect(throws: expected) { try CSVReader.read(bytes) }
        #expect(expected.description.hasPrefix("not UTF-8: byte 0xE9 at offset 14 (line 2)"))
    }

    @Test func refusesOverlongEncodingsSurrogatesAndTruncatedSequences() {
        #expect(throws: CSVError(.notUTF8(offset: 2, line: 1, byte: 0xC0))) { try CSVReader.read([0x61, 0x2C, 0xC0, 0xAF]) }
        #expect(throws: CSVError(.notUTF8(offset: 0, line: 1, byte: 0xED))) { try CSVReader.read([0xED, 0xA0, 0x80]) }
        #expect(throws: CSVError(.notUTF8(offset: 1, line: 1, byte: 0xE2))) { try CSVReader.read([0x61, 0xE2, 0x82]) }
        // UTF-16 as Windows writes it, byte order mark first.
        #expect(throws: CSVError(.notUTF8(offset: 0, line: 1, byte: 0xFF))) { try CSVReader.read([0xFF, 0xFE, 0x69, 0x00]) }
    }

    @Test func namesThePhysicalLineOfARowWithTheWrongNumberOfFields() {
        // The multi-line text takes lines 2 and 3, so the short row is on line 4.
        let error = CSVError(.fieldCount(line: 4, found: 1, expected: 2))
        #expect(throws: error) { try read("id,texte\n1,\"deux\nlignes\"\n2\n") }
        #expect(error.description == "line 4: 1 field where the header has 2")
        #expect(throws: CSVError(.fieldCount(line: 2, found: 3, expected: 2))) { try read("id,texte\r\n1,a,b\r\n") }
        // A blank line in the middle is a row of one empty field.
        #expect(throws: CSVError(.fieldCount(line: 3, found: 1, expected: 2))) { try read("id,texte\n1,a\n\n2,b\n") }
    }

    @Test func refusesAnUnterminatedQuoteNamingTheLineItOpensOn() {
        let error = CSVError(.unterminatedQuote(line: 3))
        #expect(throws: error) { try read("id,texte\n1,a\n2,\"jamais\nfermé\n") }
        #expect(error.description.hasPrefix("line 3: a quoted field is never closed"))
    }

    @Test func refusesTextAfterAClosingQuote() {
        #expect(throws: CSVError(.textAfterClosingQuote(line: 2))) { try read("id,texte\n1,\"dit\" ensuite\n") }
    }

    @Test func readsWhatPythonsCSVModuleWrites() throws {
        // Written by `csv.writer(buffer).writerows(rows)` (Python 3, default dialect): CRLF line ends,
        // minimal quoting, and a bare LF kept inside a quoted field.
        let written =
            "id,texte,note\r\n1,\"Des pistes cyclables, enfin sécurisées\",a\r\n2,\"Il a dit \"\"non\"\" deux fois\",b\r\n"
            + "3,\"Première ligne\nseconde ligne\",c\r\n4,,d\r\n5, espaces autour ,e;f\r\n6,Œuvre d’art 🎨 à l’école,g\r\n"
        let table = try read(written)
        #expect(table.header == ["id", "texte", "note"])
        #expect(
            table.rows == [
                ["1", "Des pistes cyclables, enfin sécurisées", "a"],
                ["2", "Il a dit \"non\" deux fois", "b"],
                ["3", "Première ligne\nseconde ligne", "c"],
                ["4", "", "d"],
                ["5", " espaces autour ", "e;f"],
                ["6", "Œuvre d’art 🎨 à l’école", "g"],
            ])
    }
}
