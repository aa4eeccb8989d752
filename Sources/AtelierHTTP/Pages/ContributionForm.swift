import AtelierCore
import AtelierServices

/// The form to post or edit a contribution, with what was typed and, after a refusal, the
/// error next to its field.
struct ContributionForm {
    let action: String
    let submit: String
    let title: String
    let body: String
    let titleError: String?
    let bodyError: String?
    /// Sent back with the post: a second press of the button stores one contribution, not two.
    let key: String?
    let bodyLimit = FrenchFormat.number(ContributionText.maximumBodyLength)
    let bodyLimitValue = ContributionText.maximumBodyLength
    let titleLimit = FrenchFormat.number(ContributionText.maximumTitleLength)

    init(action: String, submit: String, title: String = "", body: String = "", key: String? = nil, refusal: ServiceError? = nil) {
        self.action = action
        self.submit = submit
        self.title = title
        self.body = body
        self.key = key
        var titleError: String?
        var bodyError: String?
        if case .invalid(let field, _) = refusal {
            if field == "title" { titleError = Self.titleError(title) } else { bodyError = Self.bodyError(body) }
        }
        self.titleError = titleError
        self.bodyError = bodyError
    }

    static func bodyError(_ body: String) -> String {
        let length = ContributionText.clean(body).unicodeScalars.count
        if length == 0 { return "Écrivez votre contribution : le texte ne peut pas être vide." }
        if length > ContributionText.maximumBodyLength {
            return "Votre texte fait \(FrenchFormat.number(length)) caractères ; raccourcissez-le à "
                + "\(FrenchFormat.number(ContributionText.maximumBodyLength)) au plus."
        }
        return "Le texte contient des caractères invisibles non admis ; retapez-le."
    }

    static func titleError(_ title: String) -> String {
        let length = ContributionText.clean(title).unicodeScalars.count
        if length > ContributionText.maximumTitleLength {
            return "Le titre fait \(FrenchFormat.number(length)) caractères ; raccourcissez-le à "
                + "\(FrenchFormat.number(ContributionText.maximumTitleLength)) au plus."
        }
        return "Le titre ne peut contenir que du texte visible ; laissez-le vide si vous n'en voulez pas."
    }
}
