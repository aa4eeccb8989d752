import HTTPTypes

/// The stable kinds of error the API reports (RFC 9457). A client matches on `type`;
/// `detail` is for people. Each type is documented at `/problems/{slug}`.
public struct ProblemType: Sendable, Hashable {
    public let slug: String
    public let status: HTTPResponse.Status
    public let title: String

    public var uri: String { "/problems/\(slug)" }

    public static let malformedJSON = ProblemType(slug: "malformed-json", status: .badRequest, title: "The request body is not the JSON expected")
    public static let malformedRequest = ProblemType(slug: "malformed-request", status: .badRequest, title: "The request is malformed")
    public static let unauthenticated = ProblemType(slug: "unauthenticated", status: .unauthorized, title: "A valid access token is required")
    public static let forbidden = ProblemType(slug: "forbidden", status: .forbidden, title: "Your role does not allow this")
    public static let notFound = ProblemType(slug: "not-found", status: .notFound, title: "No such resource")
    public static let methodNotAllowed = ProblemType(
        slug: "method-not-allowed", status: .methodNotAllowed, title: "This resource does not support this method")
    public static let preconditionFailed = ProblemType(
        slug: "precondition-failed", status: .preconditionFailed, title: "The resource changed since you read it")
    public static let payloadTooLarge = ProblemType(
        slug: "payload-too-large", status: .contentTooLarge, title: "The request body is larger than 64 KiB")
    public static let unsupportedMediaType = ProblemType(
        slug: "unsupported-media-type", status: .unsupportedMediaType, title: "The request body must be application/json")
    public static let invalidField = ProblemType(slug: "invalid-field", status: .unprocessableContent, title: "A field breaks a rule")
    public static let workshopClosed = ProblemType(slug: "workshop-closed", status: .conflict, title: "The workshop is closed")
    public static let contributionNotPublished = ProblemType(
        slug: "contribution-not-published", status: .conflict, title: "The contribution is not published")
    public static let idempotencyKeyReused = ProblemType(
        slug: "idempotency-key-reused", status: .unprocessableContent, title: "The Idempotency-Key was used for another request")
    public static let conflict = ProblemType(slug: "conflict", status: .conflict, title: "The current state does not allow this")
    public static let databaseUnavailable = ProblemType(
        slug: "database-unavailable", status: .serviceUnavailable, title: "The database is unavailable; try again shortly")
    public static let internalError = ProblemType(slug: "internal-error", status: .internalServerError, title: "Something went wrong on our side")

    public static let all: [ProblemType] = [
        .malformedJSON, .malformedRequest, .unauthenticated, .forbidden, .notFound, .methodNotAllowed, .preconditionFailed,
        .payloadTooLarge, .unsupportedMediaType, .invalidField, .workshopClosed, .contributionNotPublished, .idempotencyKeyReused,
        .conflict, .databaseUnavailable, .internalError,
    ]

    /// The type for a service conflict of this kind.
    static func conflict(kind: String) -> ProblemType {
        all.first { $0.slug == kind } ?? .conflict
    }
}
