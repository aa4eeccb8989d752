import AtelierCore
import Foundation

/// One line of the audit log. `actorId` is null for the command line, which acts as the
/// organisers; `requestId` is the `X-Request-Id` of the request that did it (null likewise).
struct AuditEntryRepresentation: Encodable {
    let id: Int64
    let action: String
    @NullEncoded var actorId: String?
    @NullEncoded var actorName: String?
    let target: String
    let detail: [String: String]
    @NullEncoded var requestId: String?
    let at: Date

    init(_ entry: AuditEntry) {
        id = entry.id
        action = entry.action.rawValue
        actorId = entry.actorID?.json
        actorName = entry.actorName
        target = entry.target
        detail = entry.detail
        requestId = entry.requestID
        at = entry.at
    }
}
