import AtelierServices
import Metrics
import Synchronization

/// What is read at each scrape rather than recorded as it happens: the pools and the event hub
/// keep their own figures (the connection pool does not know swift-metrics), the embedding
/// queue is the database.
struct SampledMetrics: Sendable {
    let connectionsOpen: Gauge
    let connectionsInUse: Gauge
    let callersWaiting: Gauge
    let statementTimeouts: MirroredCounter
    let connectionWaitTimeouts: MirroredCounter
    let computeRunning: Gauge
    let computeQueued: Gauge
    let computeRefused: MirroredCounter
    let streamClients: Gauge
    let streamLag: Gauge
    let embeddingQueue: Gauge
    let standbyReads: MirroredCounter
    let standbyRedirectedReads: MirroredCounter

    init(factory: any MetricsFactory) {
        func gauge(_ label: String) -> Gauge { Gauge(label: label, factory: factory) }
        func counter(_ label: String) -> MirroredCounter { MirroredCounter(Counter(label: label, factory: factory)) }
        connectionsOpen = gauge("atelier_db_connections_open")
        connectionsInUse = gauge("atelier_db_connections_in_use")
        callersWaiting = gauge("atelier_db_callers_waiting")
        statementTimeouts = counter("atelier_db_statement_timeouts_total")
        connectionWaitTimeouts = counter("atelier_db_connection_wait_timeouts_total")
        computeRunning = gauge("atelier_compute_jobs_running")
        computeQueued = gauge("atelier_compute_jobs_queued")
        computeRefused = counter("atelier_compute_jobs_refused_total")
        streamClients = gauge("atelier_event_stream_clients")
        streamLag = gauge("atelier_event_stream_lag_events")
        embeddingQueue = gauge("atelier_embedding_queue_length")
        standbyReads = counter("atelier_db_standby_reads_total")
        standbyRedirectedReads = counter("atelier_db_standby_redirected_reads_total")
    }

    func sample(_ services: Services) async {
        let load = services.load
        connectionsOpen.record(load.connectionsOpen)
        connectionsInUse.record(load.connectionsInUse)
        callersWaiting.record(load.callersWaiting)
        statementTimeouts.update(to: load.statementTimeouts)
        connectionWaitTimeouts.update(to: load.connectionWaitTimeouts)
        computeRunning.record(load.computeRunning)
        computeQueued.record(load.computeQueued)
        computeRefused.update(to: load.computeRefused)
        streamClients.record(load.eventStreamClients)
        streamLag.record(load.eventStreamLag)
        if let standby = services.standby?.statistics {
            standbyReads.update(to: standby.served)
            standbyRedirectedReads.update(to: standby.redirected)
        }
        // Without the database the last figure stays: the scrape must answer during an outage.
        if let queue = try? await services.embeddings.queueLength() { embeddingQueue.record(queue) }
    }
}

/// A counter whose total is kept elsewhere: each scrape adds what was counted since the last.
final class MirroredCounter: Sendable {
    private let counter: Counter
    private let seen = Mutex(0)

    init(_ counter: Counter) {
        self.counter = counter
    }

    func update(to total: Int) {
        let added = seen.withLock { seen in
            defer { seen = max(seen, total) }
            return max(0, total - seen)
        }
        if added > 0 { counter.increment(by: added) }
    }
}
