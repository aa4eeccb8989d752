import AtelierCore
import AtelierServices
import Foundation
import Postgres
import Testing

@Suite struct ClusteringTests {
    static let texts = [
        "Former les élus au numérique dès leur installation", "Une formation obligatoire des élus au numérique",
        "La formation des élus et des agents au numérique doit être financée", "Des formations courtes pour les élus sur le numérique",
        "Mutualiser les achats de logiciels entre communes", "Des achats groupés de logiciels par l'intercommunalité",
        "Mutualiser les logiciels métiers entre petites communes", "Les communes doivent mutualiser leurs achats de logiciels",
        "Protéger les communes contre les cyberattaques", "Un plan de cybersécurité pour chaque commune",
        "Les cyberattaques menacent les services des communes", "La cybersécurité des communes passe par des sauvegardes",
        "Merci pour l'accueil à Agen !",
    ]

    @Test func leadsClusterTheirWorkshopAndClustersKeepTheirIdentity() async throws {
        try await withTestServer { server in
            let fixture = try await server.fixture()
            let workshop = fixture.workshops[0].id
            let path = "/api/v1/workshops/\(workshop)/clusterings"
            var ids: [String] = []
            for text in Self.texts {
                let reply = try await server.request(
                    "POST", "/api/v1/workshops/\(workshop)/contributions", token: fixture.attendee, json: ["body": text])
                ids.append(try #require(reply.json["id"] as? String))
            }

            #expect(try await server.request("POST", path, token: fixture.attendee).status == 403)
            #expect(try await server.request("GET", "\(path)/latest", token: fixture.lead).status == 404)
            #expect(try await server.request("POST", "/api/v1/workshops/\(fixture.workshops[1].id)/clusterings", token: fixture.lead).status == 403)
            let invalid = try await server.request("POST", path, token: fixture.lead, json: ["clusters": "beaucoup"])
            #expect(invalid.status == 400)

            let first = try await server.request("POST", path, token: fixture.lead)
            #expect(first.status == 201)
            let clusters = try #require(first.json["clusters"] as? [[String: Any]])
            let outliers = try #require(first.json["outliers"] as? [[String: Any]])
            let placed =
                clusters.flatMap { ($0["members"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String } }
                + outliers.compactMap { $0["id"] as? String }
            #expect(placed.sorted() == ids.sorted(), "every contribution exactly once")
            #expect(clusters.count >= 2)
            #expect(clusters.allSatisfy { ($0["keywords"] as? [String])?.isEmpty == false })
            let member = try #require((clusters.first?["members"] as? [[String: Any]])?.first)
            #expect((member["excerpt"] as? String)?.isEmpty == false)
            #expect(first.json["previousRunId"] is NSNull)

            let latest = try await server.request("GET", "\(path)/latest", token: fixture.admin)
            #expect(latest.status == 200)
            #expect(latest.json["id"] as? String == first.json["id"] as? String)

            // A new contribution arrives; the clusters the leads know stay.
            _ = try await server.request(
                "POST", "/api/v1/workshops/\(workshop)/contributions", token: fixture.otherAttendee,
                json: ["body": "Former les élus au numérique avant chaque mandat"])
            let second = try await server.request("POST", path, token: fixture.lead)
            #expect(second.status == 201)
            #expect(second.json["previousRunId"] as? String == first.json["id"] as? String)
            let before = Set(clusters.compactMap { $0["id"] as? String })
            let after = Set((second.json["clusters"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String })
            #expect(before.isSubset(of: after))
            #expect(second.json["contributionCount"] as? Int == ids.count + 1)

            let stored = try await server.sql { connection in
                try connection.query("SELECT count(*)::int FROM clustering_run").first!.decode(column: 0, as: Int.self)
            }
            #expect(stored == 2)
        }
    }
}
