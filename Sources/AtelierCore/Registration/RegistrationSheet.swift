import Foundation

/// A registration file (name, organisation, role, workshops), read and checked whole: every bad row
/// is reported, so an organiser fixes the file once rather than one error per attempt.
public struct RegistrationSheet: Sendable, Equatable {
    /// The rows without a problem; the file is fit to import only when `problems` is empty.
    public var registrations: [Registration]
    public var problems: [RegistrationProblem]
    /// Columns the file has that registration does not use (an e-mail, a ticket number…).
    public var ignoredColumns: [String]

    /// `workshops` are the slugs of the congress's workshops, against which each row is checked.
    public static func read(_ data: [UInt8], workshops: Set<String>) -> RegistrationSheet {
        let table: (header: [String], rows: [(line: Int, fields: [String])])
        do { table = try CSVReader.readLines(data) } catch {
            return RegistrationSheet(
                registrations: [], problems: [RegistrationProblem(line: error.line, kind: .unreadable(error))], ignoredColumns: [])
        }
        var columns: [RegistrationColumn: Int] = [:]
        var ignored: [String] = []
        var problems: [RegistrationProblem] = []
        for (index, name) in table.header.enumerated() {
            guard let column = RegistrationColumn(header: name) else {
                ignored.append(name)
                continue
            }
            if columns[column] != nil { problems.append(RegistrationProblem(line: 1, kind: .repeatedColumn(column))) }
            columns[column] = index
        }
        for column in [RegistrationColumn.name, .role] where columns[column] == nil {
            problems.append(RegistrationProblem(line: 1, kind: .missingColumn(column)))
        }
        if table.rows.isEmpty { problems.append(RegistrationProblem(line: 1, kind: .noRows)) }
        guard problems.isEmpty else { return RegistrationSheet(registrations: [], problems: problems, ignoredColumns: ignored) }

        var registrations: [Registration] = []
        var lineOfIdentity: [String: Int] = [:]
        for (line, fields) in table.rows {
            func field(_ column: RegistrationColumn) -> String { columns[column].map { ContributionText.clean(fields[$0]) } ?? "" }
            var rowProblems: [RegistrationProblem.Kind] = []
            let name = field(.name)
            let organisation = field(.organisation)
            if name.isEmpty { rowProblems.append(.missingName) }
            if name.unicodeScalars.count > Registration.maximumNameLength { rowProblems.append(.nameTooLong(name.unicodeScalars.count)) }
            if organisation.unicodeScalars.count > Registration.maximumOrganisationLength {
                rowProblems.append(.organisationTooLong(organisation.unicodeScalars.count))
            }
            for (column, text) in [(RegistrationColumn.name, name), (.organisation, organisation)] where ContributionText.hasForbiddenControls(text) {
                rowProblems.append(.controlCharacters(column))
            }
            let roleText = field(.role)
            let role = Registration.role(named: roleText)
            if roleText.isEmpty {
                rowProblems.append(.missingRole)
            } else if role == nil {
                rowProblems.append(.unknownRole(roleText))
            }
            let slugs = Registration.workshopSlugs(field(.workshops))
            rowProblems += slugs.filter { !workshops.contains($0) }.map { .unknownWorkshop($0) }
            if role == .lead, slugs.isEmpty { rowProblems.append(.leadWithoutWorkshop) }
            let identity = Registration.identity(name: name, organisation: organisation)
            if !name.isEmpty {
                if let first = lineOfIdentity[identity] { rowProblems.append(.duplicate(ofLine: first)) } else { lineOfIdentity[identity] = line }
            }
            problems += rowProblems.map { RegistrationProblem(line: line, kind: $0) }
            if rowProblems.isEmpty, let role {
                registrations.append(
                    Registration(
                        line: line, displayName: name, organisation: organisation.isEmpty ? nil : organisation, role: role, workshops: slugs))
            }
        }
        return RegistrationSheet(registrations: registrations, problems: problems, ignoredColumns: ignored)
    }
}

/// The columns a registration file may have, whatever language its header is in.
public enum RegistrationColumn: String, Sendable, Equatable, CaseIterable {
    case name
    case organisation
    case role
    case workshops

    /// Headers compare without case, accents, spaces or punctuation: "Rôle", "role", "ROLE :".
    init?(header: String) {
        switch Registration.letters(header) {
        case "name", "nom", "nomcomplet", "prenometnom", "fullname": self = .name
        case "organisation", "organization", "collectivite", "structure", "organisme": self = .organisation
        case "role", "profil", "qualite": self = .role
        case "workshops", "workshop", "ateliers", "atelier": self = .workshops
        default: return nil
        }
    }
}

/// One person of a registration file, checked.
public struct Registration: Sendable, Equatable {
    public static let maximumNameLength = 120
    public static let maximumOrganisationLength = 200

    /// The physical line of the file the row starts on.
    public var line: Int
    public var displayName: String
    public var organisation: String?
    public var role: Role
    /// The workshops a lead leads. For others they are checked and not kept: everyone takes part in
    /// every workshop, so an attendee's registration choices are no one's business here.
    public var workshops: [String]

    public var identity: String { Self.identity(name: displayName, organisation: organisation ?? "") }

    /// Who a row is, to recognise the same person in a file imported again: the name and the
    /// organisation, without case, accents or repeated spaces (spreadsheets lose accents).
    public static func identity(name: String, organisation: String) -> String {
        func fold(_ text: String) -> String {
            text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
                .split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
        }
        return fold(name) + "\u{0}" + fold(organisation)
    }

    /// English role names, and the French ones a registration form uses, with or without their
    /// inclusive endings ("participant·e", "animateur/rice"). A display access is not registered
    /// from a file: it is issued on its own.
    public static func role(named text: String) -> Role? {
        switch letters(text) {
        case "attendee", "participant", "participante": .attendee
        case "lead", "animateur", "animatrice", "animateurrice", "animateurtrice", "animateuranimatrice": .lead
        case "admin", "administrateur", "administratrice", "administrateurrice", "administrateurtrice": .admin
        default: nil
        }
    }

    /// Slugs separated by `|`, `,` or `;` inside the field, each once, in the order written.
    static func workshopSlugs(_ field: String) -> [String] {
        var seen = Set<String>()
        return field.split(whereSeparator: { "|,;".contains($0) })
            .map { ContributionText.clean(String($0)).lowercased() }
            .filter { !$0.isEmpty && seen.insert($0).inserted }
    }

    /// Lower-case letters alone, accents removed: how headers and role words are compared.
    static func letters(_ text: String) -> String {
        String(
            text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil).unicodeScalars.filter { $0.properties.isAlphabetic }.map(
                Character.init))
    }
}
