import HTTPTypes
import Hummingbird
import Metrics

/// Counts requests and times them by route, method and status. The route is the router's
/// pattern (`/api/v1/workshops/{workshop}/votes`), never the raw path, so the series stay as
/// many as the routes; a path no route matches is `unmatched`.
///
/// Hummingbird's own `MetricsMiddleware` has the same labels but records through the global
/// `MetricsSystem`, which a process bootstraps once; this one records through the
/// application's factory.
struct RequestMetricsMiddleware: RouterMiddleware {
    typealias Context = AtelierRequestContext
    let factory: any MetricsFactory

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let started = ContinuousClock.now
        do {
            var response = try await next(request, context)
            let (status, body) = (response.status, response.body)
            // Timed until the body is written, or the writing failed: what the client waits for.
            response.body = ResponseBody(contentLength: body.contentLength) { writer in
                defer { record(request, context, status, ContinuousClock.now - started) }
                try await body.write(writer)
            }
            return response
        } catch {
            record(request, context, (error as? any HTTPResponseError)?.status ?? .internalServerError, ContinuousClock.now - started)
            throw error
        }
    }

    private func record(_ request: Request, _ context: Context, _ status: HTTPResponse.Status, _ elapsed: Duration) {
        // Hummingbird's file reader renames the endpoint of a file it cannot find "NotFound".
        let route = context.endpointPath.flatMap { $0.hasPrefix("/") ? $0 : nil } ?? "unmatched"
        let dimensions = [
            ("route", route), ("method", request.method.rawValue), ("status", String(status.code)),
        ]
        Counter(label: "atelier_http_requests_total", dimensions: dimensions, factory: factory).increment()
        Timer(label: "atelier_http_request_duration_seconds", dimensions: dimensions, factory: factory).record(duration: elapsed)
    }
}
