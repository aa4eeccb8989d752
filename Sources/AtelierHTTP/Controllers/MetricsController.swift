import AtelierCore
import AtelierServices
import HTTPTypes
import Hummingbird
import NIOCore

/// `/metrics` for Prometheus. Read by a scraper on the machine itself, or by an admin with a
/// token: the figures say how loaded the server is, which is no one else's business.
struct MetricsController {
    let services: Services
    let metrics: ServerMetrics

    func addRoutes(to router: Router<AtelierRequestContext>) {
        router.get("metrics", use: scrape)
    }

    @Sendable func scrape(request: Request, context: AtelierRequestContext) async throws -> Response {
        if Self.isLocal(request, context) { return await exposition() }
        return try await AuthenticationMiddleware(access: services.access).handle(request, context: context) { _, context in
            guard try context.caller().role == .admin else { throw Problem(.forbidden, "the metrics are for admins") }
            return await exposition()
        }
    }

    private func exposition() async -> Response {
        Response(
            status: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8", .cacheControl: "no-store"],
            body: .init(byteBuffer: ByteBuffer(bytes: await metrics.exposition(of: services))))
    }

    /// A client on this machine: the socket's peer is the loopback and no proxy says it forwards
    /// someone else, since behind a reverse proxy every request comes from the loopback.
    static func isLocal(_ request: Request, _ context: AtelierRequestContext) -> Bool {
        guard request.headers[HTTPField.Name("X-Forwarded-For")!] == nil, request.headers[HTTPField.Name("Forwarded")!] == nil,
            let address = context.remoteAddress?.ipAddress
        else { return false }
        return address.hasPrefix("127.") || address == "::1" || address.hasPrefix("::ffff:127.")
    }
}
