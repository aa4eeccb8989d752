import AtelierCore
import Foundation
import Postgres

/// Who is reading, which decides what a list shows.
public struct ContributionReader: Sendable {
    public var participantID: UUID
    /// Leads of the workshop and admins also see hidden contributions.
    public var seesHidden: Bool

    public init(participantID: UUID, seesHidden: Bool) {
        self.participantID = participantID
        self.seesHidden = seesHidden
    }
}

public struct ContributionQuery: Sendable {
    public var text: String?
    public var sort: ContributionSort
    public var after: ContributionCursor?
    public var limit: Int

    public init(text: String?, sort: ContributionSort, after: ContributionCursor?, limit: Int) {
        self.text = text
        self.sort = sort
        self.after = after
        self.limit = limit
    }
}

/// Contributions, read with their tallies and the reader's own vote.
public enum ContributionStore {
    /// Inserts a contribution. With an idempotency key already used by this author, returns
    /// the earlier contribution instead and `created` is false.
    public static func insert(
        congressID: UUID, workshopID: UUID, authorID: UUID, title: String?, body: String, idempotencyKey: String?,
        createdAt: Date? = nil, in connection: Connection
    ) throws -> (id: UUID, created: Bool) {
        let inserted = try connection.query(
            """
            INSERT INTO contribution (congress_id, workshop_id, author_id, title, body, idempotency_key, created_at, updated_at)
            VALUES ($1, $2, $3, $4, $5, $6, coalesce($7, now()), coalesce($7, now()))
            ON CONFLICT (author_id, idempotency_key) DO NOTHING
            RETURNING id
            """, [congressID, workshopID, authorID, title, body, idempotencyKey, createdAt])
        if let row = inserted.first { return (try row.decode(column: 0), true) }
        let existing = try connection.query(
            "SELECT id FROM contribution WHERE author_id = $1 AND idempotency_key = $2", [authorID, idempotencyKey])
        return (try existing.first!.decode(column: 0), false)
    }

    /// The contribution, whatever its status; visibility is the service's decision.
    public static func contribution(id: UUID, readerID: UUID, in connection: Connection) throws -> Contribution? {
        try connection.query("\(select) WHERE c.id = $2", [readerID, id]).first.map { try decode($0).0 }
    }

    /// Whether a contribution has exactly this content: a retry with the same idempotency key
    /// must repeat the same request, not reuse the key for another.
    public static func hasContent(id: UUID, workshopID: UUID, title: String?, body: String, in connection: Connection) throws -> Bool {
        try connection.query(
            "SELECT workshop_id = $2 AND title IS NOT DISTINCT FROM $3 AND body = $4 FROM contribution WHERE id = $1",
            [id, workshopID, title, body]
        ).first?.decode(column: 0, as: Bool.self) ?? false
    }

    /// Up to `limit + 1` of a workshop's contributions in the requested order after the query's
    /// cursor, each with its position in that order.
    public static func page(
        workshopID: UUID, reader: ContributionReader, query: ContributionQuery, in connection: Connection
    ) throws -> [(contribution: Contribution, position: ContributionCursor)] {
        let after = query.after
        let order: String
        let position: String
        switch query.sort {
        case .recent:
            order = "c.created_at DESC, c.id DESC"
            position = "(c.created_at, c.id) < (\(microsToTimestamp("$5")), $6)"
        case .support:
            order = "c.support DESC, c.created_at DESC, c.id DESC"
            position = "(c.support, c.created_at, c.id) < ($4::int, \(microsToTimestamp("$5")), $6)"
        }
        let rows = try connection.query(
            """
            \(select)
            WHERE c.workshop_id = $2
              AND (c.status = 'published'
                   OR (c.status = 'hidden' AND ($7 OR c.author_id = $1)))
              AND ($3::text IS NULL OR c.search @@ websearch_to_tsquery('atelier_french', $3::text))
              AND ($6::uuid IS NULL OR \(position))
            ORDER BY \(order)
            LIMIT $8
            """,
            [
                reader.participantID, workshopID, query.text, after?.support, after?.createdAtMicros, after?.id,
                reader.seesHidden, query.limit + 1,
            ])
        return try rows.map { row in
            let (contribution, micros, support) = try decode(row)
            return (contribution, ContributionCursor(sort: query.sort, support: support, createdAtMicros: micros, id: contribution.id))
        }
    }

    // Each change below applies only to a contribution still published, the state the service
    // checked: of an edit, a withdrawal and a hiding sent together, the first to commit wins and
    // the others change nothing (false), instead of overwriting it.

    @discardableResult
    public static func update(id: UUID, title: String?, body: String, in connection: Connection) throws -> Bool {
        try connection.execute(
            "UPDATE contribution SET title = $2, body = $3, updated_at = now() WHERE id = $1 AND status = 'published'",
            [id, title, body]) == 1
    }

    @discardableResult
    public static func withdraw(id: UUID, in connection: Connection) throws -> Bool {
        try connection.execute(
            "UPDATE contribution SET status = 'withdrawn', updated_at = now() WHERE id = $1 AND status = 'published'", [id]) == 1
    }

    @discardableResult
    public static func hide(id: UUID, reason: String, moderatorID: UUID, in connection: Connection) throws -> Bool {
        try connection.execute(
            """
            UPDATE contribution SET status = 'hidden', moderation_reason = $2, moderated_by = $3,
                moderated_at = now(), updated_at = now()
            WHERE id = $1 AND status = 'published'
            """, [id, reason, moderatorID]) == 1
    }

    /// The workshop's published contributions, oldest first, for clustering and exports.
    public static func publishedTexts(workshopID: UUID, in connection: Connection) throws -> [(UUID, String?, String)] {
        try connection.query(
            "SELECT id, title, body FROM contribution WHERE workshop_id = $1 AND status = 'published' ORDER BY created_at, id",
            [workshopID]
        ).decode((UUID, String?, String).self)
    }

    /// Short texts of the given contributions with their tallies, for showing clusters.
    public static func excerpts(ids: [UUID], length: Int, in connection: Connection) throws -> [UUID: (String, VoteTally)] {
        var excerpts: [UUID: (String, VoteTally)] = [:]
        for row in try connection.query(
            """
            SELECT id, left(coalesce(title || ' — ', '') || body, $2::int), agree_count, disagree_count, pass_count
            FROM contribution WHERE id = ANY($1)
            """, [ids, length])
        {
            let (id, text, agree, disagree, pass) = try row.decode((UUID, String, Int, Int, Int).self)
            excerpts[id] = (text, VoteTally(agree: agree, disagree: disagree, pass: pass))
        }
        return excerpts
    }

    static func microsToTimestamp(_ parameter: String) -> String {
        "(timestamptz 'epoch' + \(parameter)::bigint * interval '1 microsecond')"
    }

    /// $1 is always the reader, whose vote comes along.
    static let select = """
        SELECT c.id, c.workshop_id, c.author_id, p.display_name, p.organisation, c.title, c.body, c.status,
               c.moderation_reason, c.created_at, c.updated_at, c.agree_count, c.disagree_count, c.pass_count, v.value,
               ((extract(epoch FROM c.created_at) * 1000000)::bigint) AS created_micros, c.support, p.named
        FROM contribution c
        JOIN participant p ON p.id = c.author_id
        LEFT JOIN vote v ON v.contribution_id = c.id AND v.participant_id = $1
        """

    static func decode(_ row: PostgresRow) throws -> (Contribution, Int64, Int) {
        let (id, workshopID, authorID, authorName, organisation, title, body, status) = try row.decode(
            (UUID, UUID, UUID, String, String?, String?, String, ContributionStatus).self)
        let (reason, createdAt, updatedAt, agree, disagree, pass, myVote, micros, support, named) = try row.decode(
            (String?, Date, Date, Int, Int, Int, VoteValue?, Int64, Int, Bool).self, from: 8)
        let contribution = Contribution(
            id: id, workshopID: workshopID, authorID: authorID, authorName: authorName, authorNamed: named, organisation: organisation,
            title: title, body: body, status: status,
            moderationReason: reason, createdAt: createdAt, updatedAt: updatedAt,
            votes: VoteTally(agree: agree, disagree: disagree, pass: pass), myVote: myVote)
        return (contribution, micros, support)
    }
}
