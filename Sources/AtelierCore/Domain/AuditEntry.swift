import Foundation

/// What the audit log records: the organisers' and moderators' uses of their powers.
public enum AuditAction: String, Sendable, CaseIterable {
    case congressImport = "congress-import"
    case participantsImport = "participants-import"
    case badgesIssue = "badges-issue"
    case participantRevoke = "participant-revoke"
    case participantRotate = "participant-rotate"
    case contributionHide = "contribution-hide"
    case proposalPublish = "proposal-publish"
    case proposalUnpublish = "proposal-unpublish"
    case export
}

/// One line of the audit log: who (nil: the command line, acting as the organisers), what, on
/// what, when, and the id of the request that did it.
public struct AuditEntry: Sendable, Equatable {
    public var id: Int64
    public var congressID: UUID
    public var actorID: UUID?
    public var actorName: String?
    public var action: AuditAction
    public var target: String
    public var detail: [String: String]
    public var requestID: String?
    public var at: Date

    public init(
        id: Int64, congressID: UUID, actorID: UUID?, actorName: String?, action: AuditAction, target: String, detail: [String: String],
        requestID: String?, at: Date
    ) {
        self.id = id
        self.congressID = congressID
        self.actorID = actorID
        self.actorName = actorName
        self.action = action
        self.target = target
        self.detail = detail
        self.requestID = requestID
        self.at = at
    }
}
