/// A row, or the file, that cannot be imported, and why.
public struct RegistrationProblem: Sendable, Equatable, CustomStringConvertible {
    public enum Kind: Sendable, Equatable {
        case unreadable(CSVError)
        case missingColumn(RegistrationColumn)
        case repeatedColumn(RegistrationColumn)
        case noRows
        case missingName
        case nameTooLong(Int)
        case organisationTooLong(Int)
        case controlCharacters(RegistrationColumn)
        case missingRole
        case unknownRole(String)
        case unknownWorkshop(String)
        case leadWithoutWorkshop
        /// The same name and organisation as an earlier row of the file.
        case duplicate(ofLine: Int)
        /// The congress already has several participants with this name and organisation.
        case ambiguous(matches: Int)
    }

    /// 1 for the header or the file as a whole.
    public var line: Int
    public var kind: Kind

    public init(line: Int, kind: Kind) {
        self.line = line
        self.kind = kind
    }

    public var description: String {
        let what: String
        switch kind {
        case .unreadable(let error): return error.description
        case .missingColumn(let column): what = "no \(column.rawValue) column (the header names the columns)"
        case .repeatedColumn(let column): what = "two columns hold the \(column.rawValue)"
        case .noRows: what = "the file has a header but no rows"
        case .missingName: what = "the name is missing"
        case .nameTooLong(let length): what = "the name is \(length) characters long; the limit is \(Registration.maximumNameLength)"
        case .organisationTooLong(let length):
            what = "the organisation is \(length) characters long; the limit is \(Registration.maximumOrganisationLength)"
        case .controlCharacters(let column): what = "the \(column.rawValue) contains control characters"
        case .missingRole: what = "the role is missing"
        case .unknownRole(let text): what = "unknown role \"\(text)\" (attendee, lead or admin)"
        case .unknownWorkshop(let slug): what = "unknown workshop \"\(slug)\""
        case .leadWithoutWorkshop: what = "a lead needs the workshops they lead"
        case .duplicate(let first): what = "the same person as line \(first)"
        case .ambiguous(let matches): what = "\(matches) participants of the congress already have this name and organisation"
        }
        return "line \(line): \(what)"
    }
}

extension CSVError {
    /// The line the error is on; 1 when it is about the file as a whole.
    public var line: Int {
        switch kind {
        case .empty: 1
        case .notUTF8(_, let line, _), .unterminatedQuote(let line), .textAfterClosingQuote(let line), .fieldCount(let line, _, _): line
        }
    }
}
