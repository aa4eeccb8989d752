import AtelierCore
import AtelierStore
import Foundation
import Postgres

/// One workshop on the plenary screen.
public struct PlenaryWorkshop: Sendable {
    public var summary: WorkshopSummary
    /// Published proposals in the workshop's order, with their support.
    public var proposals: [ProposalRecord]
}

/// What the plenary screen shows: public by nature, the same whoever reads it.
public struct PlenaryBoard: Sendable {
    public var congress: Congress
    public var workshops: [PlenaryWorkshop]
}

extension ProposalService {
    /// The reader's congress live: each workshop's counts of published contributions and their
    /// votes, and its published proposals. Never a draft nor a validated proposal, even for an
    /// admin: the screen faces the room. One snapshot, so counts and proposals agree.
    public func plenary(for reader: Participant) async throws -> PlenaryBoard {
        try await database.withTransaction(.repeatableRead) { connection in
            let congress = try CongressService.congress(of: reader, in: connection)
            let overview = try CongressService.overview(of: congress, in: connection)
            let published = Dictionary(
                grouping: try ProposalStore.records(ProposalFilter(congressID: congress.id, statuses: [.published]), in: connection),
                by: \.proposal.workshopID)
            return PlenaryBoard(
                congress: congress,
                workshops: overview.workshops.map { PlenaryWorkshop(summary: $0, proposals: published[$0.workshop.id] ?? []) })
        }
    }
}
