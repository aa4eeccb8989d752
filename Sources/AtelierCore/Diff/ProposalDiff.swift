import Foundation

/// What changed between two states of a proposal.
public struct ProposalDiff: Sendable, Equatable {
    public struct Change<Value: Sendable & Equatable>: Sendable, Equatable {
        public var before: Value
        public var after: Value

        public init(before: Value, after: Value) {
            self.before = before
            self.after = after
        }
    }

    /// Nil when unchanged.
    public var title: Change<String>?
    public var status: Change<ProposalStatus>?
    public var position: Change<Int>?
    public var deleted: Change<Bool>?
    public var mergedInto: Change<UUID?>?
    /// In the order of the sorted source ids.
    public var sourcesAdded: [UUID]
    public var sourcesRemoved: [UUID]
    /// The synthesis line by line; all `.same` when unchanged.
    public var synthesis: [DiffLine]

    public init(from before: ProposalSnapshot, to after: ProposalSnapshot) {
        func change<Value: Sendable & Equatable>(_ path: KeyPath<ProposalSnapshot, Value>) -> Change<Value>? {
            before[keyPath: path] == after[keyPath: path] ? nil : Change(before: before[keyPath: path], after: after[keyPath: path])
        }
        title = change(\.title)
        status = change(\.status)
        position = change(\.position)
        deleted = change(\.deleted)
        mergedInto = change(\.mergedInto)
        let (old, new) = (Set(before.sourceIDs), Set(after.sourceIDs))
        sourcesAdded = after.sourceIDs.filter { !old.contains($0) }
        sourcesRemoved = before.sourceIDs.filter { !new.contains($0) }
        synthesis = LineDiff.diff(before.synthesis, after.synthesis)
    }

    public var synthesisChanged: Bool {
        synthesis.contains { if case .same = $0 { false } else { true } }
    }
}
