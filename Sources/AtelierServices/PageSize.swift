/// How many items a page of a list holds: the client's `limit`, or the list's default.
enum PageSize {
    /// One ceiling for every list, so a client learns one rule.
    static let maximum = 100

    static func checked(_ limit: Int?, default defaultSize: Int) throws -> Int {
        let limit = limit ?? defaultSize
        guard (1...maximum).contains(limit) else {
            throw ServiceError.invalid(field: "limit", reason: "must be between 1 and \(maximum)")
        }
        return limit
    }
}
