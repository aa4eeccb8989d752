import AtelierCore
import AtelierExport
import AtelierServices
import Foundation
import Testing
import ZipSupport

/// GET /api/v1/congresses/{congress}/export over real HTTP.
@Suite struct ExportTests {
    /// The fixture with votes, a published proposal in the first workshop and a contribution
    /// no proposal retained in each.
    static func prepare(_ server: TestServer) async throws -> TestServer.Fixture {
        let fixture = try await server.fixture()
        let services = server.services
        let admin = try await services.access.authenticate(token: fixture.admin)
        let attendee = try await services.access.authenticate(token: fixture.attendee)
        var posted: [UUID] = []
        for (index, text) in ["Ouvrir les données des transports", "Former les agents à la donnée", "Un guichet numérique unique"].enumerated() {
            let id = try await services.contributions.post(
                workshopID: fixture.workshops[index % 2].id, title: nil, body: text, idempotencyKey: nil, by: attendee
            ).contribution.id
            _ = try await services.votes.cast(.agree, contributionID: id, by: admin)
            posted.append(id)
        }
        let draft = try await services.proposals.create(
            workshopID: fixture.workshops[0].id, title: "Une stratégie de la donnée", synthesis: "Ouvrir *et* former.",
            sources: [posted[0]], idempotencyKey: nil, by: admin
        ).view.record.proposal
        _ = try await services.proposals.setStatus(proposalID: draft.id, version: draft.version, status: .validated, by: admin)
        _ = try await services.proposals.setStatus(proposalID: draft.id, version: draft.version + 1, status: .published, by: admin)
        return fixture
    }

    @Test func anAdminDownloadsEveryFormatAsAnAttachmentWithTheSameBytesEachTime() async throws {
        try await withTestServer { server in
            let fixture = try await Self.prepare(server)
            for format in ExportFormat.allCases {
                let path = "/api/v1/congresses/test-congress/export?format=\(format.rawValue)&status=all"
                let first = try await server.request("GET", path, token: fixture.admin)
                #expect(first.status == 200, "\(format): \(first.text)")
                #expect(first.contentType == format.mediaType)
                #expect(first.header("Content-Disposition") == "attachment; filename=\"briefing-test-congress.\(format.fileExtension)\"")
                let second = try await server.request("GET", path, token: fixture.admin)
                #expect(second.body == first.body, "\(format)")
                let direct = try await server.services.exports.export(
                    ExportRequest(congressSlug: "test-congress", status: .all, format: format), by: .commandLine)
                #expect(Array(first.body) == direct.bytes, "\(format)")
            }
            // The fixture's workshops have no engagement: they are listed all the same.
            let json = try await server.request("GET", "/api/v1/congresses/test-congress/export?format=json", token: fixture.admin)
            let briefing = try BriefingJSON.decode(Array(json.body))
            #expect(briefing.engagements.map(\.title) == ["Autres ateliers"])
            #expect(briefing.engagements[0].workshops.map(\.slug) == ["premier", "second"])
            #expect(briefing.numberedProposals.map(\.proposal.title) == ["Une stratégie de la donnée"])
            #expect(briefing.figures.contributions == 3 && briefing.figures.votes == 3 && briefing.figures.participants == 4)
        }
    }

    @Test func aLeadExportsTheirWorkshopOnly() async throws {
        try await withTestServer { server in
            let fixture = try await Self.prepare(server)
            let own = try await server.request("GET", "/api/v1/congresses/test-congress/export?format=md&workshop=premier", token: fixture.lead)
            #expect(own.status == 200)
            #expect(own.header("Content-Disposition") == "attachment; filename=\"briefing-test-congress-premier.md\"")
            #expect(own.text.contains("Une stratégie de la donnée") && !own.text.contains("Former les agents à la donnée"))
            let refused: [(String, String)] = [
                ("the whole congress", "format=md"), ("another workshop", "format=md&workshop=second"),
                ("raw votes", "format=csv&workshop=premier&votes=raw"),
            ]
            for (name, query) in refused {
                let reply = try await server.request("GET", "/api/v1/congresses/test-congress/export?\(query)", token: fixture.lead)
                #expect(reply.status == 403, "\(name)")
                #expect(reply.problemType == "/problems/forbidden", "\(name)")
            }
            let attendee = try await server.request(
                "GET", "/api/v1/congresses/test-congress/export?format=md&workshop=premier", token: fixture.attendee)
            #expect(attendee.status == 403 && attendee.problemType == "/problems/forbidden")
        }
    }

    @Test func badQueryValuesAreProblems() async throws {
        try await withTestServer { server in
            let fixture = try await Self.prepare(server)
            let cases: [(query: String, status: Int, type: String, field: String?)] = [
                ("", 422, "invalid-field", "format"),
                ("format=pdf", 422, "invalid-field", "format"),
                ("format=md&status=draft", 422, "invalid-field", "status"),
                ("format=csv&votes=every", 422, "invalid-field", "votes"),
                ("format=md&votes=raw", 422, "invalid-field", "votes"),
                ("format=md&format=odt", 400, "malformed-request", nil),
                ("format=md&workshop=nulle-part", 404, "not-found", nil),
            ]
            for entry in cases {
                let reply = try await server.request("GET", "/api/v1/congresses/test-congress/export?\(entry.query)", token: fixture.admin)
                #expect(reply.status == entry.status, "\(entry.query): \(reply.text)")
                #expect(reply.problemType == "/problems/\(entry.type)", "\(entry.query)")
                #expect(reply.json["field"] as? String == entry.field, "\(entry.query)")
            }
            let elsewhere = try await server.request("GET", "/api/v1/congresses/autre-congres/export?format=md", token: fixture.admin)
            #expect(elsewhere.status == 404 && elsewhere.problemType == "/problems/not-found")
        }
    }

    @Test func anAdminGetsRawVotesUnderPseudonyms() async throws {
        try await withTestServer { server in
            let fixture = try await Self.prepare(server)
            let reply = try await server.request(
                "GET", "/api/v1/congresses/test-congress/export?format=csv&votes=raw&status=all", token: fixture.admin)
            #expect(reply.status == 200 && reply.contentType == "application/zip")
            let votes = try CSVReader.read(try ZipArchive(bytes: Array(reply.body)).contents(of: "votes.csv"))
            #expect(votes.header == ["contribution_id", "voter", "value", "voted_at"])
            #expect(votes.rows.count == 3 && Set(votes.rows.map { $0[1] }).count == 1 && votes.rows.allSatisfy { $0[2] == "agree" })
            #expect(votes.rows.allSatisfy { $0[1].hasPrefix("v-") && $0[1].count == 18 })
            let aggregated = try await server.request("GET", "/api/v1/congresses/test-congress/export?format=csv", token: fixture.admin)
            let tallies = try CSVReader.read(try ZipArchive(bytes: Array(aggregated.body)).contents(of: "votes.csv"))
            #expect(tallies.header.contains("agree_percent") && tallies.rows.count == 3)
        }
    }
}
