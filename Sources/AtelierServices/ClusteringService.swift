import AtelierCore
import AtelierStore
import Foundation
import Metrics
import Postgres

/// A clustering run with the words of the contributions it groups, for the leads' screen.
public struct ClusteringView: Sendable {
    public var run: ClusteringRun
    public var excerpts: [String: (text: String, votes: VoteTally)]
}

/// Candidate proposals for a workshop, computed on demand by its leads.
public struct ClusteringService: Sendable {
    let database: Database
    let embeddings: EmbeddingService
    /// Where the grouping runs: it is a second of arithmetic for a large workshop.
    let compute: ComputePool
    /// A whole run, reads and writes included: what the lead waits for.
    let duration: Timer
    public static let excerptLength = 280

    public init(
        pool: ConnectionPool, embeddings: EmbeddingService, compute: ComputePool = .shared,
        metrics: any MetricsFactory = NOOPMetricsHandler.instance
    ) {
        self.database = Database(pool: pool)
        self.embeddings = embeddings
        self.compute = compute
        duration = Timer(label: "atelier_clustering_duration_seconds", factory: metrics)
    }

    /// Clusters the workshop's published contributions. Unless `fresh`, the latest run's
    /// clusters keep their identity where they still hold.
    public func run(workshopID: UUID, clusters: ClusterCount, fresh: Bool, by actor: Participant) async throws -> ClusteringView {
        let started = ContinuousClock.now
        let view = try await cluster(workshopID: workshopID, clusters: clusters, fresh: fresh, by: actor)
        duration.record(duration: ContinuousClock.now - started)
        return view
    }

    private func cluster(workshopID: UUID, clusters: ClusterCount, fresh: Bool, by actor: Participant) async throws -> ClusteringView {
        if case .fixed(let count) = clusters, !(1...50).contains(count) {
            throw ServiceError.invalid(field: "clusters", reason: "must be \"auto\" or a number from 1 to 50")
        }
        let (workshop, texts, previous) = try await database.withTransaction(.repeatableRead) { connection in
            let workshop = try CongressService.ledWorkshop(id: workshopID, by: actor, toDo: "cluster it", in: connection)
            let texts = try ContributionStore.publishedTexts(workshopID: workshop.id, in: connection)
            let previous = fresh ? nil : try ClusteringStore.latest(workshopID: workshop.id, in: connection)
            return (workshop, texts, previous)
        }
        let vectors = try await storedVectors(of: texts.map(\.0), workshopID: workshop.id)
        let options = ClusteringOptions(clusters: clusters, seed: 2026)
        let previousClusters = previous?.outcome.clusters.map { StableClustering.PreviousCluster(id: $0.id, members: $0.cluster.members) } ?? []
        // Timed on the compute thread: the grouping itself, not the wait for a thread.
        let (outcome, representation, milliseconds) = try await compute.run {
            let started = ContinuousClock.now
            let documents = texts.map {
                ClusterDocument(id: $0.0.json, text: ContributionText.forAnalysis(title: $0.1, body: $0.2))
            }
            let representation = Self.representation(of: documents, vectors: vectors)
            let outcome =
                switch representation {
                case .hybrid(let hybrid):
                    StableClustering.recluster(documents, previous: previousClusters, options: options, representation: hybrid)
                case .lexical: StableClustering.recluster(documents, previous: previousClusters, options: options)
                }
            let elapsed = ContinuousClock.now - started
            return (outcome, representation, elapsed / .milliseconds(1))
        }
        var parameters = ClusteringParameters(clusters: Self.describe(clusters), seed: options.seed, fresh: fresh || previous == nil)
        let algorithm: String
        switch representation {
        case .hybrid:
            parameters.representation = "hybrid"
            parameters.embeddingModel = embeddings.model.map { "\($0.name) \($0.version)" }
            algorithm = WorkshopClustering.hybridAlgorithmVersion
        case .lexical(let reason):
            parameters.representation = "lexical"
            parameters.fallbackReason = reason
            algorithm = WorkshopClustering.algorithmVersion
        }
        let described = parameters
        return try await database.withTransaction { connection in
            let run = try ClusteringStore.insert(
                workshopID: workshop.id, requestedBy: actor.id, previousRunID: previous?.id, algorithm: algorithm,
                parameters: described, outcome: outcome, contributionCount: texts.count, durationMilliseconds: milliseconds,
                in: connection)
            return try Self.view(run, in: connection)
        }
    }

    enum Representation: Sendable {
        case hybrid(HybridRepresentation)
        case lexical(reason: String)
    }

    /// What the grouping may use besides the words.
    enum Vectors: Sendable {
        case embeddings([UUID: [Float]], dimension: Int)
        case none(reason: String)
    }

    /// The sentence embeddings of these contributions, computing the missing ones first (the
    /// worker may lag behind a burst of posts); or why clustering uses words alone.
    func storedVectors(of ids: [UUID], workshopID: UUID) async throws -> Vectors {
        guard let model = embeddings.model else {
            if case .unavailable(let reason) = embeddings.availability { return .none(reason: reason) }
            return .none(reason: "no sentence encoder")
        }
        try await embeddings.embedMissing(workshopID: workshopID)
        return .embeddings(try await embeddings.vectors(of: ids), dimension: model.dimension)
    }

    /// Embeddings and words when every contribution has a vector; words alone otherwise, with the reason.
    static func representation(of documents: [ClusterDocument], vectors: Vectors) -> Representation {
        switch vectors {
        case .none(let reason):
            return .lexical(reason: reason)
        case .embeddings(let vectors, let dimension):
            let hybrid = HybridRepresentation(
                embeddings: Dictionary(uniqueKeysWithValues: vectors.map { ($0.key.json, $0.value) }), dimension: dimension)
            guard hybrid.covers(documents) else {
                // Only a contribution edited during this very request can be missing its vector.
                return .lexical(reason: "\(documents.count - vectors.count) contribution(s) changed while their embeddings were computed")
            }
            return .hybrid(hybrid)
        }
    }

    public func latest(workshopID: UUID, for actor: Participant) async throws -> ClusteringView {
        try await database.withTransaction(.repeatableRead) { connection in
            let workshop = try CongressService.ledWorkshop(id: workshopID, by: actor, toDo: "cluster it", in: connection)
            guard let run = try ClusteringStore.latest(workshopID: workshop.id, in: connection) else {
                throw ServiceError.notFound("the workshop has not been clustered yet")
            }
            return try Self.view(run, in: connection)
        }
    }

    static func view(_ run: ClusteringRun, in connection: Connection) throws -> ClusteringView {
        let ids = (run.outcome.clusters.flatMap(\.cluster.members) + run.outcome.outliers).compactMap(UUID.init(uuidString:))
        let excerpts = try ContributionStore.excerpts(ids: ids, length: excerptLength, in: connection)
        return ClusteringView(
            run: run,
            excerpts: Dictionary(uniqueKeysWithValues: excerpts.map { ($0.key.json, (text: $0.value.0, votes: $0.value.1)) }))
    }

    static func describe(_ count: ClusterCount) -> String {
        switch count {
        case .automatic: "auto"
        case .fixed(let number): String(number)
        }
    }
}
