import Foundation

/// A document as every writer sees it: a title, metadata and a tree of blocks. The briefing's
/// layout is decided once (`BriefingLayout`), and each format only decides how to spell it.
public struct Document: Sendable, Equatable {
    public var title: String
    public var subject: String
    /// BCP 47, `fr-FR` for the briefing.
    public var language: String
    /// nil: no timestamp in the metadata.
    public var createdAt: Date?
    public var blocks: [Block]

    public init(title: String, subject: String, language: String = "fr-FR", createdAt: Date? = nil, blocks: [Block]) {
        self.title = title
        self.subject = subject
        self.language = language
        self.createdAt = createdAt
        self.blocks = blocks
    }
}

public enum Block: Sendable, Equatable {
    /// Level 1 opens a new part (an engagement, an annex): paged formats start it on a new page.
    case heading(level: Int, [Inline])
    case paragraph([Inline], role: ParagraphRole = .body)
    case list(List)
    case table(Table)
}

/// What a paragraph is for, which each format maps to a named style.
public enum ParagraphRole: String, Sendable, Equatable, CaseIterable {
    case body
    /// The document's title, on the cover.
    case title
    case subtitle
    /// Where a proposal comes from: the provenance line.
    case provenance
    /// A remark about the document itself (status, scope, when it was generated).
    case note
}

public enum Inline: Sendable, Equatable {
    case text(String)
    case emphasis([Inline])
    case strong([Inline])
    case lineBreak
}

public struct List: Sendable, Equatable {
    public var ordered: Bool
    /// The number of the first item of an ordered list.
    public var start: Int
    /// Each item holds blocks: paragraphs and nested lists.
    public var items: [[Block]]

    public init(ordered: Bool, start: Int = 1, items: [[Block]]) {
        self.ordered = ordered
        self.start = start
        self.items = items
    }
}

public struct Table: Sendable, Equatable {
    public struct Column: Sendable, Equatable {
        public var title: String
        /// Numbers align right and take little room.
        public var numeric: Bool
        /// Share of the width among the table's columns, in any unit.
        public var weight: Int

        public init(_ title: String, numeric: Bool = false, weight: Int = 1) {
            self.title = title
            self.numeric = numeric
            self.weight = weight
        }
    }

    public var caption: String
    public var columns: [Column]
    /// The first column holds each row's label (a `th scope="row"` in HTML).
    public var rowHeaders: Bool
    public var rows: [[[Inline]]]

    public init(caption: String, columns: [Column], rowHeaders: Bool = false, rows: [[[Inline]]]) {
        self.caption = caption
        self.columns = columns
        self.rowHeaders = rowHeaders
        self.rows = rows
    }

    /// How a body cell is shown, which each format maps to its own style.
    public enum CellKind: Sendable {
        case text
        case number
        case rowHeader
    }

    public func kind(ofColumn index: Int) -> CellKind {
        if index < columns.count && columns[index].numeric { return .number }
        return index == 0 && rowHeaders ? .rowHeader : .text
    }

    /// `total` shared among the columns by weight, rounded down.
    public func widths(sharing total: Int) -> [Int] {
        let weights = columns.map { max(1, $0.weight) }
        let sum = max(1, weights.reduce(0, +))
        return weights.map { total * $0 / sum }
    }
}

extension Inline {
    /// The text without formatting, line breaks as spaces.
    public static func plainText(_ inlines: [Inline]) -> String {
        inlines.map { inline in
            switch inline {
            case .text(let text): text
            case .emphasis(let children), .strong(let children): plainText(children)
            case .lineBreak: " "
            }
        }.joined()
    }

    /// Text whose line ends become line breaks: contribution bodies keep their lines.
    public static func lines(_ text: String) -> [Inline] {
        var inlines: [Inline] = []
        let lines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
        for (index, line) in lines.enumerated() {
            if index > 0 { inlines.append(.lineBreak) }
            if !line.isEmpty { inlines.append(.text(String(line))) }
        }
        return inlines
    }
}

extension Block {
    /// The block with its headings moved `levels` deeper, capped at 6: a synthesis's own
    /// headings sit under its proposal's.
    public func demotingHeadings(by levels: Int) -> Block {
        switch self {
        case .heading(let level, let inlines):
            return .heading(level: min(6, max(1, level + levels)), inlines)
        case .list(var list):
            list.items = list.items.map { $0.map { $0.demotingHeadings(by: levels) } }
            return .list(list)
        case .paragraph, .table:
            return self
        }
    }
}
