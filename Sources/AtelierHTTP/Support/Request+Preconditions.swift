import Foundation
import HTTPTypes
import Hummingbird

extension Request {
    /// The version an edit was made on, from `If-Match: "<version>"`. Edits without it are
    /// refused (428) rather than allowed to overwrite a change the client never saw.
    func expectedVersion() throws -> Int {
        guard let header = headers[.ifMatch]?.trimmingCharacters(in: .whitespaces), !header.isEmpty else {
            throw Problem(.preconditionRequired, "send If-Match: \"<version>\" with the ETag of the proposal as you read it")
        }
        if header == "*" { throw Problem(.preconditionRequired, "If-Match: * names no version; send the ETag you read") }
        guard header.count >= 3, header.hasPrefix("\""), header.hasSuffix("\""), let version = Int(header.dropFirst().dropLast()),
            version > 0
        else { throw Problem(.malformedRequest, "If-Match must be one strong entity tag such as \"3\", as sent in ETag") }
        return version
    }

    /// The client's Idempotency-Key, if any.
    var idempotencyKey: String? { headers[HTTPField.Name("Idempotency-Key")!] }
}

extension HTTPFields {
    /// `ETag: "<version>"` of a proposal.
    static func version(_ version: Int) -> HTTPFields { [.eTag: "\"\(version)\""] }
}
