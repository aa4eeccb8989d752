// A read-only zip reader: just enough for NumPy's .npz files (stored or deflated members,
// ZIP64 sizes as `numpy.savez` writes them) and for checking what ZipWriter wrote. The central
// directory is the source of truth, since local headers written in streaming mode may carry
// placeholder sizes.

import Foundation

/// An error met while reading a zip archive: it is truncated, malformed, or uses an unsupported feature.
public struct ZipError: Error, CustomStringConvertible, Sendable {
    public let description: String
}

/// A zip archive held in memory, with its members listed from the central directory.
public struct ZipArchive: Sendable {
    /// One member as described by the central directory.
    public struct Entry: Sendable {
        public let name: String
        /// 0 = stored, 8 = deflate; anything else is refused when read.
        public let method: UInt16
        public let compressedSize: Int
        public let uncompressedSize: Int
        public let crc32: UInt32
        let localHeaderOffset: Int
    }

    private let bytes: [UInt8]
    /// The members, in central-directory order.
    public let entries: [Entry]

    public init(contentsOf path: String) throws {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ZipError(description: "cannot read \(path)")
        }
        try self.init(bytes: [UInt8](data))
    }

    public init(bytes: [UInt8]) throws {
        self.bytes = bytes
        self.entries = try Self.readCentralDirectory(bytes)
    }

    /// The member called `name`, if the archive has one.
    public func entry(named name: String) -> Entry? {
        entries.first { $0.name == name }
    }

    /// The uncompressed bytes of `entry`, checked against its CRC-32.
    public func contents(of entry: Entry) throws -> [UInt8] {
        let local = entry.localHeaderOffset
        guard try Self.u32(bytes, local) == 0x0403_4b50 else {
            throw ZipError(description: "\(entry.name): bad local header signature")
        }
        let start = local + 30 + Int(try Self.u16(bytes, local + 26)) + Int(try Self.u16(bytes, local + 28))
        guard start + entry.compressedSize <= bytes.count else {
            throw ZipError(description: "\(entry.name): data runs past the end of the archive")
        }
        let output: [UInt8]
        switch entry.method {
        case 0:
            output = Array(bytes[start..<start + entry.compressedSize])
        case 8:
            output = try Deflate.inflate(bytes[start..<start + entry.compressedSize], size: entry.uncompressedSize, name: entry.name)
        default:
            throw ZipError(description: "\(entry.name): unsupported compression method \(entry.method)")
        }
        guard CRC32.checksum(output) == entry.crc32 else {
            throw ZipError(description: "\(entry.name): CRC-32 mismatch")
        }
        return output
    }

    /// The uncompressed bytes of the member called `name`.
    public func contents(of name: String) throws -> [UInt8] {
        guard let entry = entry(named: name) else {
            throw ZipError(description: "no member named \(name)")
        }
        return try contents(of: entry)
    }

    // MARK: - Central directory

    private static func readCentralDirectory(_ b: [UInt8]) throws -> [Entry] {
        // The end-of-central-directory record is the last thing in the file, followed only by
        // a comment of at most 65 535 bytes: search backwards for its signature.
        guard b.count >= 22 else { throw ZipError(description: "too short to be a zip archive") }
        var eocd = b.count - 22
        let lowest = max(0, b.count - 22 - 65_535)
        while eocd >= lowest, try u32(b, eocd) != 0x0605_4b50 { eocd -= 1 }
        guard eocd >= lowest else { throw ZipError(description: "no end of central directory record") }

        var count = Int(try u16(b, eocd + 10))
        var offset = Int(try u32(b, eocd + 16))
        // Saturated fields mean the real values are in the ZIP64 record, found through its locator.
        if count == 0xFFFF || offset == 0xFFFF_FFFF {
            let locator = eocd - 20
            guard locator >= 0, try u32(b, locator) == 0x0706_4b50 else {
                throw ZipError(description: "saturated end record without a ZIP64 locator")
            }
            let record = try int64(b, locator + 8)
            guard try u32(b, record) == 0x0606_4b50 else { throw ZipError(description: "bad ZIP64 end record") }
            count = try int64(b, record + 32)
            offset = try int64(b, record + 48)
        }

        var entries: [Entry] = []
        entries.reserveCapacity(count)
        var p = offset
        for _ in 0..<count {
            guard try u32(b, p) == 0x0201_4b50 else { throw ZipError(description: "bad central directory entry") }
            let nameLength = Int(try u16(b, p + 28))
            let extraLength = Int(try u16(b, p + 30))
            let commentLength = Int(try u16(b, p + 32))
            guard p + 46 + nameLength + extraLength <= b.count else { throw ZipError(description: "truncated central directory") }
            var compressed = Int(try u32(b, p + 20))
            var uncompressed = Int(try u32(b, p + 24))
            var local = Int(try u32(b, p + 42))
            try readZip64Extra(b, p + 46 + nameLength, length: extraLength, uncompressed: &uncompressed, compressed: &compressed, local: &local)
            entries.append(
                Entry(
                    name: String(decoding: b[p + 46..<p + 46 + nameLength], as: UTF8.self),
                    method: try u16(b, p + 10),
                    compressedSize: compressed,
                    uncompressedSize: uncompressed,
                    crc32: try u32(b, p + 16),
                    localHeaderOffset: local
                )
            )
            p += 46 + nameLength + extraLength + commentLength
        }
        return entries
    }

    /// The ZIP64 extra field (id 1) holds, in this order, only those of the three values whose
    /// 32-bit field is saturated.
    private static func readZip64Extra(
        _ b: [UInt8], _ start: Int, length: Int, uncompressed: inout Int, compressed: inout Int, local: inout Int
    ) throws {
        var q = start
        while q + 4 <= start + length {
            let id = try u16(b, q)
            let size = Int(try u16(b, q + 2))
            if id == 1 {
                var r = q + 4
                if uncompressed == 0xFFFF_FFFF {
                    uncompressed = try int64(b, r)
                    r += 8
                }
                if compressed == 0xFFFF_FFFF {
                    compressed = try int64(b, r)
                    r += 8
                }
                if local == 0xFFFF_FFFF { local = try int64(b, r) }
                return
            }
            q += 4 + size
        }
    }

    // MARK: - Little-endian fields

    private static func u16(_ b: [UInt8], _ i: Int) throws -> UInt16 {
        guard i >= 0, i + 2 <= b.count else { throw ZipError(description: "truncated archive") }
        return UInt16(b[i]) | UInt16(b[i + 1]) << 8
    }

    private static func u32(_ b: [UInt8], _ i: Int) throws -> UInt32 {
        guard i >= 0, i + 4 <= b.count else { throw ZipError(description: "truncated archive") }
        return UInt32(b[i]) | UInt32(b[i + 1]) << 8 | UInt32(b[i + 2]) << 16 | UInt32(b[i + 3]) << 24
    }

    private static func int64(_ b: [UInt8], _ i: Int) throws -> Int {
        let value = UInt64(try u32(b, i)) | UInt64(try u32(b, i + 4)) << 32
        guard value <= UInt64(Int.max) else { throw ZipError(description: "ZIP64 value out of range") }
        return Int(value)
    }
}
