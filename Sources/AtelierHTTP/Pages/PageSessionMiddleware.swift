import AtelierServices
import Foundation
import HTTPTypes
import Hummingbird

/// Every page request: the session cookie resolved to a participant and its CSRF token. Every
/// POST: it must come from a page of this site (`Origin`, else `Referer`, against `Host`) and,
/// in a session, carry the session's CSRF token in `_csrf`. The form is read here, once.
struct PageSessionMiddleware: RouterMiddleware {
    static let cookieName = "atelier_session"
    let sessions: SessionService
    /// Errors are answered here, where the session is known, so the error page keeps its menu.
    let errors: ProblemMiddleware

    func handle(
        _ request: Request, context: AtelierRequestContext, next: (Request, AtelierRequestContext) async throws -> Response
    ) async throws -> Response {
        var context = context
        if let token = request.cookies[Self.cookieName]?.value, let session = try await sessions.resolve(token: token) {
            context.pageSession = session
            context.participant = session.participant
        }
        do {
            return try await checked(request, context: context, next: next)
        } catch {
            guard ProblemMiddleware.wantsPage(request) else { throw error }
            return errors.page(for: error, request: request, context: context)
        }
    }

    func checked(
        _ request: Request, context: AtelierRequestContext, next: (Request, AtelierRequestContext) async throws -> Response
    ) async throws -> Response {
        var context = context
        guard request.method == .post else { return try await next(request, context) }
        guard Self.isSameOrigin(request) else {
            throw PageError(.forbidden, "Ce formulaire ne vient pas d'une page d'Atelier : il a été refusé.")
        }
        var request = request
        let body = try await request.collectBody(upTo: context.maxUploadSize)
        let form: FormFields
        if let boundary = FormFields.multipartBoundary(contentType: request.headers[.contentType]) {
            do { form = try FormFields(multipart: body, boundary: boundary) } catch {
                throw PageError(.badRequest, "Le formulaire envoyé est illisible. Rechargez la page et recommencez.")
            }
        } else {
            form = FormFields(urlEncoded: String(buffer: body))
        }
        // A form's text goes on to PostgreSQL, whose text cannot hold a NUL, as the API's does.
        if form.holdsNUL {
            throw PageError(.unprocessableContent, "Le formulaire contient un caractère nul : il a été refusé.")
        }
        if let session = context.pageSession {
            guard let sent = form["_csrf"], Self.constantTimeEqual(sent, session.csrfToken) else {
                throw PageError(
                    .forbidden, "Ce formulaire a expiré ou ne vient pas d'Atelier. Rechargez la page et recommencez.")
            }
        }
        context.form = form
        return try await next(request, context)
    }

    /// Browsers send `Origin` with every POST; `Referer` stands in for the rare one that does not.
    static func isSameOrigin(_ request: Request) -> Bool {
        guard let host = request.head.authority else { return false }
        let claimed = request.headers[.origin] ?? request.headers[.referer]
        guard let claimed, let url = URL(string: claimed), let claimedHost = url.host else { return false }
        let claimedAuthority = url.port.map { "\(claimedHost):\($0)" } ?? claimedHost
        return claimedAuthority.lowercased() == host.lowercased()
    }

    static func constantTimeEqual(_ left: String, _ right: String) -> Bool {
        let left = Array(left.utf8)
        let right = Array(right.utf8)
        guard left.count == right.count else { return false }
        return zip(left, right).reduce(UInt8(0)) { $0 | ($1.0 ^ $1.1) } == 0
    }
}

extension AtelierRequestContext {
    /// The signed-in participant of a page; without a session, the page sends to `/entrer`.
    func pageCaller() throws -> PageSession {
        guard let pageSession else { throw PageError.signInRequired }
        return pageSession
    }

    func formFields() -> FormFields { form ?? FormFields(urlEncoded: "") }
}
