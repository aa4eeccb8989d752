import AtelierCore
import AtelierExport
import AtelierServices

/// The form for a proposal's title and synthesis: what the lead typed, the version it was
/// typed on, the error next to its field after a refusal, and the synthesis previewed.
struct ProposalForm {
    let action: String
    let title: String
    let synthesis: String
    /// The version the text was written on; nil for a new proposal.
    let version: Int?
    let key: String?
    let titleError: String?
    let synthesisError: String?
    /// The synthesis as HTML, made by the export's Markdown reader and HTML writer, which
    /// escape every text: no markup the lead typed reaches the page.
    let preview: String?
    let previewing: Bool
    /// The form's `id`, for fields placed outside it (`form="…"`).
    let formID: String?
    let titleLimit = FrenchFormat.number(ProposalText.maximumTitleLength)
    let synthesisLimit = FrenchFormat.number(ProposalText.maximumSynthesisLength)
    let synthesisLimitValue = ProposalText.maximumSynthesisLength

    init(
        action: String, title: String = "", synthesis: String = "", version: Int? = nil, key: String? = nil, refusal: ServiceError? = nil,
        previewing: Bool = false, formID: String? = nil
    ) {
        self.formID = formID
        self.action = action
        self.title = title
        self.synthesis = synthesis
        self.version = version
        self.key = key
        var titleError: String?
        var synthesisError: String?
        if case .invalid(let field, _) = refusal {
            if field == "title" {
                titleError = "Donnez un titre de 1 à \(FrenchFormat.number(ProposalText.maximumTitleLength)) caractères visibles."
            } else {
                synthesisError =
                    "La synthèse fait au plus \(FrenchFormat.number(ProposalText.maximumSynthesisLength)) caractères, sans caractères invisibles."
            }
        }
        self.titleError = titleError
        self.synthesisError = synthesisError
        self.previewing = previewing
        preview = previewing && !synthesis.isEmpty ? Self.preview(synthesis) : nil
    }

    var failed: Bool { titleError != nil || synthesisError != nil }

    static func preview(_ synthesis: String) -> String {
        HTMLWriter.fragment(MarkdownParser.parse(synthesis))
    }
}
