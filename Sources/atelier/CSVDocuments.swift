import AtelierCore
import Foundation

/// An error whose message is for the person running the command; it ends in exit code 1.
struct CommandFailure: Error {
    var message: String
    init(_ message: String) { self.message = message }
}

/// The texts of a CSV file, for the commands that work on files without a database.
enum CSVDocuments {
    /// Reads `input`; without an id column, rows are numbered from 1 in file order.
    static func read(input: String, idColumn: String?, textColumn: String) throws(CommandFailure) -> [ClusterDocument] {
        let table = try table(input)
        let idIndex = try idColumn.map { name throws(CommandFailure) in try column(name, option: "--id-column", in: table.header, input: input) }
        let textIndex = try column(textColumn, option: "--text-column", in: table.header, input: input)
        guard !table.rows.isEmpty else { throw CommandFailure("\(input): the file has a header but no rows") }

        var documents: [ClusterDocument] = []
        documents.reserveCapacity(table.rows.count)
        var rowOfId: [String: Int] = [:]
        for (offset, fields) in table.rows.enumerated() {
            // Spreadsheet numbering: the header is row 1. Lines would differ with multi-line texts.
            let row = offset + 2
            // Ids are kept exactly as written, so a caller finds its own ids in the output.
            let id = idIndex.map { fields[$0] } ?? String(offset + 1)
            guard !id.unicodeScalars.allSatisfy(\.properties.isWhitespace) else {
                throw CommandFailure("\(input): row \(row) (the header is row 1) has an empty \(idColumn ?? "id")")
            }
            if let first = rowOfId[id] {
                throw CommandFailure("\(input): the id \"\(id)\" appears twice, in rows \(first) and \(row) (the header is row 1)")
            }
            rowOfId[id] = row
            // A blank text is still a document: it is reported, not dropped.
            documents.append(ClusterDocument(id: id, text: fields[textIndex]))
        }
        return documents
    }

    /// The header and rows of the file at `input`, with a message a person can act on when it cannot be read.
    static func table(_ input: String) throws(CommandFailure) -> (header: [String], rows: [[String]]) {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: input, isDirectory: &isFolder) else {
            throw CommandFailure("\(input): no such file")
        }
        guard !isFolder.boolValue else { throw CommandFailure("\(input) is a folder, not a CSV file") }
        let data: Data
        do { data = try Data(contentsOf: URL(fileURLWithPath: input)) } catch {
            throw CommandFailure("\(input): cannot read the file (\(error.localizedDescription))")
        }
        do { return try CSVReader.read([UInt8](data)) } catch { throw CommandFailure("\(input): \(error)") }
    }

    static func column(_ name: String, option: String, in header: [String], input: String) throws(CommandFailure) -> Int {
        let matches = header.indices.filter { header[$0] == name }
        if matches.count > 1 { throw CommandFailure("\(input): \(matches.count) columns are named \"\(name)\" (\(option))") }
        if let index = matches.first { return index }
        let available = header.map { "\"\($0)\"" }.joined(separator: ", ")
        let near = header.first { $0.trimmingCharacters(in: .whitespaces).lowercased() == name.lowercased() }
        let hint = near.map { "; did you mean \"\($0)\"?" } ?? ""
        throw CommandFailure("\(input): no column \"\(name)\" (\(option)); the columns are \(available)\(hint)")
    }
}
