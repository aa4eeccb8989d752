import AtelierCore
import AtelierServices
import Foundation

/// A proposal's state at one version, as revisions record it.
struct SnapshotRepresentation: Encodable {
    let title: String
    let synthesis: String
    let status: ProposalStatus
    let position: Int
    let sources: [String]
    let deleted: Bool
    @NullEncoded var mergedInto: String?

    init(_ snapshot: ProposalSnapshot) {
        title = snapshot.title
        synthesis = snapshot.synthesis
        status = snapshot.status
        position = snapshot.position
        sources = snapshot.sourceIDs.map(\.json)
        deleted = snapshot.deleted
        mergedInto = snapshot.mergedInto?.json
    }
}

struct RevisionRepresentation: Encodable {
    let version: Int
    let action: ConsolidationAction
    let actorId: String
    let at: Date
    let state: SnapshotRepresentation
    /// Null for the first version.
    @NullEncoded var previous: SnapshotRepresentation?

    init(_ revision: ProposalRevision) {
        version = revision.version
        action = revision.action
        actorId = revision.actorID.json
        at = revision.at
        state = SnapshotRepresentation(revision.state)
        previous = revision.previous.map(SnapshotRepresentation.init)
    }
}

/// What changed between two versions: fields that changed, sources in and out, and the
/// synthesis line by line.
struct DiffRepresentation: Encodable {
    struct Change<Value: Encodable>: Encodable {
        @NullEncoded var before: Value?
        @NullEncoded var after: Value?
    }

    struct Line: Encodable {
        /// `same`, `removed` or `added`.
        let op: String
        let text: String
    }

    let proposalId: String
    let from: Int
    let to: Int
    @NullEncoded var title: Change<String>?
    @NullEncoded var status: Change<ProposalStatus>?
    @NullEncoded var position: Change<Int>?
    @NullEncoded var deleted: Change<Bool>?
    @NullEncoded var mergedInto: Change<String>?
    let sourcesAdded: [String]
    let sourcesRemoved: [String]
    let synthesisChanged: Bool
    let synthesis: [Line]

    init(_ diff: RevisionDiff) {
        proposalId = diff.to.proposalID.json
        from = diff.from.version
        to = diff.to.version
        let changes = diff.diff
        title = changes.title.map { Change(before: $0.before, after: $0.after) }
        status = changes.status.map { Change(before: $0.before, after: $0.after) }
        position = changes.position.map { Change(before: $0.before, after: $0.after) }
        deleted = changes.deleted.map { Change(before: $0.before, after: $0.after) }
        mergedInto = changes.mergedInto.map { Change(before: $0.before?.json, after: $0.after?.json) }
        sourcesAdded = changes.sourcesAdded.map(\.json)
        sourcesRemoved = changes.sourcesRemoved.map(\.json)
        synthesisChanged = changes.synthesisChanged
        synthesis = changes.synthesis.map { line in
            switch line {
            case .same(let text): Line(op: "same", text: text)
            case .removed(let text): Line(op: "removed", text: text)
            case .added(let text): Line(op: "added", text: text)
            }
        }
    }
}

struct ConsolidationEntryRepresentation: Encodable {
    let id: Int64
    let workshopId: String
    let actorId: String
    let action: ConsolidationAction
    let proposalsBefore: [String]
    let proposalsAfter: [String]
    let contributions: [String]
    let detail: [String: String]
    let at: Date

    init(_ entry: ConsolidationEntry) {
        id = entry.id
        workshopId = entry.workshopID.json
        actorId = entry.actorID.json
        action = entry.action
        proposalsBefore = entry.proposalsBefore.map(\.json)
        proposalsAfter = entry.proposalsAfter.map(\.json)
        contributions = entry.contributions.map(\.json)
        detail = entry.detail
        at = entry.at
    }
}
