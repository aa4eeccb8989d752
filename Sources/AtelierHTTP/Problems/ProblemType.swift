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
    public static let preconditionRequired = ProblemType(
        slug: "precondition-required", status: .preconditionRequired, title: "Send If-Match with the ETag you read")
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
    public static let proposalNotDraft = ProblemType(
        slug: "proposal-not-draft", status: .conflict, title: "Only a draft proposal can change its text or sources")
    public static let proposalRetired = ProblemType(slug: "proposal-retired", status: .conflict, title: "The proposal was deleted or merged")
    public static let proposalNotPublished = ProblemType(
        slug: "proposal-not-published", status: .conflict, title: "Only a published proposal can be endorsed")
    public static let invalidStatusTransition = ProblemType(
        slug: "invalid-status-transition", status: .conflict, title: "A proposal moves one status at a time: draft, validated, published")
    public static let conflict = ProblemType(slug: "conflict", status: .conflict, title: "The current state does not allow this")
    public static let databaseUnavailable = ProblemType(
        slug: "database-unavailable", status: .serviceUnavailable, title: "The database is unavailable; try again shortly")
    public static let serviceBusy = ProblemType(
        slug: "service-busy", status: .serviceUnavailable, title: "The server is too busy to answer now; try again shortly")
    public static let tooManyRequests = ProblemType(
        slug: "too-many-requests", status: .tooManyRequests, title: "Too many requests of this kind; wait as Retry-After says")
    public static let internalError = ProblemType(slug: "internal-error", status: .internalServerError, title: "Something went wrong on our side")

    public static let all: [ProblemType] = [
        .malformedJSON, .malformedRequest, .unauthenticated, .forbidden, .notFound, .methodNotAllowed, .preconditionFailed,
        .payloadTooLarge, .unsupportedMediaType, .invalidField, .workshopClosed, .contributionNotPublished, .idempotencyKeyReused,
        .conflict, .databaseUnavailable, .internalError, .preconditionRequired, .proposalNotDraft, .proposalRetired,
        .proposalNotPublished, .invalidStatusTransition, .serviceBusy, .tooManyRequests,
    ]

}
