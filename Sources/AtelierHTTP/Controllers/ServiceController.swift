import AtelierServices
import HTTPTypes
import Hummingbird
import NIOCore

/// What is public: health, the API description, and the problem types it answers with.
struct ServiceController {
    let services: Services
    /// `api/openapi.json` as read at start.
    let openAPIDocument: ByteBuffer

    init(services: Services, resources: WebResources) {
        self.services = services
        self.openAPIDocument = ByteBuffer(bytes: resources.openAPIDocument)
    }

    func addRoutes(to router: Router<AtelierRequestContext>) {
        router.get("health", use: health)
        router.get("openapi.json", use: openAPI)
        router.get("problems/{type}", use: problemType)
    }

    struct Health: Encodable {
        let status: String
        let live: Bool
        let database: String
    }

    /// Live whenever it answers; ready (200) only when the database answers too.
    @Sendable func health(request: Request, context: AtelierRequestContext) async throws -> Response {
        let ready = await services.databaseIsReady()
        return JSON.response(
            Health(status: ready ? "ok" : "degraded", live: true, database: ready ? "ready" : "unavailable"),
            status: ready ? .ok : .serviceUnavailable, headers: [.cacheControl: "no-store"])
    }

    @Sendable func openAPI(request: Request, context: AtelierRequestContext) async throws -> Response {
        Response(
            status: .ok, headers: [.contentType: "application/json; charset=utf-8"],
            body: .init(byteBuffer: openAPIDocument))
    }

    struct ProblemDescription: Encodable {
        let type: String
        let status: Int
        let title: String
    }

    @Sendable func problemType(request: Request, context: AtelierRequestContext) async throws -> Response {
        let slug = try context.pathText("type")
        guard let type = ProblemType.all.first(where: { $0.slug == slug }) else {
            throw Problem(.notFound, "no problem type \"\(slug)\"")
        }
        return JSON.response(ProblemDescription(type: type.uri, status: type.status.code, title: type.title))
    }
}
