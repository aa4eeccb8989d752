import AtelierCore
import AtelierServices
import AtelierStore
import Foundation
import Postgres

public struct DemoSummary: Sendable {
    public var congressSlug: String
    public var workshops: Int
    public var participants: Int
    public var contributions: Int
    public var votes: Int
    /// A new token for the demo's first admin, shown once.
    public var adminToken: String
    /// New badge codes for the pages, shown once: one attendee, one lead, the admin, the plenary screen.
    public var badgeCodes: [DemoBadgeCode] = []
}

/// Someone of the demo and the code they would type at `/entrer`.
public struct DemoBadgeCode: Sendable {
    public var role: Role
    public var name: String
    public var code: String
}

/// Loads the demo congress. Idempotent: participants are found again by their key,
/// contributions by their idempotency key, votes by their natural key.
public struct DemoLoader: Sendable {
    let database: Database
    let access: AccessService
    let clusterings: ClusteringService
    let participants: ParticipantService

    public init(services: Services) {
        database = Database(pool: services.pool)
        access = services.access
        clusterings = services.clusterings
        participants = services.participants
    }

    public func load() async throws -> DemoSummary {
        let (summary, adminID) = try await database.withTransaction { connection in try Self.load(in: connection) }
        try await clusterUnclusteredWorkshops()
        var result = summary
        result.adminToken = try await access.issueToken(participantID: adminID)
        result.badgeCodes = try await issueBadgeCodes()
        return result
    }

    /// So that whoever runs the demo can open the pages as each role at once, and the plenary
    /// screen with its display access (made here, once). Issuing again replaces the earlier
    /// codes of the same four.
    func issueBadgeCodes() async throws -> [DemoBadgeCode] {
        let people = try await database.withTransaction { connection -> [Participant] in
            guard let congress = try CongressStore.congress(slug: DemoCongress.slug, in: connection) else { return [] }
            let roles = try [DemoRole.attendee, .lead, .admin].compactMap { role -> Participant? in
                guard let demo = DemoCongress.participants.first(where: { $0.role == role }) else { return nil }
                return try ParticipantStore.participant(externalRef: "demo:" + demo.key, congressID: congress.id, in: connection)
            }
            let screen = try ParticipantStore.create(
                congressID: congress.id, displayName: "Écran de plénière", organisation: nil, role: .display, named: false,
                externalRef: "demo:ecran", leads: [], in: connection)
            return roles + [screen]
        }
        let codes = try await participants.issueBadgeCodes(participantIDs: people.map(\.id))
        return people.map { DemoBadgeCode(role: $0.role, name: $0.displayName, code: codes[$0.id]!) }
    }

    /// So that the leads' screen shows candidate proposals at once, each workshop gets a first
    /// clustering run, requested by its first lead; a workshop already clustered is left alone.
    func clusterUnclusteredWorkshops() async throws {
        let pending = try await database.withConnection { connection -> [(UUID, Participant)] in
            guard let congress = try CongressStore.congress(slug: DemoCongress.slug, in: connection) else { return [] }
            return try DemoCongress.workshops.compactMap { demo in
                guard let workshop = try CongressStore.workshop(congressID: congress.id, slug: demo.slug, in: connection),
                    try ClusteringStore.latest(workshopID: workshop.id, in: connection) == nil,
                    let lead = try ParticipantStore.participant(
                        externalRef: "demo:" + (DemoCongress.participants.first { $0.leads.contains(demo.slug) }?.key ?? ""),
                        congressID: congress.id, in: connection)
                else { return nil }
                return (workshop.id, lead)
            }
        }
        for (workshopID, lead) in pending {
            _ = try await clusterings.run(workshopID: workshopID, clusters: .automatic, fresh: true, by: lead)
        }
    }

    static func load(in connection: Connection) throws -> (DemoSummary, UUID) {
        let congress = try CongressStore.upsertCongress(
            slug: DemoCongress.slug, title: DemoCongress.title, place: DemoCongress.place,
            startsOn: DemoCongress.startsOn, endsOn: DemoCongress.endsOn, in: connection)
        var engagementIDs: [String: UUID] = [:]
        for (position, engagement) in DemoCongress.engagements.enumerated() {
            engagementIDs[engagement.slug] = try CongressStore.upsertEngagement(
                congressID: congress.id, slug: engagement.slug, title: engagement.title, summary: engagement.summary,
                position: position, in: connection)
        }
        var workshopIDs: [String: UUID] = [:]
        for (position, workshop) in DemoCongress.workshops.enumerated() {
            workshopIDs[workshop.slug] = try CongressStore.upsertWorkshop(
                congressID: congress.id, engagementID: workshop.engagement.flatMap { engagementIDs[$0] },
                slug: workshop.slug, title: workshop.title, description: workshop.description, position: position,
                in: connection
            ).id
        }
        var participantIDs: [String: UUID] = [:]
        for participant in DemoCongress.participants {
            participantIDs[participant.key] = try ParticipantStore.create(
                congressID: congress.id, displayName: participant.name, organisation: participant.organisation,
                role: participant.role.role, named: participant.named, externalRef: "demo:\(participant.key)",
                leads: participant.leads.compactMap { workshopIDs[$0] }, in: connection
            ).id
        }
        // The session ran on the morning of 29 January, 10:00 to 12:00 in Agen (09:00 UTC).
        let sessionStart = Date(timeIntervalSince1970: 1_769_677_200)
        var contributionIDs: [String: UUID] = [:]
        var contributions = 0
        for workshop in DemoCongress.workshops {
            let spacing = 7200 / Double(max(workshop.contributions.count, 1))
            for (index, contribution) in workshop.contributions.enumerated() {
                let (title, body) = (try ContributionText.validateTitle(contribution.title), try ContributionText.validateBody(contribution.body))
                let (id, _) = try ContributionStore.insert(
                    congressID: congress.id, workshopID: workshopIDs[workshop.slug]!,
                    authorID: participantIDs[contribution.author]!, title: title, body: body,
                    idempotencyKey: "demo:\(workshop.slug):\(index)",
                    createdAt: sessionStart.addingTimeInterval(Double(index) * spacing), in: connection)
                contributionIDs["\(workshop.slug)/\(index)"] = id
                contributions += 1
            }
        }
        let votes = DemoVotes.draw(workshops: DemoCongress.workshops, participants: DemoCongress.participants)
        _ = try VoteStore.castMany(
            congressID: congress.id,
            votes: votes.map { vote in
                (participantIDs[vote.voter]!, contributionIDs["\(vote.workshop)/\(vote.contribution)"]!, vote.value)
            },
            in: connection)
        let summary = DemoSummary(
            congressSlug: congress.slug, workshops: workshopIDs.count, participants: participantIDs.count,
            contributions: contributions, votes: votes.count, adminToken: "")
        return (summary, participantIDs[DemoCongress.adminKey]!)
    }
}
