import HTTPTypes
import Hummingbird

/// Headers every answer carries (API, pages, static files, errors): browsers must not guess
/// content types, frame us, leak our URLs (a personal link holds a code) to other sites, or let
/// other sites embed our answers; over TLS they must keep to TLS; and answers that hold
/// participants' data must not sit in shared caches. Pages also get a strict policy: no
/// script, style or frame but our own, no inline code, forms only to ourselves.
struct ResponseHeadersMiddleware: RouterMiddleware {
    static let contentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
        + "form-action 'self'; frame-ancestors 'none'; base-uri 'none'"

    static let referrerPolicy = HTTPField.Name("Referrer-Policy")!
    static let frameOptions = HTTPField.Name("X-Frame-Options")!
    static let resourcePolicy = HTTPField.Name("Cross-Origin-Resource-Policy")!
    static let forwardedProto = HTTPField.Name("X-Forwarded-Proto")!

    func handle(
        _ request: Request, context: AtelierRequestContext, next: (Request, AtelierRequestContext) async throws -> Response
    ) async throws -> Response {
        var response = try await next(request, context)
        response.headers[.xContentTypeOptions] = "nosniff"
        response.headers[Self.referrerPolicy] = "same-origin"
        response.headers[Self.frameOptions] = "DENY"
        response.headers[Self.resourcePolicy] = "same-origin"
        // The proxy terminates TLS and says so; over plain HTTP a browser ignores the header anyway.
        if request.headers[Self.forwardedProto]?.lowercased() == "https" {
            response.headers[.strictTransportSecurity] = "max-age=31536000"
        }
        if response.headers[.cacheControl] == nil, request.isAPI {
            response.headers[.cacheControl] = "no-store"
        }
        if response.headers[.contentType]?.hasPrefix("text/html") ?? false {
            response.headers[.contentSecurityPolicy] = Self.contentSecurityPolicy
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
