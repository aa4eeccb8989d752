import AtelierCore
import AtelierExport
import FuzzSupport

// The registration import's CSV, from any bytes: the reader answers a table or a CSVError, and
// never anything else. Two round trips check what it reads: a table it read, written by the
// export's CSVWriter and read again, gives the same fields; and so does any table of fields
// made from the input (fields cut at NUL bytes, the first byte choosing the column count).
runFuzzer { data, size in
    let input = bytes(data, size)
    if let table = try? CSVReader.read(input) {
        invariant(table.rows.allSatisfy { $0.count == table.header.count }, "a row without the header's field count")
        assertRoundTrip(header: table.header, rows: table.rows)
    }
    if let (first, rest) = input.first.map({ ($0, input.dropFirst()) }) {
        let width = Int(first % 4) + 1
        let fields = String(decoding: rest, as: UTF8.self).split(separator: "\u{0}", omittingEmptySubsequences: false).map(String.init)
        let records = stride(from: 0, to: fields.count - fields.count % width, by: width).map { Array(fields[$0..<$0 + width]) }
        if let header = records.first { assertRoundTrip(header: header, rows: Array(records.dropFirst())) }
    }
    let sheet = RegistrationSheet.read(input, workshops: ["pilotage", "risques-cyber"])
    invariant(sheet.problems.allSatisfy { $0.line >= 1 }, "a registration problem before the first line")
    invariant(
        sheet.problems.isEmpty || sheet.registrations.isEmpty || sheet.problems.contains { $0.line > 1 },
        "registrations kept while the header itself is refused")
    return 0
}

func assertRoundTrip(header: [String], rows: [[String]]) {
    let written = CSVWriter.write(header: header, rows: rows)
    do {
        let read = try CSVReader.read(written)
        let restored = ([read.header] + read.rows).map { $0.map(CSVWriter.restoringFormulaText) }
        invariant(restored == [header] + rows, "\(([header] + rows)) was written and read back as \(restored)")
    } catch {
        invariant(false, "\(([header] + rows)) was written and could not be read back: \(error)")
    }
}
