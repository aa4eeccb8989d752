import Foundation
import HTTPTypes
import Hummingbird

extension AtelierRequestContext {
    /// The client's address: the socket's peer, unless the peer is a proxy of ours, in which case
    /// the last address in `X-Forwarded-For` that is not one of our proxies (each proxy appends
    /// the peer it saw; anything to the left of our own proxies' entries is the client's word).
    func clientAddress(_ request: Request, trustedProxies: Set<String>) -> String {
        let peer = remoteAddress?.ipAddress ?? "unknown"
        guard trustedProxies.contains(peer), let forwarded = request.headers[Self.forwardedFor] else { return peer }
        let chain = forwarded.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        return chain.last { !trustedProxies.contains($0) } ?? chain.first ?? peer
    }

    static let forwardedFor = HTTPField.Name("X-Forwarded-For")!
}
