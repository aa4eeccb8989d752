import AtelierServices
import Hummingbird
import Logging
import ServiceLifecycle
import UnixSignals

/// The whole HTTP application in one place: middleware, public routes, one line per
/// controller under `/api/v1`, and the pages.
public enum AtelierApplication {
    public static func buildRouter(
        services: Services, resources: WebResources, settings: PageSettings = .init(), metrics: ServerMetrics = ServerMetrics()
    ) throws -> Router<AtelierRequestContext> {
        let routes = RouteTable()
        let limiter = RateLimiter(settings: settings.rateLimits)
        let pages = try PageRenderer(resources: resources)
        let router = Router(context: AtelierRequestContext.self)
        // Outermost first: the request's id reaches every log line, metrics and request logs see
        // every answer, headers go on problems too.
        router.add(middleware: RequestIDMiddleware())
        router.add(middleware: RequestMetricsMiddleware(factory: metrics.factory))
        router.add(middleware: RequestLogMiddleware(level: .debug))
        router.add(middleware: ResponseHeadersMiddleware())
        let problems = ProblemMiddleware(routes: routes, pages: pages)
        router.add(middleware: problems)
        router.add(middleware: BodyLimitMiddleware())
        router.add(middleware: ReadYourWritesMiddleware(services: services))
        ServiceController(services: services, resources: resources).addRoutes(to: router)
        StaticController(pages: pages).addRoutes(to: router)
        MetricsController(services: services, metrics: metrics).addRoutes(to: router)

        let api = router.group("api/v1").add(middleware: AuthenticationMiddleware(access: services.access))
            .add(middleware: RateLimitMiddleware(limiter: limiter))
        CongressController(congresses: services.congresses).addRoutes(to: api)
        ContributionController(contributions: services.contributions).addRoutes(to: api)
        VoteController(votes: services.votes).addRoutes(to: api)
        ClusteringController(clusterings: services.clusterings).addRoutes(to: api)
        ProposalController(proposals: services.proposals).addRoutes(to: api)
        ConsolidationController(proposals: services.proposals).addRoutes(to: api)
        EventController(events: services.events).addRoutes(to: api)
        ExportController(exports: services.exports).addRoutes(to: api)
        AuditController(audit: services.audit).addRoutes(to: api)
        PersonalDataController(personalData: services.personalData).addRoutes(to: api)
        OpinionGroupController(opinionGroups: services.opinionGroups).addRoutes(to: api)

        let site = router.group().add(middleware: PageSessionMiddleware(sessions: services.sessions, errors: problems))
            .add(middleware: RateLimitMiddleware(limiter: limiter))
        SignInController(sessions: services.sessions, pages: pages, limiter: limiter).addRoutes(to: site)
        HomePageController(congresses: services.congresses, pages: pages).addRoutes(to: site)
        WorkshopPageController(services: services, pages: pages).addRoutes(to: site)
        VotePageController(votes: services.votes).addRoutes(to: site)
        ContributionEditController(contributions: services.contributions, pages: pages).addRoutes(to: site)
        ProposalsPageController(services: services, pages: pages).addRoutes(to: site)
        BoardPageController(services: services, pages: pages).addRoutes(to: site)
        ClusteringPageController(services: services, pages: pages).addRoutes(to: site)
        ProposalBoardController(services: services, pages: pages).addRoutes(to: site)
        ProposalHistoryController(services: services, pages: pages).addRoutes(to: site)
        ModerationPageController(services: services, pages: pages).addRoutes(to: site)
        AdminPageController(congresses: services.congresses, exports: services.exports, pages: pages).addRoutes(to: site)
        ParticipantsPageController(participants: services.participants, congresses: services.congresses, pages: pages).addRoutes(to: site)
        BadgeSheetController(participants: services.participants, congresses: services.congresses, pages: pages).addRoutes(to: site)
        AuditPageController(audit: services.audit, congresses: services.congresses, pages: pages).addRoutes(to: site)
        PersonalDataPageController(personalData: services.personalData, pages: pages).addRoutes(to: site)
        PlenaryScreenController(proposals: services.proposals, opinionGroups: services.opinionGroups, events: services.events, pages: pages)
            .addRoutes(to: site)

        routes.load(router.routes)
        return router
    }

    /// How long a connection may stay silent while the server waits for a request, or for the
    /// rest of one (half a request line, a body that stops coming): then it is closed, so idle
    /// or slow clients cannot hold connections for ever. An answer being written (the event
    /// stream) is never cut by it.
    public static let defaultReadTimeout = Duration.seconds(30)

    /// `onRunning` receives the port actually bound, which matters when asking for port 0.
    public static func build(
        services: Services, resources: WebResources, settings: PageSettings = .init(), metrics: ServerMetrics = ServerMetrics(),
        host: String, port: Int, readTimeout: Duration = defaultReadTimeout, logger: Logger,
        onRunning: @escaping @Sendable (Int) async -> Void = { _ in }
    ) throws -> some ApplicationProtocol {
        let (seconds, attoseconds) = readTimeout.components
        return Application(
            router: HeadAsGet(router: try buildRouter(services: services, resources: resources, settings: settings, metrics: metrics)),
            server: .http1(configuration: .init(idleTimeout: .nanoseconds(seconds * 1_000_000_000 + attoseconds / 1_000_000_000))),
            configuration: .init(address: .hostname(host, port: port), serverName: "atelier"),
            onServerRunning: { channel in await onRunning(channel.localAddress?.port ?? port) },
            logger: logger)
    }

    /// The whole server as one service group: the pool, the embedding worker, the event listener,
    /// then the HTTP server. On a graceful shutdown (SIGTERM, SIGINT) the group stops them in
    /// reverse: the server drains its requests and ends its event streams, then the listener and
    /// the worker stop, and the pool closes last.
    public static func serviceGroup(
        services: Services, resources: WebResources, settings: PageSettings = .init(), metrics: ServerMetrics = ServerMetrics(),
        host: String, port: Int, readTimeout: Duration = defaultReadTimeout, logger: Logger, signals: [UnixSignal] = [.sigterm, .sigint],
        onRunning: @escaping @Sendable (Int) async -> Void = { _ in }
    ) throws -> ServiceGroup {
        let app = try build(
            services: services, resources: resources, settings: settings, metrics: metrics, host: host, port: port,
            readTimeout: readTimeout, logger: logger,
            onRunning: onRunning)
        return ServiceGroup(
            configuration: .init(
                services: services.background(logger: logger) + [app], gracefulShutdownSignals: signals, logger: logger))
    }
}
