import AtelierTestSupport
import Foundation
import Postgres
import Testing

@Suite struct TypeRoundTripTests {
    /// Every value goes out as a parameter and comes back through the server, not just through our own codec.
    func echo<T: PostgresEncodable & PostgresDecodable>(_ value: T, as sqlType: String) async throws -> T {
        let connection = try Connection.connect(url: TestDatabase.serverURL)
        defer { connection.close() }
        return try connection.query("SELECT $1::\(sqlType)", [value]).first!.decode(column: 0, as: T.self)
    }

    @Test func textWithAccentsEmojiAndQuotes() async throws {
        for text in ["", "Égalité d’accès au numérique", "l'élu·e « dit » \"non\"", "👩🏽‍💻 🇫🇷 — ça marche", "a\\b\tc\nd", "NULL"] {
            #expect(try await echo(text, as: "text") == text)
        }
    }

    @Test func integersAtTheirLimits() async throws {
        for value in [0, 1, -1, Int.max, Int.min, 2_000_000_000] {
            #expect(try await echo(value, as: "bigint") == value)
        }
        #expect(try await echo(Int32.min, as: "integer") == Int32.min)
        #expect(try await echo(Int64(42), as: "bigint") == 42)
    }

    @Test func doublesIncludingSpecialValues() async throws {
        for value in [0.0, -0.5, 1e-300, 1.7976931348623157e308, 0.1 + 0.2, .infinity, -.infinity] {
            #expect(try await echo(value, as: "double precision") == value)
        }
        #expect(try await echo(Double.nan, as: "double precision").isNaN)
    }

    @Test func booleansUUIDsAndBytes() async throws {
        #expect(try await echo(true, as: "boolean") == true)
        #expect(try await echo(false, as: "boolean") == false)
        let id = UUID()
        #expect(try await echo(id, as: "uuid") == id)
        let bytes = Data([0, 1, 2, 0xfe, 0xff])
        #expect(try await echo(bytes, as: "bytea") == bytes)
    }

    @Test func timestampsKeepMicroseconds() async throws {
        let date = Date(timeIntervalSince1970: 1_769_680_800.123456)
        let back = try await echo(date, as: "timestamptz")
        #expect(abs(back.timeIntervalSince1970 - date.timeIntervalSince1970) < 0.000_001)
        let old = Date(timeIntervalSince1970: -86_400 * 365 * 80 + 0.5)
        #expect(abs(try await echo(old, as: "timestamptz").timeIntervalSince1970 - old.timeIntervalSince1970) < 0.000_001)
    }

    @Test func timestampsWrittenByTheServerInAnotherZoneDecodeToTheSameInstant() throws {
        let connection = try Connection.connect(url: TestDatabase.serverURL)
        defer { connection.close() }
        let date = try connection.query("SELECT '2026-01-29 10:00:00+01'::timestamptz").first!.decode(column: 0, as: Date.self)
        #expect(date == Date(timeIntervalSince1970: 1_769_677_200))
    }

    @Test func arraysOfEveryElementType() async throws {
        #expect(
            try await echo(["a", "b,c", "\"q\"", "back\\slash", "", "NULL", "é 🎉"], as: "text[]") == [
                "a", "b,c", "\"q\"", "back\\slash", "", "NULL", "é 🎉",
            ])
        #expect(try await echo([1, -2, 3], as: "bigint[]") == [1, -2, 3])
        let ids = [UUID(), UUID()]
        #expect(try await echo(ids, as: "uuid[]") == ids)
        #expect(try await echo([String](), as: "text[]") == [])
        #expect(try await echo(["a", nil, "NULL"] as [String?], as: "text[]") == ["a", nil, "NULL"])
        let now = Date(timeIntervalSince1970: 1_769_677_200)
        #expect(try await echo([nil, now] as [Date?], as: "timestamptz[]") == [nil, now])
    }

    @Test func nullsDecodeAsNilAndOnlyIntoOptionals() throws {
        let connection = try Connection.connect(url: TestDatabase.serverURL)
        defer { connection.close() }
        let row = try connection.query("SELECT $1::text, $2::bigint, $3::uuid", [String?.none, Int?.none, UUID?.none]).first!
        let (text, number, id) = try row.decode((String?, Int?, UUID?).self)
        #expect(text == nil && number == nil && id == nil)
        #expect(throws: PostgresDecodingError.self) { try row.decode(column: 0, as: String.self) }
        let arrayWithNull = try connection.query("SELECT ARRAY['a', NULL]::text[]").first!.decode(column: 0, as: [String?].self)
        #expect(arrayWithNull == ["a", nil])
    }

    @Test func typeMismatchNamesTheColumnAndTheTypes() throws {
        let connection = try Connection.connect(url: TestDatabase.serverURL)
        defer { connection.close() }
        let row = try connection.query("SELECT 'x'::text AS title, 3::int AS n").first!
        let error = #expect(throws: PostgresDecodingError.self) { try row.decode(column: "title", as: Int.self) }
        #expect(error?.description.contains("\"title\"") == true)
        #expect(error?.description.contains("text") == true)
        #expect(throws: PostgresDecodingError.self) { try row.decode(column: "n", as: UUID.self) }
        #expect(throws: PostgresDecodingError.self) { try row.decode(column: "missing", as: Int.self) }
        #expect(throws: PostgresDecodingError.self) { try row.decode((String, Int, Int).self) }
    }

    enum Colour: String, PostgresDecodable {
        case red, green
    }

    @Test func anEnumerationReadsItsRawValuesAndRefusesOthersByName() throws {
        let connection = try Connection.connect(url: TestDatabase.serverURL)
        defer { connection.close() }
        let row = try connection.query("SELECT 'green'::text AS known, 'blue'::text AS unknown, NULL::text AS absent").first!
        #expect(try row.decode(column: "known", as: Colour.self) == .green)
        #expect(try row.decode(column: "absent", as: Colour?.self) == nil)
        let error = #expect(throws: PostgresDecodingError.self) { try row.decode(column: "unknown", as: Colour.self) }
        #expect(error?.description.contains("\"unknown\"") == true)
        #expect(error?.description.contains("blue") == true)
        #expect(throws: PostgresDecodingError.self) { try row.decode(column: "absent", as: Colour.self) }
    }

    @Test func nulCharactersAreRefusedRatherThanTruncated() throws {
        let connection = try Connection.connect(url: TestDatabase.serverURL)
        defer { connection.close() }
        let error = #expect(throws: PostgresError.self) { try connection.query("SELECT $1::text", ["a\u{0}b"]) }
        #expect(error?.kind == .invalidInput)
    }
}
