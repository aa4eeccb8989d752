import AtelierCore
import AtelierServices
import Hummingbird
import NIOCore

/// Per-request state: who is calling, once the authentication middleware has said so.
public struct AtelierRequestContext: RequestContext {
    /// Contributions are at most 2 000 characters: 64 KiB leaves room and stops abuse early.
    public static let maximumBodySize = 64 * 1024

    public var coreContext: CoreRequestContextStorage
    public var participant: Participant?
    /// The pages' signed-in browser, with its CSRF token; nil on the API and before signing in.
    public var pageSession: PageSession?
    /// A page form's fields, read once by the middleware that checked its CSRF token.
    var form: FormFields?
    /// The peer of the socket: the client, or the reverse proxy in front of us.
    public let remoteAddress: SocketAddress?

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        participant = nil
        pageSession = nil
        form = nil
        remoteAddress = source.channel.remoteAddress
    }

    public var maxUploadSize: Int { Self.maximumBodySize }

    /// The authenticated caller; routes under `/api/v1` always have one.
    func caller() throws -> Participant {
        guard let participant else { throw Problem(.unauthenticated, "send an access token: Authorization: Bearer <token>") }
        return participant
    }
}
