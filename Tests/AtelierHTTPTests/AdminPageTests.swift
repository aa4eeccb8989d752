import AtelierCore
import AtelierHTTP
import AtelierServices
import Foundation
import Testing

/// The admin's pages through real requests: who may open them is the services' answer, the
/// exports are the API's bytes, and a registration file is imported whole or not at all.
@Suite struct AdminPageTests {
    @Test func onlyAdminsOpenTheAdminPagesAndTheirExportsAreTheAPIsBytes() async throws {
        try await withTestServer { server in
            let fixture = try await server.fixture()
            let (admin, _) = try await AttendeePageTests.signedIn(server, token: fixture.admin)
            let dashboard = try await admin.get("/admin")
            #expect(dashboard.status == 200)
            #expect(dashboard.text.contains("<span class=\"figure\">4</span> participants"))
            #expect(dashboard.text.contains("<th scope=\"row\">Atelier premier</th>"))
            #expect(dashboard.header("Content-Security-Policy")?.contains("default-src 'self'") == true)
            for format in ["md", "odt", "csv"] {
                let page = try await admin.get("/admin/export?format=\(format)&status=all")
                let api = try await server.request("GET", "/api/v1/congresses/test-congress/export?format=\(format)&status=all", token: fixture.admin)
                #expect(page.status == 200 && api.status == 200)
                #expect(page.body == api.body, "\(format)")
                #expect(page.header("Content-Disposition") == api.header("Content-Disposition"))
            }

            let (attendee, _) = try await AttendeePageTests.signedIn(server, token: fixture.attendee)
            let (lead, _) = try await AttendeePageTests.signedIn(server, token: fixture.lead)
            for browser in [attendee, lead] {
                for path in ["/admin", "/admin/participants", "/admin/badges", "/admin/journal", "/admin/export?format=md"] {
                    let refused = try await browser.get(path)
                    #expect(refused.status == 403, "\(path)")
                    #expect(refused.contentType.hasPrefix("text/html") && refused.text.contains("<h1>Accès refusé</h1>"), "\(path)")
                }
            }
            #expect(try await PageClient(server).get("/admin").header("Location") == "/entrer")
        }
    }

    @Test func aRegistrationFileIsImportedWholeAndAFileWithBadLinesImportsNobody() async throws {
        try await withTestServer { server in
            let fixture = try await server.fixture()
            let (admin, csrf) = try await AttendeePageTests.signedIn(server, token: fixture.admin)
            let participants = "SELECT count(*) FROM participant"
            #expect(try await server.count(participants) == 4)

            let bad =
                "nom;collectivité;rôle;ateliers\r\nJeanne Martin;Nérac;participant·e;\r\n;Auch;participant;\r\nLuc Roy;Condom;chef;jardinage\r\n"
            let refused = try await admin.postFile("/admin/participants/import", csrf: csrf, field: "fichier", file: Array(bad.utf8))
            #expect(refused.status == 422)
            #expect(refused.text.contains("aria-invalid=\"true\" aria-describedby=\"fichier-aide fichier-erreurs\""))
            #expect(refused.text.contains("Rien n&#39;a été importé : 3 problèmes"))
            #expect(refused.text.contains("<li>Ligne 3 : le nom manque</li>"))
            #expect(refused.text.contains("<li>Ligne 4 : rôle inconnu « chef »"))
            #expect(refused.text.contains("<li>Ligne 4 : atelier inconnu « jardinage »</li>"))
            #expect(try await server.count(participants) == 4, "nothing half-imported")

            let good = Array(
                ("\u{FEFF}" + "nom;collectivité;rôle;ateliers\r\nJeanne Martin;Nérac;participant·e;\r\nPaul Durand;Agen;animateur·rice;second\r\n")
                    .utf8)
            let imported = try await admin.postFile("/admin/participants/import", csrf: csrf, field: "fichier", file: good)
            #expect(imported.status == 303)
            let location = try #require(imported.header("Location"))
            #expect(location == "/admin/participants?ajoutes=2&modifies=0&inchanges=0")
            let list = try await admin.get(location)
            #expect(list.text.contains("Import terminé : 2 personnes ajoutées, 0 mise à jour, 0 déjà inscrite à l&#39;identique."))
            #expect(
                list.text.contains(
                    "<th scope=\"row\">Paul Durand</th><td data-label=\"Collectivité\">Agen</td><td data-label=\"Rôle\">animateur</td><td data-label=\"Anime\">Atelier second</td>"
                ))
            #expect(try await server.count(participants) == 6)
            // The same file again adds no one.
            let again = try await admin.postFile("/admin/participants/import", csrf: csrf, field: "fichier", file: good)
            #expect(again.header("Location") == "/admin/participants?ajoutes=0&modifies=0&inchanges=2")
            #expect(try await server.count(participants) == 6)

            // A file saved in Latin-1 by an old spreadsheet: its bytes reach the reader as sent, and it says so.
            let latin1: [UInt8] = Array("nom;rôle\n".utf8) + [0x48, 0xE9, 0x6C, 0xE8, 0x6E, 0x65] + Array(";participant\n".utf8)
            let notUTF8 = try await admin.postFile("/admin/participants/import", csrf: csrf, field: "fichier", file: latin1)
            #expect(notUTF8.status == 422 && notUTF8.text.contains("<li>Ligne 2 : le fichier n&#39;est pas en UTF-8"))
            let empty = try await admin.postFile("/admin/participants/import", csrf: csrf, field: "fichier", file: [])
            #expect(empty.status == 422 && empty.text.contains("Choisissez le fichier d&#39;inscription"))
            // A file form is a form: without the session's token it is refused like any other.
            let forged = try await admin.postFile("/admin/participants/import", csrf: "faux", field: "fichier", file: good)
            #expect(forged.status == 403)
            let (attendee, attendeeCSRF) = try await AttendeePageTests.signedIn(server, token: fixture.attendee)
            let notAdmin = try await attendee.postFile("/admin/participants/import", csrf: attendeeCSRF, field: "fichier", file: good)
            #expect(notAdmin.status == 403)
            #expect(try await server.count(participants) == 6)
        }
    }

    @Test func theBadgeSheetIssuesFreshCodesThatSignIn() async throws {
        try await withTestServer { server in
            let fixture = try await server.fixture()
            _ = try await server.services.participants.add(
                congressSlug: "test-congress", displayName: "Écran", organisation: nil, role: .display, named: false, leadsWorkshops: [])
            let (admin, csrf) = try await AttendeePageTests.signedIn(server, token: fixture.admin)
            #expect(try await admin.get("/admin/badges").text.contains("value=\"sans-code\" checked"))

            let sheet = try await admin.post("/admin/badges", [("_csrf", csrf), ("pour", "sans-code")])
            #expect(sheet.status == 200)
            #expect(sheet.text.contains("4 codes viennent d&#39;être émis"))
            #expect(!sheet.text.contains("Écran"), "a display access gets no badge")
            let codes = Self.codes(sheet.text)
            #expect(codes.count == 4)
            let origin = "http://127.0.0.1:\(server.port)"
            #expect(sheet.text.contains("\(origin)/entrer/\(codes[0])"))
            #expect(
                sheet.text.contains("<p class=\"badge-name\">Attendee</p>")
                    && sheet.text.contains("<p class=\"badge-organisation\">Ville de Attendee</p>"))
            let holder = PageClient(server)
            #expect(try await holder.get("/entrer/\(codes[1])").status == 303)

            let none = try await admin.post("/admin/badges", [("_csrf", csrf), ("pour", "sans-code")])
            #expect(none.text.contains("Personne n&#39;attend de badge") && Self.codes(none.text).isEmpty)
            let reprint = try await admin.post("/admin/badges", [("_csrf", csrf), ("pour", "tous")])
            #expect(Self.codes(reprint.text).count == 4)
            #expect(try await PageClient(server).get("/entrer/\(codes[1])").status == 404, "a reprint disables earlier badges")
            let unchosen = try await admin.post("/admin/badges", [("_csrf", csrf)])
            #expect(unchosen.status == 422 && unchosen.text.contains("Choisissez pour qui"))

            let (attendee, attendeeCSRF) = try await AttendeePageTests.signedIn(server, token: fixture.attendee)
            #expect(try await attendee.post("/admin/badges", [("_csrf", attendeeCSRF), ("pour", "tous")]).status == 403)

            // One audit line per sheet, with its count, by whom and the request's id; none for the refusals.
            let lines = try await server.services.audit.entries(congressSlug: "test-congress").filter { $0.action == .badgesIssue }
            #expect(
                lines.map(\.detail) == [
                    ["count": "4", "scope": "everyone"], ["count": "0", "scope": "withoutCode"], ["count": "4", "scope": "withoutCode"],
                ])
            #expect(lines.allSatisfy { $0.actorName == "Admin" && $0.target == "badges" && $0.requestID != nil })
            #expect(try await admin.get("/admin/journal").text.contains("Codes de badge émis</td><td data-label=\"Sur\">les badges</td>"))
        }
    }

    @Test func theCommandLinesSheetIsOneFileWithItsStyleAndFreshCodes() async throws {
        try await withTestServer { server in
            _ = try await server.fixture()
            _ = try await server.services.participants.add(
                congressSlug: "test-congress", displayName: "Zoé <Blanc> & fils", organisation: nil, role: .attendee, named: false, leadsWorkshops: []
            )
            let sheet = try await server.services.participants.badges(.withoutCode, congressSlug: "test-congress")
            #expect(sheet.badges.count == 5 && sheet.congress.title == "Congrès d'essai")
            let html = try PageRenderer(resources: TestServer.resources).badgeSheetFile(sheet, origin: "https://atelier.example.fr")
            #expect(html.hasPrefix("<!doctype html>\n<html lang=\"fr\">"))
            #expect(html.contains("<style>/* Atelier") && html.contains("@page { size: A4; margin: 10mm; }"))
            #expect(html.contains("<p class=\"badge-name\">Zoé &lt;Blanc&gt; &amp; fils</p>"))
            #expect(Self.codes(html) == sheet.badges.map(\.code))
            #expect(html.contains("https://atelier.example.fr/entrer/\(sheet.badges[0].code)"))
            await #expect(throws: ServiceError.notFound("no congress \"ailleurs\"")) {
                _ = try await server.services.participants.badges(.everyone, congressSlug: "ailleurs")
            }
            #expect(try await server.services.participants.badges(.withoutCode, congressSlug: "test-congress").badges.isEmpty)
        }
    }

    static func codes(_ html: String) -> [String] {
        html.matches(of: /<span class="code">([0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4})<\/span>/).map { String($0.output.1) }
    }
}

extension PageClient {
    /// A form with one file, as a browser sends it (`multipart/form-data`).
    func postFile(_ path: String, csrf: String, field: String, file: [UInt8]) async throws -> TestServer.Reply {
        let boundary = "----atelier\(UUID().uuidString)"
        var body = Data()
        body.append(Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n\(csrf)\r\n".utf8))
        body.append(
            Data(
                "--\(boundary)\r\nContent-Disposition: form-data; name=\"\(field)\"; filename=\"inscrits.csv\"\r\nContent-Type: text/csv\r\n\r\n".utf8
            ))
        body.append(Data(file))
        body.append(Data("\r\n--\(boundary)--\r\n".utf8))
        return try await send(
            "POST", path, body: body, headers: ["Origin": origin, "Content-Type": "multipart/form-data; boundary=\(boundary)"])
    }
}
