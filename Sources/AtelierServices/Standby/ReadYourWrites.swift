import AtelierCore

/// Where the caller's last write ended in the primary's log, as their request carried it back
/// (a cookie, or a header for API clients): the HTTP layer sets it around each request, the
/// command line leaves it nil. A task-local, so no service signature carries it; `Database.read`
/// reads it before entering a pool, whose threads are not the request's task.
///
/// Trusting the client with it is safe: a forged position can only send that client's reads to
/// the primary (one that is too far ahead) or to a standby that has replayed it (one that is
/// behind, which is where its reads would go anyway). It selects a server, never what a
/// query may see.
public enum ReadYourWrites {
    @TaskLocal public static var lastWrite: WALPosition?
}
