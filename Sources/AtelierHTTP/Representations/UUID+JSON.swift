import Foundation

extension UUID {
    /// Ids go out in lower case, as RFC 9562 asks and as paths and `Location` headers spell them.
    /// Input is accepted in either case.
    var json: String { uuidString.lowercased() }
}
