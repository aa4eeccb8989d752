import AtelierCore
import AtelierServices
import AtelierStore
import AtelierTestSupport
import Foundation
import Postgres
import Testing

/// Bulk registration against a real database: all or nothing, and the same file twice adds no one.
@Suite struct RegistrationTests {
    struct Scene {
        let services: Services
        let admin: Participant
        let congressSlug = "essai"
    }

    static func scene() async throws -> Scene {
        let pool = ConnectionPool(.init(url: try await TestDatabase.migrated(), size: 2))
        try await pool.withTransaction { connection in
            let congress = try CongressStore.upsertCongress(
                slug: "essai", title: "Congrès d'essai", place: "Agen", startsOn: "2026-01-29", endsOn: "2026-01-30", in: connection)
            for (position, slug) in ["pilotage", "risques-cyber"].enumerated() {
                _ = try CongressStore.upsertWorkshop(
                    congressID: congress.id, engagementID: nil, slug: slug, title: slug, description: "", position: position, in: connection)
            }
        }
        let services = Services(pool: pool)
        let admin = try await services.participants.add(
            congressSlug: "essai", displayName: "Anne Admin", organisation: nil, role: .admin, named: false, leadsWorkshops: []
        ).participant
        return Scene(services: services, admin: admin)
    }

    static let file = Array(
        ("\u{FEFF}Nom;Collectivité;Rôle;Ateliers\r\n" + "Jeanne Martin;Ville de Nérac (47);participant·e;pilotage\r\n"
            + "Paul Durand;Agglomération d'Agen;animateur·rice;pilotage|risques-cyber\r\n" + "Zoé Blanc;;admin;\r\n").utf8)

    func roster(_ scene: Scene) async throws -> [Participant] {
        try await scene.services.participants.participants(congressSlug: scene.congressSlug, by: scene.admin)
    }

    @Test func importsEveryoneOnceAndTheSameFileAgainChangesNothing() async throws {
        let scene = try await Self.scene()
        let first = try await scene.services.participants.register(file: Self.file, congressSlug: scene.congressSlug, by: scene.admin)
        #expect(first.added.map(\.displayName) == ["Jeanne Martin", "Paul Durand", "Zoé Blanc"])
        #expect(first.added[1].role == .lead && first.added[1].leads.count == 2)
        // An attendee's workshops are checked, not kept: everyone takes part everywhere.
        #expect(first.added[0].leads == [])
        let afterFirst = try await roster(scene)
        #expect(afterFirst.count == 4)

        let again = try await scene.services.participants.register(file: Self.file, congressSlug: scene.congressSlug)
        #expect(again.added.isEmpty && again.updated.isEmpty)
        #expect(again.unchanged.count == 3)
        #expect(try await roster(scene) == afterFirst)
    }

    @Test func aRowForSomeoneRegisteredSetsTheirRoleAndWorkshops() async throws {
        let scene = try await Self.scene()
        _ = try await scene.services.participants.register(file: Self.file, congressSlug: scene.congressSlug)
        let changed = Array(
            "nom,organisation,role,ateliers\nJEANNE MARTIN,Ville de Nerac (47),lead,risques-cyber\nPaul Durand,Agglomération d'Agen,attendee,\n".utf8)
        let report = try await scene.services.participants.register(file: changed, congressSlug: scene.congressSlug)
        #expect(report.added.isEmpty)
        #expect(report.updated.map(\.displayName) == ["Jeanne Martin", "Paul Durand"])
        #expect(report.updated.map(\.role) == [.lead, .attendee])
        #expect(report.updated[0].leads.count == 1 && report.updated[1].leads.isEmpty)
        #expect(try await roster(scene).count == 4)
    }

    @Test func aFileWithBadRowsImportsNobodyAndNamesEveryBadLine() async throws {
        let scene = try await Self.scene()
        let bad = Array(
            """
            name;organisation;role;workshops
            Jeanne Martin;Ville de Nérac;attendee;
            ;Ville sans nom;attendee;
            Paul Durand;Agen;lead;jardinage
            Luc Roy;Auch;chef;
            Jeanne Martin;Ville de Nérac;lead;pilotage
            """.utf8)
        await #expect {
            _ = try await scene.services.participants.register(file: bad, congressSlug: scene.congressSlug, by: scene.admin)
        } throws: { error in
            guard let refused = error as? RegistrationRefused else { return false }
            return refused.problems.map(\.line) == [3, 4, 5, 6]
                && refused.problems.map(\.kind) == [.missingName, .unknownWorkshop("jardinage"), .unknownRole("chef"), .duplicate(ofLine: 2)]
        }
        #expect(try await roster(scene).map(\.displayName) == ["Anne Admin"])
    }

    @Test func aPersonRegisteredTwiceAlreadyMakesTheRowAmbiguous() async throws {
        let scene = try await Self.scene()
        for _ in 0..<2 {
            _ = try await scene.services.participants.add(
                congressSlug: scene.congressSlug, displayName: "Jeanne Martin", organisation: "Ville de Nérac (47)", role: .attendee, named: false,
                leadsWorkshops: [])
        }
        await #expect(throws: RegistrationRefused(problems: [RegistrationProblem(line: 2, kind: .ambiguous(matches: 2))])) {
            _ = try await scene.services.participants.register(file: Self.file, congressSlug: scene.congressSlug)
        }
        #expect(try await roster(scene).count == 3)
    }

    @Test func onlyTheCongresssAdminsImport() async throws {
        let scene = try await Self.scene()
        let lead = try await scene.services.participants.add(
            congressSlug: scene.congressSlug, displayName: "Léa", organisation: nil, role: .lead, named: false, leadsWorkshops: ["pilotage"]
        ).participant
        await #expect(throws: ServiceError.forbidden("only admins may register participants")) {
            _ = try await scene.services.participants.register(file: Self.file, congressSlug: scene.congressSlug, by: lead)
        }
        var foreign = scene.admin
        foreign.congressID = UUID()
        await #expect(throws: ServiceError.notFound("no congress \"essai\"")) {
            _ = try await scene.services.participants.register(file: Self.file, congressSlug: scene.congressSlug, by: foreign)
        }
        #expect(try await roster(scene).count == 2)
    }
}
