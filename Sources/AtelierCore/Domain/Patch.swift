/// What an edit does to an optional field: leave it, give it a value, or remove it. JSON says
/// the same with a missing key, a value, and `null`.
public enum Patch<Value: Sendable & Equatable>: Sendable, Equatable {
    case keep
    case set(Value)
    case clear

    /// The field's value after the edit.
    public func applied(to current: Value?) -> Value? {
        switch self {
        case .keep: current
        case .set(let value): value
        case .clear: nil
        }
    }

    /// The same edit on a transformed value (validation, say), keeping `keep` and `clear` as they are.
    public func map<Other>(_ transform: (Value) throws -> Other) rethrows -> Patch<Other> {
        switch self {
        case .keep: .keep
        case .set(let value): .set(try transform(value))
        case .clear: .clear
        }
    }
}
