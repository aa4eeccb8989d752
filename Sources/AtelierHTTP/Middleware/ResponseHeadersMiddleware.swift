import HTTPTypes
import Hummingbird

/// Headers every answer carries: browsers must not guess content types, and answers that
/// hold participants' data must not sit in shared caches. Pages also get a strict policy:
/// no script, style or frame but our own, no inline code, forms only to ourselves.
struct ResponseHeadersMiddleware: RouterMiddleware {
    static let contentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
        + "form-action 'self'; frame-ancestors 'none'; base-uri 'none'"

    func handle(
        _ request: Request, context: AtelierRequestContext, next: (Request, AtelierRequestContext) async throws -> Response
    ) async throws -> Response {
        var response = try await next(request, context)
        response.headers[.xContentTypeOptions] = "nosniff"
        if response.headers[.cacheControl] == nil, request.isAPI {
            response.headers[.cacheControl] = "no-store"
        }
        if response.headers[.contentType]?.hasPrefix("text/html") ?? false {
            response.headers[.contentSecurityPolicy] = Self.contentSecurityPolicy
            response.headers[HTTPField.Name("Referrer-Policy")!] = "same-origin"
            response.headers[.cacheControl] = "no-store"
        }
        return response
    }
}

extension Request {
    /// Whether the router serves this path from the API: it ignores empty segments, so
    /// `//api/v1/me` is the API too, and must be treated as such.
    var isAPI: Bool { RouteTable.segments(uri.path).first == "api" }
}
