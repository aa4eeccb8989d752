import AtelierCore
import Foundation
import Postgres

/// Which sentence encoder produced a vector: vectors of different models never mix.
public struct EmbeddingModel: Sendable, Hashable {
    public var name: String
    public var version: String
    public var dimension: Int

    public init(name: String, version: String, dimension: Int) {
        self.name = name
        self.version = version
        self.dimension = dimension
    }
}

/// A contribution's text as it was read, to embed and then store only if it is still current.
public struct EmbeddingTask: Sendable, Equatable {
    public var contributionID: UUID
    public var title: String?
    public var body: String

    public init(contributionID: UUID, title: String?, body: String) {
        self.contributionID = contributionID
        self.title = title
        self.body = body
    }

    public var text: String { ContributionText.forAnalysis(title: title, body: body) }
}

/// Contribution embeddings: stored as little-endian float32 in `bytea`.
public enum EmbeddingStore {
    /// Contributions with no vector of `model` yet, oldest first.
    public static func missing(model: EmbeddingModel, workshopID: UUID? = nil, limit: Int, in connection: Connection) throws
        -> [EmbeddingTask]
    {
        try connection.query(
            """
            SELECT c.id, c.title, c.body FROM contribution c
            WHERE ($3::uuid IS NULL OR c.workshop_id = $3)
              AND NOT EXISTS (SELECT 1 FROM contribution_embedding e
                              WHERE e.contribution_id = c.id AND e.model_name = $1 AND e.model_version = $2)
            ORDER BY c.created_at, c.id
            LIMIT $4
            """, [model.name, model.version, workshopID, limit]
        ).decode((UUID, String?, String).self).map { EmbeddingTask(contributionID: $0.0, title: $0.1, body: $0.2) }
    }

    /// Stores the vector of a task, unless the contribution's text changed since it was read
    /// (the edit's own vector comes next). Returns whether it was stored.
    @discardableResult
    public static func store(_ task: EmbeddingTask, vector: [Float], model: EmbeddingModel, in connection: Connection) throws -> Bool {
        precondition(vector.count == model.dimension, "a \(model.name) vector has \(model.dimension) values, not \(vector.count)")
        return try connection.query(
            """
            INSERT INTO contribution_embedding (contribution_id, model_name, model_version, dimension, vector)
            SELECT c.id, $2, $3, $4, $5 FROM contribution c
            WHERE c.id = $1 AND c.title IS NOT DISTINCT FROM $6 AND c.body = $7
            ON CONFLICT (contribution_id, model_name, model_version) DO UPDATE SET vector = EXCLUDED.vector, created_at = now()
            RETURNING 1
            """, [task.contributionID, model.name, model.version, model.dimension, bytes(vector), task.title, task.body]
        ).count == 1
    }

    /// The vectors of `model` for the given contributions; absent ones are simply not in the result.
    public static func vectors(of ids: [UUID], model: EmbeddingModel, in connection: Connection) throws -> [UUID: [Float]] {
        let rows = try connection.query(
            """
            SELECT contribution_id, vector FROM contribution_embedding
            WHERE contribution_id = ANY($1) AND model_name = $2 AND model_version = $3
            """, [ids, model.name, model.version]
        ).decode((UUID, Data).self)
        return Dictionary(uniqueKeysWithValues: rows.map { ($0.0, floats($0.1)) })
    }

    /// How many contributions have a vector of `model`, and how many there are.
    public static func coverage(model: EmbeddingModel, in connection: Connection) throws -> (embedded: Int, contributions: Int) {
        let row = try connection.query(
            """
            SELECT (SELECT count(*) FROM contribution_embedding WHERE model_name = $1 AND model_version = $2),
                   (SELECT count(*) FROM contribution)
            """, [model.name, model.version]
        ).first!
        return try row.decode((Int, Int).self)
    }

    static func bytes(_ vector: [Float]) -> Data {
        var data = Data(capacity: vector.count * 4)
        for value in vector { withUnsafeBytes(of: value.bitPattern.littleEndian) { data.append(contentsOf: $0) } }
        return data
    }

    static func floats(_ data: Data) -> [Float] {
        data.withUnsafeBytes { raw in
            (0..<raw.count / 4).map { Float(bitPattern: UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: $0 * 4, as: UInt32.self))) }
        }
    }
}
