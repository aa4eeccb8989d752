import Postgres

/// How loaded this process is right now, for the server's metrics: read from the pools and the
/// event hub, which keep their own figures; the totals count since the process started.
public struct ServerLoad: Sendable {
    public var connectionsOpen: Int
    public var connectionsInUse: Int
    public var callersWaiting: Int
    public var statementTimeouts: Int
    public var connectionWaitTimeouts: Int
    public var computeRunning: Int
    public var computeQueued: Int
    public var computeRefused: Int
    public var eventStreamClients: Int
    /// Events handed to the event-stream subscriber furthest behind and not yet taken by its writer.
    public var eventStreamLag: Int
}

extension Services {
    public var load: ServerLoad {
        let pool = pool.statistics
        let timeouts = self.pool.timeouts
        let compute = compute.statistics
        let streams = events.streams
        return ServerLoad(
            connectionsOpen: pool.open, connectionsInUse: pool.open - pool.idle, callersWaiting: pool.waiting,
            statementTimeouts: timeouts.statements, connectionWaitTimeouts: timeouts.connectionWaits, computeRunning: compute.running,
            computeQueued: compute.queued, computeRefused: compute.refused, eventStreamClients: streams.clients,
            eventStreamLag: streams.mostBehind)
    }
}
