import Foundation

/// A draft is the leads' working text; a validated proposal is agreed by them; a published
/// one is shown to the room and can be endorsed.
public enum ProposalStatus: String, Sendable, Codable, CaseIterable {
    case draft
    case validated
    case published

    /// One step at a time: a draft is validated before it is published, and a published
    /// proposal is unpublished (back to validated) before its text can be reopened.
    public func mayBecome(_ next: ProposalStatus) -> Bool {
        switch (self, next) {
        case (.draft, .validated), (.validated, .draft), (.validated, .published), (.published, .validated): true
        default: false
        }
    }
}

/// The clustering run and cluster a proposal was adopted from.
public struct ProposalOrigin: Sendable, Codable, Equatable {
    /// Nil once the run itself was deleted; the cluster's id stays.
    public var clusteringRunID: UUID?
    public var clusterID: String

    public init(clusteringRunID: UUID?, clusterID: String) {
        self.clusteringRunID = clusteringRunID
        self.clusterID = clusterID
    }
}

/// One proposal of a workshop, as stored.
public struct Proposal: Sendable, Codable, Equatable {
    public var id: UUID
    public var congressID: UUID
    public var workshopID: UUID
    public var title: String
    /// Markdown.
    public var synthesis: String
    public var status: ProposalStatus
    public var position: Int
    /// Raised by one on every change; an edit must name the version it was made on.
    public var version: Int
    public var origin: ProposalOrigin?
    public var splitFrom: UUID?
    public var mergedInto: UUID?
    /// Set when the proposal was deleted or merged: it stays, with its sources and history.
    public var deletedAt: Date?
    public var createdBy: UUID
    public var updatedBy: UUID
    public var createdAt: Date
    public var updatedAt: Date

    public init(
        id: UUID, congressID: UUID, workshopID: UUID, title: String, synthesis: String, status: ProposalStatus, position: Int,
        version: Int, origin: ProposalOrigin?, splitFrom: UUID?, mergedInto: UUID?, deletedAt: Date?, createdBy: UUID,
        updatedBy: UUID, createdAt: Date, updatedAt: Date
    ) {
        self.id = id
        self.congressID = congressID
        self.workshopID = workshopID
        self.title = title
        self.synthesis = synthesis
        self.status = status
        self.position = position
        self.version = version
        self.origin = origin
        self.splitFrom = splitFrom
        self.mergedInto = mergedInto
        self.deletedAt = deletedAt
        self.createdBy = createdBy
        self.updatedBy = updatedBy
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }

    public var isRetired: Bool { deletedAt != nil }
}
