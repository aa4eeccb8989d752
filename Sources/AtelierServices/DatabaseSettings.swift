import AtelierCore
import AtelierEmbedding
import Logging
import Metrics
import Postgres

/// How to reach PostgreSQL: what the command line reads from its options and the environment.
public struct DatabaseSettings: Sendable {
    public var url: String
    /// Connections, and the threads that run them.
    public var poolSize: Int
    /// How long one statement may run; nil for no limit.
    public var statementTimeout: Duration?
    /// How long a request waits for a free connection before it is told the service is busy.
    public var connectionWait: Duration
    /// Whether `url` leads to pgbouncer in transaction pooling.
    public var transactionPooling: Bool
    /// Straight to the primary, for what needs a session: the event listener, migrations.
    public var sessionURL: String
    /// A standby (or a pooler in front of one) for lists and exports; nil: the primary serves
    /// every read. Behind a pooler in transaction pooling like `url`, when `transactionPooling`.
    public var readURL: String?
    /// How long a participant's reads are held to their last write (see `StandbyReads`).
    public var readYourWritesWindow: Duration

    public init(
        url: String, poolSize: Int, statementTimeout: Duration? = .seconds(15), connectionWait: Duration = .seconds(5),
        transactionPooling: Bool = false, sessionURL: String? = nil, readURL: String? = nil, readYourWritesWindow: Duration = .seconds(2)
    ) {
        self.url = url
        self.poolSize = poolSize
        self.statementTimeout = statementTimeout
        self.connectionWait = connectionWait
        self.transactionPooling = transactionPooling
        self.sessionURL = sessionURL ?? url
        self.readURL = readURL
        self.readYourWritesWindow = readYourWritesWindow
    }

    /// The same database reached straight, past the pooler: for a command whose work needs a
    /// session of its own (migrations hold an advisory lock across transactions).
    public var straightToServer: DatabaseSettings {
        var settings = self
        settings.url = sessionURL
        settings.transactionPooling = false
        // Such a command writes, or reads what it is about to write: the primary only.
        settings.readURL = nil
        return settings
    }
}

/// Whether contributions are embedded: with an encoder, or without one and why.
public enum EmbeddingChoice: Sendable {
    case encoder(SentenceEncoder)
    case none(reason: String)
}

extension Services {
    /// Every service over a new pool; `shutdown()` (or the service group of `serve`) closes it.
    public init(
        settings: DatabaseSettings, embeddings choice: EmbeddingChoice,
        opinionGroupMinimumSize: Int = ProposalOpinionSupport.defaultMinimumGroupSize,
        tallyInterval: Duration = .milliseconds(200),
        metrics: any MetricsFactory = NOOPMetricsHandler.instance
    ) {
        let pool = ConnectionPool(
            .init(
                url: settings.url, size: settings.poolSize, statementTimeout: settings.statementTimeout, connectionWait: settings.connectionWait,
                transactionPooling: settings.transactionPooling, sessionURL: settings.sessionURL),
            logger: Logger(label: "atelier.postgres"))
        let standby = settings.readURL.map { url in
            StandbyReads(
                pool: ConnectionPool(
                    .init(
                        url: url, size: settings.poolSize, statementTimeout: settings.statementTimeout, connectionWait: settings.connectionWait,
                        transactionPooling: settings.transactionPooling, readOnly: true),
                    logger: Logger(label: "atelier.postgres.standby")),
                readYourWritesWindow: settings.readYourWritesWindow)
        }
        let embeddings =
            switch choice {
            case .encoder(let encoder): EmbeddingService(pool: pool, encoder: encoder)
            case .none(let reason): EmbeddingService(pool: pool, unavailable: reason)
            }
        self.init(
            pool: pool, standby: standby, embeddings: embeddings, opinionGroupMinimumSize: opinionGroupMinimumSize, tallyInterval: tallyInterval,
            metrics: metrics)
    }
}
