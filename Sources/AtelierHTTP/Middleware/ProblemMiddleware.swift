import AtelierServices
import HTTPTypes
import Hummingbird
import Logging
import Postgres

/// Turns every error, including unknown routes, into an `application/problem+json` answer.
/// Nothing internal leaks: unexpected errors are logged and answered with a generic 500.
struct ProblemMiddleware: RouterMiddleware {
    let routes: RouteTable

    func handle(
        _ request: Request, context: AtelierRequestContext, next: (Request, AtelierRequestContext) async throws -> Response
    ) async throws -> Response {
        do {
            return try await next(request, context)
        } catch {
            return problem(for: error, request: request, logger: context.logger).response(instance: request.uri.path)
        }
    }

    func problem(for error: any Error, request: Request, logger: Logger) -> Problem {
        switch error {
        case let problem as Problem:
            return problem
        case let error as ServiceError:
            return Self.problem(for: error)
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
        case let error as PostgresError where error.kind == .connectionFailed || error.kind == .connectionLost:
            logger.error("database unavailable", metadata: ["error": "\(error)"])
            return Self.retryLater(.databaseUnavailable, "the database did not answer")
        case let error as PostgresError where error.kind == .statementTimeout:
            logger.warning("statement timeout", metadata: ["error": "\(error)", "path": "\(request.uri.path)"])
            return Self.retryLater(.serviceBusy, "the database took too long to answer")
        case PoolError.busy:
            return Self.retryLater(.serviceBusy, "every database connection is in use")
        case is ComputePool.Busy:
            return Self.retryLater(.serviceBusy, "the server is busy computing other answers")
        case is PoolError:
            return Problem(.databaseUnavailable, "the service is shutting down")
        default:
            logger.error("unexpected error", metadata: ["error": "\(error)", "path": "\(request.uri.path)"])
            return Problem(.internalError, "the error was logged")
        }
    }

    /// Unavailable for a moment: the client should come back shortly rather than wait.
    static func retryLater(_ type: ProblemType, _ detail: String) -> Problem {
        var problem = Problem(type, detail)
        problem.headers[.retryAfter] = "2"
        return problem
    }

    static func problem(for error: ServiceError) -> Problem {
        switch error {
        case .unauthenticated(let detail): AuthenticationMiddleware.challenge(detail, error: "invalid_token")
        case .forbidden(let detail): Problem(.forbidden, detail)
        case .notFound(let detail): Problem(.notFound, detail)
        case .invalid(let field, let reason): Problem(.invalidField, "\(field) \(reason)", extensions: ["field": field])
        case .conflict(let kind, let detail): Problem(.conflict(kind: kind), detail)
        }
    }
}
