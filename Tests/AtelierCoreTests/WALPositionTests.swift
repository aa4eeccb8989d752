import AtelierCore
import Testing

/// Log positions come back from clients (a cookie, a header): anything but PostgreSQL's own
/// text form is refused, and what is accepted orders as the server does.
@Suite struct WALPositionTests {
    @Test func postgreSQLTextRoundTripsAndOrdersByValue() throws {
        let position = try #require(WALPosition("16/B374D848"))
        #expect(position.value == 0x16_B374_D848)
        #expect(position.description == "16/B374D848")
        #expect(WALPosition("0/0")?.value == 0)
        #expect(WALPosition("ffffffff/ffffffff")?.description == "FFFFFFFF/FFFFFFFF")
        #expect(try #require(WALPosition("0/FFFFFFFF")) < WALPosition("1/0")!)
    }

    @Test(arguments: ["", "/", "16", "16/", "/B3", "16/B3/1", "123456789/0", "0/123456789", "-1/0", "+1/0", "0x1/0", "g/0", " 1/0", "1/0 "])
    func anythingElseIsRefused(text: String) {
        #expect(WALPosition(text) == nil)
    }
}
