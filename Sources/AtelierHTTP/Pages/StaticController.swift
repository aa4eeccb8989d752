import Hummingbird

/// `/static/{file}`: the stylesheet and the script, from memory.
struct StaticController {
    let pages: PageRenderer

    func addRoutes(to router: Router<AtelierRequestContext>) {
        router.get("static/{file}", use: file)
    }

    @Sendable func file(request: Request, context: AtelierRequestContext) async throws -> Response {
        let name = try context.pathText("file")
        guard let response = pages.statics.response(name: name, request: request) else {
            throw Problem(.notFound, "no static file \(name)")
        }
        return response
    }
}
