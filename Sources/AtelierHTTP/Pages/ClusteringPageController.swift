import AtelierCore
import AtelierServices
import Foundation
import HTTPTypes
import Hummingbird

/// `/ateliers/{id}/tableau/regroupements`: the candidate proposals of the latest clustering run,
/// each with its label, keywords and representatives (their text and tallies), then the outliers
/// and the near-duplicates; clusters chosen with checkboxes become drafts. A cluster's other
/// members are listed on request (`?regroupement=ID`), one cluster at a time, so the page stays
/// small for a workshop of hundreds of contributions.
struct ClusteringPageController {
    let services: Services
    let pages: PageRenderer

    func addRoutes(to group: RouterGroup<AtelierRequestContext>) {
        group.get("ateliers/{workshop}/tableau/regroupements", use: show)
        group.post("ateliers/{workshop}/tableau/regroupements", use: run)
        group.post("ateliers/{workshop}/tableau/adoptions", use: adopt)
    }

    struct ClusteringPage {
        let workshop: String
        let board: String
        let runAction: String
        let adoptAction: String
        let events: String
        let run: RunSummary?
        let clusters: [Candidate]
        let outliers: [Member]
        let duplicates: [Duplicates]
        let key: String
    }

    struct RunSummary {
        let id: String
        let summary: String
        let method: String
    }

    struct Candidate {
        let id: String
        let label: String
        let keywords: String
        let isNew: Bool
        let size: String
        let representatives: [Member]
        /// The other members, listed only for the cluster asked for.
        let members: [Member]
        let expanded: Bool
        /// The link that lists the other members, when there are some and they are not listed.
        let more: String?
        let moreLabel: String
    }

    /// Contributions that say nearly the same thing.
    struct Duplicates {
        let members: [Member]
    }

    struct Member {
        let id: String
        let text: String
        let tally: String
        let hide: String
    }

    @Sendable func show(request: Request, context: AtelierRequestContext) async throws -> Response {
        let session = try context.pageCaller()
        let workshopID = try context.pathID("workshop", resource: "workshop")
        let lead = session.participant
        let workshop = try await services.congresses.workshop(id: workshopID, for: lead)
        let view: ClusteringView?
        do {
            view = try await services.clusterings.latest(workshopID: workshopID, for: lead)
        } catch ServiceError.notFound {
            view = nil
        }
        let base = Board.path(workshopID)
        let asked = request.uri.queryParameters.get("regroupement")
        let member = { (id: String) -> Member in
            let excerpt = view?.excerpts[id]
            return Member(
                id: id, text: excerpt?.text ?? "(contribution retirée)", tally: excerpt.map { ContributionItem.tally($0.votes) } ?? "",
                hide: base + "/contributions/\(id)/masquer?retour=" + FormFields.encode(base + "/regroupements"))
        }
        let page = ClusteringPage(
            workshop: workshop.title, board: base, runAction: base + "/regroupements", adoptAction: base + "/adoptions",
            events: "/ateliers/\(workshopID.json)/evenements",
            run: view.map { Self.summary($0.run) },
            clusters: view?.run.outcome.clusters.map { identified in
                let cluster = identified.cluster
                let others = cluster.members.filter { !cluster.representatives.contains($0) }
                let expanded = asked == identified.id
                return Candidate(
                    id: identified.id, label: cluster.label, keywords: cluster.keywords.joined(separator: ", "), isNew: identified.isNew,
                    size: FrenchFormat.count(cluster.members.count, "contribution", "contributions"),
                    representatives: cluster.representatives.map(member), members: expanded ? others.map(member) : [], expanded: expanded,
                    more: expanded || others.isEmpty
                        ? nil : base + "/regroupements?regroupement=" + FormFields.encode(identified.id) + "#r-" + identified.id,
                    moreLabel: (others.count == 1
                        ? "Voir l'autre contribution" : "Voir les \(FrenchFormat.number(others.count)) autres contributions")
                        + " de « \(cluster.label) »")
            } ?? [],
            outliers: view?.run.outcome.outliers.map(member) ?? [],
            duplicates: view?.run.outcome.duplicates.map { Duplicates(members: $0.map(member)) } ?? [],
            key: Board.formKey())
        return pages.render("regroupements", title: "Regroupements : \(workshop.title)", page: page, session: session)
    }

    @Sendable func run(request: Request, context: AtelierRequestContext) async throws -> Response {
        let session = try context.pageCaller()
        let workshopID = try context.pathID("workshop", resource: "workshop")
        let fields = context.formFields()
        let count: ClusterCount
        if let text = fields.text("nombre"), text != "auto" {
            guard let number = Int(text), (1...50).contains(number) else {
                throw PageError(.unprocessableContent, "Le nombre de regroupements va de 1 à 50, ou « automatique ».")
            }
            count = .fixed(number)
        } else {
            count = .automatic
        }
        _ = try await services.clusterings.run(workshopID: workshopID, clusters: count, fresh: fields["neuf"] == "1", by: session.participant)
        return WorkshopPageController.seeOther(Board.path(workshopID) + "/regroupements")
    }

    @Sendable func adopt(request: Request, context: AtelierRequestContext) async throws -> Response {
        let session = try context.pageCaller()
        let workshopID = try context.pathID("workshop", resource: "workshop")
        let fields = context.formFields()
        guard let runID = fields["run"].flatMap(UUID.init(uuidString:)) else {
            throw PageError(.unprocessableContent, Board.refusal("clusteringId"))
        }
        let clusters = fields.all("regroupement")
        // The API adopts every cluster when none is named; a form sent with no box ticked is a slip.
        guard !clusters.isEmpty else { throw PageError(.unprocessableContent, Board.refusal("clusters")) }
        _ = try await Board.refusingInFrench {
            try await services.proposals.adopt(
                workshopID: workshopID, clusteringID: runID, clusterIDs: clusters, idempotencyKey: fields.text("_cle"), by: session.participant)
        }
        return WorkshopPageController.seeOther(Board.path(workshopID) + "?message=adoptees")
    }

    static func summary(_ run: ClusteringRun) -> RunSummary {
        let lexical = run.parameters.representation != "hybrid"
        return RunSummary(
            id: run.id.json,
            summary: "Calculé le \(FrenchFormat.time(run.createdAt)) sur "
                + "\(FrenchFormat.count(run.contributionCount, "contribution publiée", "contributions publiées")) : "
                + "\(FrenchFormat.count(run.outcome.clusters.count, "regroupement", "regroupements")), "
                + "\(FrenchFormat.count(run.outcome.outliers.count, "contribution isolée", "contributions isolées")).",
            method: lexical
                ? "Regroupé sur les mots seuls : le modèle de phrases n'était pas disponible."
                : "Regroupé sur le sens des phrases et leurs mots.")
    }
}
