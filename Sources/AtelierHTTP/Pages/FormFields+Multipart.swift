import Foundation
import MultipartKit
import NIOCore

extension FormFields {
    /// The boundary of a `multipart/form-data` body, or nil for any other content type.
    static func multipartBoundary(contentType: String?) -> String? {
        guard let contentType else { return nil }
        let parameters = contentType.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
        guard parameters.first?.lowercased() == "multipart/form-data" else { return nil }
        for parameter in parameters.dropFirst() where parameter.lowercased().hasPrefix("boundary=") {
            let value = parameter.dropFirst("boundary=".count)
            return value.hasPrefix("\"") && value.hasSuffix("\"") && value.count >= 2 ? String(value.dropFirst().dropLast()) : String(value)
        }
        return nil
    }

    /// A form with a file input. Text fields are read as UTF-8; a file keeps its bytes, so what
    /// reads it can tell a file in another encoding from one in UTF-8.
    init(multipart body: ByteBuffer, boundary: String) throws {
        self.init(urlEncoded: "")
        var parts: [(headers: [String: String], body: [UInt8])] = []
        var headers: [String: String] = [:]
        var bytes: [UInt8] = []
        let parser = MultipartParser(boundary: boundary)
        parser.onHeader = { name, value in headers[name.lowercased()] = value }
        parser.onBody = { buffer in bytes += buffer.readBytes(length: buffer.readableBytes) ?? [] }
        parser.onPartComplete = {
            parts.append((headers, bytes))
            headers = [:]
            bytes = []
        }
        try parser.execute(body)
        for part in parts {
            guard let disposition = part.headers["content-disposition"], let name = Self.parameter("name", of: disposition) else { continue }
            if Self.parameter("filename", of: disposition) != nil {
                files[name] = part.body
            } else {
                values[name, default: []].append(String(decoding: part.body, as: UTF8.self))
            }
        }
    }

    /// The bytes of an uploaded file; nil when the form sent none.
    func file(_ name: String) -> [UInt8]? { files[name] }

    /// `name="fichier"` in `form-data; name="fichier"; filename="inscrits.csv"`. Browsers escape a
    /// quote in a file name as %22, so the value ends at the next quote.
    private static func parameter(_ key: String, of disposition: String) -> String? {
        for parameter in disposition.split(separator: ";").map({ $0.trimmingCharacters(in: .whitespaces) }) {
            guard let equals = parameter.firstIndex(of: "="), parameter[..<equals].lowercased() == key else { continue }
            let value = parameter[parameter.index(after: equals)...]
            return value.hasPrefix("\"") && value.hasSuffix("\"") && value.count >= 2 ? String(value.dropFirst().dropLast()) : String(value)
        }
        return nil
    }
}
