/// The id of the request being served, for the audit log: the HTTP layer sets it around each
/// request, the command line leaves it nil. A task-local, so no service signature carries it;
/// read it before entering the pool, whose threads are not the request's task.
public enum RequestTrace {
    @TaskLocal public static var id: String?
}
