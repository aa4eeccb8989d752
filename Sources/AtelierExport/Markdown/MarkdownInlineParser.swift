/// Emphasis and strong emphasis by CommonMark's delimiter-run rules: a run of `*` or `_` can open
/// when it is left-flanking and close when it is right-flanking (`_` not inside a word, so
/// `snake_case_name` stays text), and closers are matched to the nearest opener of the same kind.
/// Unmatched delimiters stay literal.
enum MarkdownInlineParser {
    enum Unit: Equatable {
        case character(Character)
        case hardBreak
    }

    private struct Delimiter {
        var character: Character
        var count: Int
        let originalCount: Int
        let canOpen: Bool
        let canClose: Bool
    }

    private enum Piece {
        case text(String)
        case delimiter(Delimiter)
        /// A finished node, with how deeply emphasis nests inside it.
        case node(Inline, depth: Int)
    }

    static func parse(_ units: [Unit]) -> [Inline] {
        var pieces: [Piece] = []
        var buffer = ""
        func flush() {
            if !buffer.isEmpty { pieces.append(.text(buffer)) }
            buffer = ""
        }
        func character(at index: Int) -> Character? {
            guard index >= 0, index < units.count, case .character(let c) = units[index] else { return nil }
            return c
        }

        var i = 0
        while i < units.count {
            guard case .character(let c) = units[i] else {
                flush()
                pieces.append(.node(.lineBreak, depth: 0))
                i += 1
                continue
            }
            if c == "\\", let next = character(at: i + 1), next.isASCII, next.isPunctuation || next.isSymbol {
                buffer.append(next)
                i += 2
            } else if c == "*" || c == "_" {
                var end = i
                while character(at: end) == c { end += 1 }
                flush()
                pieces.append(.delimiter(delimiter(c, count: end - i, before: character(at: i - 1), after: character(at: end))))
                i = end
            } else {
                buffer.append(c)
                i += 1
            }
        }
        flush()
        return matchEmphasis(pieces)
    }

    /// Flanking, from the characters around the run; a line start or end, or a break, counts as a space.
    private static func delimiter(_ c: Character, count: Int, before: Character?, after: Character?) -> Delimiter {
        let spaceBefore = before.map(\.isWhitespace) ?? true
        let spaceAfter = after.map(\.isWhitespace) ?? true
        let punctuationBefore = before.map { $0.isPunctuation || $0.isSymbol } ?? false
        let punctuationAfter = after.map { $0.isPunctuation || $0.isSymbol } ?? false
        let leftFlanking = !spaceAfter && (!punctuationAfter || spaceBefore || punctuationBefore)
        let rightFlanking = !spaceBefore && (!punctuationBefore || spaceAfter || punctuationAfter)
        if c == "_" {
            return Delimiter(
                character: c, count: count, originalCount: count,
                canOpen: leftFlanking && (!rightFlanking || punctuationBefore),
                canClose: rightFlanking && (!leftFlanking || punctuationAfter))
        }
        return Delimiter(character: c, count: count, originalCount: count, canOpen: leftFlanking, canClose: rightFlanking)
    }

    private static func matchEmphasis(_ input: [Piece]) -> [Inline] {
        var pieces = input
        var closerIndex = 0
        while closerIndex < pieces.count {
            guard case .delimiter(var closer) = pieces[closerIndex], closer.canClose, closer.count > 0 else {
                closerIndex += 1
                continue
            }
            var openerIndex = closerIndex - 1
            while openerIndex >= 0 {
                if case .delimiter(let opener) = pieces[openerIndex], opener.character == closer.character, opener.canOpen,
                    opener.count > 0, !breaksRuleOfThree(opener, closer)
                {
                    break
                }
                openerIndex -= 1
            }
            guard openerIndex >= 0, case .delimiter(var opener) = pieces[openerIndex] else {
                closerIndex += 1
                continue
            }
            let used = opener.count >= 2 && closer.count >= 2 ? 2 : 1
            opener.count -= used
            closer.count -= used
            let inner = Array(pieces[openerIndex + 1..<closerIndex])
            let depth =
                1
                + inner.reduce(0) { deepest, piece in
                    if case .node(_, let depth) = piece { return max(deepest, depth) }
                    return deepest
                }
            let replacement: [Piece]
            if depth > MarkdownParser.maximumDepth {
                // Too deep to nest safely: the delimiters stay as the text they are.
                let marks = Piece.text(String(repeating: closer.character, count: used))
                replacement = [.delimiter(opener), marks] + inner + [marks, .delimiter(closer)]
            } else {
                let children = finish(inner)
                replacement = [.delimiter(opener), .node(used == 2 ? .strong(children) : .emphasis(children), depth: depth), .delimiter(closer)]
            }
            pieces.replaceSubrange(openerIndex...closerIndex, with: replacement)
            closerIndex = openerIndex + replacement.count - 1
        }
        return finish(pieces)
    }

    /// CommonMark's rule of three: `*foo**bar*` is one emphasis, not a strong inside an emphasis.
    private static func breaksRuleOfThree(_ opener: Delimiter, _ closer: Delimiter) -> Bool {
        (opener.canClose || closer.canOpen) && (opener.originalCount + closer.originalCount) % 3 == 0
            && !(opener.originalCount % 3 == 0 && closer.originalCount % 3 == 0)
    }

    /// Leftover delimiters become text, and adjacent texts one text.
    private static func finish(_ pieces: [Piece]) -> [Inline] {
        var result: [Inline] = []
        func append(_ text: String) {
            guard !text.isEmpty else { return }
            if case .text(let previous) = result.last {
                result[result.count - 1] = .text(previous + text)
            } else {
                result.append(.text(text))
            }
        }
        for piece in pieces {
            switch piece {
            case .text(let text): append(text)
            case .delimiter(let delimiter): append(String(repeating: delimiter.character, count: delimiter.count))
            case .node(let inline, _): result.append(inline)
            }
        }
        return result
    }
}
