/// Secrets drawn character by character from an alphabet, so every character carries the same
/// number of bits.
public enum RandomText {
    public static func generate<G: RandomNumberGenerator>(count: Int, from alphabet: [Character], using generator: inout G) -> String {
        String((0..<count).map { _ in alphabet[Int(generator.next(upperBound: UInt64(alphabet.count)))] })
    }

    /// Letters and digits: 43 of them carry more than 256 bits.
    public static let alphanumeric = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789")
}
