import AtelierCore
import AtelierServices
import Foundation
import Hummingbird

/// `/`: the congress and its workshops, grouped by engagement.
struct HomePageController {
    let congresses: CongressService
    let pages: PageRenderer

    func addRoutes(to group: RouterGroup<AtelierRequestContext>) {
        group.get("", use: home)
    }

    struct HomePage {
        let congress: String
        let placeAndDates: String
        let engagements: [EngagementItem]
    }

    struct EngagementItem {
        let title: String
        let summary: String?
        let workshops: [WorkshopItem]
    }

    struct WorkshopItem {
        let title: String
        let link: String
        let open: Bool
        let figures: String
        /// The leads' board, for those who may consolidate this workshop.
        let board: String?
    }

    @Sendable func home(request: Request, context: AtelierRequestContext) async throws -> Response {
        let session = try context.pageCaller()
        let overview = try await congresses.overview(for: session.participant)
        let page = HomePage(
            congress: overview.congress.title,
            placeAndDates: "\(overview.congress.place), \(FrenchFormat.days(from: overview.congress.startsOn, to: overview.congress.endsOn))",
            engagements: Self.group(overview, for: session.participant))
        return pages.render("accueil", title: overview.congress.title, page: page, session: session)
    }

    /// Workshops under their engagement, in the programme's order; those of no engagement last.
    static func group(_ overview: CongressOverview, for reader: Participant) -> [EngagementItem] {
        func item(_ summary: WorkshopSummary) -> WorkshopItem {
            let id = summary.workshop.id.json
            return WorkshopItem(
                title: summary.workshop.title, link: "/ateliers/\(id)",
                open: summary.workshop.status == .open,
                figures: [
                    FrenchFormat.count(summary.counts.contributions, "contribution", "contributions"),
                    FrenchFormat.count(summary.counts.contributors, "participant", "participants"),
                    FrenchFormat.count(summary.counts.votes, "vote", "votes"),
                ].joined(separator: " · "),
                board: reader.leads(summary.workshop) ? "/ateliers/\(id)/tableau" : nil)
        }
        var groups = overview.engagements.map { engagement in
            EngagementItem(
                title: engagement.title, summary: engagement.summary.nonEmpty,
                workshops: overview.workshops.filter { $0.workshop.engagementID == engagement.id }.map(item))
        }
        let loose = overview.workshops.filter { summary in !overview.engagements.contains { $0.id == summary.workshop.engagementID } }
        if !loose.isEmpty { groups.append(EngagementItem(title: "Autres ateliers", summary: nil, workshops: loose.map(item))) }
        return groups.filter { !$0.workshops.isEmpty }
    }
}
