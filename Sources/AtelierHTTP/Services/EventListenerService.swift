import AtelierServices
import ServiceLifecycle

/// The live events' listener and hub, started and stopped with the server.
struct EventListenerService: Service {
    let events: EventService

    func run() async {
        // Shut down after the HTTP server (services stop in reverse order), whose streams end first.
        await cancelWhenGracefulShutdown { await events.run() }
    }
}
