import AtelierCore
import Foundation
import HTTPTypes
import Hummingbird

/// Limits the routes that write, vote or export, per participant and per client address
/// (`RateLimiter`); past a limit, 429 `too-many-requests` with `Retry-After`. It sits after
/// authentication (API) or the session (pages), so it knows the participant.
struct RateLimitMiddleware: RouterMiddleware {
    let limiter: RateLimiter

    /// Every limited route, API and pages, by method and template. A route missing here is not
    /// limited: `RateLimitTests` checks this table against the routes documenting 429.
    static let routes: [String: LimitedAction] = [
        "POST /api/v1/workshops/{workshop}/contributions": .write,
        "PATCH /api/v1/contributions/{contribution}": .write,
        "DELETE /api/v1/contributions/{contribution}": .write,
        "PUT /api/v1/contributions/{contribution}/vote": .vote,
        "DELETE /api/v1/contributions/{contribution}/vote": .vote,
        "PUT /api/v1/proposals/{proposal}/endorsement": .vote,
        "DELETE /api/v1/proposals/{proposal}/endorsement": .vote,
        "GET /api/v1/congresses/{congress}/export": .export,
        "POST /ateliers/{workshop}/contributions": .write,
        "POST /contributions/{contribution}/modifier": .write,
        "POST /contributions/{contribution}/retrait": .write,
        "POST /ateliers/{workshop}/tableau/contributions/{contribution}/masquer": .write,
        "POST /contributions/{contribution}/vote": .vote,
        "POST /propositions/{proposal}/soutien": .vote,
        "GET /admin/export": .export,
    ]

    func handle(
        _ request: Request, context: AtelierRequestContext, next: (Request, AtelierRequestContext) async throws -> Response
    ) async throws -> Response {
        guard let action = Self.routes["\(request.method.rawValue) \(context.routeTemplate)"] else { return try await next(request, context) }
        let address = context.clientAddress(request, trustedProxies: limiter.settings.trustedProxies)
        if let wait = limiter.take(action, participant: context.participant?.id.uuidString, address: address) {
            throw Problem(.tooManyRequests, "too many requests of this kind (\(action.rawValue)); try again in \(wait) s").retrying(after: wait)
        }
        return try await next(request, context)
    }
}
