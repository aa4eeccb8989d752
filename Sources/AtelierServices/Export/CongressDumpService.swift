import AtelierCore
import AtelierStore
import Foundation
import Postgres

/// The whole congress as one JSON file, and a congress rebuilt from such a file, for moving a
/// congress between databases. Only the command line offers it, to whoever holds the database:
/// the file names every participant and every vote, which no route should hand out.
public struct CongressDumpService: Sendable {
    let database: Database

    public init(pool: ConnectionPool) { self.database = Database(pool: pool) }

    /// Read in one snapshot, as the briefing is.
    public func dump(congressSlug: String) async throws -> ExportedFile {
        let json = try await database.withTransaction(.repeatableRead) { connection in
            try connection.liftStatementTimeoutForTransaction()
            guard let congress = try CongressStore.congress(slug: congressSlug, in: connection) else {
                throw ServiceError.notFound("no congress \"\(congressSlug)\"")
            }
            return try CongressDumpStore.dump(congressID: congress.id, in: connection)
        }
        return ExportedFile(bytes: Array((json + "\n").utf8), mediaType: "application/json", filename: "congress-\(congressSlug).json")
    }

    /// Rebuilds the congress of a dump with its ids, in one transaction: all of it or nothing.
    /// A congress of the same slug already there is refused. Returns the congress's slug.
    public func load(_ bytes: [UInt8]) async throws -> String {
        let header = try Self.header(bytes)
        let json = String(decoding: bytes, as: UTF8.self)
        try await database.withTransaction { connection in
            try connection.liftStatementTimeoutForTransaction()
            guard try CongressStore.congress(slug: header.slug, in: connection) == nil else {
                throw ServiceError.congressExists("a congress \"\(header.slug)\" already exists in this database: nothing was imported")
            }
            try CongressDumpStore.load(json, congressID: header.id, in: connection)
            try AuditStore.append(
                congressID: header.id, actorID: nil, action: .congressImport, target: "congress \(header.slug)", requestID: nil, in: connection)
        }
        return header.slug
    }

    /// The congress a file claims to hold, once it is known to be a dump this version reads.
    static func header(_ bytes: [UInt8]) throws -> CongressDumpHeader {
        do throws(CongressDumpHeader.Flaw) {
            return try CongressDumpHeader.read(bytes)
        } catch {
            throw ServiceError.invalid(field: "input", reason: error.reason)
        }
    }
}
