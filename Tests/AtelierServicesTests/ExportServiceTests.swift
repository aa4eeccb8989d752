import AtelierCore
import AtelierDemo
import AtelierExport
import AtelierServices
import AtelierStore
import AtelierTestSupport
import Foundation
import Postgres
import Testing
import ZipSupport

/// The briefing read from a real database: the demo congress, with proposals made by its
/// admin, a moderated source and an anonymous contribution added.
@Suite struct ExportServiceTests {
    struct Scene {
        let pool: ConnectionPool
        let services: Services
        let admin: Participant
        let lead: Participant
        let attendee: Participant
        let workshop: Workshop
        let published: UUID
        let draft: UUID
        let hidden: UUID
        let anonymous: UUID
    }

    /// Pilotage gets a published proposal (one of whose sources is then hidden) and a draft;
    /// someone with neither consent nor organisation posts there.
    static func scene() async throws -> Scene {
        let pool = ConnectionPool(.init(url: try await TestDatabase.migrated(), size: 3))
        let services = Services(pool: pool)
        let demo = try await DemoLoader(services: services).load()
        let admin = try await services.access.authenticate(token: demo.adminToken)
        let (workshop, contributions, leadID) = try await pool.withConnection { connection in
            let congress = try CongressStore.congress(slug: demo.congressSlug, in: connection)!
            let workshop = try CongressStore.workshop(congressID: congress.id, slug: "pilotage", in: connection)!
            let ids: [UUID] = try connection.query(
                "SELECT id FROM contribution WHERE workshop_id = $1 AND status = 'published' ORDER BY created_at, id", [workshop.id]
            ).map { try $0.decode(column: 0) }
            let lead: UUID = try connection.query("SELECT participant_id FROM workshop_lead WHERE workshop_id = $1 LIMIT 1", [workshop.id])
                .first!.decode(column: 0)
            return (workshop, ids, lead)
        }
        let lead = try await pool.withConnection { try ParticipantStore.participant(id: leadID, in: $0)! }
        let attendee = try await services.participants.add(
            congressSlug: demo.congressSlug, displayName: "Sans nom", organisation: nil, role: .attendee, named: false, leadsWorkshops: []
        ).participant
        let anonymous = try await services.contributions.post(
            workshopID: workshop.id, title: nil, body: "Une contribution sans organisation ni nom", idempotencyKey: nil, by: attendee
        ).contribution.id

        let first = try await services.proposals.create(
            workshopID: workshop.id, title: "Piloter par la donnée", synthesis: "Des **tableaux de bord** partagés.\n\n- un\n- deux",
            sources: Array(contributions[0..<5]), idempotencyKey: nil, by: admin
        ).view.record.proposal
        _ = try await services.proposals.setStatus(proposalID: first.id, version: first.version, status: .validated, by: admin)
        _ = try await services.proposals.setStatus(proposalID: first.id, version: first.version + 1, status: .published, by: admin)
        let draft = try await services.proposals.create(
            workshopID: workshop.id, title: "Former les élus", synthesis: "Texte.", sources: Array(contributions[5..<8]),
            idempotencyKey: nil, by: admin
        ).view.record.proposal
        _ = try await services.contributions.remove(id: contributions[0], reason: "Propos injurieux", by: admin)
        return Scene(
            pool: pool, services: services, admin: admin, lead: lead, attendee: attendee, workshop: workshop, published: first.id,
            draft: draft.id, hidden: contributions[0], anonymous: anonymous)
    }

    static func everyContribution(_ briefing: Briefing) -> (sources: [Briefing.Contribution], unretained: [Briefing.Contribution]) {
        let workshops = briefing.engagements.flatMap(\.workshops)
        return (workshops.flatMap { $0.proposals.flatMap(\.sources) }, workshops.flatMap(\.unretained))
    }

    @Test func theFiguresAreTheDatabaseCountsAndEveryPublishedContributionIsListed() async throws {
        let scene = try await Self.scene()
        let briefing = try await scene.services.exports.briefing(
            ExportRequest(congressSlug: "agen-2026", status: .all, format: .json), by: .commandLine)

        let counted = try await scene.pool.withConnection { connection in
            try connection.query(
                """
                SELECT (SELECT count(*)::int FROM participant p JOIN congress k ON k.id = p.congress_id
                        WHERE k.slug = 'agen-2026' AND p.role <> 'display'),
                       (SELECT count(*)::int FROM (SELECT DISTINCT organisation FROM participant WHERE organisation IS NOT NULL) o),
                       (SELECT count(*)::int FROM contribution WHERE status = 'published'),
                       (SELECT sum(agree_count + disagree_count + pass_count)::int FROM contribution WHERE status = 'published'),
                       (SELECT count(*)::int FROM workshop)
                """
            ).first!.decode((Int, Int, Int, Int, Int).self)
        }
        #expect(
            briefing.figures
                == Briefing.Figures(
                    participants: counted.0, organisations: counted.1, contributions: counted.2, votes: counted.3, workshops: counted.4))
        // The demo's 90 people and one added; its plenary screen's display access is no one.
        #expect(briefing.figures.workshops == 6 && briefing.figures.participants == 91)

        // Each published contribution once: as a source, or among the unretained, never both.
        let published: Set<UUID> = Set(
            try await scene.pool.withConnection { connection in
                try connection.query("SELECT id FROM contribution WHERE status = 'published'").map { try $0.decode(column: 0, as: UUID.self) }
            })
        let (sources, unretained) = Self.everyContribution(briefing)
        #expect(Set(sources.map(\.id)).union(unretained.map(\.id)) == published)
        #expect(Set(sources.map(\.id)).isDisjoint(with: unretained.map(\.id)))
        #expect(unretained.count == Set(unretained.map(\.id)).count)
        #expect(!published.contains(scene.hidden))
        #expect(Self.byID(sources + unretained).values.map(\.votes.total).reduce(0, +) == briefing.figures.votes)
        try await scene.pool.shutdown()
    }

    @Test func authorsAreNamedOnlyWithTheirConsent() async throws {
        let scene = try await Self.scene()
        let briefing = try await scene.services.exports.briefing(
            ExportRequest(congressSlug: "agen-2026", status: .all, format: .json), by: .commandLine)
        let authors = try await scene.pool.withConnection { connection in
            try connection.query(
                """
                SELECT c.id, a.display_name, a.named, a.organisation FROM contribution c JOIN participant a ON a.id = c.author_id
                """
            ).map { try $0.decode((UUID, String, Bool, String?).self) }
        }
        let (sources, unretained) = Self.everyContribution(briefing)
        let shown = Self.byID(sources + unretained).mapValues(\.author)
        var kinds = Set<String>()
        for (id, name, named, organisation) in authors {
            guard let author = shown[id] else { continue }
            switch author {
            case .named(let shownName, let shownOrganisation):
                #expect(named && shownName == name && shownOrganisation == organisation)
                kinds.insert("named")
            case .organisation(let shownOrganisation):
                #expect(!named && shownOrganisation == organisation)
                kinds.insert("organisation")
            case .anonymous:
                #expect(!named && organisation == nil)
                kinds.insert("anonymous")
            }
        }
        #expect(kinds == ["named", "organisation", "anonymous"])
        #expect(shown[scene.anonymous] == .anonymous)
        try await scene.pool.shutdown()
    }

    @Test func proposalsComeInTheirOrderWithTheirPublishedSourcesAndProvenance() async throws {
        let scene = try await Self.scene()
        let all = try await scene.services.exports.briefing(
            ExportRequest(congressSlug: "agen-2026", workshopSlug: "pilotage", status: .all, format: .json), by: .participant(scene.lead))
        #expect(all.engagements.count == 1 && all.engagements[0].workshops.map(\.slug) == ["pilotage"])
        let workshop = all.engagements[0].workshops[0]
        #expect(workshop.proposals.map(\.id) == [scene.published, scene.draft])
        let published = workshop.proposals[0]
        #expect(published.isPublished && published.sources.count == 4 && !published.sources.map(\.id).contains(scene.hidden))
        #expect(published.provenance.contributions == 4)
        let tally = published.sources.reduce(VoteTally(agree: 0, disagree: 0, pass: 0)) {
            VoteTally(agree: $0.agree + $1.votes.agree, disagree: $0.disagree + $1.votes.disagree, pass: $0.pass + $1.votes.pass)
        }
        #expect(published.provenance.votes == tally)
        #expect(published.provenance.organisations == Set(published.sources.compactMap(\.author.organisation)).count)

        // Published only: the draft goes, and its sources join the unretained.
        let briefing = try await scene.services.exports.briefing(
            ExportRequest(congressSlug: "agen-2026", workshopSlug: "pilotage", format: .json), by: .participant(scene.lead))
        let restricted = briefing.engagements[0].workshops[0]
        #expect(restricted.proposals.map(\.id) == [scene.published])
        #expect(Set(workshop.proposals[1].sources.map(\.id)).isSubset(of: restricted.unretained.map(\.id)))
        #expect(restricted.unretained.count == workshop.unretained.count + workshop.proposals[1].sources.count)
        try await scene.pool.shutdown()
    }

    @Test func onlyAdminsExportTheCongressAndLeadsTheirWorkshops() async throws {
        let scene = try await Self.scene()
        let exports = scene.services.exports
        let whole = ExportRequest(congressSlug: "agen-2026", format: .md)
        var own = whole
        own.workshopSlug = "pilotage"
        var other = whole
        other.workshopSlug = "risques-cyber"
        var raw = own
        raw.format = .csv
        raw.votes = .raw

        _ = try await exports.export(whole, by: .participant(scene.admin))
        _ = try await exports.export(own, by: .participant(scene.lead))
        _ = try await exports.export(raw, by: .participant(scene.admin))
        for (request, who) in [(whole, scene.attendee), (own, scene.attendee), (whole, scene.lead), (other, scene.lead), (raw, scene.lead)] {
            let error = await #expect(throws: ServiceError.self) { try await exports.export(request, by: .participant(who)) }
            guard case .forbidden = error else {
                Issue.record("\(request) by \(who.role): \(String(describing: error))")
                continue
            }
        }
        var unknown = whole
        unknown.workshopSlug = "nulle-part"
        await #expect(throws: ServiceError.notFound("no workshop \"nulle-part\" in congress \"agen-2026\"")) {
            try await exports.export(unknown, by: .participant(scene.admin))
        }
        var rawDocument = whole
        rawDocument.votes = .raw
        await #expect(throws: ServiceError.invalid(field: "votes", reason: "raw votes come only in the csv format")) {
            try await exports.export(rawDocument, by: .participant(scene.admin))
        }
        try await scene.pool.shutdown()
    }

    @Test func theSameDataGivesTheSameBytesInEveryFormat() async throws {
        let scene = try await Self.scene()
        for format in ExportFormat.allCases {
            let request = ExportRequest(congressSlug: "agen-2026", status: .all, format: format)
            let first = try await scene.services.exports.export(request, by: .commandLine)
            let second = try await scene.services.exports.export(request, by: .participant(scene.admin))
            #expect(first == second, "\(format)")
            #expect(first.filename == "briefing-agen-2026.\(format.fileExtension)" && first.mediaType == format.mediaType)
            #expect(first.bytes.count > 1000)
        }
        try await scene.pool.shutdown()
    }

    @Test func rawVotesAreEveryVoteUnderAPseudonymFreshForEachExport() async throws {
        let scene = try await Self.scene()
        let request = ExportRequest(congressSlug: "agen-2026", workshopSlug: "pilotage", status: .all, format: .csv, votes: .raw)
        let first = try await scene.services.exports.export(request, by: .participant(scene.admin))
        let second = try await scene.services.exports.export(request, by: .commandLine)
        let (rows, voters) = try Self.rawVotes(first.bytes)
        let counted = try await scene.pool.withConnection { connection in
            try connection.query(
                """
                SELECT count(*)::int, count(DISTINCT v.participant_id)::int FROM vote v JOIN contribution c ON c.id = v.contribution_id
                WHERE c.workshop_id = $1 AND c.status = 'published'
                """, [scene.workshop.id]
            ).first!.decode((Int, Int).self)
        }
        #expect(rows == counted.0 && voters.count == counted.1)
        let (_, otherVoters) = try Self.rawVotes(second.bytes)
        #expect(voters.isDisjoint(with: otherVoters))
        // Aggregated, the same request gives one row per contribution.
        var aggregated = request
        aggregated.votes = .aggregated
        let tallies = try ZipArchive(bytes: try await scene.services.exports.export(aggregated, by: .commandLine).bytes)
        let table = try CSVReader.read(try tallies.contents(of: "votes.csv"))
        #expect(table.header.first == "contribution_id" && table.header.contains("agree_percent"))
        let workshopContributions = try await scene.pool.withConnection { connection in
            try connection.query(
                "SELECT count(*)::int FROM contribution WHERE workshop_id = $1 AND status = 'published'", [scene.workshop.id]
            ).first!.decode(column: 0, as: Int.self)
        }
        #expect(table.rows.count == workshopContributions)
        try await scene.pool.shutdown()
    }

    /// Rows and distinct voters of votes.csv in a raw export.
    static func rawVotes(_ zip: [UInt8]) throws -> (rows: Int, voters: Set<String>) {
        let table = try CSVReader.read(try ZipArchive(bytes: zip).contents(of: "votes.csv"))
        #expect(table.header == ["contribution_id", "voter", "value", "voted_at"])
        return (table.rows.count, Set(table.rows.map { $0[1] }))
    }

    static func byID(_ contributions: [Briefing.Contribution]) -> [UUID: Briefing.Contribution] {
        Dictionary(contributions.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    }

    @Test func aBriefingIsOneMomentEvenWhileTheRoomVotes() async throws {
        let scene = try await Self.scene()
        let contributions = Self.everyContribution(
            try await scene.services.exports.briefing(ExportRequest(congressSlug: "agen-2026", status: .all, format: .json), by: .commandLine)
        ).unretained.map(\.id)
        let voting = Task {
            for (index, id) in contributions.enumerated() where !Task.isCancelled {
                _ = try await scene.services.votes.cast(index % 2 == 0 ? .agree : .disagree, contributionID: id, by: scene.attendee)
            }
        }
        for _ in 0..<5 {
            let briefing = try await scene.services.exports.briefing(
                ExportRequest(congressSlug: "agen-2026", status: .all, format: .json), by: .commandLine)
            let (sources, unretained) = Self.everyContribution(briefing)
            #expect(Self.byID(sources + unretained).values.map(\.votes.total).reduce(0, +) == briefing.figures.votes)
        }
        voting.cancel()
        _ = await voting.result
        try await scene.pool.shutdown()
    }
}
