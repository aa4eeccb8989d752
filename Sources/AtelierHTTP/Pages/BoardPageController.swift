import AtelierCore
import AtelierServices
import Foundation
import HTTPTypes
import Hummingbird

/// `/ateliers/{id}/tableau`: a lead's board for one workshop. The proposals in order with their
/// status and support, merged or reordered with one form each; a proposal written by hand; the
/// latest consolidation steps. Each form calls `ProposalService` as the JSON API does, with the
/// versions the page showed and a key per form shown.
struct BoardPageController {
    let services: Services
    let pages: PageRenderer

    func addRoutes(to group: RouterGroup<AtelierRequestContext>) {
        group.get("ateliers/{workshop}/tableau", use: show)
        group.post("ateliers/{workshop}/tableau/propositions", use: create)
        group.post("ateliers/{workshop}/tableau/fusion", use: merge)
        group.post("ateliers/{workshop}/tableau/ordre", use: reorder)
        group.post("ateliers/{workshop}/tableau/groupes", use: computeOpinionGroups)
    }

    struct BoardPage {
        let title: String
        let base: String
        let notice: String?
        let proposals: [ProposalCard]
        let drafts: Bool
        let ordered: Bool
        let mergeKey: String
        let form: ProposalForm
        /// Contributions the latest clustering placed nowhere, offered as the new proposal's sources.
        let outliers: [Outlier]
        let hasOutliers: Bool
        let log: [String]
        let opinion: OpinionGroupsSection
        let links: Links
    }

    struct Links {
        let clustering: String
        let workshop: String
        let published: String
        let events: String
    }

    struct Outlier {
        let id: String
        let text: String
        let checked: Bool
    }

    struct ProposalCard {
        let id: String
        let title: String
        let status: String
        let isDraft: Bool
        let support: String
        let votes: String
        let link: String
        let value: String
        /// From 1, in the board's order: what the lead changes to reorder.
        let rank: Int
    }

    static let newProposalForm = "nouvelle-proposition"

    /// What a redirect back to the board may say: a fixed list, so no link can make it say anything.
    static let notices = [
        "creee": "La proposition est créée.",
        "fusionnee": "Les brouillons sont fusionnés en une nouvelle proposition.",
        "ordonnee": "L'ordre des propositions est enregistré.",
        "adoptees": "Les regroupements choisis sont devenus des brouillons.",
        "transferee": "Les sources ont été déplacées ou copiées.",
        "scindee": "La proposition est scindée.",
        "groupes": "Les groupes d'opinion sont calculés.",
        "groupes-inchanges": "Aucun vote n'a changé depuis le dernier calcul : les groupes d'opinion sont les mêmes.",
    ]

    @Sendable func show(request: Request, context: AtelierRequestContext) async throws -> Response {
        let session = try context.pageCaller()
        let workshopID = try context.pathID("workshop", resource: "workshop")
        let notice = try QueryParameters(request)["message"].flatMap { Self.notices[$0] }
        return try await render(workshopID, session: session, notice: notice, form: nil)
    }

    @Sendable func create(request: Request, context: AtelierRequestContext) async throws -> Response {
        let session = try context.pageCaller()
        let workshopID = try context.pathID("workshop", resource: "workshop")
        let fields = context.formFields()
        let title = fields["title"] ?? ""
        let synthesis = fields["synthesis"] ?? ""
        let sources = try Board.ids(fields.all("source"))
        do {
            let (view, _) = try await services.proposals.create(
                workshopID: workshopID, title: title, synthesis: synthesis, sources: sources, idempotencyKey: fields.text("_cle"),
                by: session.participant)
            return WorkshopPageController.seeOther(Board.proposalPath(workshopID, view.record.proposal.id) + "?message=creee")
        } catch let error as ServiceError {
            guard case .invalid(let field, _) = error, field == "title" || field == "synthesis" else { throw error }
            let form = ProposalForm(
                action: request.uri.path, title: title, synthesis: synthesis, key: fields.text("_cle"), refusal: error,
                formID: Self.newProposalForm)
            return try await render(
                workshopID, session: session, notice: nil, form: form, chosen: Set(sources), status: .unprocessableContent)
        }
    }

    @Sendable func merge(request: Request, context: AtelierRequestContext) async throws -> Response {
        let session = try context.pageCaller()
        let workshopID = try context.pathID("workshop", resource: "workshop")
        let fields = context.formFields()
        let chosen = try fields.all("proposition").map(Board.versioned)
        let (view, _) = try await Board.refusingInFrench {
            try await services.proposals.merge(
                workshopID: workshopID, proposals: chosen, title: fields.text("title"), synthesis: nil, idempotencyKey: fields.text("_cle"),
                by: session.participant)
        }
        return WorkshopPageController.seeOther(Board.proposalPath(workshopID, view.record.proposal.id) + "?message=fusionnee")
    }

    /// Each proposal's rank is a number field; the order is theirs, ties kept in the board's order.
    @Sendable func reorder(request: Request, context: AtelierRequestContext) async throws -> Response {
        let session = try context.pageCaller()
        let workshopID = try context.pathID("workshop", resource: "workshop")
        let fields = context.formFields()
        let ids = try Board.ids(fields.all("proposition"))
        let ranked = ids.enumerated().map { index, id in
            (
                id: id, rank: fields["rang-\(id.json)"].flatMap { Int($0.trimmingCharacters(in: .whitespaces)) } ?? index + 1,
                index: index
            )
        }
        let order = ranked.sorted { ($0.rank, $0.index) < ($1.rank, $1.index) }.map(\.id)
        _ = try await Board.refusingInFrench {
            try await services.proposals.reorder(workshopID: workshopID, order: order, by: session.participant)
        }
        return WorkshopPageController.seeOther(Board.path(workshopID) + "?message=ordonnee")
    }

    /// Computes the opinion groups, or keeps the latest ones when no vote changed, and says which.
    @Sendable func computeOpinionGroups(request: Request, context: AtelierRequestContext) async throws -> Response {
        let session = try context.pageCaller()
        let workshopID = try context.pathID("workshop", resource: "workshop")
        let (_, reused) = try await services.opinionGroups.run(workshopID: workshopID, by: session.participant)
        return WorkshopPageController.seeOther(Board.path(workshopID) + "?message=\(reused ? "groupes-inchanges" : "groupes")#groupes-opinion")
    }

    func render(
        _ workshopID: UUID, session: PageSession, notice: String?, form: ProposalForm?, chosen: Set<UUID> = [],
        status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let lead = session.participant
        let workshop = try await services.congresses.workshop(id: workshopID, for: lead)
        // The log is the leads' alone: reading it is what refuses everyone else the board.
        let log = try await services.proposals.log(workshopID: workshopID, cursor: nil, limit: 8, for: lead)
        let proposals = try await services.proposals.page(
            workshopID: workshopID, statuses: nil, includeRetired: false, cursor: nil, limit: 100, for: lead)
        let clustering: ClusteringView?
        do {
            clustering = try await services.clusterings.latest(workshopID: workshopID, for: lead)
        } catch ServiceError.notFound {
            clustering = nil
        }
        let base = Board.path(workshopID)
        let opinion: OpinionGroupsSection
        do {
            opinion = OpinionGroupsSection(try await services.opinionGroups.latest(workshopID: workshopID, for: lead), action: base + "/groupes")
        } catch ServiceError.notFound {
            opinion = .empty(action: base + "/groupes")
        }
        let chosenIDs = Set(chosen.map { $0.json })
        let outliers = (clustering?.run.outcome.outliers ?? []).compactMap { id in
            clustering?.excerpts[id].map { Outlier(id: id, text: $0.text, checked: chosenIDs.contains(id)) }
        }
        let id = workshopID.json
        let cards = proposals.items.enumerated().map { Self.card($1, rank: $0 + 1, workshop: workshopID) }
        let page = BoardPage(
            title: workshop.title, base: base, notice: notice, proposals: cards, drafts: cards.contains { $0.isDraft }, ordered: !cards.isEmpty,
            mergeKey: Board.formKey(), form: form ?? ProposalForm(action: base + "/propositions", key: Board.formKey(), formID: Self.newProposalForm),
            outliers: outliers, hasOutliers: !outliers.isEmpty, log: log.items.map(Self.logLine), opinion: opinion,
            links: Links(
                clustering: base + "/regroupements", workshop: "/ateliers/\(id)", published: "/ateliers/\(id)/propositions",
                events: "/ateliers/\(id)/evenements"))
        let title = form?.failed == true ? "Erreur : tableau de l'atelier" : "Tableau : \(workshop.title)"
        return pages.render("tableau", title: title, page: page, session: session, status: status)
    }

    static func card(_ view: ProposalView, rank: Int, workshop: UUID) -> ProposalCard {
        let proposal = view.record.proposal
        let item = ProposalsPageController.item(view)
        return ProposalCard(
            id: proposal.id.json, title: proposal.title, status: Board.statusLabel(proposal.status),
            isDraft: proposal.status == .draft, support: item.support, votes: item.votes, link: Board.proposalPath(workshop, proposal.id),
            value: Board.value(proposal), rank: rank)
    }

    static func logLine(_ entry: ConsolidationEntry) -> String {
        let proposals = FrenchFormat.count(max(entry.proposalsBefore.count, entry.proposalsAfter.count), "proposition", "propositions")
        let sources = entry.contributions.isEmpty ? "" : ", " + FrenchFormat.count(entry.contributions.count, "source", "sources")
        return "\(FrenchFormat.time(entry.at)) : \(actionLabel(entry.action)) (\(proposals)\(sources))"
    }

    static func actionLabel(_ action: ConsolidationAction) -> String {
        switch action {
        case .create: "création"
        case .adopt: "adoption de regroupements"
        case .edit: "modification du texte"
        case .validate: "validation"
        case .publish: "publication"
        case .unpublish: "retrait de la publication"
        case .reopen: "retour en brouillon"
        case .reorder: "nouvel ordre"
        case .addSource: "ajout d'une source"
        case .updateSource: "note sur une source"
        case .removeSource: "retrait d'une source"
        case .merge: "fusion"
        case .split: "scission"
        case .move: "déplacement de sources"
        case .copy: "copie de sources"
        case .delete: "suppression"
        }
    }
}
