import AtelierCore
import Testing

@Suite struct WorkshopClusteringTests {
    /// Three themes a room would raise, a few ways each, plus noise.
    static let themes: [[String]] = [
        [
            "Former les élus au numérique dès leur installation", "Une formation obligatoire des élus au numérique",
            "La formation des élus et des agents au numérique doit être financée", "Former les agents d'accueil au numérique",
            "Des formations courtes pour les élus sur le numérique", "Un plan de formation numérique pour les élus locaux",
        ],
        [
            "Mutualiser les achats de logiciels entre communes", "Des achats groupés de logiciels par l'intercommunalité",
            "Mutualiser les logiciels métiers entre petites communes", "Un groupement d'achat de logiciels libres pour les communes",
            "Les communes doivent mutualiser leurs achats numériques", "Mutualiser les marchés de logiciels avec l'agglomération",
        ],
        [
            "Protéger les communes contre les cyberattaques", "Un plan de cybersécurité pour chaque commune",
            "Les cyberattaques menacent les services des communes", "Sauvegarder les données des communes contre les rançongiciels",
            "La cybersécurité des communes passe par des sauvegardes", "Exercices de crise cyber pour les communes",
        ],
    ]

    static func documents(_ texts: [String], prefix: String = "d") -> [ClusterDocument] {
        texts.enumerated().map { ClusterDocument(id: "\(prefix)\($0.offset)", text: $0.element) }
    }

    @Test func everyIdAppearsExactlyOnceAndThemesAreFound() {
        let documents = Self.documents(Self.themes.flatMap { $0 } + ["Merci pour l'accueil !", "", "🙂"])
        let result = WorkshopClustering.cluster(documents)
        let placed = result.clusters.flatMap(\.members) + result.outliers
        #expect(placed.sorted() == documents.map(\.id).sorted())
        #expect(result.outliers.contains("d19") && result.outliers.contains("d20"), "texts without words are outliers")
        // Each theme lands mostly in one cluster.
        for (theme, texts) in Self.themes.enumerated() {
            let ids = Set((0..<texts.count).map { "d\(theme * 6 + $0)" })
            let best = result.clusters.map { Set($0.members).intersection(ids).count }.max() ?? 0
            #expect(best >= 5, "theme \(theme): \(result.clusters.map(\.label))")
        }
        for cluster in result.clusters {
            #expect(!cluster.keywords.isEmpty)
            #expect((1...3).contains(cluster.representatives.count))
            #expect(Set(cluster.representatives).isSubset(of: cluster.members))
        }
    }

    @Test func theSameInputGivesTheSameResult() {
        let documents = Self.documents(Self.themes.flatMap { $0 })
        #expect(WorkshopClustering.cluster(documents) == WorkshopClustering.cluster(documents))
        let other = WorkshopClustering.cluster(documents, options: .init(clusters: .fixed(2)))
        #expect(other.clusters.count <= 2)
    }

    @Test func labelsAreRealWordsWithTheirAccents() {
        let result = WorkshopClustering.cluster(Self.documents(Self.themes.flatMap { $0 }))
        let keywords = result.clusters.flatMap(\.keywords)
        #expect(keywords.contains { $0.contains("cybersécurité") || $0.contains("cyberattaques") })
        #expect(keywords.contains { $0.hasPrefix("formation") || $0.hasPrefix("former") })
    }

    @Test func aBigramTakesThePlaceOfItsWordsEvenWhenAWordRanksFirst() {
        // "associations" is in every text of the first theme, "associations d'élus" in most:
        // the word alone ranks first, and the bigram must replace it, not sit beside it.
        let associations = [
            "Les associations d'élus doivent porter la formation", "Former avec les associations d'élus",
            "Les associations d'élus connaissent les besoins", "Associations d'élus et formation continue",
            "Les associations locales aussi", "Soutenir les associations de quartier",
        ]
        let documents = Self.documents(associations + Self.themes[1] + Self.themes[2])
        let result = WorkshopClustering.cluster(documents, options: .init(clusters: .fixed(3)))
        let keywords = result.clusters.flatMap(\.keywords)
        #expect(keywords.contains("associations élus"), "\(keywords)")
        for cluster in result.clusters {
            let bigrams = cluster.keywords.filter { $0.contains(" ") }
            let words = cluster.keywords.filter { !$0.contains(" ") }
            for bigram in bigrams {
                let parts = bigram.split(separator: " ").map(String.init)
                #expect(!words.contains { parts.contains($0) }, "\(cluster.keywords)")
            }
        }
    }

    @Test func nearDuplicatesAreReported() {
        let texts = Self.themes.flatMap { $0 } + ["Former les élus au numérique dès leur installation !"]
        let result = WorkshopClustering.cluster(Self.documents(texts))
        #expect(result.duplicates.contains(["d0", "d18"]))
    }

    @Test func clusterCountsStayInAWorkshopsRange() {
        #expect(WorkshopClustering.clusterCountBounds(documents: 40) == 3...4)
        #expect(WorkshopClustering.clusterCountBounds(documents: 250) == 3...8)
        #expect(WorkshopClustering.clusterCountBounds(documents: 4) == 1...2)
        #expect(WorkshopClustering.clusterCountBounds(documents: 10_000).upperBound == 20)
    }

    @Test func reclusteringKeepsClustersAndWelcomesNewOnes() {
        let first = StableClustering.recluster(Self.documents(Self.themes.flatMap { $0 }), previous: [])
        #expect(first.clusters.allSatisfy { $0.isNew })
        let previous = first.clusters.map { StableClustering.PreviousCluster(id: $0.id, members: $0.cluster.members) }
        // Later: one more on training, and a new theme of its own.
        let later =
            Self.themes.flatMap { $0 } + [
                "Former les élus au numérique avant chaque mandat",
                "Réduire l'empreinte écologique des équipements numériques", "Allonger la durée de vie des équipements numériques",
                "Le reconditionnement des équipements numériques des écoles", "Sobriété : moins d'équipements numériques neufs",
            ]
        let second = StableClustering.recluster(Self.documents(later), previous: previous)
        let kept = second.clusters.filter { !$0.isNew }
        #expect(Set(kept.map(\.id)) == Set(first.clusters.map(\.id)), "every earlier cluster is still there")
        for cluster in kept {
            let before = Set(first.clusters.first { $0.id == cluster.id }!.cluster.members)
            #expect(before.isSubset(of: Set(cluster.cluster.members)), "earlier members stay")
        }
        let training = kept.first { $0.cluster.members.contains("d0") }!
        #expect(training.cluster.members.contains("d18"))
        let fresh = second.clusters.filter(\.isNew)
        #expect(fresh.count == 1)
        let freshMembers = Set(fresh.first?.cluster.members ?? [])
        #expect(freshMembers.isSuperset(of: ["d20", "d21"]))
        let placed = second.clusters.flatMap(\.cluster.members) + second.outliers
        #expect(placed.sorted() == later.indices.map { "d\($0)" }.sorted())
        // The same history gives the same identities.
        #expect(StableClustering.recluster(Self.documents(later), previous: previous) == second)
    }
}

/// Stands in for sentence embeddings: puts documents on two axes by a marker in their id.
struct AxisRepresentation: TextRepresentation {
    func vectors(for documents: [ClusterDocument], lexical: [SparseVector], lexicalDimensions: Int) -> (
        vectors: [SparseVector], dimensions: Int
    ) {
        (documents.map { SparseVector(indices: [$0.id.hasPrefix("a") ? 0 : 1], values: [1]) }, 2)
    }
}

@Suite struct TextRepresentationTests {
    @Test func theGroupingFollowsThePluggedRepresentationAndLabelsStayWords() {
        // The texts alone would group by theme; the representation groups by the id's letter.
        let texts = WorkshopClusteringTests.themes.flatMap { $0 }
        let documents = texts.enumerated().map { ClusterDocument(id: ($0.offset % 2 == 0 ? "a" : "b") + "\($0.offset)", text: $0.element) }
        let result = WorkshopClustering.cluster(documents, options: .init(clusters: .fixed(2)), representation: AxisRepresentation())
        #expect(result.clusters.count == 2)
        for cluster in result.clusters {
            #expect(Set(cluster.members.map { $0.prefix(1) }).count == 1)
            #expect(!cluster.keywords.isEmpty)
        }
    }
}
