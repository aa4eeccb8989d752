import Testing

/// Each keyword the validator knows, with a value it accepts and one it refuses: a keyword
/// that is silently skipped would let the contract drift unseen.
@Suite struct SchemaValidatorTests {
    struct Case: Sendable, CustomStringConvertible {
        let keyword: String
        let schema: String
        let valid: String
        let invalid: String
        /// Where the violation of `invalid` is, as a JSON pointer.
        var pointer = ""

        var description: String { keyword }
    }

    static let document = JSONValue.parse(
        #"{"components": {"schemas": {"Id": {"type": "string", "format": "uuid"}, "a/b": {"const": 1}}}}"#)

    static let cases: [Case] = [
        Case(keyword: "type", schema: #"{"type": "string"}"#, valid: #""x""#, invalid: "1"),
        Case(keyword: "type integer", schema: #"{"type": "integer"}"#, valid: "3", invalid: "3.5"),
        Case(keyword: "type number takes integers", schema: #"{"type": "number"}"#, valid: "3", invalid: #""3""#),
        Case(keyword: "type boolean is not a number", schema: #"{"type": "boolean"}"#, valid: "true", invalid: "1"),
        Case(keyword: "type list with null", schema: #"{"type": ["string", "null"]}"#, valid: "null", invalid: "false"),
        Case(keyword: "type null", schema: #"{"type": "null"}"#, valid: "null", invalid: "{}"),
        Case(
            keyword: "properties", schema: #"{"properties": {"a": {"type": "integer"}}}"#, valid: #"{"a": 1, "b": "x"}"#,
            invalid: #"{"a": "1"}"#, pointer: "/a"),
        Case(keyword: "required", schema: #"{"required": ["a"]}"#, valid: #"{"a": null}"#, invalid: #"{"b": 1}"#),
        Case(
            keyword: "additionalProperties false", schema: #"{"properties": {"a": {}}, "additionalProperties": false}"#,
            valid: #"{"a": 1}"#, invalid: #"{"a": 1, "b": 2}"#, pointer: "/b"),
        Case(
            keyword: "additionalProperties schema", schema: #"{"additionalProperties": {"type": "integer"}}"#,
            valid: #"{"x": 1}"#, invalid: #"{"x": "1"}"#, pointer: "/x"),
        Case(
            keyword: "items", schema: #"{"items": {"type": "string"}}"#, valid: #"["a", "b"]"#, invalid: #"["a", 2]"#,
            pointer: "/1"),
        Case(keyword: "enum", schema: #"{"enum": ["agree", "pass"]}"#, valid: #""pass""#, invalid: #""disagree""#),
        Case(keyword: "const", schema: #"{"const": "true"}"#, valid: #""true""#, invalid: "true"),
        Case(
            keyword: "$ref", schema: ##"{"$ref": "#/components/schemas/Id"}"##, valid: #""7c1e2f4a-0000-4000-8000-000000000001""#,
            invalid: #""Jeanne""#),
        Case(keyword: "$ref with an escaped slash", schema: ##"{"$ref": "#/components/schemas/a~1b"}"##, valid: "1", invalid: "2"),
        Case(
            keyword: "oneOf", schema: #"{"oneOf": [{"type": "integer"}, {"type": "number", "minimum": 10}]}"#, valid: "3",
            invalid: "12"),
        Case(keyword: "oneOf matching none", schema: #"{"oneOf": [{"type": "integer"}, {"type": "null"}]}"#, valid: "null", invalid: #""x""#),
        Case(keyword: "anyOf", schema: #"{"anyOf": [{"type": "integer"}, {"type": "null"}]}"#, valid: "4", invalid: #""4""#),
        Case(keyword: "allOf", schema: #"{"allOf": [{"type": "integer"}, {"minimum": 1}]}"#, valid: "1", invalid: "0"),
        Case(keyword: "not", schema: #"{"not": {"type": "null"}}"#, valid: "0", invalid: "null"),
        Case(keyword: "minimum", schema: #"{"minimum": 1}"#, valid: "1", invalid: "0"),
        Case(keyword: "maximum", schema: #"{"maximum": 100}"#, valid: "100", invalid: "101"),
        Case(keyword: "exclusiveMinimum", schema: #"{"exclusiveMinimum": 0}"#, valid: "0.5", invalid: "0"),
        Case(keyword: "exclusiveMaximum", schema: #"{"exclusiveMaximum": 1}"#, valid: "0.5", invalid: "1"),
        // Code points, not UTF-16 units or grapheme clusters: "é" written as e + accent is two.
        Case(keyword: "minLength", schema: #"{"minLength": 2}"#, valid: "\"e\u{301}\"", invalid: #""é""#),
        Case(keyword: "maxLength", schema: #"{"maxLength": 2}"#, valid: #""éé""#, invalid: "\"e\u{301}e\""),
        Case(keyword: "pattern", schema: #"{"pattern": "^[0-9]+$"}"#, valid: #""41""#, invalid: #""4a""#),
        Case(keyword: "minItems", schema: #"{"minItems": 1}"#, valid: "[0]", invalid: "[]"),
        Case(keyword: "maxItems", schema: #"{"maxItems": 1}"#, valid: "[0]", invalid: "[0, 1]"),
        Case(
            keyword: "format uuid", schema: #"{"format": "uuid"}"#, valid: #""7C1E2F4A-0000-4000-8000-000000000001""#,
            invalid: #""7c1e2f4a""#),
        Case(
            keyword: "format date-time", schema: #"{"format": "date-time"}"#, valid: #""2026-01-29T09:30:00.125Z""#,
            invalid: #""29/01/2026 09:30""#),
        Case(keyword: "format date", schema: #"{"format": "date"}"#, valid: #""2026-01-29""#, invalid: #""2026-01-29T09:30:00Z""#),
        Case(
            keyword: "nested pointer", schema: #"{"properties": {"items": {"items": {"required": ["id"]}}}}"#,
            valid: #"{"items": [{"id": 1}]}"#, invalid: #"{"items": [{"id": 1}, {}]}"#, pointer: "/items/1"),
    ]

    @Test(arguments: cases) func acceptsTheValidAndRefusesTheInvalid(_ example: Case) {
        let validator = SchemaValidator(document: Self.document)
        let schema = JSONValue.parse(example.schema)
        #expect(validator.validate(JSONValue.parse(example.valid), against: schema) == [])
        let violations = validator.validate(JSONValue.parse(example.invalid), against: schema)
        #expect(!violations.isEmpty, "\(example.invalid) passed")
        #expect(violations.allSatisfy { $0.pointer == example.pointer }, "\(violations)")
    }

    @Test func aReferenceThatLeadsNowhereIsAViolationWhateverTheValue() {
        let schema = JSONValue.parse(##"{"$ref": "#/components/schemas/Missing"}"##)
        let violations = SchemaValidator(document: Self.document).validate(.number(1), against: schema)
        #expect(violations.map(\.description) == ["/: $ref #/components/schemas/Missing leads nowhere"])
    }

    @Test func keywordsThatSayNothingAboutValidityAreSkipped() {
        let schema = JSONValue.parse(
            #"{"description": "x", "default": 3, "contentMediaType": "text/html", "format": "uri-reference", "type": "string"}"#)
        #expect(SchemaValidator(document: Self.document).validate(.string("/problems/not-found"), against: schema) == [])
    }

    @Test func aViolationSaysWhatWasExpectedAndWhatCame() {
        let schema = JSONValue.parse(#"{"properties": {"votes": {"type": "integer"}}}"#)
        let violations = SchemaValidator(document: Self.document).validate(JSONValue.parse(#"{"votes": "3"}"#), against: schema)
        #expect(violations.map(\.description) == [#"/votes: expected integer, got string "3""#])
    }
}
