import HTTPTypes
import Hummingbird

/// `HEAD` is `GET` without the body (RFC 9110, 9.3.2), on every route that answers `GET`, the
/// API's and the pages'. The router picks a route by method before any middleware runs, so this
/// wraps the whole router: the request goes in as a `GET`, and its answer comes out with its
/// status and headers, and the length the body would have had when it is known. A streamed body
/// (the event stream) is dropped unread, so it never starts.
struct HeadAsGet<Router: HTTPResponderBuilder>: HTTPResponderBuilder {
    let router: Router

    func buildResponder() -> HeadResponder<Router.Responder> { HeadResponder(base: router.buildResponder()) }
}

struct HeadResponder<Base: HTTPResponder>: HTTPResponder {
    let base: Base

    func respond(to request: Request, context: Base.Context) async throws -> Response {
        guard request.method == .head else { return try await base.respond(to: request, context: context) }
        var head = request.head
        head.method = .get
        var response = try await base.respond(to: Request(head: head, body: request.body), context: context)
        if response.headers[.contentLength] == nil, let length = response.body.contentLength {
            response.headers[.contentLength] = String(length)
        }
        response.body = .init()
        return response
    }
}
