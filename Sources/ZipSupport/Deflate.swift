// Raw deflate (negative window bits: no zlib header or trailer), the form zip members use.

import CZlib

enum Deflate {
    /// Compresses `bytes` at zlib's default level. zlib is deterministic: the same bytes and the
    /// same zlib give the same output.
    static func deflate(_ bytes: [UInt8]) -> [UInt8] {
        var stream = z_stream()
        let level = Z_DEFAULT_COMPRESSION
        guard deflateInit2_(&stream, level, Z_DEFLATED, -15, 8, Z_DEFAULT_STRATEGY, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK
        else { fatalError("deflateInit2 failed: zlib is unusable") }
        defer { deflateEnd(&stream) }
        // deflateBound is an upper limit for a single Z_FINISH call, so one call always completes.
        var output = [UInt8](repeating: 0, count: Int(deflateBound(&stream, uLong(bytes.count))))
        let status = finish(&stream, bytes[...], into: &output) { CZlib.deflate(&$0, Z_FINISH) }
        guard status == Z_STREAM_END else { fatalError("deflate did not finish within deflateBound (status \(status))") }
        output.removeSubrange(Int(stream.total_out)...)
        return output
    }

    /// Inflates `compressed` straight into a buffer of the size the central directory announced.
    static func inflate(_ compressed: ArraySlice<UInt8>, size: Int, name: String) throws -> [UInt8] {
        var output = [UInt8](repeating: 0, count: size)
        var stream = z_stream()
        guard inflateInit2_(&stream, -15, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            throw ZipError(description: "\(name): inflateInit2 failed")
        }
        defer { inflateEnd(&stream) }
        let status = finish(&stream, compressed, into: &output) { CZlib.inflate(&$0, Z_FINISH) }
        guard status == Z_STREAM_END, Int(stream.total_out) == size else {
            throw ZipError(description: "\(name): inflate failed (status \(status), \(stream.total_out) of \(size) bytes)")
        }
        return output
    }

    /// Points the stream at all of the input and all of the output, and makes one call.
    private static func finish(
        _ stream: inout z_stream, _ input: ArraySlice<UInt8>, into output: inout [UInt8], _ call: (inout z_stream) -> Int32
    ) -> Int32 {
        input.withUnsafeBufferPointer { source in
            output.withUnsafeMutableBufferPointer { destination in
                stream.next_in = UnsafeMutablePointer(mutating: source.baseAddress)
                stream.avail_in = uInt(source.count)
                stream.next_out = destination.baseAddress
                stream.avail_out = uInt(destination.count)
                return call(&stream)
            }
        }
    }
}
