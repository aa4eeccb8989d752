// Writes zip archives deterministically: the same members in the same order give the same
// bytes. No extra fields, no data descriptors, no ZIP64, a fixed timestamp unless one is given:
// nothing in the output depends on the machine or the moment.

import Foundation

/// Builds a zip archive in memory, member by member, in the order they are added.
///
/// OpenDocument's packaging rule is honoured by the caller adding `mimetype` first with `.stored`;
/// since no member ever has an extra field, its content then starts at byte 38, where file-type
/// sniffers look for it.
public struct ZipWriter: Sendable {
    public enum Method: Sendable {
        case stored
        case deflated
    }

    private var output: [UInt8] = []
    private var central: [UInt8] = []
    private var count = 0
    private let dosTime: UInt16
    private let dosDate: UInt16

    /// `modified` stamps every member (read as UTC); nil stamps 1980-01-01 00:00, the earliest
    /// date a zip can hold, so an archive made twice from the same members is byte-identical.
    public init(modified: Date? = nil) {
        (dosDate, dosTime) = Self.dosDateTime(modified)
    }

    /// Adds a member. Names use `/` between folders; non-ASCII names are flagged as UTF-8.
    /// Members must stay under 4 GiB each and in all: this writer has no ZIP64.
    public mutating func add(_ name: String, _ bytes: [UInt8], method: Method = .deflated) {
        let nameBytes = Array(name.utf8)
        let crc = CRC32.checksum(bytes)
        var data = method == .deflated ? Deflate.deflate(bytes) : bytes
        var methodCode: UInt16 = method == .deflated ? 8 : 0
        // Incompressible data (tiny members, images) is smaller stored.
        if method == .deflated && data.count >= bytes.count {
            data = bytes
            methodCode = 0
        }
        precondition(output.count + data.count < Int(UInt32.max) && nameBytes.count <= Int(UInt16.max), "ZipWriter has no ZIP64")
        let flags: UInt16 = nameBytes.allSatisfy { $0 < 0x80 } ? 0 : 0x0800
        let offset = UInt32(output.count)

        // The local header and the central directory entry share these fields, in this order.
        var fields: [UInt8] = []
        Self.append16(Self.versionNeeded(methodCode), to: &fields)
        Self.append16(flags, to: &fields)
        Self.append16(methodCode, to: &fields)
        Self.append16(dosTime, to: &fields)
        Self.append16(dosDate, to: &fields)
        Self.append32(crc, to: &fields)
        Self.append32(UInt32(data.count), to: &fields)
        Self.append32(UInt32(bytes.count), to: &fields)
        Self.append16(UInt16(nameBytes.count), to: &fields)
        Self.append16(0, to: &fields)  // no extra field

        Self.append32(0x0403_4b50, to: &output)
        output += fields
        output += nameBytes
        output += data

        // Its central directory entry, written out by `finish`.
        Self.append32(0x0201_4b50, to: &central)
        Self.append16(Self.versionNeeded(methodCode), to: &central)  // made by: MS-DOS attributes, same version
        central += fields
        Self.append16(0, to: &central)  // comment length
        Self.append16(0, to: &central)  // disk number
        Self.append16(0, to: &central)  // internal attributes
        Self.append32(0, to: &central)  // external attributes
        Self.append32(offset, to: &central)
        central += nameBytes
        count += 1
    }

    /// The whole archive: members, central directory and end record.
    public func finish() -> [UInt8] {
        precondition(count <= Int(UInt16.max), "ZipWriter has no ZIP64")
        var bytes = output
        bytes.reserveCapacity(output.count + central.count + 22)
        bytes += central
        Self.append32(0x0605_4b50, to: &bytes)
        Self.append16(0, to: &bytes)  // this disk
        Self.append16(0, to: &bytes)  // disk with the central directory
        Self.append16(UInt16(count), to: &bytes)
        Self.append16(UInt16(count), to: &bytes)
        Self.append32(UInt32(central.count), to: &bytes)
        Self.append32(UInt32(output.count), to: &bytes)
        Self.append16(0, to: &bytes)  // comment length
        return bytes
    }

    /// 1.0 suffices for stored members, 2.0 is the version that introduced deflate.
    private static func versionNeeded(_ method: UInt16) -> UInt16 { method == 8 ? 20 : 10 }

    /// MS-DOS date and time fields, in two-second steps, clamped to the years they can hold (1980–2107).
    static func dosDateTime(_ date: Date?) -> (date: UInt16, time: UInt16) {
        guard let date else { return (1 << 5 | 1, 0) }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(secondsFromGMT: 0)!
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        let year = c.year ?? 1980
        guard year >= 1980 else { return (1 << 5 | 1, 0) }
        guard year <= 2107 else { return (127 << 9 | 12 << 5 | 31, 23 << 11 | 59 << 5 | 29) }
        let dosDate = UInt16(year - 1980) << 9 | UInt16(c.month ?? 1) << 5 | UInt16(c.day ?? 1)
        let dosTime = UInt16(c.hour ?? 0) << 11 | UInt16(c.minute ?? 0) << 5 | UInt16((c.second ?? 0) / 2)
        return (dosDate, dosTime)
    }

    private static func append16(_ value: UInt16, to bytes: inout [UInt8]) {
        bytes.append(UInt8(value & 0xFF))
        bytes.append(UInt8(value >> 8))
    }

    private static func append32(_ value: UInt32, to bytes: inout [UInt8]) {
        for shift in stride(from: 0, to: 32, by: 8) { bytes.append(UInt8((value >> UInt32(shift)) & 0xFF)) }
    }
}
