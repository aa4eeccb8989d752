import Foundation

/// bytea in PostgreSQL's hex text form (`\x0a1b…`), the default output since 9.0.
enum PostgresBytea {
    static func hex(_ data: Data) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var out = [UInt8](repeating: 0, count: 2 + data.count * 2)
        out[0] = UInt8(ascii: "\\")
        out[1] = UInt8(ascii: "x")
        for (offset, byte) in data.enumerated() {
            out[2 + offset * 2] = digits[Int(byte >> 4)]
            out[3 + offset * 2] = digits[Int(byte & 0x0f)]
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Each byte's value as a hex digit, or 0xff when it is not one.
    private static let nibbles: [UInt8] = (0...255).map { (byte: Int) -> UInt8 in
        switch UInt8(byte) {
        case 48...57: UInt8(byte - 48)
        case 97...102: UInt8(byte - 87)
        case 65...70: UInt8(byte - 55)
        default: 0xff
        }
    }

    /// Decodes through a table into one buffer, not digit by digit into `Data`: an embedding is
    /// 2 KB, a clustering reads hundreds of them, and appending was most of its time.
    static func parseHex(_ text: String) -> Data? {
        var text = text
        return text.withUTF8 { bytes -> Data? in
            guard bytes.count >= 2, bytes[0] == UInt8(ascii: "\\"), bytes[1] == UInt8(ascii: "x"), bytes.count % 2 == 0
            else { return nil }
            let count = (bytes.count - 2) / 2
            var invalid: UInt8 = 0
            let decoded = nibbles.withUnsafeBufferPointer { nibbles in
                [UInt8](unsafeUninitializedCapacity: count) { buffer, initialized in
                    for index in 0..<count {
                        let high = nibbles[Int(bytes[2 + 2 * index])]
                        let low = nibbles[Int(bytes[3 + 2 * index])]
                        // 0xff has its high bits set, a digit never does: one test at the end.
                        invalid |= high | low
                        buffer[index] = high << 4 | low & 0x0f
                    }
                    initialized = count
                }
            }
            return invalid & 0xf0 == 0 ? Data(decoded) : nil
        }
    }
}
