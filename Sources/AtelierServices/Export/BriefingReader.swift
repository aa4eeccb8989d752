import AtelierCore
import AtelierExport
import AtelierStore
import Foundation
import Postgres

/// Builds the `Briefing` of a congress from the database, in the caller's transaction: run it
/// in one REPEATABLE READ transaction and the figures, tallies and proposals describe one
/// moment, however many votes arrive meanwhile.
enum BriefingReader {
    /// Workshops that belong to no engagement are gathered under this heading, after the others.
    static let otherWorkshopsTitle = "Autres ateliers"

    /// Every live proposal (any status) and every published contribution of the congress, or of
    /// one workshop; the figures always describe the whole congress. A source that moderation
    /// hid or its author withdrew is left out, as the provenance figures leave it out.
    /// Published proposals carry how each opinion group of at least `minimumGroupSize` voted on their
    /// sources, from their workshop's latest run.
    static func briefing(
        congress: Congress, workshop only: Workshop?, minimumGroupSize: Int = ProposalOpinionSupport.defaultMinimumGroupSize,
        in connection: Connection
    ) throws -> Briefing {
        let workshops = try CongressStore.workshops(congressID: congress.id, in: connection)
            .filter { only == nil || $0.id == only?.id }
        let records = try ProposalStore.records(ProposalFilter(congressID: congress.id, workshopID: only?.id), in: connection)
        let proposalsByWorkshop = Dictionary(grouping: records, by: \.proposal.workshopID)
        let opinions = try OpinionGroupService.publishedSupport(congressID: congress.id, minimumGroupSize: minimumGroupSize, in: connection)

        var briefingWorkshops: [UUID: Briefing.Workshop] = [:]
        for workshop in workshops {
            let unretainedIDs = try ProposalSourceStore.unretained(workshopID: workshop.id, in: connection)
            let unretained = try BriefingStore.contributions(ids: unretainedIDs, in: connection)
            briefingWorkshops[workshop.id] = Briefing.Workshop(
                id: workshop.id, slug: workshop.slug, title: workshop.title, description: workshop.description,
                proposals: (proposalsByWorkshop[workshop.id] ?? []).map { record in
                    var briefed = proposal(record)
                    briefed.opinion = opinions[record.proposal.id].flatMap(OpinionGroupSupport.init)
                    return briefed
                },
                unretained: unretainedIDs.compactMap { id in unretained[id].map { contribution(id: id, $0) } })
        }

        var engagements = try CongressStore.engagements(congressID: congress.id, in: connection).map { engagement in
            Briefing.Engagement(
                id: engagement.id, slug: engagement.slug, title: engagement.title, summary: engagement.summary,
                workshops: workshops.filter { $0.engagementID == engagement.id }.compactMap { briefingWorkshops[$0.id] })
        }
        let known = Set(engagements.map(\.id))
        let others = workshops.filter { $0.engagementID.map { !known.contains($0) } ?? true }.compactMap { briefingWorkshops[$0.id] }
        if !others.isEmpty {
            // The congress's id stands for "no engagement": it is stable, so exports stay identical.
            engagements.append(
                Briefing.Engagement(id: congress.id, slug: "autres-ateliers", title: otherWorkshopsTitle, summary: "", workshops: others))
        }
        return Briefing(
            congress: congress,
            figures: try BriefingStore.figures(congressID: congress.id, in: connection), engagements: engagements)
    }

    static func proposal(_ record: ProposalRecord) -> Briefing.Proposal {
        Briefing.Proposal(
            id: record.proposal.id, title: record.proposal.title, synthesis: record.proposal.synthesis,
            status: record.proposal.status.rawValue,
            provenance: Provenance(
                contributions: record.support.contributions, organisations: record.support.organisations, votes: record.support.votes),
            sources: record.sources.filter { $0.contribution.status == .published }.map { contribution(id: $0.contributionID, $0.contribution) })
    }

    /// The author is named only with their consent, else shown by organisation, else "anonyme".
    static func contribution(id: UUID, _ contribution: SourceContribution) -> Briefing.Contribution {
        Briefing.Contribution(
            id: id, title: contribution.title, body: contribution.body,
            author: Briefing.Author(name: contribution.authorName, named: contribution.authorNamed, organisation: contribution.organisation),
            votes: contribution.votes, createdAt: contribution.createdAt)
    }
}
