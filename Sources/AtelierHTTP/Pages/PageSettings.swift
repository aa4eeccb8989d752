/// How the server is deployed: what it may believe about its clients, and how much it lets
/// each of them do.
public struct PageSettings: Sendable {
    /// The rate limits, and the proxies whose `X-Forwarded-For` names the client.
    public var rateLimits: RateLimitSettings

    public init(rateLimits: RateLimitSettings = .init()) {
        self.rateLimits = rateLimits
    }
}
