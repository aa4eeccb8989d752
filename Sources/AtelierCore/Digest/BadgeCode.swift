/// The short personal code printed on a badge and typed on a phone: 12 characters of
/// Crockford's base 32 (no I, L, O, U), shown as `XXXX-XXXX-XXXX`. 60 bits are far beyond
/// guessing at the rate the sign-in page allows; like access tokens, only its SHA-256 is kept.
public enum BadgeCode {
    public static let alphabet = Array("0123456789ABCDEFGHJKMNPQRSTVWXYZ")
    public static let length = 12

    public static func generate() -> String {
        var generator = SystemRandomNumberGenerator()
        return generate(using: &generator)
    }

    public static func generate<G: RandomNumberGenerator>(using generator: inout G) -> String {
        grouped(RandomText.generate(count: length, from: alphabet, using: &generator))
    }

    /// The code as typed, in its one canonical form, or nil when it cannot be a badge code.
    /// Case, spaces and dashes do not matter, and the letters people confuse with digits
    /// (O, I, L) read as those digits.
    public static func canonical(_ typed: String) -> String? {
        var characters: [Character] = []
        for character in typed.uppercased() where character != "-" && !character.isWhitespace {
            switch character {
            case "O": characters.append("0")
            case "I", "L": characters.append("1")
            default:
                guard alphabet.contains(character) else { return nil }
                characters.append(character)
            }
        }
        guard characters.count == length else { return nil }
        return grouped(String(characters))
    }

    public static func hash(canonical code: String) -> [UInt8] { SHA256.hash(code) }

    static func grouped(_ code: String) -> String {
        let characters = Array(code)
        return stride(from: 0, to: characters.count, by: 4).map { String(characters[$0..<min($0 + 4, characters.count)]) }
            .joined(separator: "-")
    }
}
