import AtelierCore
import Hummingbird

/// Per-request state: who is calling, once the authentication middleware has said so.
public struct AtelierRequestContext: RequestContext {
    /// Contributions are at most 2 000 characters: 64 KiB leaves room and stops abuse early.
    public static let maximumBodySize = 64 * 1024

    public var coreContext: CoreRequestContextStorage
    public var participant: Participant?

    public init(source: Source) {
        coreContext = .init(source: source)
        participant = nil
    }

    public var maxUploadSize: Int { Self.maximumBodySize }

    /// The authenticated caller; routes under `/api/v1` always have one.
    func caller() throws -> Participant {
        guard let participant else { throw Problem(.unauthenticated, "send an access token: Authorization: Bearer <token>") }
        return participant
    }
}
