import AtelierCore
import AtelierServices
import Foundation

struct WorkshopRepresentation: Encodable {
    let id: String
    let slug: String
    let title: String
    let description: String
    let status: WorkshopStatus
    let engagementId: String?
    let counts: WorkshopCounts?

    init(_ workshop: Workshop, counts: WorkshopCounts? = nil) {
        id = workshop.id.json
        slug = workshop.slug
        title = workshop.title
        description = workshop.description
        status = workshop.status
        engagementId = workshop.engagementID?.json
        self.counts = counts
    }
}

struct CongressRepresentation: Encodable {
    struct EngagementRepresentation: Encodable {
        let id: String
        let slug: String
        let title: String
        let summary: String
    }

    let id: String
    let slug: String
    let title: String
    let place: String
    let startsOn: String
    let endsOn: String
    let engagements: [EngagementRepresentation]
    let workshops: [WorkshopRepresentation]

    init(_ overview: CongressOverview) {
        id = overview.congress.id.json
        slug = overview.congress.slug
        title = overview.congress.title
        place = overview.congress.place
        startsOn = overview.congress.startsOn
        endsOn = overview.congress.endsOn
        engagements = overview.engagements.map {
            EngagementRepresentation(id: $0.id.json, slug: $0.slug, title: $0.title, summary: $0.summary)
        }
        workshops = overview.workshops.map { WorkshopRepresentation($0.workshop, counts: $0.counts) }
    }
}

struct ParticipantRepresentation: Encodable {
    let id: String
    let congressId: String
    let displayName: String
    let organisation: String?
    let role: Role
    let named: Bool
    let leads: [String]

    init(_ participant: Participant) {
        id = participant.id.json
        congressId = participant.congressID.json
        displayName = participant.displayName
        organisation = participant.organisation
        role = participant.role
        named = participant.named
        leads = participant.leads.map(\.json)
    }
}
