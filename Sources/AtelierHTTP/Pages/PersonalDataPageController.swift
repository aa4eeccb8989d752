import AtelierCore
import AtelierServices
import Foundation
import HTTPTypes
import Hummingbird

/// `/mes-donnees`: what Atelier holds about the signed-in person, the file with all of it, and
/// the erasure they may ask for. The page reads the same document as the download, so the
/// summary never says more or less than the file.
struct PersonalDataPageController {
    let personalData: PersonalDataService
    let pages: PageRenderer

    static let path = "/mes-donnees"

    func addRoutes(to group: RouterGroup<AtelierRequestContext>) {
        group.get("mes-donnees", use: page)
        group.get("mes-donnees/fichier", use: download)
        group.post("mes-donnees/effacement", use: erase)
    }

    struct DataPage {
        let name: String
        let organisation: String?
        let role: String
        let held: [String]
        let download = PersonalDataPageController.path + "/fichier"
        let action = PersonalDataPageController.path + "/effacement"
        let withdraw: Bool
        let confirmError: String?
    }

    /// Only the counts the summary gives: the rest of the document is the file's.
    struct Summary: Decodable {
        struct Item: Decodable {}
        let contributions: [Item]
        let votes: [Item]
        let endorsements: [Item]
        let sessions: [Item]
        let proposalsCitingMe: [Item]
        let consolidationLog: [Item]
    }

    @Sendable func page(request: Request, context: AtelierRequestContext) async throws -> Response {
        try await render(try context.pageCaller(), withdraw: false, error: nil)
    }

    @Sendable func download(request: Request, context: AtelierRequestContext) async throws -> Response {
        try await personalData.document(for: try context.pageCaller().participant).download
    }

    /// Erases the person, then signs the browser out: its session no longer exists.
    @Sendable func erase(request: Request, context: AtelierRequestContext) async throws -> Response {
        let session = try context.pageCaller()
        let fields = context.formFields()
        let withdraw = fields["contributions"] == ErasedContributions.withdrawn.rawValue
        guard fields["confirmer"] == "oui" else {
            return try await render(
                session, withdraw: withdraw, error: "Cochez la case pour confirmer : l'effacement est définitif.", status: .unprocessableContent)
        }
        try await personalData.erase(session.participant, contributions: withdraw ? .withdrawn : .anonymous)
        var response = pages.render("donnees-effacees", title: "Vos données sont effacées", page: ErasedPage(withdrawn: withdraw), session: nil)
        response.setCookie(SignInController.cookie(value: "", maxAge: 0, request: request))
        return response
    }

    struct ErasedPage {
        let withdrawn: Bool
    }

    func render(_ session: PageSession, withdraw: Bool, error: String?, status: HTTPResponse.Status = .ok) async throws -> Response {
        let file = try await personalData.document(for: session.participant)
        let summary = try JSONDecoder().decode(Summary.self, from: Data(file.bytes))
        let participant = session.participant
        let page = DataPage(
            name: participant.displayName, organisation: participant.organisation, role: PageRenderer.roleLabel(participant.role),
            held: [
                FrenchFormat.count(
                    summary.contributions.count, "contribution, avec ses versions successives", "contributions, avec leurs versions successives"),
                FrenchFormat.count(summary.votes.count, "vote", "votes"),
                FrenchFormat.count(summary.endorsements.count, "soutien à une proposition", "soutiens à des propositions"),
                FrenchFormat.count(
                    summary.proposalsCitingMe.count, "proposition qui cite vos contributions", "propositions qui citent vos contributions"),
                FrenchFormat.count(summary.consolidationLog.count, "entrée du journal de consolidation", "entrées du journal de consolidation"),
                FrenchFormat.count(summary.sessions.count, "connexion (dates seulement)", "connexions (dates seulement)"),
            ],
            withdraw: withdraw, confirmError: error)
        return pages.render(
            "mes-donnees", title: error == nil ? "Mes données" : "Erreur : mes données", page: page, session: session, status: status)
    }
}
