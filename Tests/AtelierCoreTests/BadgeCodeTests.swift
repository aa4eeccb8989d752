import AtelierCore
import Testing

@Suite struct BadgeCodeTests {
    @Test func codesAreTwelveUnambiguousCharactersInThreeGroups() {
        var generator = SeededGenerator(seed: 7)
        let codes = (0..<200).map { _ in BadgeCode.generate(using: &generator) }
        #expect(Set(codes).count == 200)
        for code in codes {
            #expect(code.count == 14)
            #expect(code.split(separator: "-").map(\.count) == [4, 4, 4])
            #expect(code.allSatisfy { $0 == "-" || BadgeCode.alphabet.contains($0) })
            #expect(!code.contains { "ILOU".contains($0) })
            #expect(BadgeCode.canonical(code) == code)
        }
    }

    @Test func typedCodesReadTheWayPeopleMeanThem() {
        #expect(BadgeCode.canonical("k7qm 2xrd 9pta") == "K7QM-2XRD-9PTA")
        #expect(BadgeCode.canonical("K7QM2XRD9PTA") == "K7QM-2XRD-9PTA")
        // O reads as zero, I and L as one.
        #expect(BadgeCode.canonical("OOII-LLOO-1100") == "0011-1100-1100")
        #expect(BadgeCode.canonical("K7QM-2XRD-9PT") == nil)
        #expect(BadgeCode.canonical("K7QM-2XRD-9PTAA") == nil)
        #expect(BadgeCode.canonical("K7QM-2XRD-9PTU") == nil)
        #expect(BadgeCode.canonical("") == nil)
    }
}
