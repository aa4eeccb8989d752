import AtelierCore
import AtelierEmbedding
import AtelierServices
import AtelierStore
import AtelierTestSupport
import Foundation
import Logging
import Postgres
import Testing

/// Embeddings written, invalidated and used, against the real server and the real model.
@Suite struct EmbeddingServiceTests {
    /// Loaded once: the weights take a moment to pack.
    static let encoder = Result { try SentenceEncoder(folder: ModelFiles.directory) }

    static let texts = [
        "Former les élus au numérique dès leur installation",
        "Une formation obligatoire des élus sur la cybersécurité",
        "Former aussi les secrétaires de mairie aux outils numériques",
        "Des ateliers de formation pour les agents municipaux",
        "Ouvrir les données des marchés publics en open data",
        "Publier les données de la commune dans des formats ouverts",
        "Un portail de données ouvertes partagé entre intercommunalités",
        "Les données publiques doivent être réutilisables par tous",
        "Garder un accueil humain à côté de chaque démarche en ligne",
        "Des conseillers numériques dans les maisons France services",
        "Accompagner les habitants éloignés du numérique",
        "Lutter contre l'illectronisme des personnes âgées",
    ]

    struct World {
        let pool: ConnectionPool
        let embeddings: EmbeddingService
        let services: Services
        let workshop: UUID
        let admin: Participant
        let author: Participant

        static func make(withModel: Bool = true) async throws -> World {
            let pool = ConnectionPool(.init(url: try await TestDatabase.migrated(), size: 2))
            let embeddings =
                withModel
                ? EmbeddingService(pool: pool, encoder: try EmbeddingServiceTests.encoder.get())
                : EmbeddingService(pool: pool, unavailable: "pas de modèle dans ce test")
            let services = Services(pool: pool, embeddings: embeddings)
            let workshop = try await pool.withConnection { connection in
                let congress = try CongressStore.upsertCongress(
                    slug: "c", title: "C", place: "Agen", startsOn: "2026-01-29", endsOn: "2026-01-30", in: connection)
                return try CongressStore.upsertWorkshop(
                    congressID: congress.id, engagementID: nil, slug: "w", title: "W", description: "", position: 0, in: connection)
            }
            func participant(_ role: Role) async throws -> Participant {
                try await services.participants.add(
                    congressSlug: "c", displayName: role.rawValue, organisation: nil, role: role, named: false, leadsWorkshops: []
                ).participant
            }
            return World(
                pool: pool, embeddings: embeddings, services: services, workshop: workshop.id, admin: try await participant(.admin),
                author: try await participant(.attendee))
        }

        func post(_ text: String) async throws -> UUID {
            try await services.contributions.post(workshopID: workshop, title: nil, body: text, idempotencyKey: nil, by: author).contribution.id
        }

        func stop() async throws {
            try await embeddings.shutdown()
            try await pool.shutdown()
        }
    }

    @Test func backfillStoresTheEncodersVectorOnceAndAnEditAsksForANewOne() async throws {
        let world = try await World.make()
        var ids: [UUID] = []
        for text in Self.texts.prefix(3) { ids.append(try await world.post(text)) }
        #expect(try await world.embeddings.coverage()! == (0, 3))

        #expect(try await world.embeddings.embedMissing() == 3)
        #expect(try await world.embeddings.embedMissing() == 0)
        #expect(try await world.embeddings.coverage()! == (3, 3))
        let stored = try await world.embeddings.vectors(of: ids)
        let expected = try Self.encoder.get().embed(Array(Self.texts.prefix(3)))
        for (id, vector) in zip(ids, expected) { #expect(stored[id] == vector) }

        _ = try await world.services.contributions.edit(id: ids[1], title: .keep, body: "Un tout autre texte, relu", by: world.author)
        #expect(try await world.embeddings.coverage()! == (2, 3))
        #expect(try await world.embeddings.vectors(of: ids)[ids[1]] == nil)
        #expect(try await world.embeddings.embedMissing() == 1)
        #expect(try await world.embeddings.vectors(of: [ids[1]])[ids[1]] == (try Self.encoder.get().embed(["Un tout autre texte, relu"]))[0])
        try await world.stop()
    }

    @Test func aVectorComputedFromTextThatChangedMeanwhileIsRefused() async throws {
        let world = try await World.make()
        let id = try await world.post("Texte d'origine")
        let model = try #require(world.embeddings.model)
        let task = try await world.pool.withConnection { try EmbeddingStore.missing(model: model, limit: 10, in: $0) }
        #expect(task.map(\.contributionID) == [id])
        _ = try await world.services.contributions.edit(id: id, title: .keep, body: "Texte corrigé", by: world.author)
        let vector = try Self.encoder.get().embed([task[0].text])[0]
        let accepted = try await world.pool.withConnection { try EmbeddingStore.store(task[0], vector: vector, model: model, in: $0) }
        #expect(!accepted)
        #expect(try await world.embeddings.coverage()! == (0, 1))
        try await world.stop()
    }

    @Test func theWorkerEmbedsWhatIsPostedWhileItRuns() async throws {
        let world = try await World.make()
        let before = try await world.post(Self.texts[0])
        let worker = Task { await world.embeddings.runWorker(logger: Logger(label: "test")) }
        try await eventually { try await world.embeddings.coverage()! == (1, 1) }
        let after = try await world.post(Self.texts[1])
        try await eventually { try await world.embeddings.coverage()! == (2, 2) }
        #expect(try await world.embeddings.vectors(of: [before, after]).count == 2)
        worker.cancel()
        try await world.stop()
        await worker.value
    }

    @Test func clusteringIsHybridWithTheModelAndSaysWhyNotWithout() async throws {
        for withModel in [true, false] {
            let world = try await World.make(withModel: withModel)
            for text in Self.texts { _ = try await world.post(text) }
            let view = try await world.services.clusterings.run(workshopID: world.workshop, clusters: .automatic, fresh: true, by: world.admin)
            let parameters = view.run.parameters
            if withModel {
                #expect(parameters.representation == "hybrid")
                #expect(parameters.embeddingModel == "\(SentenceEncoder.modelName) \(SentenceEncoder.modelVersion)")
                #expect(parameters.fallbackReason == nil)
                #expect(view.run.algorithm == WorkshopClustering.hybridAlgorithmVersion)
                // Clustering computed what the worker had not yet done.
                #expect(try await world.embeddings.coverage()! == (Self.texts.count, Self.texts.count))
            } else {
                #expect(parameters.representation == "lexical")
                #expect(parameters.fallbackReason == "pas de modèle dans ce test")
                #expect(view.run.algorithm == WorkshopClustering.algorithmVersion)
            }
            #expect(!view.run.outcome.clusters.isEmpty)
            try await world.stop()
        }
    }
}
