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

    /// Found by FuzzJSON: both let through bodies that Foundation's reader then refuses.
    @Test func refusesWhatFoundationRefuses() {
        // A string's bytes were read leniently, an invalid sequence becoming U+FFFD.
        #expect(throws: JSONSyntax.Flaw.malformed("invalid UTF-8 in a string at byte 14")) {
            try JSONSyntax.check([0x7B, 0x22, 0x62, 0x6F, 0x64, 0x79, 0x22, 0x3A, 0x22, 0x63, 0x61, 0x66, 0xE9, 0x22, 0x7D])
        }
        // Foundation reads a number as a Double, and refuses one past its range.
        for text in ["1e400", "[1.7976931348623157e309]", "-1" + String(repeating: "0", count: 400)] {
            #expect(throws: JSONSyntax.Flaw.self, "\(text)") { try check(text) }
        }
        for text in ["1e308", "1e-400", "123456789012345678901234567890"] {
            #expect(throws: Never.self, "\(text)") { try check(text) }
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
