import Foundation

extension UUID {
    /// Ids go out in lower case, as RFC 9562 asks, as PostgreSQL writes them and as paths and
    /// `Location` headers spell them. Input is accepted in either case.
    public var json: String { uuidString.lowercased() }
}
