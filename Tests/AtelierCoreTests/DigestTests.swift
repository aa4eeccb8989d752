import AtelierCore
import Testing

@Suite struct DigestTests {
    @Test(arguments: [
        ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        (
            "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
            "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"
        ),
    ])
    func sha256MatchesPublishedVectors(input: String, expected: String) {
        #expect(SHA256.hex(input) == expected)
    }

    /// 55 bytes fit one block with the length; 56 need a second block: the padding's edge.
    @Test func sha256HandlesThePaddingBoundaryAndUnicode() {
        #expect(SHA256.hex(String(repeating: "a", count: 55)) == "9f4390f8d30c2dd92ec9f095b65e2b9ae9b0a925a5258e241c9f1e910f734318")
        #expect(SHA256.hex(String(repeating: "a", count: 56)) == "b35439a4ac6f0948b6d6f9e3c6af0f5f590ce20f1bde7090ef7970686ec6738a")
        #expect(SHA256.hex("Égalité d’accès 🎓") == "af794600d26b46bf40cf22a7f56eff34c5a5c079edfe534823378edea80bf00d")
    }

    @Test func tokensAreWellFormedDistinctAndHashTo32Bytes() {
        let tokens = (0..<100).map { _ in AccessToken.generate() }
        #expect(Set(tokens).count == 100)
        #expect(tokens.allSatisfy(AccessToken.isWellFormed))
        #expect(AccessToken.hash(tokens[0]).count == 32)
        #expect(!AccessToken.isWellFormed("atl_short"))
        #expect(!AccessToken.isWellFormed("xyz_" + String(repeating: "a", count: 43)))
        #expect(!AccessToken.isWellFormed("atl_" + String(repeating: "é", count: 43)))
    }

    @Test func seededGeneratorsRepeatThemselves() {
        var first = SeededGenerator(seed: "atelier")
        var second = SeededGenerator(seed: "atelier")
        var other = SeededGenerator(seed: "autre")
        let a = (0..<5).map { _ in first.next() }
        #expect(a == (0..<5).map { _ in second.next() })
        #expect(a != (0..<5).map { _ in other.next() })
        #expect((0..<1000).allSatisfy { _ in (0..<1).contains(first.nextUnit()) })
    }
}
