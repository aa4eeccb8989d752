import AtelierCore
import Foundation
import Testing

@Suite struct JSONSyntaxTests {
    func check(_ text: String) throws(JSONSyntax.Flaw) { try JSONSyntax.check(Array(text.utf8)) }

    @Test func acceptsWhatRFC8259Allows() throws {
        for text in [
            #"{}"#, #"[]"#, #" {"a": [1, -2.5e+3, 0, true, false, null, "é\n\"\\\/\u00e9\ud83c\udf93"], "b": {}} "#, #""texte""#, "0",
            #"{"a":{"a":{"a":1}}}"#, #"[{"a":1},{"a":1}]"#,
        ] {
            try check(text)
            // Foundation reads the same texts, so nothing valid is refused on the way.
            #expect((try? JSONSerialization.jsonObject(with: Data(text.utf8), options: .fragmentsAllowed)) != nil, "\(text)")
        }
    }

    @Test func refusesWhatFoundationWouldLetThrough() {
        for text in [#"{"a":1,}"#, #"[1,2,]"#, #"{"a":[1,],"b":2}"#] {
            #expect(throws: JSONSyntax.Flaw.self, "\(text)") { try check(text) }
        }
        #expect(throws: JSONSyntax.Flaw.duplicateKey("body", path: "")) { try check(#"{"body":"un","body":"deux"}"#) }
        #expect(throws: JSONSyntax.Flaw.duplicateKey("b", path: "parts.1")) { try check(#"{"parts":[{"b":1},{"b":1,"\u0062":2}]}"#) }
    }

    @Test func refusesWhatIsNotJSON() {
        for text in [
            "", " ", "{", #"{"a"}"#, #"{"a":}"#, "{a:1}", "[1 2]", "01", "1.", ".5", "-", "1e", "tru", "nul", "'a'", #""a"#, #""\x""#,
            #""\u12""#, #""\ud800""#, #""\udc00x""#, "\"a\u{01}b\"", "{}{}", "[1]x", "NaN", "+1",
        ] {
            #expect(throws: JSONSyntax.Flaw.self, "\(text.debugDescription)") { try check(text) }
        }
    }

    @Test func namesWhereANulIs() {
        #expect(throws: JSONSyntax.Flaw.nulCharacter(path: "body")) { try check(#"{"body":"a\u0000b"}"#) }
        #expect(throws: JSONSyntax.Flaw.nulCharacter(path: "parts.0.title")) { try check(#"{"parts":[{"title":"\u0000"}]}"#) }
    }

    @Test func refusesNestingPastTheLimitWithoutExhaustingTheStack() {
        let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        #expect(throws: JSONSyntax.Flaw.self) { try check(deep) }
        let fits = String(repeating: "[", count: JSONSyntax.maximumDepth) + String(repeating: "]", count: JSONSyntax.maximumDepth)
        #expect(throws: Never.self) { try check(fits) }
    }
}
