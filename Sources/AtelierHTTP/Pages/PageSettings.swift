/// How the pages are deployed: what the server may believe about its clients.
public struct PageSettings: Sendable {
    /// Behind a reverse proxy we run, the socket's peer is the proxy: the client's address is
    /// then the last one the proxy appended to `X-Forwarded-For`. Anyone can send that header,
    /// so it is believed only when this is set.
    public var trustsForwardedFor: Bool
    /// Wrong codes allowed per client address within `signInWindowSeconds`.
    public var signInFailures: Int
    public var signInWindowSeconds: Int

    public init(trustsForwardedFor: Bool = false, signInFailures: Int = 10, signInWindowSeconds: Int = 600) {
        self.trustsForwardedFor = trustsForwardedFor
        self.signInFailures = signInFailures
        self.signInWindowSeconds = signInWindowSeconds
    }
}
