import AtelierCore
import AtelierStore
import Foundation
import Postgres

/// What importing a registration file did, person by person.
public struct RegistrationReport: Sendable {
    public var added: [Participant]
    /// Already registered; their role or the workshops they lead changed to what the file says.
    public var updated: [Participant]
    /// Already registered exactly as the file says.
    public var unchanged: [Participant]
    public var ignoredColumns: [String]
}

/// A registration file refused whole: every problem found, by line; nothing was written.
public struct RegistrationRefused: Error, Sendable, Equatable, CustomStringConvertible {
    public var problems: [RegistrationProblem]

    public init(problems: [RegistrationProblem]) { self.problems = problems }

    public var description: String { problems.map(\.description).joined(separator: "\n") }
}

/// Bulk registration: the organisers' registration file, imported all or nothing.
///
/// Importing the same file again changes nothing: a row whose name and organisation (without case,
/// accents or repeated spaces) match a registered participant is that participant, whose role and
/// led workshops become the file's; nobody is ever removed by an import. No access is issued here:
/// codes come with the badge sheet.
extension ParticipantService {
    /// An admin imports into their own congress.
    public func register(file: [UInt8], congressSlug: String, by admin: Participant) async throws -> RegistrationReport {
        try admin.mustAdminister(to: "register participants")
        return try await register(file: file, congressSlug: congressSlug, within: admin.congressID, by: admin.id)
    }

    /// The command line acts as the organisers, on any congress.
    public func register(file: [UInt8], congressSlug: String) async throws -> RegistrationReport {
        try await register(file: file, congressSlug: congressSlug, within: nil, by: nil)
    }

    private func register(file: [UInt8], congressSlug: String, within congressID: UUID?, by actorID: UUID?) async throws -> RegistrationReport {
        let requestID = RequestTrace.id
        return try await database.withTransaction { connection in
            guard let congress = try CongressStore.congress(slug: congressSlug, in: connection), congressID.map({ $0 == congress.id }) ?? true
            else { throw ServiceError.notFound("no congress \"\(congressSlug)\"") }
            try ParticipantStore.lockRegistrations(congressID: congress.id, in: connection)
            let workshops = Dictionary(
                uniqueKeysWithValues: try CongressStore.workshops(congressID: congress.id, in: connection).map { ($0.slug, $0.id) })
            let sheet = RegistrationSheet.read(file, workshops: Set(workshops.keys))
            let registered = Dictionary(
                grouping: try ParticipantStore.participants(congressID: congress.id, in: connection).filter(\.takesPart),
                by: { Registration.identity(name: $0.displayName, organisation: $0.organisation ?? "") })
            let ambiguous = sheet.registrations.compactMap { registration in
                (registered[registration.identity]?.count ?? 0) > 1
                    ? RegistrationProblem(line: registration.line, kind: .ambiguous(matches: registered[registration.identity]!.count)) : nil
            }
            let problems = (sheet.problems + ambiguous).sorted { $0.line < $1.line }
            guard problems.isEmpty else { throw RegistrationRefused(problems: problems) }

            var report = RegistrationReport(added: [], updated: [], unchanged: [], ignoredColumns: sheet.ignoredColumns)
            for registration in sheet.registrations {
                let leads =
                    registration.role == .lead ? registration.workshops.compactMap { workshops[$0] }.sorted { $0.uuidString < $1.uuidString } : []
                guard let existing = registered[registration.identity]?.first else {
                    report.added.append(
                        try ParticipantStore.create(
                            congressID: congress.id, displayName: registration.displayName, organisation: registration.organisation,
                            role: registration.role, named: false, externalRef: nil, leads: leads, in: connection))
                    continue
                }
                if existing.role == registration.role, Set(existing.leads) == Set(leads) {
                    report.unchanged.append(existing)
                } else {
                    try ParticipantStore.update(
                        participantID: existing.id, congressID: congress.id, role: registration.role, leads: leads, in: connection)
                    report.updated.append(try ParticipantStore.participant(id: existing.id, in: connection)!)
                }
            }
            try AuditStore.append(
                congressID: congress.id, actorID: actorID, action: .participantsImport, target: "registration file",
                detail: ["added": "\(report.added.count)", "updated": "\(report.updated.count)", "unchanged": "\(report.unchanged.count)"],
                requestID: requestID, in: connection)
            return report
        }
    }
}
