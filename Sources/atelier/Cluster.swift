import ArgumentParser
import AtelierCore
import AtelierEmbedding
import Foundation

/// `atelier cluster`: the clustering of a CSV file, with no database. Automated checks call it,
/// so its options and its JSON are a contract (issue 3).
struct ClusterCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cluster",
        abstract: "Group the texts of a CSV file into candidate proposals.",
        discussion: """
            Reads a UTF-8 CSV file (RFC 4180; `;` separators are recognised), needs no database. \
            With --format json, prints one JSON object: {"clusters":[{"label","keywords","members","representatives"}], \
            "outliers":[ids], "duplicates":[[id,id]]}; every id is in exactly one cluster's members or in the outliers.
            """)

    @Option(help: "The CSV file, with a header line.") var input: String
    @Option(help: "The column holding each row's unique id.") var idColumn: String
    @Option(help: "The column holding the text to cluster.") var textColumn: String
    @Option(help: "auto, or a number of clusters (at least 1).") var clusters = ClusterCountArgument.automatic
    @Option(help: "json (one object on one line) or text (a summary to read).") var format = OutputFormat.json
    @OptionGroup var model: ModelOptions

    enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
        case json, text
    }

    func run() throws {
        do {
            let documents = try readDocuments()
            let options = ClusteringOptions(clusters: clusters.count)
            let result: ClusteringResult
            switch model.encoder() {
            case .success(let encoder):
                let vectors = encoder.embed(documents.map(\.text))
                let embeddings = Dictionary(zip(documents.map(\.id), vectors), uniquingKeysWith: { first, _ in first })
                let hybrid = HybridRepresentation(embeddings: embeddings, dimension: SentenceEncoder.dimension)
                result = WorkshopClustering.cluster(documents, options: options, representation: hybrid)
            case .failure(let reason):
                // Still an answer, on words alone, and said so where it does not break the JSON.
                printError("atelier cluster: grouping on words alone: \(reason.message)")
                result = WorkshopClustering.cluster(documents, options: options)
            }
            // The contract is checked here too: output that breaks it must not look like an answer.
            try checkEveryIdOnce(result, documents: documents)
            switch format {
            case .json: print(try json(result))
            case .text: print(summary(result, documents: documents), terminator: "")
            }
        } catch let failure as CommandFailure {
            printError("atelier cluster: \(failure.message)")
            throw ExitCode.failure
        }
    }

    private func readDocuments() throws(CommandFailure) -> [ClusterDocument] {
        try CSVDocuments.read(input: input, idColumn: idColumn, textColumn: textColumn)
    }

    private func checkEveryIdOnce(_ result: ClusteringResult, documents: [ClusterDocument]) throws(CommandFailure) {
        let placed = result.clusters.flatMap(\.members) + result.outliers
        if placed.count == documents.count && Set(placed) == Set(documents.map(\.id)) { return }
        throw CommandFailure("internal error: the clustering placed \(placed.count) ids for \(documents.count) documents, not each once")
    }

    private func json(_ result: ClusteringResult) throws -> String {
        let encoder = JSONEncoder()
        // Sorted keys make the output byte-for-byte reproducible; no slash escaping keeps ids as written.
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(result), as: UTF8.self)
    }

    private func summary(_ result: ClusteringResult, documents: [ClusterDocument]) -> String {
        let texts = Dictionary(documents.map { ($0.id, $0.text) }, uniquingKeysWith: { first, _ in first })
        func excerpt(_ id: String) -> String { Self.excerpt(texts[id] ?? "") }
        var out = """
            \(documents.count) texts: \(plural(result.clusters.count, "cluster")), \(plural(result.outliers.count, "outlier")), \
            \(plural(result.duplicates.count, "near-duplicate pair")).

            """
        for (number, cluster) in result.clusters.enumerated() {
            out += "\n\(number + 1). \(cluster.label.isEmpty ? "(no label)" : cluster.label) — \(plural(cluster.members.count, "text"))\n"
            if !cluster.keywords.isEmpty { out += "   Keywords: \(cluster.keywords.joined(separator: ", "))\n" }
            for id in cluster.representatives { out += "   • [\(id)] \(excerpt(id))\n" }
        }
        if !result.outliers.isEmpty {
            out += "\nOutliers (fit no cluster):\n"
            for id in result.outliers { out += "   • [\(id)] \(excerpt(id))\n" }
        }
        if !result.duplicates.isEmpty {
            out += "\nNear-duplicates:\n"
            for pair in result.duplicates { out += "   • \(pair.map { "[\($0)]" }.joined(separator: " ≈ ")) \(excerpt(pair.first ?? ""))\n" }
        }
        return out
    }

    private func plural(_ count: Int, _ noun: String) -> String {
        "\(count) \(noun)\(count == 1 ? "" : "s")"
    }

    /// One line of at most `limit` characters (graphemes, so accents and emoji stay whole),
    /// cut at a word boundary where there is one.
    static func excerpt(_ text: String, limit: Int = 120) -> String {
        let words = text.split(whereSeparator: { $0.isWhitespace })
        if words.isEmpty { return "(empty)" }
        let line = words.joined(separator: " ")
        guard line.count > limit else { return line }
        let cut = line.prefix(limit - 1)
        let atWord = cut.lastIndex(of: " ").map { cut[..<$0] } ?? cut
        return String(atWord.count >= limit / 2 ? atWord : cut) + "…"
    }
}

/// `--clusters auto` or `--clusters N`, N ≥ 1.
struct ClusterCountArgument: ExpressibleByArgument {
    var count: ClusterCount

    static let automatic = ClusterCountArgument(count: .automatic)

    init(count: ClusterCount) {
        self.count = count
    }

    init?(argument: String) {
        if argument == "auto" {
            count = .automatic
        } else if let number = Int(argument), number >= 1 {
            count = .fixed(number)
        } else {
            return nil
        }
    }

    var defaultValueDescription: String {
        switch count {
        case .automatic: "auto"
        case .fixed(let number): String(number)
        }
    }
}
