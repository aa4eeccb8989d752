import AtelierServices
import HTTPTypes
import Hummingbird

/// The caller's rights over their data: everything Atelier holds about them, and erasure.
struct PersonalDataController {
    let personalData: PersonalDataService

    func addRoutes(to group: RouterGroup<AtelierRequestContext>) {
        group.get("me/data", use: download)
        group.post("me/erasure", use: erase)
    }

    @Sendable func download(request: Request, context: AtelierRequestContext) async throws -> Response {
        try await personalData.document(for: try context.caller()).download
    }

    struct ErasureBody: Decodable {
        let contributions: String
    }

    /// Answers 204: the token that made the request opens nothing any more.
    @Sendable func erase(request: Request, context: AtelierRequestContext) async throws -> Response {
        let caller = try context.caller()
        let body = try await request.decodeJSON(ErasureBody.self, context: context)
        guard let contributions = ErasedContributions(rawValue: body.contributions) else {
            throw Problem(.invalidField, "contributions must be one of: anonymous, withdrawn", extensions: ["field": "contributions"])
        }
        try await personalData.erase(caller, contributions: contributions)
        return Response(status: .noContent)
    }
}
