import Foundation

public enum ContributionSort: String, Sendable, Codable, CaseIterable {
    /// Newest first.
    case recent
    /// Most agreed first: agree minus disagree, then newest.
    case support
}

/// Where a page of contributions ends, so the next page starts right after it even while
/// new contributions and votes arrive.
public struct ContributionCursor: Sendable, Equatable {
    public var sort: ContributionSort
    public var support: Int
    /// Microseconds since 1970, PostgreSQL's own precision, so the comparison is exact.
    public var createdAtMicros: Int64
    public var id: UUID

    public static let paginator = Paginator(list: "contributions", width: 4)

    public init(sort: ContributionSort, support: Int, createdAtMicros: Int64, id: UUID) {
        self.sort = sort
        self.support = support
        self.createdAtMicros = createdAtMicros
        self.id = id
    }

    public var position: [String] { [sort.rawValue, String(support), String(createdAtMicros), id.json] }

    public var encoded: String { Self.paginator.cursor(at: position) }

    /// nil when the text is not a cursor of the contributions' list.
    public init?(encoded: String) {
        guard let parts = Self.paginator.position(of: encoded), let sort = ContributionSort(rawValue: parts[0]),
            let support = Paginator.integer(parts[1]), let micros = Paginator.timestampMicros(parts[2]), let id = UUID(uuidString: parts[3])
        else { return nil }
        self.init(sort: sort, support: support, createdAtMicros: micros, id: id)
    }
}
