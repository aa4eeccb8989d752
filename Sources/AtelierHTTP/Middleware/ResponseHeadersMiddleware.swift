import HTTPTypes
import Hummingbird

/// Headers every answer carries: browsers must not guess content types, and answers that
/// hold participants' data must not sit in shared caches.
struct ResponseHeadersMiddleware: RouterMiddleware {
    func handle(
        _ request: Request, context: AtelierRequestContext, next: (Request, AtelierRequestContext) async throws -> Response
    ) async throws -> Response {
        var response = try await next(request, context)
        response.headers[.xContentTypeOptions] = "nosniff"
        if response.headers[.cacheControl] == nil, request.uri.path.hasPrefix("/api/") {
            response.headers[.cacheControl] = "no-store"
        }
        return response
    }
}
