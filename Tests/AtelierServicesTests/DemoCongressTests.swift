import AtelierCore
import AtelierTestSupport
import Foundation
import Postgres
import Testing

@testable import AtelierDemo
@testable import AtelierServices

@Suite struct DemoCongressTests {
    @Test func loadingTwiceGivesTheSameCongress() async throws {
        let pool = ConnectionPool(.init(url: try await TestDatabase.migrated(), size: 2))
        let services = Services(pool: pool)
        let first = try await DemoLoader(services: services).load()
        let before = try await counts(pool)
        let second = try await DemoLoader(services: services).load()
        #expect(try await counts(pool) == before)
        #expect(first.adminToken != second.adminToken)
        // 90 people and the plenary screen's display access.
        #expect(before == [1, 4, 6, 91, first.contributions, first.votes])
        #expect(first.badgeCodes.map(\.role) == [.attendee, .lead, .admin, .display])
        #expect((200...300).contains(first.contributions))
        // Each workshop has leads, and the printed token is an admin's.
        let admin = try await services.access.authenticate(token: second.adminToken)
        #expect(admin.role == .admin)
        let overview = try await services.congresses.overview(slug: "agen-2026", for: admin)
        #expect(overview.workshops.count == 6)
        #expect(overview.workshops.allSatisfy { $0.counts.contributions >= 35 && $0.counts.votes > 0 })
        // Each workshop was clustered once, by one of its leads, and loading again added no run.
        let runs = try await pool.withConnection { connection in
            try connection.query(
                """
                SELECT count(*)::int, count(DISTINCT r.workshop_id)::int,
                       bool_and(EXISTS (SELECT 1 FROM workshop_lead l WHERE l.participant_id = r.requested_by
                                        AND l.workshop_id = r.workshop_id))
                FROM clustering_run r
                """
            ).first!.decode((Int, Int, Bool).self)
        }
        #expect(runs.0 == 6 && runs.1 == 6 && runs.2)
        try await pool.shutdown()
    }

    @Test func demoTextsMeetTheRulesOfRealContributions() throws {
        let keys = Set(DemoCongress.participants.map(\.key))
        #expect(keys.count == DemoCongress.participants.count)
        for workshop in DemoCongress.workshops {
            for contribution in workshop.contributions {
                #expect(keys.contains(contribution.author))
                #expect(throws: Never.self) { try ContributionText.validateBody(contribution.body) }
                #expect((0...1).contains(contribution.appeal))
            }
            let leads = DemoCongress.participants.filter { $0.leads.contains(workshop.slug) }
            #expect(leads.count == 2, "\(workshop.slug)")
        }
    }

    func counts(_ pool: ConnectionPool) async throws -> [Int] {
        try await pool.withConnection { connection in
            try ["congress", "engagement", "workshop", "participant", "contribution", "vote"].map { table in
                try connection.query("SELECT count(*)::int FROM \(table)").first!.decode(column: 0, as: Int.self)
            }
        }
    }
}
