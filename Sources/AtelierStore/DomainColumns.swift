import AtelierCore
import Postgres

// The domain's enumerations as the columns that hold them: read with `row.decode`, checked
// against the Swift type by `PostgresDecodable` (an unknown value throws).
extension Role: PostgresDecodable {}
extension WorkshopStatus: PostgresDecodable {}
extension ContributionStatus: PostgresDecodable {}
extension VoteValue: PostgresDecodable {}
extension ProposalStatus: PostgresDecodable {}
extension ConsolidationAction: PostgresDecodable {}
extension EventAudience: PostgresDecodable {}
