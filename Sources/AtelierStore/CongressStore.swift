import AtelierCore
import Foundation
import Postgres

/// Congresses, engagements and workshops.
public enum CongressStore {
    public static func congress(slug: String, in connection: Connection) throws -> Congress? {
        try connection.query(
            "SELECT id, slug, title, place, starts_on, ends_on FROM congress WHERE slug = $1", [slug]
        ).first.map(decodeCongress)
    }

    public static func congress(id: UUID, in connection: Connection) throws -> Congress? {
        try connection.query(
            "SELECT id, slug, title, place, starts_on, ends_on FROM congress WHERE id = $1", [id]
        ).first.map(decodeCongress)
    }

    /// Creates the congress or updates it in place: loading the same data twice is harmless.
    public static func upsertCongress(
        slug: String, title: String, place: String, startsOn: String, endsOn: String, in connection: Connection
    ) throws -> Congress {
        let row = try connection.query(
            """
            INSERT INTO congress (slug, title, place, starts_on, ends_on) VALUES ($1, $2, $3, $4::date, $5::date)
            ON CONFLICT (slug) DO UPDATE SET title = EXCLUDED.title, place = EXCLUDED.place,
                starts_on = EXCLUDED.starts_on, ends_on = EXCLUDED.ends_on
            RETURNING id, slug, title, place, starts_on, ends_on
            """, [slug, title, place, startsOn, endsOn]
        ).first!
        return try decodeCongress(row)
    }

    public static func engagements(congressID: UUID, in connection: Connection) throws -> [Engagement] {
        try connection.query(
            "SELECT id, slug, title, summary FROM engagement WHERE congress_id = $1 ORDER BY position, slug",
            [congressID]
        ).map { row in
            let (id, slug, title, summary) = try row.decode((UUID, String, String, String).self)
            return Engagement(id: id, slug: slug, title: title, summary: summary)
        }
    }

    public static func upsertEngagement(
        congressID: UUID, slug: String, title: String, summary: String, position: Int, in connection: Connection
    ) throws -> UUID {
        try connection.query(
            """
            INSERT INTO engagement (congress_id, slug, title, summary, position) VALUES ($1, $2, $3, $4, $5)
            ON CONFLICT (congress_id, slug) DO UPDATE SET title = EXCLUDED.title, summary = EXCLUDED.summary,
                position = EXCLUDED.position
            RETURNING id
            """, [congressID, slug, title, summary, position]
        ).first!.decode(column: 0)
    }

    public static func upsertWorkshop(
        congressID: UUID, engagementID: UUID?, slug: String, title: String, description: String, position: Int,
        in connection: Connection
    ) throws -> Workshop {
        try decodeWorkshop(
            connection.query(
                """
                INSERT INTO workshop (congress_id, engagement_id, slug, title, description, position)
                VALUES ($1, $2, $3, $4, $5, $6)
                ON CONFLICT (congress_id, slug) DO UPDATE SET engagement_id = EXCLUDED.engagement_id,
                    title = EXCLUDED.title, description = EXCLUDED.description, position = EXCLUDED.position
                RETURNING \(workshopColumns)
                """, [congressID, engagementID, slug, title, description, position]
            ).first!)
    }

    public static func workshop(id: UUID, in connection: Connection) throws -> Workshop? {
        try connection.query("SELECT \(workshopColumns) FROM workshop WHERE id = $1", [id]).first.map(decodeWorkshop)
    }

    /// The congress's workshops in their order, without the counts the programme shows.
    public static func workshops(congressID: UUID, in connection: Connection) throws -> [Workshop] {
        try connection.query(
            "SELECT \(workshopColumns) FROM workshop WHERE congress_id = $1 ORDER BY position, slug", [congressID]
        ).map(decodeWorkshop)
    }

    public static func workshop(congressID: UUID, slug: String, in connection: Connection) throws -> Workshop? {
        try connection.query(
            "SELECT \(workshopColumns) FROM workshop WHERE congress_id = $1 AND slug = $2", [congressID, slug]
        ).first.map(decodeWorkshop)
    }

    public static func setWorkshopStatus(id: UUID, status: WorkshopStatus, in connection: Connection) throws -> Workshop? {
        try connection.query(
            "UPDATE workshop SET status = $2 WHERE id = $1 RETURNING \(workshopColumns)", [id, status.rawValue]
        ).first.map(decodeWorkshop)
    }

    /// The congress's workshops in programme order, each with what it has gathered.
    /// Counts cover published contributions and the votes on them.
    public static func workshopsWithCounts(
        congressID: UUID, in connection: Connection
    ) throws -> [(Workshop, WorkshopCounts)] {
        try connection.query(
            """
            SELECT w.id, w.congress_id, w.engagement_id, w.slug, w.title, w.description, w.status,
                   count(c.id)::int,
                   count(DISTINCT c.author_id)::int,
                   coalesce(sum(c.agree_count + c.disagree_count + c.pass_count), 0)::int
            FROM workshop w
            LEFT JOIN contribution c ON c.workshop_id = w.id AND c.status = 'published'
            WHERE w.congress_id = $1
            GROUP BY w.id
            ORDER BY w.position, w.slug
            """, [congressID]
        ).map { row in
            let counts = WorkshopCounts(
                contributions: try row.decode(column: 7), contributors: try row.decode(column: 8),
                votes: try row.decode(column: 9))
            return (try decodeWorkshop(row), counts)
        }
    }

    static let workshopColumns = "id, congress_id, engagement_id, slug, title, description, status"

    static func decodeWorkshop(_ row: PostgresRow) throws -> Workshop {
        let (id, congressID, engagementID, slug, title, description, status) = try row.decode(
            (UUID, UUID, UUID?, String, String, String, WorkshopStatus).self)
        return Workshop(
            id: id, congressID: congressID, engagementID: engagementID, slug: slug, title: title,
            description: description, status: status)
    }

    static func decodeCongress(_ row: PostgresRow) throws -> Congress {
        let (id, slug, title, place, startsOn, endsOn) = try row.decode((UUID, String, String, String, String, String).self)
        return Congress(id: id, slug: slug, title: title, place: place, startsOn: startsOn, endsOn: endsOn)
    }
}
