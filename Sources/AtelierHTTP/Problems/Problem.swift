import Foundation
import HTTPTypes
import Hummingbird

/// An error that answers with an `application/problem+json` document.
public struct Problem: Error, Sendable {
    public let type: ProblemType
    public let detail: String
    /// Extension members, e.g. `field` for an invalid field.
    public var extensions: [String: String] = [:]
    public var headers: HTTPFields = [:]

    public init(_ type: ProblemType, _ detail: String, extensions: [String: String] = [:]) {
        self.type = type
        self.detail = detail
        self.extensions = extensions
    }

    /// The same problem, telling the client when to try again (RFC 9110 Retry-After).
    func retrying(after seconds: Int) -> Problem {
        var problem = self
        problem.headers[.retryAfter] = String(seconds)
        return problem
    }

    /// `requestID` is the request's `X-Request-Id`, so a person reporting a problem can quote it.
    func response(instance: String, requestID: String) -> Response {
        var document: [String: String] = extensions
        document["requestId"] = requestID
        document["type"] = type.uri
        document["title"] = type.title
        document["detail"] = detail
        document["instance"] = instance
        var object = document.mapValues { JSONValue.string($0) }
        object["status"] = .number(Double(type.status.code))
        var headers = self.headers
        headers[.contentType] = "application/problem+json"
        headers[.cacheControl] = "no-store"
        return Response(status: type.status, headers: headers, body: .init(byteBuffer: JSON.encode(JSONValue.object(object))))
    }
}
