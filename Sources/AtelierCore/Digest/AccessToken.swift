/// Bearer tokens: 32 random bytes, shown once, stored only as their SHA-256.
public enum AccessToken {
    /// A prefix makes a leaked token recognisable by secret scanners and people alike.
    public static let prefix = "atl_"

    /// A new token from the system's cryptographic generator (`getrandom` on Linux).
    public static func generate() -> String {
        var generator = SystemRandomNumberGenerator()
        return generate(using: &generator)
    }

    public static func generate<G: RandomNumberGenerator>(using generator: inout G) -> String {
        prefix + RandomText.generate(count: 43, from: RandomText.alphanumeric, using: &generator)
    }

    public static func hash(_ token: String) -> [UInt8] { SHA256.hash(token) }

    /// Rejects what cannot be a token before any database work.
    public static func isWellFormed(_ token: String) -> Bool {
        token.hasPrefix(prefix) && RandomText.isAlphanumeric(token.dropFirst(prefix.count).utf8, count: 43)
    }
}
