/// The formats of `atelier export --format` and of the export endpoint.
public enum ExportFormat: String, Sendable, CaseIterable, Codable {
    case odt
    case docx
    case html
    case md
    /// The CSV files in one zip.
    case csv
    case json

    public var fileExtension: String { self == .csv ? "zip" : rawValue }

    public var mediaType: String {
        switch self {
        case .odt: ODTWriter.mediaType
        case .docx: DOCXWriter.mediaType
        case .html: HTMLWriter.mediaType
        case .md: MarkdownWriter.mediaType
        case .csv: "application/zip"
        case .json: "application/json"
        }
    }
}

/// One entry point for every format: a briefing in, the file's bytes out.
public enum BriefingExport {
    public static func export(_ briefing: Briefing, as format: ExportFormat) -> [UInt8] {
        switch format {
        case .odt: ODTWriter.write(BriefingLayout.document(briefing))
        case .docx: DOCXWriter.write(BriefingLayout.document(briefing))
        case .html: HTMLWriter.write(BriefingLayout.document(briefing))
        case .md: MarkdownWriter.write(BriefingLayout.document(briefing))
        case .csv: BriefingCSV.archive(briefing)
        case .json: BriefingJSON.encode(briefing)
        }
    }

    /// Every format at once, laying the document out once: what `make bench` times.
    public static func allFormats(_ briefing: Briefing) -> [ExportFormat: [UInt8]] {
        let document = BriefingLayout.document(briefing)
        return [
            .odt: ODTWriter.write(document), .docx: DOCXWriter.write(document), .html: HTMLWriter.write(document),
            .md: MarkdownWriter.write(document), .csv: BriefingCSV.archive(briefing), .json: BriefingJSON.encode(briefing),
        ]
    }
}
