import AtelierCore
import AtelierServices
import AtelierStore
import AtelierTestSupport
import Foundation
import Postgres
import Testing

@Suite struct EventServiceTests {
    @Test func idleSubscribersGetHeartbeatsAndStoppingEndsEveryFeed() async throws {
        let pool = ConnectionPool(.init(url: try await TestDatabase.migrated(), size: 2))
        let events = EventService(pool: pool, heartbeat: .milliseconds(50))
        let workshop = try await pool.withConnection { connection in
            let congress = try CongressStore.upsertCongress(
                slug: "c", title: "C", place: "Agen", startsOn: "2026-01-29", endsOn: "2026-01-30", in: connection)
            return try CongressStore.upsertWorkshop(
                congressID: congress.id, engagementID: nil, slug: "w", title: "W", description: "", position: 0, in: connection)
        }
        let attendee = try await Services(pool: pool).participants.add(
            congressSlug: "c", displayName: "A", organisation: nil, role: .attendee, named: false, leadsWorkshops: []
        ).participant
        let running = Task { await events.run() }

        let reader = Collector.reading(try await events.feed(workshopID: workshop.id, after: nil, for: attendee))
        try await eventually { reader.elements.count >= 3 }
        #expect(reader.elements.prefix(3) == [.ready(position: 0), .heartbeat, .heartbeat])

        running.cancel()
        await running.value
        try await eventually { reader.ended }
        #expect(reader.failure == nil)
        // A stopped service takes no new subscribers.
        let late = try await events.feed(workshopID: workshop.id, after: nil, for: attendee)
        await #expect(throws: PoolError.self) { for try await _ in late {} }
        try await pool.shutdown()
    }
}
