import AtelierServices
import HTTPTypes
import Hummingbird
import Logging

/// Turns every error, including unknown routes, into an `application/problem+json` answer, or,
/// for a browser asking for a page, an HTML error page with the same status.
/// Nothing internal leaks: unexpected errors are logged and answered with a generic 500.
struct ProblemMiddleware: RouterMiddleware {
    let routes: RouteTable
    let pages: PageRenderer

    func handle(
        _ request: Request, context: AtelierRequestContext, next: (Request, AtelierRequestContext) async throws -> Response
    ) async throws -> Response {
        do {
            return try await next(request, context)
        } catch {
            if Self.wantsPage(request) { return page(for: error, request: request, context: context) }
            return problem(for: error, request: request, context: context).response(instance: request.uri.path, requestID: context.id)
        }
    }

    /// The API always answers in JSON; elsewhere, whoever asks for HTML gets a page.
    static func wantsPage(_ request: Request) -> Bool {
        !request.isAPI && (request.headers[.accept]?.contains("text/html") ?? false)
    }

    func page(for error: any Error, request: Request, context: AtelierRequestContext) -> Response {
        if let error = error as? PageError {
            guard error.status != .seeOther else { return Response(status: .seeOther, headers: error.headers) }
            return pages.errorResponse(status: error.status, message: error.message, headers: error.headers, session: context.pageSession)
        }
        let problem = problem(for: error, request: request, context: context)
        guard problem.type != .unauthenticated else { return Response(status: .seeOther, headers: [.location: "/entrer"]) }
        var headers = problem.headers
        headers[.contentType] = nil
        return pages.errorResponse(status: problem.type.status, message: nil, headers: headers, session: context.pageSession)
    }

    func problem(for error: any Error, request: Request, context: AtelierRequestContext) -> Problem {
        switch error {
        case let problem as Problem:
            return problem
        case let error as ServiceError:
            return Self.problem(for: error)
        case let error as PageError:
            // A page's script (a vote sent with fetch) asked for JSON: refused, or not signed in.
            var problem = Problem(error.status == .forbidden ? .forbidden : .unauthenticated, error.message)
            problem.headers = error.headers
            return problem
        case let error as HTTPError where error.status == .notFound:
            let allowed = routes.methods(forPath: request.uri.path)
            guard !allowed.isEmpty else { return Problem(.notFound, "no resource at \(request.uri.path)") }
            var problem = Problem(
                .methodNotAllowed, "\(request.method) is not supported here; use \(allowed.map(\.rawValue).joined(separator: ", "))")
            problem.headers[.allow] = allowed.map(\.rawValue).joined(separator: ", ")
            return problem
        case let error as HTTPError where error.status == .contentTooLarge:
            return Problem(.payloadTooLarge, "the body is larger than \(AtelierRequestContext.maximumBodySize) bytes")
        case let error as HTTPError where (400..<500).contains(error.status.code):
            return Problem(.malformedRequest, error.body ?? error.status.reasonPhrase)
        default:
            // The route's template, not the path: a path can carry a personal code.
            context.logger.error("unexpected error", metadata: ["error": "\(error)", "route": "\(context.routeTemplate)"])
            return Problem(.internalError, "the error was logged")
        }
    }

    /// One case, one problem type: the compiler keeps this switch and `ServiceError` in step.
    static func problem(for error: ServiceError) -> Problem {
        switch error {
        case .unauthenticated(let detail): AuthenticationMiddleware.challenge(detail, error: "invalid_token")
        case .forbidden(let detail): Problem(.forbidden, detail)
        case .notFound(let detail): Problem(.notFound, detail)
        case .invalid(let field, let reason): Problem(.invalidField, "\(field) \(reason)", extensions: ["field": field])
        case .idempotencyKeyReused(let detail): Problem(.idempotencyKeyReused, detail)
        case .workshopClosed(let detail): Problem(.workshopClosed, detail)
        case .contributionNotPublished(let detail): Problem(.contributionNotPublished, detail)
        case .staleVersion(let detail): Problem(.preconditionFailed, detail)
        case .proposalNotDraft(let detail): Problem(.proposalNotDraft, detail)
        case .proposalRetired(let detail): Problem(.proposalRetired, detail)
        case .proposalNotPublished(let detail): Problem(.proposalNotPublished, detail)
        case .invalidStatusTransition(let detail): Problem(.invalidStatusTransition, detail)
        case .clusterAlreadyAdopted(let detail), .proposalOrderMismatch(let detail), .congressExists(let detail),
            .concurrentChange(let detail):
            Problem(.conflict, detail)
        case .unavailable(let detail): Problem(.databaseUnavailable, detail).retrying(after: 2)
        case .busy(let detail): Problem(.serviceBusy, detail).retrying(after: 2)
        }
    }
}
