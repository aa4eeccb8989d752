import AtelierCore

extension RegistrationProblem {
    /// What is wrong with the line, in the words of the organiser who exported the file.
    var french: String {
        let column: (RegistrationColumn) -> String = {
            switch $0 {
            case .name: "« nom »"
            case .organisation: "« collectivité »"
            case .role: "« rôle »"
            case .workshops: "« ateliers »"
            }
        }
        let what: String
        switch kind {
        case .unreadable(let error):
            switch error.kind {
            case .empty: what = "le fichier est vide"
            case .notUTF8: what = "le fichier n'est pas en UTF-8 ; enregistrez-le en « CSV UTF-8 »"
            case .unterminatedQuote: what = "un guillemet ouvert n'est jamais fermé"
            case .textAfterClosingQuote: what = "du texte suit le guillemet fermant d'un champ"
            case .fieldCount(_, let found, let expected): what = "\(found) colonne\(found > 1 ? "s" : "") au lieu de \(expected)"
            }
        case .missingColumn(let name): what = "l'en-tête n'a pas de colonne \(column(name))"
        case .repeatedColumn(let name): what = "deux colonnes de l'en-tête désignent \(column(name))"
        case .noRows: what = "le fichier n'a qu'un en-tête, aucune ligne"
        case .missingName: what = "le nom manque"
        case .nameTooLong(let length): what = "le nom fait \(length) caractères, au-delà de \(Registration.maximumNameLength)"
        case .organisationTooLong(let length):
            what = "la collectivité fait \(length) caractères, au-delà de \(Registration.maximumOrganisationLength)"
        case .controlCharacters(let name): what = "la colonne \(column(name)) contient des caractères de contrôle"
        case .missingRole: what = "le rôle manque"
        case .unknownRole(let text): what = "rôle inconnu « \(text) » (participant·e, animateur·rice ou administrateur·rice)"
        case .unknownWorkshop(let slug): what = "atelier inconnu « \(slug) »"
        case .leadWithoutWorkshop: what = "un animateur ou une animatrice doit avoir au moins un atelier"
        case .duplicate(let first): what = "même personne qu'à la ligne \(first)"
        case .ambiguous(let matches): what = "\(matches) participants déjà inscrits portent ce nom et cette collectivité"
        }
        return "Ligne \(line) : \(what)"
    }
}
