import AtelierCore
import AtelierServices
import Foundation
import HTTPTypes
import Hummingbird

/// `/ateliers/{id}/tableau/propositions/{p}/historique`: every version of a proposal, who changed
/// what and when, and what differs between two versions chosen in a form (`?de=&a=`).
struct ProposalHistoryController {
    let services: Services
    let pages: PageRenderer

    func addRoutes(to group: RouterGroup<AtelierRequestContext>) {
        group.get("ateliers/{workshop}/tableau/propositions/{proposal}/historique", use: show)
    }

    struct HistoryPage {
        let title: String
        let back: String
        let action: String
        let revisions: [Revision]
        let from: [Choice]
        let to: [Choice]
        let diff: Difference
    }

    struct Revision {
        let version: Int
        let line: String
    }

    struct Choice {
        let version: Int
        let selected: Bool
    }

    struct Difference {
        let heading: String
        let changes: [String]
        let synthesis: [Line]
        let synthesisChanged: Bool
    }

    /// A line of the synthesis diff, said in words as well as shown: colour alone tells nothing.
    struct Line {
        let kind: String
        let prefix: String
        let text: String
    }

    @Sendable func show(request: Request, context: AtelierRequestContext) async throws -> Response {
        let session = try context.pageCaller()
        let workshopID = try context.pathID("workshop", resource: "workshop")
        let proposalID = try context.pathID("proposal", resource: "proposal")
        let lead = session.participant
        let query = try QueryParameters(request)
        let revisions = try await services.proposals.revisions(proposalID: proposalID, cursor: nil, limit: 100, for: lead)
        let view = try Board.proposal(try await services.proposals.proposal(id: proposalID, for: lead), of: workshopID)
        let diff: RevisionDiff
        do {
            diff = try await services.proposals.diff(
                proposalID: proposalID, from: query["de"].flatMap { Int($0) }, to: query["a"].flatMap { Int($0) }, for: lead)
        } catch ServiceError.invalid {
            throw PageError(.unprocessableContent, "Choisissez deux versions de 1 à \(view.record.proposal.version).")
        }
        let versions = revisions.items.map(\.version)
        let path = Board.proposalPath(workshopID, proposalID)
        let page = HistoryPage(
            title: view.record.proposal.title, back: path, action: path + "/historique",
            revisions: revisions.items.map { Revision(version: $0.version, line: Self.line($0)) },
            from: versions.map { Choice(version: $0, selected: $0 == diff.from.version) },
            to: versions.map { Choice(version: $0, selected: $0 == diff.to.version) }, diff: Self.difference(diff))
        return pages.render("historique", title: "Historique : \(view.record.proposal.title)", page: page, session: session)
    }

    static func line(_ revision: ProposalRevision) -> String {
        "Version \(revision.version), le \(FrenchFormat.time(revision.at)) : \(BoardPageController.actionLabel(revision.action))"
    }

    static func difference(_ found: RevisionDiff) -> Difference {
        let diff = found.diff
        var changes: [String] = []
        if let title = diff.title { changes.append("Titre : « \(title.before) » devient « \(title.after) ».") }
        if let status = diff.status {
            changes.append("Statut : \(Board.statusLabel(status.before).lowercased()) devient \(Board.statusLabel(status.after).lowercased()).")
        }
        if let position = diff.position { changes.append("Rang : \(position.before) devient \(position.after).") }
        if !diff.sourcesAdded.isEmpty { changes.append(FrenchFormat.count(diff.sourcesAdded.count, "source ajoutée", "sources ajoutées") + ".") }
        if !diff.sourcesRemoved.isEmpty {
            changes.append(FrenchFormat.count(diff.sourcesRemoved.count, "source retirée", "sources retirées") + ".")
        }
        if diff.deleted?.after == true { changes.append(diff.mergedInto?.after != nil ? "Fusionnée dans une autre proposition." : "Supprimée.") }
        let lines = diff.synthesis.map { line -> Line in
            switch line {
            case .same(let text): Line(kind: "same", prefix: "", text: text)
            case .removed(let text): Line(kind: "removed", prefix: "Retiré : ", text: text)
            case .added(let text): Line(kind: "added", prefix: "Ajouté : ", text: text)
            }
        }
        return Difference(
            heading: "De la version \(found.from.version) à la version \(found.to.version)", changes: changes, synthesis: lines,
            synthesisChanged: diff.synthesisChanged)
    }
}
