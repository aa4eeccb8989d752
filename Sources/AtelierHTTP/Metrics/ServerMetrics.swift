import AtelierServices
import Metrics
import Prometheus
import Synchronization

/// The process's metrics, in the Prometheus text format. Code records through swift-metrics with
/// `factory`; Prometheus is only the exporter. Each application owns its registry rather than
/// bootstrapping the global `MetricsSystem`, which a process can do once: two servers in one
/// process, as the tests run them, count apart.
public final class ServerMetrics: Sendable {
    let registry: PrometheusCollectorRegistry
    /// What the services and the middleware record through.
    public let factory: any MetricsFactory
    private let sampled: SampledMetrics

    /// From a fast read (1 ms) to the slowest an attendee would wait for (10 s): the briefing
    /// export and a large workshop's clustering fall inside too.
    static let buckets: [Duration] = [
        .milliseconds(1), .milliseconds(2.5), .milliseconds(5), .milliseconds(10), .milliseconds(25), .milliseconds(50),
        .milliseconds(100), .milliseconds(250), .milliseconds(500), .seconds(1), .seconds(2.5), .seconds(5), .seconds(10),
    ]

    public init() {
        registry = PrometheusCollectorRegistry()
        var factory = PrometheusMetricsFactory(registry: registry)
        factory.defaultDurationHistogramBuckets = Self.buckets
        self.factory = factory
        sampled = SampledMetrics(factory: factory)
    }

    /// Reads what is measured by looking (the pools, the event streams, the embedding queue),
    /// then writes every series out.
    func exposition(of services: Services) async -> [UInt8] {
        await sampled.sample(services)
        return registry.emitToBuffer()
    }
}
