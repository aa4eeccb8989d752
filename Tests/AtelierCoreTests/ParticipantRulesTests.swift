import AtelierCore
import Foundation
import Testing

@Suite struct ParticipantRulesTests {
    let congress = UUID()

    func workshop(in congress: UUID) -> Workshop {
        Workshop(id: UUID(), congressID: congress, engagementID: nil, slug: "w", title: "W", description: "", status: .open)
    }

    func participant(_ role: Role, leads: [UUID] = [], in congress: UUID) -> Participant {
        Participant(id: UUID(), congressID: congress, displayName: "P", organisation: nil, role: role, named: false, leads: leads)
    }

    @Test func leadsModerateTheirWorkshopsAndAdminsTheirCongress() {
        let mine = workshop(in: congress)
        let other = workshop(in: congress)
        let elsewhere = workshop(in: UUID())
        let lead = participant(.lead, leads: [mine.id], in: congress)
        let admin = participant(.admin, in: congress)
        let attendee = participant(.attendee, in: congress)
        #expect(lead.leads(mine))
        #expect(!lead.leads(other))
        #expect(admin.leads(mine) && admin.leads(other))
        #expect(!admin.leads(elsewhere))
        #expect(!attendee.leads(mine))
    }

    @Test func aDisplayAccessTakesNoPartAndModeratesNothing() {
        let display = participant(.display, in: congress)
        #expect(!display.takesPart)
        #expect(!display.leads(workshop(in: congress)))
        #expect(Role.allCases.filter { !participant($0, in: congress).takesPart } == [.display])
    }
}
