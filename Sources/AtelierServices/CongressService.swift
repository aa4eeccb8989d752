import AtelierCore
import AtelierStore
import Foundation
import Postgres

public struct WorkshopSummary: Sendable, Codable, Equatable {
    public var workshop: Workshop
    public var counts: WorkshopCounts
}

public struct CongressOverview: Sendable, Codable, Equatable {
    public var congress: Congress
    public var engagements: [Engagement]
    public var workshops: [WorkshopSummary]
}

/// Congresses and their workshops, as participants see them.
public struct CongressService: Sendable {
    let database: Database

    public init(pool: ConnectionPool) { self.database = Database(pool: pool) }

    /// A congress is visible to its own participants only.
    public func overview(slug: String, for reader: Participant) async throws -> CongressOverview {
        try await database.withTransaction(.repeatableRead) { connection in
            guard let congress = try CongressStore.congress(slug: slug, in: connection), congress.id == reader.congressID
            else { throw ServiceError.notFound("no congress \"\(slug)\"") }
            return try Self.overview(of: congress, in: connection)
        }
    }

    static func overview(of congress: Congress, in connection: Connection) throws -> CongressOverview {
        CongressOverview(
            congress: congress,
            engagements: try CongressStore.engagements(congressID: congress.id, in: connection),
            workshops: try CongressStore.workshopsWithCounts(congressID: congress.id, in: connection).map {
                WorkshopSummary(workshop: $0.0, counts: $0.1)
            })
    }

    /// The reader's own congress: what the pages' home shows.
    public func overview(for reader: Participant) async throws -> CongressOverview {
        try await database.withTransaction(.repeatableRead) { connection in
            try Self.overview(of: try Self.congress(of: reader, in: connection), in: connection)
        }
    }

    /// The reader's own congress alone, without its workshops' counts.
    public func congress(for reader: Participant) async throws -> Congress {
        try await database.withConnection { try Self.congress(of: reader, in: $0) }
    }

    static func congress(of reader: Participant, in connection: Connection) throws -> Congress {
        guard let congress = try CongressStore.congress(id: reader.congressID, in: connection) else {
            throw ServiceError.notFound("no congress \(reader.congressID.json)")
        }
        return congress
    }

    public func workshop(id: UUID, for reader: Participant) async throws -> Workshop {
        try await database.withConnection { try Self.visibleWorkshop(id: id, for: reader, in: $0) }
    }

    /// The workshop, when `actor` leads it; otherwise `forbidden`: for the leads' own pages.
    public func workshop(id: UUID, ledBy actor: Participant) async throws -> Workshop {
        try await database.withConnection { try Self.ledWorkshop(id: id, by: actor, toDo: "work at its board", in: $0) }
    }

    /// Opens or closes a workshop: a closed workshop takes no new contributions nor votes.
    public func setStatus(_ status: WorkshopStatus, workshopID: UUID, by actor: Participant) async throws -> Workshop {
        try await database.withTransaction { connection in
            let workshop = try Self.ledWorkshop(id: workshopID, by: actor, toDo: "open or close it", in: connection)
            return try CongressStore.setWorkshopStatus(id: workshop.id, status: status, in: connection)!
        }
    }

    static func visibleWorkshop(id: UUID, for reader: Participant, in connection: Connection) throws -> Workshop {
        guard let workshop = try CongressStore.workshop(id: id, in: connection), workshop.congressID == reader.congressID
        else { throw ServiceError.notFound("no workshop \(id.json)") }
        return workshop
    }
}

extension CongressService {
    /// The workshop, when `actor` leads it; otherwise `forbidden`, saying what only its leads may do.
    static func ledWorkshop(id: UUID, by actor: Participant, toDo action: String, in connection: Connection) throws -> Workshop {
        let workshop = try visibleWorkshop(id: id, for: actor, in: connection)
        guard actor.leads(workshop) else { throw ServiceError.forbidden("only the workshop's leads and admins may \(action)") }
        return workshop
    }
}
