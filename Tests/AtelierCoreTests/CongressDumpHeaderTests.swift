import AtelierCore
import Foundation
import Testing

@Suite struct CongressDumpHeaderTests {
    static let id = UUID(uuidString: "3F2A1B4C-5D6E-4F70-8A9B-0C1D2E3F4A5B")!

    /// The smallest dump the import reads: a congress and every list it walks, empty.
    static func document() -> [String: Any] {
        var document: [String: Any] = [
            "format": "atelier-congress", "version": 1,
            "congress": ["id": id.uuidString.lowercased(), "slug": "agen-2026", "title": "Villes Internet"],
        ]
        for list in CongressDumpHeader.requiredLists { document[list] = [Any]() }
        return document
    }

    func read(_ document: [String: Any]) throws(CongressDumpHeader.Flaw) -> CongressDumpHeader {
        try CongressDumpHeader.read(Array(try! JSONSerialization.data(withJSONObject: document)))
    }

    func refusal(_ document: [String: Any]) -> String? {
        refusal(Array(try! JSONSerialization.data(withJSONObject: document)))
    }

    func refusal(_ bytes: [UInt8]) -> String? {
        do throws(CongressDumpHeader.Flaw) {
            _ = try CongressDumpHeader.read(bytes)
            return nil
        } catch { return error.reason }
    }

    @Test func readsTheCongressOfADump() throws {
        #expect(try read(Self.document()) == CongressDumpHeader(id: Self.id, slug: "agen-2026"))
        // Escapes and spacing are the writer's business, not the reader's.
        let escaped =
            #"{"format":"atelier\u002dcongress","version":1,"congress":{"slug":"agen\u002d2026","id":"3f2a1b4c-5d6e-4f70-8a9b-0c1d2e3f4a5b"},"#
            + CongressDumpHeader.requiredLists.map { "\"\($0)\" : [ ]" }.joined(separator: ",\n") + "}"
        #expect(try CongressDumpHeader.read(Array(escaped.utf8)) == CongressDumpHeader(id: Self.id, slug: "agen-2026"))
    }

    @Test func refusesWhatIsNotADumpOfThisVersion() {
        #expect(
            refusal(["format": "atelier-briefing", "version": 1])
                == #"not a congress dump ("format" is not "atelier-congress"): export one with --format congress-json"#)
        for version: Any in [2, "1", 0] {
            var document = Self.document()
            document["version"] = version
            #expect(refusal(document) == "a congress dump of another version than 1", "\(version)")
        }
        for text in ["", "{\"format\": ", "[]", "\"atelier-congress\"", "{\"format\":\"atelier-congress\",}x"] {
            #expect(refusal(Array(text.utf8)) == "not a JSON object", "\(text)")
        }
    }

    @Test func refusesADumpWithoutItsCongressOrAList() {
        for congress: Any in [["slug": "agen-2026"], ["id": Self.id.uuidString], ["id": "pas-un-uuid", "slug": "agen-2026"], "agen-2026"] {
            var document = Self.document()
            document["congress"] = congress
            #expect(refusal(document) == "the congress has no id or no slug", "\(congress)")
        }
        for list in CongressDumpHeader.requiredLists {
            var document = Self.document()
            document[list] = nil
            #expect(refusal(document) == "\"\(list)\" is missing or is not a list")
            document[list] = ["id": Self.id.uuidString]
            #expect(refusal(document) == "\"\(list)\" is missing or is not a list")
        }
    }
}
