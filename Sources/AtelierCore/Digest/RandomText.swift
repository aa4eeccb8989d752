/// Secrets drawn character by character from an alphabet, so every character carries the same
/// number of bits.
public enum RandomText {
    public static func generate<G: RandomNumberGenerator>(count: Int, from alphabet: [Character], using generator: inout G) -> String {
        String((0..<count).map { _ in alphabet[Int(generator.next(upperBound: UInt64(alphabet.count)))] })
    }

    /// Letters and digits: 43 of them carry more than 256 bits.
    public static let alphanumeric = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789")

    /// Drawn from the system's cryptographic generator (`getrandom` on Linux).
    public static func generate(count: Int, from alphabet: [Character]) -> String {
        var generator = SystemRandomNumberGenerator()
        return generate(count: count, from: alphabet, using: &generator)
    }

    /// Whether `text` is exactly `count` characters of `alphanumeric`: what a secret made here looks like.
    public static func isAlphanumeric(_ text: Substring.UTF8View, count: Int) -> Bool {
        text.count == count && text.allSatisfy { byte in (48...57).contains(byte) || (65...90).contains(byte) || (97...122).contains(byte) }
    }
}
