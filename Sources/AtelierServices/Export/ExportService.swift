import AtelierCore
import AtelierExport
import AtelierStore
import Foundation
import Metrics
import Postgres

/// Which proposals a briefing shows: those published to the room (what goes to the minister),
/// or every live one, drafts included, for the leads' own review.
public enum ExportStatus: String, Sendable, CaseIterable {
    case published
    case all
}

/// How votes.csv gives the votes: a tally per contribution, or each vote under a pseudonym.
public enum ExportVotes: String, Sendable, CaseIterable {
    case aggregated
    case raw
}

public struct ExportRequest: Sendable, Equatable {
    public var congressSlug: String
    public var workshopSlug: String?
    public var status: ExportStatus
    public var format: ExportFormat
    public var votes: ExportVotes

    public init(
        congressSlug: String, workshopSlug: String? = nil, status: ExportStatus = .published, format: ExportFormat,
        votes: ExportVotes = .aggregated
    ) {
        self.congressSlug = congressSlug
        self.workshopSlug = workshopSlug
        self.status = status
        self.format = format
        self.votes = votes
    }
}

/// Who asks: someone at the server's console, who holds the database anyway, or a participant.
public enum ExportRequester: Sendable {
    case commandLine
    case participant(Participant)
}

public struct ExportedFile: Sendable, Equatable {
    public var bytes: [UInt8]
    public var mediaType: String
    /// `briefing-agen-2026.odt`, `briefing-agen-2026-gouvernance-donnees.zip`…
    public var filename: String
}

/// The ministry briefing and the data behind it, from the database. Admins export the whole
/// congress or any workshop; leads export the workshops they lead; attendees export nothing.
/// Raw votes, even pseudonymised, are an admin's to ask for.
public struct ExportService: Sendable {
    let database: Database
    /// Where documents are laid out and zipped, away from the threads that serve requests.
    let compute: ComputePool
    let opinionGroupMinimumSize: Int
    let metrics: any MetricsFactory

    /// The briefing shows opinion groups of at least `opinionGroupMinimumSize` members only.
    public init(
        pool: ConnectionPool, standby: StandbyReads? = nil, compute: ComputePool = .shared,
        opinionGroupMinimumSize: Int = ProposalOpinionSupport.defaultMinimumGroupSize, metrics: any MetricsFactory = NOOPMetricsHandler.instance
    ) {
        self.database = Database(pool: pool, standby: standby)
        self.compute = compute
        self.opinionGroupMinimumSize = opinionGroupMinimumSize
        self.metrics = metrics
    }

    public func export(_ request: ExportRequest, by requester: ExportRequester) async throws -> ExportedFile {
        guard request.votes == .aggregated || request.format == .csv else {
            throw ServiceError.invalid(field: "votes", reason: "raw votes come only in the csv format")
        }
        let started = ContinuousClock.now
        let (briefing, rawVotes) = try await read(request, by: requester)
        let bytes = try await compute.run {
            if let rawVotes { return BriefingCSV.archive(briefing, rawVotes: Self.pseudonymised(rawVotes)) }
            return BriefingExport.export(briefing, as: request.format)
        }
        let name = ["briefing", request.congressSlug, request.workshopSlug].compactMap { $0 }.joined(separator: "-")
        Timer(label: "atelier_export_duration_seconds", dimensions: [("format", request.format.rawValue)], factory: metrics)
            .record(duration: ContinuousClock.now - started)
        return ExportedFile(bytes: bytes, mediaType: request.format.mediaType, filename: "\(name).\(request.format.fileExtension)")
    }

    /// The briefing as the request scopes it, read in one consistent snapshot.
    public func briefing(_ request: ExportRequest, by requester: ExportRequester) async throws -> Briefing {
        try await read(request, by: requester).briefing
    }

    /// The briefing, and the votes one by one when asked for (nil otherwise). Read in one
    /// snapshot, from the standby when there is one; the audit line is then written on the
    /// primary, and no file leaves without it.
    func read(_ request: ExportRequest, by requester: ExportRequester) async throws -> (briefing: Briefing, votes: [RecordedVote]?) {
        let requestID = RequestTrace.id
        let read = try await database.read(.repeatableRead) { connection in
            guard let congress = try CongressStore.congress(slug: request.congressSlug, in: connection),
                requester.belongs(to: congress)
            else { throw ServiceError.notFound("no congress \"\(request.congressSlug)\"") }
            let workshop = try request.workshopSlug.map { slug in
                guard let workshop = try CongressStore.workshop(congressID: congress.id, slug: slug, in: connection) else {
                    throw ServiceError.notFound("no workshop \"\(slug)\" in congress \"\(congress.slug)\"")
                }
                return workshop
            }
            try requester.authorise(workshop: workshop, votes: request.votes)
            let briefing = try BriefingReader.briefing(
                congress: congress, workshop: workshop, minimumGroupSize: opinionGroupMinimumSize, in: connection
            )
            .restricted(toWorkshop: workshop?.slug, publishedOnly: request.status == .published)
            guard request.votes == .raw else { return (congress.id, workshop?.slug, briefing, nil as [RecordedVote]?) }
            let ids = briefing.engagements.flatMap(\.workshops).flatMap { $0.proposals.flatMap(\.sources) + $0.unretained }.map(\.id)
            return (congress.id, workshop?.slug, briefing, try BriefingStore.votes(contributionIDs: Array(Set(ids)), in: connection))
        }
        try await database.withTransaction { connection in
            try AuditStore.append(
                congressID: read.0, actorID: requester.participantID, action: .export, target: read.1.map { "workshop \($0)" } ?? "congress",
                detail: ["format": request.format.rawValue, "status": request.status.rawValue, "votes": request.votes.rawValue], requestID: requestID,
                in: connection)
        }
        return (read.2, read.3)
    }

    /// A fresh secret key for each export, never written out: pseudonyms link the votes of one
    /// voter within this file only. The order depends on the votes, not on the pseudonyms, so it
    /// does not change from one export to the next.
    static func pseudonymised(_ votes: [RecordedVote]) -> [PseudonymousVote] {
        var generator = SystemRandomNumberGenerator()
        let key = (0..<32).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        return votes.map {
            PseudonymousVote(
                contributionID: $0.contributionID, voter: Pseudonym.of(participant: $0.participantID, key: key), value: $0.value,
                votedAt: $0.votedAt)
        }
    }
}

extension ExportRequester {
    func belongs(to congress: Congress) -> Bool {
        switch self {
        case .commandLine: true
        case .participant(let participant): participant.congressID == congress.id
        }
    }

    func authorise(workshop: Workshop?, votes: ExportVotes) throws {
        guard case .participant(let participant) = self else { return }
        switch participant.role {
        case .admin: return
        case .attendee, .display: throw ServiceError.forbidden("only admins and workshop leads may export the briefing")
        case .lead:
            guard let workshop else { throw ServiceError.forbidden("a lead exports the workshops they lead, one at a time: name one") }
            guard participant.leads(workshop) else { throw ServiceError.forbidden("you do not lead the workshop \"\(workshop.slug)\"") }
            guard votes == .aggregated else { throw ServiceError.forbidden("only admins may export the raw votes") }
        }
    }
}

extension ExportRequester {
    var participantID: UUID? {
        switch self {
        case .commandLine: nil
        case .participant(let participant): participant.id
        }
    }
}
