import AtelierServices
import AtelierTestSupport
import Dispatch
import Synchronization
import Testing

@Suite struct ComputePoolTests {
    @Test func aJobRunsOnThePoolAndItsResultComesBack() async throws {
        let compute = ComputePool(threads: 1, capacity: 2)
        let sum = try await compute.run { (1...1_000).reduce(0, +) }
        #expect(sum == 500_500)
        #expect(compute.jobs == 0)
        try await compute.shutdown()
    }

    @Test func aJobCancelledBeforeAThreadTakesItNeverRuns() async throws {
        let compute = ComputePool(threads: 1, capacity: 4)
        let gate = DispatchSemaphore(value: 0)
        let started = Mutex(false)
        let first = Task {
            try await compute.run {
                started.withLock { $0 = true }
                gate.wait()
            }
        }
        try await eventually { started.withLock { $0 } }
        let ran = Mutex(false)
        let second = Task { try await compute.run { ran.withLock { $0 = true } } }
        // The only thread waits on the gate, so the second job is queued, not started.
        try await eventually { compute.jobs == 2 }
        second.cancel()
        gate.signal()
        _ = try await first.value
        await #expect(throws: CancellationError.self) { try await second.value }
        #expect(ran.withLock { $0 } == false)
        try await compute.shutdown()
    }

    @Test func pastItsCapacityItRefusesAtOnce() async throws {
        let compute = ComputePool(threads: 1, capacity: 2)
        let gate = DispatchSemaphore(value: 0)
        let running = (0..<2).map { _ in Task { try await compute.run { gate.wait() } } }
        try await eventually { compute.jobs == 2 }
        await #expect(throws: ServiceError.self) { try await compute.run { 1 } }
        for _ in running { gate.signal() }
        for task in running { _ = try await task.value }
        // Room again once the jobs are done.
        #expect(try await compute.run { 3 } == 3)
        try await compute.shutdown()
    }
}
