import AtelierCore
import AtelierStore
import Foundation
import Postgres

/// A change to a contribution's title: keep it, or set it (nil removes it).
/// Posting, reading, editing, withdrawing and moderating contributions.
public struct ContributionService: Sendable {
    let database: Database
    let embeddings: EmbeddingService

    public static let defaultPageSize = 20
    public static let maximumSearchLength = 200

    /// Lists and searches read from `standby` when there is one.
    public init(pool: ConnectionPool, embeddings: EmbeddingService, standby: StandbyReads? = nil) {
        self.database = Database(pool: pool, standby: standby)
        self.embeddings = embeddings
    }

    /// Posts a contribution to an open workshop. A retry with the same idempotency key returns
    /// the first contribution (`created` false) instead of a duplicate.
    public func post(
        workshopID: UUID, title rawTitle: String?, body rawBody: String, idempotencyKey: String?, by author: Participant
    ) async throws -> (contribution: Contribution, created: Bool) {
        try author.mustTakePart(to: "post")
        let (title, body) = try Self.validate(title: rawTitle, body: rawBody)
        let idempotencyKey = try IdempotencyKey.checked(idempotencyKey)
        let posted = try await database.withTransaction { connection in
            let workshop = try CongressService.visibleWorkshop(id: workshopID, for: author, in: connection)
            let (id, created) = try ContributionStore.insert(
                congressID: workshop.congressID, workshopID: workshop.id, authorID: author.id, title: title, body: body,
                idempotencyKey: idempotencyKey, in: connection)
            if !created {
                guard try ContributionStore.hasContent(id: id, workshopID: workshop.id, title: title, body: body, in: connection)
                else {
                    throw ServiceError.idempotencyKeyReused("this Idempotency-Key was already used for a different contribution")
                }
            } else if workshop.status == .closed {
                // Checked after the insert so a retry of a post accepted before closing still succeeds.
                throw Self.closed(workshop)
            }
            return (try ContributionStore.contribution(id: id, readerID: author.id, in: connection)!, created)
        }
        if posted.1 { embeddings.contributionsChanged() }
        return posted
    }

    public func page(
        workshopID: UUID, search: String?, sort: ContributionSort, cursor: String?, limit: Int?, for reader: Participant
    ) async throws -> Page<Contribution> {
        try reader.mustTakePart(to: "read contributions")
        let limit = try PageSize.checked(limit, default: Self.defaultPageSize)
        var after: ContributionCursor?
        if let cursor {
            guard let decoded = ContributionCursor(encoded: cursor) else {
                throw ServiceError.invalid(field: "cursor", reason: "is not a cursor from this list")
            }
            guard decoded.sort == sort else {
                throw ServiceError.invalid(field: "cursor", reason: "was made for sort=\(decoded.sort.rawValue)")
            }
            after = decoded
        }
        let text = search.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.flatMap { $0.isEmpty ? nil : $0 }
        if let text, text.unicodeScalars.count > Self.maximumSearchLength {
            throw ServiceError.invalid(field: "q", reason: "must be at most \(Self.maximumSearchLength) characters")
        }
        let query = ContributionQuery(text: text, sort: sort, after: after, limit: limit)
        return try await database.read(.repeatableRead) { connection in
            let workshop = try CongressService.visibleWorkshop(id: workshopID, for: reader, in: connection)
            let contributionReader = ContributionReader(participantID: reader.id, seesHidden: reader.leads(workshop))
            let rows = try ContributionStore.page(workshopID: workshop.id, reader: contributionReader, query: query, in: connection)
            return ContributionCursor.paginator.page(rows, limit: limit) { $0.position.position }.map(\.contribution)
        }
    }

    public func contribution(id: UUID, for reader: Participant) async throws -> Contribution {
        try reader.mustTakePart(to: "read contributions")
        return try await database.withConnection { connection in
            try Self.visible(id: id, for: reader, in: connection).contribution
        }
    }

    /// The author rewrites their own published contribution while the workshop is open.
    public func edit(id: UUID, title: Patch<String>, body: String?, by author: Participant) async throws -> Contribution {
        try author.mustTakePart(to: "edit")
        let edited = try await database.withTransaction { connection in
            let (contribution, workshop) = try Self.visible(id: id, for: author, in: connection)
            guard contribution.authorID == author.id else {
                throw ServiceError.forbidden("only the author may edit a contribution")
            }
            guard contribution.status == .published else {
                throw ServiceError.contributionNotPublished("a \(contribution.status.rawValue) contribution cannot be edited")
            }
            guard workshop.status == .open else { throw Self.closed(workshop) }
            let (checkedTitle, checkedBody) = try Self.validate(title: title.applied(to: contribution.title), body: body ?? contribution.body)
            guard try ContributionStore.update(id: id, title: checkedTitle, body: checkedBody, in: connection) else {
                throw Self.changedMeanwhile
            }
            return try ContributionStore.contribution(id: id, readerID: author.id, in: connection)!
        }
        embeddings.contributionsChanged()
        return edited
    }

    /// The author withdraws their own contribution; a lead of the workshop or an admin hides
    /// someone else's, and must say why. Either way the row stays, for provenance.
    public func remove(id: UUID, reason rawReason: String?, by actor: Participant) async throws -> Contribution {
        try actor.mustTakePart(to: "remove contributions")
        let requestID = RequestTrace.id
        return try await database.withTransaction { connection in
            let (contribution, workshop) = try Self.visible(id: id, for: actor, in: connection)
            let isAuthor = contribution.authorID == actor.id
            guard isAuthor || actor.leads(workshop) else {
                throw ServiceError.forbidden("only the author, the workshop's leads and admins may remove a contribution")
            }
            guard contribution.status == .published else {
                throw ServiceError.contributionNotPublished("the contribution is already \(contribution.status.rawValue)")
            }
            let changed: Bool
            if isAuthor {
                changed = try ContributionStore.withdraw(id: id, in: connection)
            } else {
                let reason = try Self.validateReason(rawReason)
                changed = try ContributionStore.hide(id: id, reason: reason, moderatorID: actor.id, in: connection)
                try AuditStore.append(
                    congressID: workshop.congressID, actorID: actor.id, action: .contributionHide,
                    target: "contribution \(id.json)",
                    detail: ["reason": reason], requestID: requestID, in: connection)
            }
            guard changed else { throw Self.changedMeanwhile }
            return try ContributionStore.contribution(id: id, readerID: actor.id, in: connection)!
        }
    }

    /// The contribution and its workshop, if the reader may see it: published ones for every
    /// participant of the congress, hidden ones for their author and moderators, withdrawn
    /// ones for their author only.
    static func visible(id: UUID, for reader: Participant, in connection: Connection) throws -> (contribution: Contribution, workshop: Workshop) {
        let notFound = ServiceError.notFound("no contribution \(id.json)")
        guard let contribution = try ContributionStore.contribution(id: id, readerID: reader.id, in: connection),
            let workshop = try CongressStore.workshop(id: contribution.workshopID, in: connection),
            workshop.congressID == reader.congressID
        else { throw notFound }
        let isAuthor = contribution.authorID == reader.id
        switch contribution.status {
        case .published: break
        case .hidden: guard isAuthor || reader.leads(workshop) else { throw notFound }
        case .withdrawn: guard isAuthor else { throw notFound }
        }
        return (contribution, workshop)
    }

    static func validate(title: String?, body: String) throws -> (String?, String) {
        do {
            return (try ContributionText.validateTitle(title), try ContributionText.validateBody(body))
        } catch {
            throw invalid(error)
        }
    }

    /// A moderator's reason, which the author reads: required, and held to the rules of any text.
    static func validateReason(_ raw: String?) throws -> String {
        do {
            return try ContributionText.validateReason(raw ?? "")
        } catch {
            throw invalid(error)
        }
    }

    static func invalid(_ problem: ContributionText.Problem) -> ServiceError {
        switch problem {
        case .blankBody: .invalid(field: "body", reason: "must not be empty")
        case .bodyTooLong(let length):
            .invalid(field: "body", reason: "is \(length) characters long; the limit is \(ContributionText.maximumBodyLength)")
        case .blankTitle: .invalid(field: "title", reason: "must not be blank; leave it out for no title")
        case .titleTooLong(let length):
            .invalid(field: "title", reason: "is \(length) characters long; the limit is \(ContributionText.maximumTitleLength)")
        case .blankReason, .reasonTooLong:
            .invalid(field: "reason", reason: "hiding a contribution needs a reason of 1 to \(ContributionText.maximumReasonLength) characters")
        case .controlCharacters(let field): .invalid(field: field, reason: ContributionText.controlCharactersReason)
        }
    }

    /// The contribution left the published state between the check and the change.
    static let changedMeanwhile = ServiceError.contributionNotPublished(
        "the contribution was withdrawn or hidden meanwhile; read it again")

    static func closed(_ workshop: Workshop) -> ServiceError {
        .workshopClosed("the workshop \"\(workshop.title)\" is closed")
    }
}
