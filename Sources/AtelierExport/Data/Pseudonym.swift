import AtelierCore
import Foundation

/// Stands for a participant in the raw votes export: the same participant gets the same
/// pseudonym throughout one export, so an analyst can see that votes come from one person,
/// but not who. The key is a secret the exporter draws for each export and never writes out;
/// without it no one can trace a pseudonym back by hashing every participant id.
public enum Pseudonym {
    /// "v-" and 16 hexadecimal digits of HMAC-SHA-256(key, participant id).
    public static func of(participant: UUID, key: [UInt8]) -> String {
        let mac = hmacSHA256(key: key, message: Array(participant.json.utf8))
        return "v-" + SHA256.hex(bytes: Array(mac.prefix(8)))
    }

    /// RFC 2104 with SHA-256's 64-byte block.
    static func hmacSHA256(key: [UInt8], message: [UInt8]) -> [UInt8] {
        var block = key.count > 64 ? SHA256.hash(key) : key
        block += [UInt8](repeating: 0, count: 64 - block.count)
        let inner = SHA256.hash(block.map { $0 ^ 0x36 } + message)
        return SHA256.hash(block.map { $0 ^ 0x5C } + inner)
    }
}
