import Foundation
import HTTPTypes
import Hummingbird
import NIOCore

/// One JSON configuration for every response, so dates and key order never differ by route.
enum JSON {
    static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        // Stable key order: identical data gives identical bytes, which caches and tests like.
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }()

    static func encode<T: Encodable>(_ value: T) -> ByteBuffer {
        // Our own representations always encode; a failure is a programming error.
        ByteBuffer(bytes: try! encoder.encode(value))
    }

    static func response<T: Encodable>(_ value: T, status: HTTPResponse.Status = .ok, headers: HTTPFields = [:]) -> Response {
        var headers = headers
        headers[.contentType] = "application/json; charset=utf-8"
        return Response(status: status, headers: headers, body: .init(byteBuffer: encode(value)))
    }
}

/// Free-form JSON for documents whose shape is not a Swift type (problem documents).
enum JSONValue: Encodable {
    case string(String)
    case number(Double)
    case object([String: JSONValue])

    func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .string(let value): try container.encode(value)
        case .number(let value):
            if value == value.rounded() { try container.encode(Int(value)) } else { try container.encode(value) }
        case .object(let value): try container.encode(value)
        }
    }
}
