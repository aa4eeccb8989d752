import AtelierCore
import Testing

@testable import AtelierExport

@Suite struct MarkdownParserTests {
    private func parse(_ text: String) -> [Block] { MarkdownParser.parse(text) }

    @Test func readsParagraphsSeparatedByBlankLinesAndJoinsTheirLines() {
        #expect(
            parse("Première ligne\nsuite du paragraphe.\n\n  Second paragraphe.\n")
                == [.paragraph([.text("Première ligne suite du paragraphe.")]), .paragraph([.text("Second paragraphe.")])])
        #expect(parse("") == [])
        #expect(parse("\n  \n\t\n") == [])
    }

    @Test func readsHardLineBreaksAfterTwoSpacesOrABackslash() {
        #expect(parse("un  \ndeux\\\ntrois") == [.paragraph([.text("un"), .lineBreak, .text("deux"), .lineBreak, .text("trois")])])
        // Trailing spaces on the last line are not a break.
        #expect(parse("fin  ") == [.paragraph([.text("fin")])])
    }

    @Test func readsEmphasisAndStrongWithStarsAndUnderscores() {
        #expect(
            parse("Une *réforme* **urgente** et _durable_.")
                == [
                    .paragraph([
                        .text("Une "), .emphasis([.text("réforme")]), .text(" "), .strong([.text("urgente")]), .text(" et "),
                        .emphasis([.text("durable")]), .text("."),
                    ])
                ])
        #expect(parse("***tout***") == [.paragraph([.emphasis([.strong([.text("tout")])])])])
        #expect(
            parse("**gras *et italique* dedans**") == [.paragraph([.strong([.text("gras "), .emphasis([.text("et italique")]), .text(" dedans")])])])
        #expect(parse("*sur\ndeux lignes*") == [.paragraph([.emphasis([.text("sur deux lignes")])])])
    }

    @Test func leavesDelimitersThatOpenOrCloseNothingAsText() {
        #expect(parse("2 * 3 * 4") == [.paragraph([.text("2 * 3 * 4")])])
        #expect(parse("un *seul") == [.paragraph([.text("un *seul")])])
        #expect(parse("nom_de_variable et snake_case") == [.paragraph([.text("nom_de_variable et snake_case")])])
        #expect(parse("**pas fermé *mais ici*") == [.paragraph([.text("**pas fermé "), .emphasis([.text("mais ici")])])])
    }

    @Test func backslashEscapesMarkup() {
        #expect(parse("\\*pas d’italique\\* et \\\\ seul") == [.paragraph([.text("*pas d’italique* et \\ seul")])])
        #expect(parse("\\# pas un titre") == [.paragraph([.text("# pas un titre")])])
        #expect(parse("\\- pas une liste") == [.paragraph([.text("- pas une liste")])])
    }

    @Test func readsHeadingsOfEveryLevelAndIgnoresClosingHashes() {
        #expect(
            parse("# Un\n## Deux ##\n###### Six\n####### Sept") == [
                .heading(level: 1, [.text("Un")]), .heading(level: 2, [.text("Deux")]), .heading(level: 6, [.text("Six")]),
                .paragraph([.text("####### Sept")]),
            ])
        #expect(parse("#hashtag") == [.paragraph([.text("#hashtag")])])
        #expect(parse("# C# et F#") == [.heading(level: 1, [.text("C# et F#")])])
        #expect(parse("paragraphe\n# titre") == [.paragraph([.text("paragraphe")]), .heading(level: 1, [.text("titre")])])
    }

    @Test func readsBulletedAndNumberedLists() {
        #expect(
            parse("- un\n* deux\n+ trois")
                == [.list(List(ordered: false, items: [[.paragraph([.text("un")])], [.paragraph([.text("deux")])], [.paragraph([.text("trois")])]]))])
        #expect(
            parse("3. trois\n4) quatre") == [
                .list(List(ordered: true, start: 3, items: [[.paragraph([.text("trois")])], [.paragraph([.text("quatre")])]]))
            ])
        // A change of kind starts a new list.
        #expect(
            parse("- a\n1. b") == [
                .list(List(ordered: false, items: [[.paragraph([.text("a")])]])), .list(List(ordered: true, items: [[.paragraph([.text("b")])]])),
            ])
        // Blank lines between items keep one list.
        #expect(parse("1. a\n\n2. b") == [.list(List(ordered: true, items: [[.paragraph([.text("a")])], [.paragraph([.text("b")])]]))])
    }

    @Test func nestsListsByIndentation() {
        let expected: [Block] = [
            .list(
                List(
                    ordered: false,
                    items: [
                        [
                            .paragraph([.text("moyens :")]),
                            .list(List(ordered: true, items: [[.paragraph([.text("formation")])], [.paragraph([.text("mutualisation")])]])),
                        ],
                        [.paragraph([.text("suite")])],
                    ]))
        ]
        #expect(parse("- moyens :\n  1. formation\n  2. mutualisation\n- suite") == expected)
        // Four spaces, or a tab, nest as well as two.
        #expect(parse("- moyens :\n    1. formation\n    2. mutualisation\n- suite") == expected)
        #expect(parse("- moyens :\n\t1. formation\n\t2. mutualisation\n- suite") == expected)
    }

    @Test func keepsParagraphsAndLazyLinesInsideAnItem() {
        #expect(
            parse("- premier\nsuite paresseuse\n\n  second paragraphe\n- autre")
                == [
                    .list(
                        List(
                            ordered: false,
                            items: [
                                [.paragraph([.text("premier suite paresseuse")]), .paragraph([.text("second paragraphe")])],
                                [.paragraph([.text("autre")])],
                            ]))
                ])
    }

    @Test func proseThatLooksLikeAMarkerStaysProse() {
        #expect(parse("*important* : à lire") == [.paragraph([.emphasis([.text("important")]), .text(" : à lire")])])
        #expect(parse("-5 % de budget") == [.paragraph([.text("-5 % de budget")])])
        // A number inside a paragraph does not start a list unless it is 1.
        #expect(parse("Depuis\n2024. Les élus") == [.paragraph([.text("Depuis 2024. Les élus")])])
    }

    @Test func capsNestingSoNoInputCanExhaustTheStack() {
        let deepList = String(repeating: "- ", count: 2_000) + "fond"
        #expect(depth(of: parse(deepList)) <= MarkdownParser.maximumDepth)
        let deepEmphasis = String(repeating: "*a ", count: 500) + String(repeating: "b* ", count: 500)
        let blocks = parse(deepEmphasis)
        guard case .paragraph(let inlines, _) = blocks.first else {
            Issue.record("not a paragraph")
            return
        }
        #expect(emphasisDepth(inlines) <= MarkdownParser.maximumDepth)
        // Nothing is lost: the text is all there, as text where it could not nest.
        #expect(Inline.plainText(inlines).filter { $0 == "a" }.count == 500)
    }

    /// Random strings over Markdown's special characters: the parser always returns, and every
    /// writer renders what it returned.
    @Test func neverFailsOnRandomInput() {
        var random = SeededGenerator(seed: "markdown fuzz")
        let alphabet: [Character] = [
            "*", "*", "_", "-", "+", "#", "1", ".", ")", " ", " ", " ", "\n", "\n", "\t", "\\", "a", "é", "<", "&", "\u{0}", "`", "|",
        ]
        for _ in 0..<1_500 {
            let length = Int(random.next() % 120)
            let text = String((0..<length).map { _ in alphabet[Int(random.next() % UInt64(alphabet.count))] })
            let blocks = parse(text)
            let document = Document(title: "t", subject: "s", blocks: blocks)
            #expect(!HTMLWriter.render(document).isEmpty)
            #expect(!MarkdownWriter.render(document).isEmpty)
            #expect(!ODTWriter.content(document).isEmpty)
            #expect(!DOCXWriter.write(document).isEmpty)
        }
    }

    private func depth(of blocks: [Block]) -> Int {
        blocks.map { block in
            guard case .list(let list) = block else { return 0 }
            return 1 + (list.items.map { depth(of: $0) }.max() ?? 0)
        }.max() ?? 0
    }

    private func emphasisDepth(_ inlines: [Inline]) -> Int {
        inlines.map { inline in
            switch inline {
            case .emphasis(let children), .strong(let children): 1 + emphasisDepth(children)
            default: 0
            }
        }.max() ?? 0
    }
}
