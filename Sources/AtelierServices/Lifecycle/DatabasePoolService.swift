import Postgres
import ServiceLifecycle

/// Owns the connection pool for the life of the process: it closes the pool only once every
/// service listed after it (workers, listener, HTTP server) has stopped, so no acknowledged
/// request loses its connection halfway.
struct DatabasePoolService: Service {
    let pool: ConnectionPool

    func run() async throws {
        // Cancellation is how the group ends a service that does not return on its own.
        try? await gracefulShutdown()
        try await pool.shutdown()
    }
}
