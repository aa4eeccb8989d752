import AtelierCore
import AtelierStore
import Foundation
import Postgres

/// The congress in numbers, with its workshops, as one moment.
public struct CongressDashboard: Sendable {
    public var overview: CongressOverview
    public var figures: CongressFigures
}

extension CongressService {
    /// What the admin's front page shows: the briefing's cover figures and each workshop's counts.
    public func dashboard(for admin: Participant) async throws -> CongressDashboard {
        try admin.mustAdminister(to: "read the congress's figures")
        return try await database.withTransaction(.repeatableRead) { connection in
            let congress = try Self.congress(of: admin, in: connection)
            return CongressDashboard(
                overview: try Self.overview(of: congress, in: connection), figures: try BriefingStore.figures(congressID: congress.id, in: connection)
            )
        }
    }
}
