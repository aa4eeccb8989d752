import AtelierServices
import Foundation
import HTTPTypes
import Hummingbird

/// Resolves `Authorization: Bearer <token>` to a participant, or answers 401.
struct AuthenticationMiddleware: RouterMiddleware {
    let access: AccessService

    func handle(
        _ request: Request, context: AtelierRequestContext, next: (Request, AtelierRequestContext) async throws -> Response
    ) async throws -> Response {
        guard let header = request.headers[.authorization] else {
            throw Self.challenge("send an access token: Authorization: Bearer <token>", error: nil)
        }
        let parts = header.split(separator: " ", maxSplits: 1, omittingEmptySubsequences: true)
        guard parts.count == 2, parts[0].lowercased() == "bearer" else {
            throw Self.challenge("the Authorization header must be: Bearer <token>", error: "invalid_request")
        }
        var context = context
        do {
            context.participant = try await access.authenticate(token: String(parts[1]).trimmingCharacters(in: .whitespaces))
        } catch ServiceError.unauthenticated(let detail) {
            throw Self.challenge(detail, error: "invalid_token")
        }
        return try await next(request, context)
    }

    /// RFC 6750: a 401 says which scheme it wants and, when a token was sent, what was wrong with it.
    static func challenge(_ detail: String, error: String?) -> Problem {
        var problem = Problem(.unauthenticated, detail)
        problem.headers[.wwwAuthenticate] = "Bearer realm=\"atelier\"" + (error.map { ", error=\"\($0)\"" } ?? "")
        return problem
    }
}
