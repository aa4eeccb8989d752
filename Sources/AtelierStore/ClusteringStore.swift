import AtelierCore
import Foundation
import Postgres

/// Clustering runs, kept whole: parameters, algorithm version, result and timing.
public enum ClusteringStore {
    public static func insert(
        workshopID: UUID, requestedBy: UUID, previousRunID: UUID?, algorithm: String, parameters: ClusteringParameters,
        outcome: StableClustering.Outcome, contributionCount: Int, durationMilliseconds: Double, in connection: Connection
    ) throws -> ClusteringRun {
        let row = try connection.query(
            """
            INSERT INTO clustering_run (workshop_id, requested_by, previous_run_id, algorithm, parameters, result,
                                        contribution_count, cluster_count, duration_ms)
            VALUES ($1, $2, $3, $4, $5::jsonb, $6::jsonb, $7, $8, $9)
            RETURNING \(columns)
            """,
            [
                workshopID, requestedBy, previousRunID, algorithm, try json(parameters), try json(outcome), contributionCount,
                outcome.clusters.count, durationMilliseconds,
            ]
        ).first!
        return try decode(row)
    }

    public static func latest(workshopID: UUID, in connection: Connection) throws -> ClusteringRun? {
        try connection.query(
            "SELECT \(columns) FROM clustering_run WHERE workshop_id = $1 ORDER BY created_at DESC, id DESC LIMIT 1", [workshopID]
        ).first.map(decode)
    }

    public static func run(id: UUID, in connection: Connection) throws -> ClusteringRun? {
        try connection.query("SELECT \(columns) FROM clustering_run WHERE id = $1", [id]).first.map(decode)
    }

    static let columns =
        "id, workshop_id, previous_run_id, algorithm, parameters::text, result::text, contribution_count, duration_ms, created_at"

    static func decode(_ row: PostgresRow) throws -> ClusteringRun {
        let (id, workshopID, previous, algorithm, parameters, result, count, duration, createdAt) = try row.decode(
            (UUID, UUID, UUID?, String, String, String, Int, Double, Date).self)
        let decoder = JSONDecoder()
        return ClusteringRun(
            id: id, workshopID: workshopID, previousRunID: previous, algorithm: algorithm,
            parameters: try decoder.decode(ClusteringParameters.self, from: Data(parameters.utf8)),
            outcome: try decoder.decode(StableClustering.Outcome.self, from: Data(result.utf8)), contributionCount: count,
            durationMilliseconds: duration, createdAt: createdAt)
    }

    static func json<T: Encodable>(_ value: T) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }
}
