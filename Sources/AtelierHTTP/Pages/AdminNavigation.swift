/// The admin's pages, named once for the menu each of them shows.
enum AdminSection: CaseIterable {
    case dashboard
    case participants
    case badges
    case journal
    case screen

    struct Item {
        let label: String
        let link: String
        let current: Bool
    }

    var label: String {
        switch self {
        case .dashboard: "Chiffres et exports"
        case .participants: "Participants"
        case .badges: "Badges"
        case .journal: "Journal des actions"
        case .screen: "Écran de plénière"
        }
    }

    var link: String {
        switch self {
        case .dashboard: "/admin"
        case .participants: "/admin/participants"
        case .badges: "/admin/badges"
        case .journal: "/admin/journal"
        case .screen: "/ecran"
        }
    }

    /// The menu with this section marked as the current page.
    var menu: [Item] { Self.allCases.map { Item(label: $0.label, link: $0.link, current: $0 == self) } }
}
