import CLibPQ

extension Connection {
    /// Bulk-loads rows with `COPY … FROM STDIN` in text format, the fastest way in.
    ///
    /// `sql` is the COPY statement, e.g. `COPY vote (participant_id, contribution_id, value) FROM STDIN`.
    /// Each row holds one value per column, in order. Returns the number of rows loaded.
    /// A failure aborts the whole COPY: nothing of it is kept.
    @discardableResult
    public func copyFrom<Rows: Sequence>(_ sql: String, rows: Rows) throws -> Int
    where Rows.Element == [any PostgresEncodable] {
        let handle = try usableHandle()
        _ = try check(PQexec(handle, sql), handle: handle, accepting: [PGRES_COPY_IN.rawValue])
        var buffer: [UInt8] = []
        buffer.reserveCapacity(Self.copyChunk + 4096)
        do {
            for row in rows {
                try CopyText.append(row, to: &buffer)
                if buffer.count >= Self.copyChunk { try send(&buffer, handle) }
            }
            try send(&buffer, handle)
        } catch {
            // Ending the COPY with an error message makes the server discard what it got.
            PQputCopyEnd(handle, "aborted by client: \(error)")
            drainResults(handle)
            throw error
        }
        guard PQputCopyEnd(handle, nil) == 1 else { throw connectionError(handle) }
        var loaded = 0
        var failure: (any Error)?
        while let result = PQgetResult(handle) {
            do {
                loaded = try check(result, handle: handle).affectedRows
            } catch {
                failure = failure ?? error
            }
        }
        if let failure { throw failure }
        return loaded
    }

    private static let copyChunk = 256 * 1024

    private func send(_ buffer: inout [UInt8], _ handle: OpaquePointer) throws {
        guard !buffer.isEmpty else { return }
        let status = buffer.withUnsafeBufferPointer { bytes in
            bytes.withMemoryRebound(to: CChar.self) { PQputCopyData(handle, $0.baseAddress, Int32($0.count)) }
        }
        guard status == 1 else { throw connectionError(handle) }
        buffer.removeAll(keepingCapacity: true)
    }

    private func drainResults(_ handle: OpaquePointer) {
        while let result = PQgetResult(handle) { PQclear(result) }
    }
}

/// COPY's text format: tab-separated, `\N` for NULL, backslash escapes for the separators.
enum CopyText {
    static func append(_ row: [any PostgresEncodable], to buffer: inout [UInt8]) throws {
        for (index, value) in row.enumerated() {
            if index > 0 { buffer.append(UInt8(ascii: "\t")) }
            guard let text = value.postgresText else {
                buffer.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "N")])
                continue
            }
            for byte in text.utf8 {
                switch byte {
                case 0:
                    throw PostgresError(kind: .invalidInput, sqlState: "22021", message: "a COPY value contains a NUL character")
                case UInt8(ascii: "\\"): buffer.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\\")])
                case UInt8(ascii: "\t"): buffer.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "t")])
                case UInt8(ascii: "\n"): buffer.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "n")])
                case UInt8(ascii: "\r"): buffer.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "r")])
                default: buffer.append(byte)
                }
            }
        }
        buffer.append(UInt8(ascii: "\n"))
    }
}
