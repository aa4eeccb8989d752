import AtelierCore
import Foundation
import Testing

@Suite struct RegistrationSheetTests {
    let workshops: Set<String> = ["pilotage", "risques-cyber", "numerique-educatif"]

    func read(_ text: String) -> RegistrationSheet { RegistrationSheet.read(Array(text.utf8), workshops: workshops) }

    @Test func readsAFrenchExportWithItsByteOrderMarkSemicolonsAndInclusiveRoles() {
        let sheet = read(
            "\u{FEFF}Nom;Collectivité;Rôle;Ateliers;Courriel\r\n"
                + "Jeanne Martin;Ville de Nérac (47);participant·e;;jeanne@example.fr\r\n"
                + "Paul Durand;Agglomération d'Agen;Animateur·rice;pilotage | risques-cyber;paul@example.fr\r\n"
                + "Anne Petit;;administratrice;;\r\n")
        #expect(sheet.problems == [])
        #expect(sheet.ignoredColumns == ["Courriel"])
        #expect(sheet.registrations.map(\.displayName) == ["Jeanne Martin", "Paul Durand", "Anne Petit"])
        #expect(sheet.registrations.map(\.role) == [.attendee, .lead, .admin])
        #expect(sheet.registrations[1].workshops == ["pilotage", "risques-cyber"])
        #expect(sheet.registrations[1].line == 3)
        #expect(sheet.registrations[2].organisation == nil)
    }

    @Test func readsAnEnglishHeaderWithCommasAndQuotedWorkshopLists() {
        let sheet = read("name,organisation,role,workshops\nAlex Roy,Ville de Condom,lead,\"Pilotage,Numerique-educatif\"\n")
        #expect(sheet.problems == [])
        #expect(sheet.registrations.first?.workshops == ["pilotage", "numerique-educatif"])
    }

    @Test func reportsEveryBadRowByItsLine() {
        let sheet = read(
            """
            nom;organisation;role;ateliers
            ;Ville A;participant;
            Bea;Ville B;stagiaire;
            Chloé;Ville C;lead;
            Dan;Ville D;attendee;pilotage|jardinage
            Bea ;ville b;attendee;
            Eve;Ville E;;
            """)
        #expect(sheet.problems.map(\.line) == [2, 3, 4, 5, 6, 7])
        #expect(
            sheet.problems.map(\.kind) == [
                .missingName, .unknownRole("stagiaire"), .leadWithoutWorkshop, .unknownWorkshop("jardinage"), .duplicate(ofLine: 3), .missingRole,
            ])
        #expect(sheet.problems[1].description == "line 3: unknown role \"stagiaire\" (attendee, lead or admin)")
    }

    @Test func aRowOverSeveralLinesIsReportedWhereItStarts() {
        let sheet = read("name,organisation,role\n\"Jean\nDupont\",Ville,attendee\nX,Ville,chef\n")
        #expect(sheet.problems == [RegistrationProblem(line: 4, kind: .unknownRole("chef"))])
    }

    @Test func aFileWithoutItsColumnsOrRowsIsRefusedAsAWhole() {
        #expect(read("nom;atelier\nJeanne;pilotage\n").problems == [RegistrationProblem(line: 1, kind: .missingColumn(.role))])
        #expect(read("nom;role\n").problems == [RegistrationProblem(line: 1, kind: .noRows)])
        #expect(read("nom;nom;role\na;b;attendee\n").problems == [RegistrationProblem(line: 1, kind: .repeatedColumn(.name))])
        #expect(read("nom;role\nJeanne;attendee;trop\n").problems.map(\.line) == [2])
        #expect(RegistrationSheet.read([0x6E, 0xE9, 0x0A], workshops: []).problems.first?.line == 1)
    }

    @Test func thePersonIsTheirNameAndOrganisationWhateverTheCaseAccentsAndSpaces() {
        #expect(
            Registration.identity(name: "Hélène  Roux", organisation: "Ville d'Auch")
                == Registration.identity(name: "helene roux", organisation: "VILLE D'AUCH"))
        #expect(
            Registration.identity(name: "Hélène Roux", organisation: "Auch") != Registration.identity(name: "Hélène Roux", organisation: "Condom"))
    }
}
