import ServiceLifecycle

/// The live events' listener and hub, for as long as the server runs.
struct EventListenerService: Service {
    let events: EventService

    func run() async {
        // Listed before the HTTP server, so it stops after it (a group stops its services in
        // reverse order): the server's open streams end first, on the same shutdown.
        await cancelWhenGracefulShutdown { await events.run() }
    }
}
