// A reader for NumPy's .npy format (versions 1 to 3): the header is a Python dict literal naming
// the dtype, the memory order and the shape; the raw little-endian data follows.
// Only the dtypes the model needs are decoded, and only C order, so nothing is transposed silently.

import Foundation

/// An error met while reading a .npy array: bad magic, unparsable header, or an unexpected dtype.
public struct NPYError: Error, CustomStringConvertible, Sendable {
    public let description: String
}

/// One array: its dtype (`descr`, e.g. `<f4`), its shape, and its raw bytes.
public struct NPYArray: Sendable {
    public let descr: String
    public let shape: [Int]
    private let bytes: [UInt8]
    private let dataOffset: Int

    /// The number of elements (1 for a 0-d array).
    public var count: Int { shape.reduce(1, *) }

    public init(bytes: [UInt8]) throws {
        let magic: [UInt8] = [0x93, 0x4E, 0x55, 0x4D, 0x50, 0x59]  // "\x93NUMPY"
        guard bytes.count >= 10, Array(bytes[0..<6]) == magic else { throw NPYError(description: "not a .npy array") }
        let major = bytes[6]
        let headerLength: Int
        let headerStart: Int
        switch major {
        case 1:
            headerLength = Int(bytes[8]) | Int(bytes[9]) << 8
            headerStart = 10
        case 2, 3:
            guard bytes.count >= 12 else { throw NPYError(description: "truncated .npy header") }
            headerLength = (0..<4).reduce(0) { $0 | Int(bytes[8 + $1]) << (8 * $1) }
            headerStart = 12
        default:
            throw NPYError(description: "unsupported .npy version \(major)")
        }
        guard headerStart + headerLength <= bytes.count else { throw NPYError(description: "truncated .npy header") }
        let header = String(decoding: bytes[headerStart..<headerStart + headerLength], as: UTF8.self)

        guard let descr = Self.value(of: "descr", in: header).flatMap(Self.unquoted) else {
            throw NPYError(description: "no descr in header \(header)")
        }
        guard Self.value(of: "fortran_order", in: header) == "False" else {
            throw NPYError(description: "Fortran-ordered arrays are not supported")
        }
        guard let shapeText = Self.value(of: "shape", in: header) else { throw NPYError(description: "no shape in header \(header)") }
        let dimensions = shapeText.dropFirst().dropLast().split(separator: ",").map { $0.trimmingSpaces() }.filter { !$0.isEmpty }
        var shape: [Int] = []
        for dimension in dimensions {
            guard let n = Int(dimension), n >= 0 else { throw NPYError(description: "bad shape \(shapeText)") }
            shape.append(n)
        }
        self.descr = descr
        self.shape = shape
        self.bytes = bytes
        self.dataOffset = headerStart + headerLength
        guard let size = Self.itemSize(descr) else { throw NPYError(description: "unsupported dtype \(descr)") }
        guard bytes.count - dataOffset >= count * size else {
            throw NPYError(description: "data shorter than shape \(shape) of \(descr) requires")
        }
    }

    /// The elements as `Float`, from `<f4`.
    public func floats() throws -> [Float] {
        try decode("<f4", as: UInt32.self).map { Float(bitPattern: $0) }
    }

    /// The elements as `Double`, from `<f8`.
    public func doubles() throws -> [Double] {
        try decode("<f8", as: UInt64.self).map { Double(bitPattern: $0) }
    }

    /// The elements as `Int64`, from `<i8`.
    public func int64s() throws -> [Int64] {
        try decode("<i8", as: UInt64.self).map { Int64(bitPattern: $0) }
    }

    /// The elements as bytes, from `|u1`.
    public func uint8s() throws -> [UInt8] {
        try decode("|u1", as: UInt8.self)
    }

    /// The raw data copied into integers of the dtype's width, in host byte order.
    private func decode<T: FixedWidthInteger>(_ expected: String, as: T.Type) throws -> [T] {
        guard descr == expected else { throw NPYError(description: "expected dtype \(expected), found \(descr)") }
        let n = count
        let values = [T](unsafeUninitializedCapacity: n) { buffer, initialized in
            bytes.withUnsafeBytes { raw in
                UnsafeMutableRawBufferPointer(buffer).copyMemory(
                    from: UnsafeRawBufferPointer(rebasing: raw[dataOffset..<dataOffset + n * MemoryLayout<T>.size]))
            }
            initialized = n
        }
        // The file is little-endian, like every platform Atelier runs on; swap only elsewhere.
        #if _endian(big)
        return values.map { T(littleEndian: $0) }
        #else
        return values
        #endif
    }

    private static func itemSize(_ descr: String) -> Int? {
        switch descr {
        case "|u1", "|i1", "|b1": 1
        case "<f4", "<i4", "<u4": 4
        case "<f8", "<i8", "<u8": 8
        default: nil
        }
    }

    /// The text of a key's value in the header dict: up to the next top-level comma or brace.
    private static func value(of key: String, in header: String) -> String? {
        guard let keyRange = header.range(of: "'\(key)'") else { return nil }
        var rest = header[keyRange.upperBound...].drop { $0 == " " || $0 == ":" }
        var depth = 0
        var result = ""
        while let c = rest.first {
            if c == "(" { depth += 1 }
            if c == ")" { depth -= 1 }
            if depth == 0, c == "," || c == "}" { break }
            result.append(c)
            rest = rest.dropFirst()
            if depth == 0, c == ")" { break }
        }
        return result.trimmingSpaces()
    }

    private static func unquoted(_ text: String) -> String? {
        guard text.count >= 2, let first = text.first, first == "'" || first == "\"", text.last == first else { return nil }
        return String(text.dropFirst().dropLast())
    }
}

extension StringProtocol {
    fileprivate func trimmingSpaces() -> String {
        String(drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
    }
}
