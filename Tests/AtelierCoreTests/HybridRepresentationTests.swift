import Testing

@testable import AtelierCore

@Suite struct HybridRepresentationTests {
    let documents = ["a", "b", "c"].map { ClusterDocument(id: $0, text: $0) }
    let embeddings: [String: [Float]] = ["a": [1, 0, 0], "b": [0.6, 0.8, 0], "c": [0, 0.6, 0.8]]
    let lexical = [SparseVector(indices: [0], values: [1]), SparseVector(indices: [0], values: [1]), SparseVector(indices: [1], values: [1])]

    func centredCosine(_ x: String, _ y: String) -> Float {
        let rows = documents.map { embeddings[$0.id]! }
        let mean = (0..<3).map { j in rows.map { $0[j] }.reduce(0, +) / 3 }
        func centred(_ id: String) -> [Float] {
            var v = zip(embeddings[id]!, mean).map { $0 - $1 }
            Dense.normalize(&v)
            return v
        }
        return zip(centred(x), centred(y)).map { $0 * $1 }.reduce(0, +)
    }

    @Test func aCosineIsTheWeightedSumOfMeaningAndWords() {
        for weight: Float in [0, 0.3, 0.7, 1] {
            let hybrid = HybridRepresentation(embeddings: embeddings, dimension: 3, weight: weight)
            let (vectors, dimensions) = hybrid.vectors(for: documents, lexical: lexical, lexicalDimensions: 2)
            #expect(dimensions == (weight < 1 ? 5 : 3))
            for vector in vectors { #expect(abs(vector.norm - 1) < 1e-5) }
            // a and b share their only word; a and c share none.
            #expect(abs(vectors[0].dot(vectors[1]) - (weight * centredCosine("a", "b") + (1 - weight))) < 1e-5)
            #expect(abs(vectors[0].dot(vectors[2]) - weight * centredCosine("a", "c")) < 1e-5)
        }
    }

    @Test func aDocumentWithoutAnEmbeddingIsNotCovered() {
        let hybrid = HybridRepresentation(embeddings: embeddings, dimension: 3)
        #expect(hybrid.covers(documents))
        #expect(!hybrid.covers(documents + [ClusterDocument(id: "d", text: "d")]))
    }
}
