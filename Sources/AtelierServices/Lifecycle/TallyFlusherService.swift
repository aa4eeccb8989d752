import ServiceLifecycle

/// The tally flusher, for as long as the server runs.
struct TallyFlusherService: Service {
    let tallies: TallyFlusher

    func run() async {
        // Listed after the pool, so the pool closes after the last round.
        await cancelWhenGracefulShutdown { await tallies.run() }
    }
}
