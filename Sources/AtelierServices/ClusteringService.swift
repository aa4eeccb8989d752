import AtelierCore
import AtelierStore
import Foundation
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
    public static let excerptLength = 280

    public init(pool: ConnectionPool, embeddings: EmbeddingService) {
        self.database = Database(pool: pool)
        self.embeddings = embeddings
    }

    /// Clusters the workshop's published contributions. Unless `fresh`, the latest run's
    /// clusters keep their identity where they still hold.
    public func run(workshopID: UUID, clusters: ClusterCount, fresh: Bool, by actor: Participant) async throws -> ClusteringView {
        if case .fixed(let count) = clusters, !(1...50).contains(count) {
            throw ServiceError.invalid(field: "clusters", reason: "must be \"auto\" or a number from 1 to 50")
        }
        let (workshop, texts, previous) = try await database.withTransaction(.repeatableRead) { connection in
            let workshop = try CongressService.ledWorkshop(id: workshopID, by: actor, toDo: "cluster it", in: connection)
            let texts = try ContributionStore.publishedTexts(workshopID: workshop.id, in: connection)
            let previous = fresh ? nil : try ClusteringStore.latest(workshopID: workshop.id, in: connection)
            return (workshop, texts, previous)
        }
        let documents = texts.map {
            ClusterDocument(id: $0.0.uuidString.lowercased(), text: ContributionText.forAnalysis(title: $0.1, body: $0.2))
        }
        let options = ClusteringOptions(clusters: clusters, seed: 2026)
        let started = ContinuousClock.now
        let representation = try await representation(of: documents, workshopID: workshop.id)
        let previousClusters = previous?.outcome.clusters.map { StableClustering.PreviousCluster(id: $0.id, members: $0.cluster.members) } ?? []
        let outcome =
            switch representation {
            case .hybrid(let hybrid): StableClustering.recluster(documents, previous: previousClusters, options: options, representation: hybrid)
            case .lexical: StableClustering.recluster(documents, previous: previousClusters, options: options)
            }
        let elapsed = ContinuousClock.now - started
        let milliseconds = Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15
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
                parameters: described, outcome: outcome, contributionCount: documents.count, durationMilliseconds: milliseconds,
                in: connection)
            return try Self.view(run, in: connection)
        }
    }

    enum Representation {
        case hybrid(HybridRepresentation)
        case lexical(reason: String)
    }

    /// Embeddings and words when every contribution has a vector (missing ones are computed
    /// now, the worker may lag behind a burst of posts); words alone otherwise, with the reason.
    func representation(of documents: [ClusterDocument], workshopID: UUID) async throws -> Representation {
        guard let model = embeddings.model else {
            if case .unavailable(let reason) = embeddings.availability { return .lexical(reason: reason) }
            return .lexical(reason: "no sentence encoder")
        }
        try await embeddings.embedMissing(workshopID: workshopID)
        let ids = documents.compactMap { UUID(uuidString: $0.id) }
        let vectors = try await embeddings.vectors(of: ids)
        let hybrid = HybridRepresentation(
            embeddings: Dictionary(uniqueKeysWithValues: vectors.map { ($0.key.uuidString.lowercased(), $0.value) }), dimension: model.dimension)
        guard hybrid.covers(documents) else {
            // Only a contribution edited during this very request can be missing its vector.
            return .lexical(reason: "\(documents.count - vectors.count) contribution(s) changed while their embeddings were computed")
        }
        return .hybrid(hybrid)
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
            excerpts: Dictionary(uniqueKeysWithValues: excerpts.map { ($0.key.uuidString.lowercased(), (text: $0.value.0, votes: $0.value.1)) }))
    }

    static func describe(_ count: ClusterCount) -> String {
        switch count {
        case .automatic: "auto"
        case .fixed(let number): String(number)
        }
    }
}
