import AtelierCore
import Foundation
import HTTPTypes
import Hummingbird
import NIOCore

extension Request {
    /// Reads a JSON body of at most 64 KiB into `T`, with a problem document that says
    /// exactly what is wrong when it does not fit.
    func decodeJSON<T: Decodable>(_ type: T.Type, context: AtelierRequestContext) async throws -> T {
        guard let buffer = try await jsonBody(context: context) else {
            throw Problem(.malformedJSON, "the request body is empty; send a JSON object")
        }
        return try Self.decode(type, from: buffer)
    }

    /// The body when there is one, for routes where a body is optional.
    func decodeOptionalJSON<T: Decodable>(_ type: T.Type, context: AtelierRequestContext) async throws -> T? {
        try await jsonBody(context: context).map { try Self.decode(type, from: $0) }
    }

    private func jsonBody(context: AtelierRequestContext) async throws -> ByteBuffer? {
        if let contentType = headers[.contentType]?.lowercased() {
            let mediaType = contentType.split(separator: ";").first?.trimmingCharacters(in: .whitespaces) ?? ""
            guard mediaType == "application/json" || mediaType.hasSuffix("+json") else {
                throw Problem(.unsupportedMediaType, "the body is \(mediaType); send application/json")
            }
        }
        let buffer = try await body.collect(upTo: context.maxUploadSize)
        return buffer.readableBytes == 0 ? nil : buffer
    }

    private static func decode<T: Decodable>(_ type: T.Type, from buffer: ByteBuffer) throws -> T {
        let bytes = Array(buffer.readableBytesView)
        do {
            try JSONSyntax.check(bytes)
        } catch {
            switch error {
            case .malformed(let what): throw Problem(.malformedJSON, "the body is not valid JSON: \(what)")
            case .duplicateKey(let key, let path):
                throw Problem(.malformedJSON, "the key \"\(key)\" is given twice in \(path.isEmpty ? "the body" : path)")
            case .nulCharacter(let path) where path.isEmpty:
                throw Problem(.malformedJSON, "the body must be a JSON object, not a string")
            case .nulCharacter(let path):
                throw Problem(.invalidField, "\(path) contains a NUL character", extensions: ["field": path])
            }
        }
        do {
            return try JSONDecoder().decode(T.self, from: Data(bytes))
        } catch let error as DecodingError {
            throw Problem(.malformedJSON, describe(error))
        }
    }

    /// Says which field is wrong and how, in the words a client developer needs.
    static func describe(_ error: DecodingError) -> String {
        func path(_ codingPath: [any CodingKey]) -> String {
            codingPath.isEmpty ? "the body" : codingPath.map { $0.intValue.map(String.init) ?? $0.stringValue }.joined(separator: ".")
        }
        switch error {
        case .typeMismatch(let type, let context):
            return "\(path(context.codingPath)) must be \(jsonName(of: type))"
        case .valueNotFound(let type, let context):
            return "\(path(context.codingPath)) must be \(jsonName(of: type)), not null"
        case .keyNotFound(let key, let context):
            return "\(path(context.codingPath + [key])) is required"
        case .dataCorrupted(let context):
            return context.codingPath.isEmpty ? "the body is not valid JSON" : "\(path(context.codingPath)): \(context.debugDescription)"
        @unknown default:
            return "the body does not have the expected shape"
        }
    }

    static func jsonName(of type: Any.Type) -> String {
        switch type {
        case is String.Type: "a string"
        case is Int.Type, is Double.Type: "a number"
        case is Bool.Type: "true or false"
        case is [Any].Type: "an array"
        default: "an object"
        }
    }
}
