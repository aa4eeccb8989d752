import AtelierCore
import AtelierServices
import Foundation
import HTTPTypes
import Hummingbird

/// `/contributions/{id}/modifier`: the author rewrites or withdraws their own contribution
/// while the workshop is open. The service decides who may; this only shows the form.
struct ContributionEditController {
    let contributions: ContributionService
    let pages: PageRenderer

    func addRoutes(to group: RouterGroup<AtelierRequestContext>) {
        group.get("contributions/{contribution}/modifier", use: form)
        group.post("contributions/{contribution}/modifier", use: save)
        group.post("contributions/{contribution}/retrait", use: withdraw)
    }

    struct EditPage {
        let form: ContributionForm
        let withdraw: String
        let back: String
    }

    @Sendable func form(request: Request, context: AtelierRequestContext) async throws -> Response {
        let session = try context.pageCaller()
        let id = try context.pathID("contribution", resource: "contribution")
        let contribution = try await own(id, session: session)
        let form = ContributionForm(action: request.uri.path, submit: "Enregistrer", title: contribution.title ?? "", body: contribution.body)
        return render(form, contribution: contribution, session: session)
    }

    @Sendable func save(request: Request, context: AtelierRequestContext) async throws -> Response {
        let session = try context.pageCaller()
        let id = try context.pathID("contribution", resource: "contribution")
        let fields = context.formFields()
        let title = fields.text("title")
        let body = fields["body"] ?? ""
        do {
            let edited = try await contributions.edit(id: id, title: title.map { .set($0) } ?? .clear, body: body, by: session.participant)
            return WorkshopPageController.seeOther(
                "/ateliers/\(edited.workshopID.json)?message=modifiee#c-\(id.json)")
        } catch let error as ServiceError {
            guard case .invalid(let field, _) = error, field == "title" || field == "body" else { throw error }
            let contribution = try await contributions.contribution(id: id, for: session.participant)
            let form = ContributionForm(action: request.uri.path, submit: "Enregistrer", title: title ?? "", body: body, refusal: error)
            return render(form, contribution: contribution, session: session, status: .unprocessableContent)
        }
    }

    @Sendable func withdraw(request: Request, context: AtelierRequestContext) async throws -> Response {
        let session = try context.pageCaller()
        let id = try context.pathID("contribution", resource: "contribution")
        let contribution = try await own(id, session: session)
        _ = try await contributions.remove(id: id, reason: nil, by: session.participant)
        return WorkshopPageController.seeOther("/ateliers/\(contribution.workshopID.json)?message=retiree")
    }

    /// The reader's own contribution. Someone else's is not edited here, and removing it is
    /// moderation, with a reason, on the leads' board; the service checks again on every change.
    func own(_ id: UUID, session: PageSession) async throws -> Contribution {
        let contribution = try await contributions.contribution(id: id, for: session.participant)
        guard contribution.authorID == session.participant.id else {
            throw PageError(.forbidden, "Seul l'auteur d'une contribution peut la modifier ou la retirer.")
        }
        return contribution
    }

    func render(_ form: ContributionForm, contribution: Contribution, session: PageSession, status: HTTPResponse.Status = .ok) -> Response {
        let id = contribution.id.json
        let back = "/ateliers/\(contribution.workshopID.json)#c-\(id)"
        let failed = form.bodyError != nil || form.titleError != nil
        return pages.render(
            "modifier", title: failed ? "Erreur : modifier votre contribution" : "Modifier votre contribution",
            page: EditPage(form: form, withdraw: "/contributions/\(id)/retrait", back: back), session: session, status: status)
    }
}
