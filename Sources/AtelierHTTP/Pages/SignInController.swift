import AtelierCore
import AtelierServices
import Foundation
import HTTPTypes
import Hummingbird

/// `/entrer`: a personal code typed in the form, or opened as a personal link, starts a session;
/// `/sortir` ends it. Wrong codes spend the client address's sign-in bucket: a badge code has
/// 60 bits, and at a few tries a minute no one guesses one, while a room typing its codes at once
/// behind one address is never slowed by its own right codes.
struct SignInController {
    let sessions: SessionService
    let pages: PageRenderer
    let limiter: RateLimiter

    func addRoutes(to group: RouterGroup<AtelierRequestContext>) {
        group.get("entrer", use: form)
        group.post("entrer", use: signIn)
        group.get("entrer/{code}", use: personalLink)
        group.post("sortir", use: signOut)
    }

    struct SignInForm {
        let code: String
        let error: String?
    }

    @Sendable func form(request: Request, context: AtelierRequestContext) async throws -> Response {
        pages.render("entrer", title: "Entrer", page: SignInForm(code: "", error: nil), session: context.pageSession)
    }

    @Sendable func signIn(request: Request, context: AtelierRequestContext) async throws -> Response {
        let code = context.formFields()["code"] ?? ""
        guard !code.trimmingCharacters(in: .whitespaces).isEmpty else {
            return pages.render(
                "entrer", title: "Entrer", page: SignInForm(code: "", error: "Saisissez le code imprimé sur votre badge."),
                session: context.pageSession, status: .unprocessableContent)
        }
        return try await start(code: code, request: request, context: context) {
            pages.render(
                "entrer", title: "Erreur : entrer",
                page: SignInForm(code: code, error: "Ce code n'est pas reconnu. Vérifiez-le sur votre badge, tirets compris ou non."),
                session: context.pageSession, status: .unprocessableContent)
        }
    }

    /// The link printed with the code: opening it is typing the code.
    @Sendable func personalLink(request: Request, context: AtelierRequestContext) async throws -> Response {
        let code = try context.pathText("code")
        return try await start(code: code, request: request, context: context) {
            pages.errorResponse(
                status: .notFound, message: "Ce lien personnel n'est pas, ou plus, valable. Saisissez le code de votre badge sur la page Entrer.",
                headers: [:], session: context.pageSession)
        }
    }

    func start(
        code: String, request: Request, context: AtelierRequestContext, refused: () -> Response
    ) async throws -> Response {
        let address = context.clientAddress(request, trustedProxies: limiter.settings.trustedProxies)
        if let wait = limiter.wait(.signIn, address: address) {
            throw PageError(
                .tooManyRequests,
                "Trop de codes erronés depuis votre connexion. Réessayez dans \(wait) seconde\(wait > 1 ? "s" : "").",
                headers: [.retryAfter: String(wait)])
        }
        let started: (token: String, session: PageSession)
        do {
            started = try await sessions.start(code: code)
        } catch ServiceError.unauthenticated {
            limiter.charge(.signIn, address: address)
            return refused()
        }
        // A display access is the projector's: it has one page.
        var response = Response(status: .seeOther, headers: [.location: started.session.participant.takesPart ? "/" : "/ecran"])
        response.setCookie(Self.cookie(value: started.token, maxAge: SessionService.lifetimeSeconds, request: request))
        return response
    }

    @Sendable func signOut(request: Request, context: AtelierRequestContext) async throws -> Response {
        if let token = request.cookies[PageSessionMiddleware.cookieName]?.value {
            try await sessions.end(token: token)
        }
        var response = Response(status: .seeOther, headers: [.location: "/entrer"])
        response.setCookie(Self.cookie(value: "", maxAge: 0, request: request))
        return response
    }

    static func cookie(value: String, maxAge: Int, request: Request) -> Cookie {
        // Behind the TLS proxy, the request reached us over plain HTTP: the proxy says how it came.
        let secure = request.headers[HTTPField.Name("X-Forwarded-Proto")!]?.lowercased() == "https"
        return Cookie(
            name: PageSessionMiddleware.cookieName, value: value, maxAge: maxAge, path: "/", secure: secure, httpOnly: true,
            sameSite: .lax)
    }
}
