/// What went wrong, in the domain's terms. The HTTP layer turns each case into a problem
/// document with a stable type; the CLI prints the detail.
public enum ServiceError: Error, Equatable, Sendable, CustomStringConvertible {
    /// No valid credentials.
    case unauthenticated(String)
    /// Authenticated, but this role may not do this.
    case forbidden(String)
    /// No such thing, or not one the caller may see.
    case notFound(String)
    /// The request's content breaks a rule; `field` names the culprit.
    case invalid(field: String, reason: String)
    /// The request is well-formed but the current state refuses it; `kind` is stable.
    case conflict(kind: String, detail: String)

    public var description: String {
        switch self {
        case .unauthenticated(let detail), .forbidden(let detail), .notFound(let detail): detail
        case .invalid(let field, let reason): "\(field): \(reason)"
        case .conflict(_, let detail): detail
        }
    }
}
