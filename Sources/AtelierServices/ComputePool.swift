import Foundation
import NIOPosix
import Synchronization

#if canImport(Glibc)
import Glibc
#endif

/// Threads for the arithmetic of a request: grouping a workshop's contributions, rendering and
/// compressing a briefing. Swift's cooperative pool has one thread per core, two here, and one
/// clustering on it would hold up every other request; the request awaits its result here instead.
///
/// Bounded: at most `capacity` jobs run or wait at once, and the next is refused at once with
/// `ServiceError.busy` rather than queued behind seconds of work. A job whose task is cancelled
/// before a thread takes it never runs; once running, it runs to the end.
///
/// Its threads run at a lower priority (nice 10) than the ones serving requests: when both want
/// a core, the request gets it, and the job takes what is left.
public final class ComputePool: Sendable {
    public let capacity: Int
    private let threads: NIOThreadPool
    private let pending = Mutex(0)
    /// For the server's metrics: jobs a thread has taken, and jobs refused since the start.
    private let running = Atomic(0)
    private let refused = Atomic(0)

    /// The process's pool, like the cooperative pool it relieves: one thread fewer than there are
    /// cores, so requests keep a core of their own while jobs run. It is never shut down. Its
    /// bound is 32 jobs, or `ATELIER_COMPUTE_CAPACITY`: `make test` raises it, since its suites
    /// are some forty servers in one process, sharing this one pool.
    public static let shared = ComputePool(
        threads: max(1, ProcessInfo.processInfo.activeProcessorCount - 1),
        capacity: ProcessInfo.processInfo.environment["ATELIER_COMPUTE_CAPACITY"].flatMap(Int.init).flatMap { $0 > 0 ? $0 : nil } ?? 32)

    public init(threads count: Int, capacity: Int) {
        precondition(count > 0 && capacity > 0, "a compute pool needs a thread and room for a job")
        self.capacity = capacity
        threads = NIOThreadPool(numberOfThreads: count)
        threads.start()
    }

    /// Runs `work` on one of the pool's threads; the calling task waits without holding a thread.
    public func run<R: Sendable>(_ work: @escaping @Sendable () throws -> R) async throws -> R {
        try pending.withLock { count in
            guard count < capacity else {
                refused.add(1, ordering: .relaxed)
                throw ServiceError.busy("the server is busy computing other answers (\(capacity) jobs at once); try again shortly")
            }
            count += 1
        }
        defer { pending.withLock { $0 -= 1 } }
        return try await threads.runIfActive {
            Self.yieldToRequests()
            self.running.add(1, ordering: .relaxed)
            defer { self.running.subtract(1, ordering: .relaxed) }
            return try work()
        }
    }

    /// Lowers the calling thread's priority: on Linux each thread has its own niceness, and `who`
    /// 0 is the calling thread alone, not the process. Cheap and the same each time, so every job
    /// does it rather than tracking which thread did.
    private static func yieldToRequests() {
        #if os(Linux)
        _ = setpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0, 10)
        #endif
    }

    /// How many jobs are running or waiting now.
    public var jobs: Int { pending.withLock { $0 } }

    /// Jobs on a thread now, jobs waiting for one, and jobs refused since the pool started.
    public var statistics: (running: Int, queued: Int, refused: Int) {
        let jobs = self.jobs
        let running = running.load(ordering: .relaxed)
        // Read apart, the two may disagree for an instant: a queue is never negative.
        return (running, max(0, jobs - running), refused.load(ordering: .relaxed))
    }

    /// Stops the threads once the jobs already given have run; for pools other than `shared`.
    public func shutdown() async throws {
        try await threads.shutdownGracefully()
    }
}
