/// What went wrong, in the domain's terms: one case per meaning. The HTTP layer maps each case
/// to a problem type in one exhaustive switch, the pages to a page, the CLI prints `description`;
/// a new case fails to compile until every one of them says what it means.
public enum ServiceError: Error, Equatable, Sendable, CustomStringConvertible {
    /// No valid credentials.
    case unauthenticated(String)
    /// Authenticated, but this role may not do this.
    case forbidden(String)
    /// No such thing, or not one the caller may see.
    case notFound(String)
    /// The request's content breaks a rule; `field` names the culprit.
    case invalid(field: String, reason: String)
    /// An Idempotency-Key replayed with a different request.
    case idempotencyKeyReused(String)
    /// The workshop is closed: no posts, edits or votes.
    case workshopClosed(String)
    /// The contribution is hidden or withdrawn.
    case contributionNotPublished(String)
    /// The version the caller edited is no longer the current one.
    case staleVersion(String)
    /// Only a draft's text and sources change.
    case proposalNotDraft(String)
    /// The proposal was deleted or merged into another.
    case proposalRetired(String)
    /// Only a published proposal takes endorsements.
    case proposalNotPublished(String)
    /// Statuses move one step at a time.
    case invalidStatusTransition(String)
    /// A cluster of a run becomes one proposal, once.
    case clusterAlreadyAdopted(String)
    /// A new order must name each live proposal of the workshop exactly once.
    case proposalOrderMismatch(String)
    /// An import names a congress the database already holds.
    case congressExists(String)
    /// Another request changed the same rows at the same moment.
    case concurrentChange(String)
    /// The database cannot be reached, or the service is stopping: try again shortly.
    case unavailable(String)
    /// The database or the service is saturated, or a statement ran too long: try again shortly.
    case busy(String)

    public var description: String {
        switch self {
        case .invalid(let field, let reason): "\(field): \(reason)"
        case .unauthenticated(let detail), .forbidden(let detail), .notFound(let detail), .idempotencyKeyReused(let detail),
            .workshopClosed(let detail), .contributionNotPublished(let detail), .staleVersion(let detail),
            .proposalNotDraft(let detail), .proposalRetired(let detail), .proposalNotPublished(let detail),
            .invalidStatusTransition(let detail), .clusterAlreadyAdopted(let detail), .proposalOrderMismatch(let detail),
            .congressExists(let detail), .concurrentChange(let detail), .unavailable(let detail), .busy(let detail):
            detail
        }
    }
}
