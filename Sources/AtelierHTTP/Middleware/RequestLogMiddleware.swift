import Hummingbird
import Logging

/// One line per answered request. It names the route's template, never the path: a path can
/// carry a personal code (`/entrer/{code}`), and a query or a header a secret, so neither is
/// logged.
struct RequestLogMiddleware: RouterMiddleware {
    let level: Logger.Level

    func handle(
        _ request: Request, context: AtelierRequestContext, next: (Request, AtelierRequestContext) async throws -> Response
    ) async throws -> Response {
        let started = ContinuousClock.now
        let response = try await next(request, context)
        let elapsed = ContinuousClock.now - started
        context.logger.log(
            level: response.status.code >= 500 ? .warning : level, "request",
            metadata: [
                "method": .string(request.method.rawValue), "route": .string(context.routeTemplate),
                "status": .stringConvertible(response.status.code),
                "ms": .stringConvertible((elapsed / .milliseconds(1) * 10).rounded() / 10),
            ])
        return response
    }
}

extension AtelierRequestContext {
    /// The matched route's template (`/api/v1/contributions/{contribution}`), safe to log and to
    /// count by; "unmatched" for a path no route serves.
    var routeTemplate: String { endpointPath ?? "unmatched" }
}
