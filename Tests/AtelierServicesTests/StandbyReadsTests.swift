import AtelierCore
import AtelierDemo
import AtelierExport
import AtelierServices
import AtelierStore
import AtelierTestSupport
import Foundation
import Postgres
import Testing

/// Which reads a standby serves, and when the primary serves them instead. The "standby" is a
/// copy of the primary's database taken once the demo congress is loaded, reached through a
/// read-only pool: a contribution posted afterwards is on the primary only, so a reply says which
/// server answered. The same cluster holds both, so the copy has "replayed" every position the
/// primary hands out; a position ahead of the primary's log plays a standby that lags behind.
@Suite struct StandbyReadsTests {
    struct Scene {
        let services: Services
        let standby: StandbyReads
        let primaryURL: String
        let attendee: Participant
        let admin: Participant
        let workshop: Workshop
        /// Posted after the copy: on the primary only.
        let late: UUID
    }

    static func scene(standbyURL: String? = nil, retryAfter: Duration = .seconds(5)) async throws -> Scene {
        let url = try await TestDatabase.migrated()
        let loading = Services(pool: ConnectionPool(.init(url: url, size: 2)))
        let demo = try await DemoLoader(services: loading).load()
        try await loading.shutdown()
        let copy = try await TestDatabase.copy(of: url)
        let standby = StandbyReads(pool: ConnectionPool(.init(url: standbyURL ?? copy, size: 2, readOnly: true)), retryAfter: retryAfter)
        let services = Services(pool: ConnectionPool(.init(url: url, size: 2)), standby: standby)
        let (attendee, workshop) = try await services.pool.withConnection { connection in
            let congress = try CongressStore.congress(slug: demo.congressSlug, in: connection)!
            let attendee = try #require(try ParticipantStore.participants(congressID: congress.id, in: connection).first { $0.role == .attendee })
            return (attendee, try CongressStore.workshop(congressID: congress.id, slug: "pilotage", in: connection)!)
        }
        let late = try await services.contributions.post(
            workshopID: workshop.id, title: nil, body: "Écrite sur le primaire après la copie", idempotencyKey: nil, by: attendee
        ).contribution.id
        return Scene(
            services: services, standby: standby, primaryURL: url, attendee: attendee,
            admin: try await services.access.authenticate(token: demo.adminToken), workshop: workshop, late: late)
    }

    func listed(_ scene: Scene) async throws -> Set<UUID> {
        let page = try await scene.services.contributions.page(
            workshopID: scene.workshop.id, search: nil, sort: .recent, cursor: nil, limit: 100, for: scene.attendee)
        return Set(page.items.map(\.id))
    }

    @Test func listsAndExportsReadFromTheStandbyWhileOneContributionAndTheAuditLineUseThePrimary() async throws {
        let scene = try await Self.scene()
        #expect(try await listed(scene).contains(scene.late) == false)
        #expect(try await scene.services.contributions.contribution(id: scene.late, for: scene.attendee).id == scene.late)
        let proposals = try await scene.services.proposals.page(
            workshopID: scene.workshop.id, statuses: nil, includeRetired: false, cursor: nil, limit: nil, for: scene.attendee)
        #expect(proposals.items.isEmpty)

        let briefing = try await scene.services.exports.briefing(
            ExportRequest(congressSlug: "agen-2026", status: .all, format: .json), by: .participant(scene.admin))
        let exported = briefing.engagements.flatMap(\.workshops).flatMap { $0.proposals.flatMap(\.sources) + $0.unretained }.map(\.id)
        #expect(!exported.isEmpty && !exported.contains(scene.late))
        // The audit line went to the primary: the standby's pool could not have written it.
        let audited = try await scene.services.pool.withConnection {
            try $0.query("SELECT count(*)::int FROM audit_log WHERE action = 'export'").first!.decode(column: 0, as: Int.self)
        }
        #expect(audited == 1)
        #expect(scene.standby.statistics.served == 3 && scene.standby.statistics.redirected == 0)
        try await scene.services.shutdown()
    }

    @Test func aReadThatTheCallersLastWriteOutrunsGoesToThePrimaryUntilTheStandbyHasReplayedIt() async throws {
        let scene = try await Self.scene()
        let written = try #require(try await scene.services.writePosition())
        let ahead = WALPosition(written.value + 1 << 32)
        #expect(try await ReadYourWrites.$lastWrite.withValue(ahead) { try await listed(scene) }.contains(scene.late))
        #expect(scene.standby.statistics.redirected == 1)
        // Replayed: the standby serves the same caller again.
        #expect(try await ReadYourWrites.$lastWrite.withValue(written) { try await listed(scene) }.contains(scene.late) == false)
        #expect(scene.standby.statistics.served == 1)
        try await scene.services.shutdown()
    }

    @Test func aStandbyThatDoesNotAnswerSendsReadsToThePrimary() async throws {
        // Nothing listens on port 1.
        let scene = try await Self.scene(standbyURL: "postgresql://atelier@127.0.0.1:1/nothing")
        #expect(try await listed(scene).contains(scene.late))
        #expect(try await listed(scene).contains(scene.late))
        #expect(scene.standby.statistics.served == 0 && scene.standby.statistics.redirected == 2)
        try await scene.services.shutdown()
    }

    /// A standby back after an outage takes the reads again, even when the read that found it
    /// back failed on its own account.
    @Test func aStandbyBackAfterAnOutageServesReadsAgain() async throws {
        let scene = try await Self.scene(retryAfter: .zero)
        let copy = String(scene.standby.pool.configuration.url.split(separator: "/").last!)
        let admin = try Connection.connect(url: scene.primaryURL)
        try admin.execute("ALTER DATABASE \"\(copy)\" ALLOW_CONNECTIONS false")
        #expect(try await listed(scene).contains(scene.late))
        #expect(scene.standby.statistics == (served: 0, redirected: 1))

        try admin.execute("ALTER DATABASE \"\(copy)\" ALLOW_CONNECTIONS true")
        struct Refused: Error {}
        await #expect(throws: Refused.self) {
            try await Database(pool: scene.services.pool, standby: scene.standby).read { _ in throw Refused() }
        }
        #expect(try await !listed(scene).contains(scene.late))
        #expect(scene.standby.statistics.served == 1)
        try await scene.services.shutdown()
    }
}
