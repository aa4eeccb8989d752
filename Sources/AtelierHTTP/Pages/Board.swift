import AtelierCore
import AtelierServices
import Foundation
import HTTPTypes
import Hummingbird

/// What the lead's pages share: where each page of a workshop's board lives, how a form names
/// a proposal at the version it was read, and the board's refusals said in French.
enum Board {
    static func path(_ workshop: UUID) -> String { "/ateliers/\(workshop.json)/tableau" }

    static func proposalPath(_ workshop: UUID, _ proposal: UUID) -> String {
        path(workshop) + "/propositions/\(proposal.json)"
    }

    static func statusLabel(_ status: ProposalStatus) -> String {
        switch status {
        case .draft: "Brouillon"
        case .validated: "Validée"
        case .published: "Publiée"
        }
    }

    /// A proposal as a checkbox or an option names it: its id and the version the page showed,
    /// so that the service refuses the action if someone changed the proposal meanwhile.
    static func value(_ proposal: Proposal) -> String { "\(proposal.id.json)@\(proposal.version)" }

    static func versioned(_ value: String) throws -> VersionedProposal {
        let parts = value.split(separator: "@")
        guard parts.count == 2, let id = UUID(uuidString: String(parts[0])), let version = Int(parts[1]) else {
            throw PageError(.unprocessableContent, "Ce formulaire désigne une proposition inconnue. Rechargez le tableau.")
        }
        return VersionedProposal(id: id, version: version)
    }

    static func ids(_ values: [String]) throws -> [UUID] {
        try values.map { value in
            guard let id = UUID(uuidString: value) else {
                throw PageError(.unprocessableContent, "Ce formulaire désigne une contribution inconnue. Rechargez la page.")
            }
            return id
        }
    }

    /// The version a form was read at, from its hidden `version` field.
    static func version(_ fields: FormFields) throws -> Int {
        guard let version = fields["version"].flatMap(Int.init) else {
            throw PageError(.unprocessableContent, "Ce formulaire n'indique pas la version lue. Rechargez la page.")
        }
        return version
    }

    /// A fresh key for each form shown: sent twice (a double click), the action happens once.
    static func formKey() -> String { UUID().json }

    /// Runs a restructuring action; what the service refuses as invalid comes back as a page in
    /// French, with the status the API would give.
    static func refusingInFrench<T>(_ action: () async throws -> T) async throws -> T {
        do {
            return try await action()
        } catch ServiceError.invalid(let field, _) {
            throw PageError(.unprocessableContent, refusal(field))
        }
    }

    static func refusal(_ field: String) -> String {
        switch field {
        case "proposals": "Cochez au moins deux brouillons à fusionner."
        case "parts": "Cochez au moins une source pour la nouvelle proposition, et laissez-en au moins une à celle-ci."
        case "contributions": "Cochez au moins une source à déplacer ou à copier."
        case "to": "Choisissez une autre proposition que celle d'où partent les sources."
        case "from": "Cette proposition n'est pas de cet atelier."
        case "clusters": "Cochez au moins un regroupement à adopter."
        case "clusteringId": "Ce regroupement n'est plus celui de l'atelier. Rechargez la page."
        case "status": "Pour être validée, une proposition a besoin d'une synthèse et d'au moins une source."
        case "order": "L'ordre doit donner un rang à chaque proposition. Rechargez le tableau."
        case "title": "Le titre doit faire de 1 à \(ProposalText.maximumTitleLength) caractères visibles."
        default: "Une donnée envoyée ne respecte pas les règles. Rechargez la page et recommencez."
        }
    }

    /// The workshop a board URL names, with the proposal it names checked to be of it.
    static func proposal(_ view: ProposalView, of workshop: UUID) throws -> ProposalView {
        guard view.record.proposal.workshopID == workshop else {
            throw PageError(.notFound, "Cette proposition n'est pas de cet atelier.")
        }
        return view
    }
}

extension FrenchFormat {
    /// The congress's calendar, in France: made once, read by every page that tells a time.
    static let congressCalendar: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Europe/Paris") ?? .gmt
        return calendar
    }()

    /// "29 janv. à 14 h 05", in the congress's time zone: when a lead did something on the board.
    static func time(_ date: Date) -> String {
        let parts = congressCalendar.dateComponents([.day, .month, .hour, .minute], from: date)
        let minute = parts.minute ?? 0
        return "\(parts.day ?? 1) \(months[(parts.month ?? 1) - 1]) à \(parts.hour ?? 0) h \(minute < 10 ? "0" : "")\(minute)"
    }
}
