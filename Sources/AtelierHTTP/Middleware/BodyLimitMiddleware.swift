import HTTPTypes
import Hummingbird

/// Refuses a declared body over the limit before anything reads it; bodies without a length
/// are cut at the same limit when they are collected.
struct BodyLimitMiddleware: RouterMiddleware {
    func handle(
        _ request: Request, context: AtelierRequestContext, next: (Request, AtelierRequestContext) async throws -> Response
    ) async throws -> Response {
        if let length = request.headers[.contentLength].flatMap(Int.init), length > AtelierRequestContext.maximumBodySize {
            throw Problem(.payloadTooLarge, "the body is \(length) bytes; the limit is \(AtelierRequestContext.maximumBodySize)")
        }
        return try await next(request, context)
    }
}
