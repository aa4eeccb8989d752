import AtelierCore
import AtelierStore
import Foundation
import Postgres

/// Agree, disagree or pass on a contribution; the last vote counts.
public struct VoteService: Sendable {
    let database: Database

    public init(pool: ConnectionPool) { self.database = Database(pool: pool) }

    /// Casts or changes the voter's vote; returns the contribution with its new tallies.
    public func cast(_ value: VoteValue, contributionID: UUID, by voter: Participant) async throws -> Contribution {
        try await database.withTransaction { connection in
            let workshop = try Self.votable(contributionID, by: voter, in: connection)
            try VoteStore.cast(
                congressID: workshop.congressID, participantID: voter.id, contributionID: contributionID, value: value,
                in: connection)
            return try ContributionStore.contribution(id: contributionID, readerID: voter.id, in: connection)!
        }
    }

    /// Retracts the voter's vote, if any; returns the contribution with its new tallies.
    public func retract(contributionID: UUID, by voter: Participant) async throws -> Contribution {
        try await database.withTransaction { connection in
            _ = try Self.votable(contributionID, by: voter, in: connection)
            try VoteStore.retract(participantID: voter.id, contributionID: contributionID, in: connection)
            return try ContributionStore.contribution(id: contributionID, readerID: voter.id, in: connection)!
        }
    }

    /// Votes go to published contributions of open workshops of the voter's congress.
    static func votable(_ contributionID: UUID, by voter: Participant, in connection: Connection) throws -> Workshop {
        try voter.mustTakePart(to: "vote")
        let (contribution, workshop) = try ContributionService.visible(id: contributionID, for: voter, in: connection)
        guard contribution.status == .published else {
            throw ServiceError.contributionNotPublished("a \(contribution.status.rawValue) contribution takes no votes")
        }
        guard workshop.status == .open else { throw ContributionService.closed(workshop) }
        return workshop
    }
}
