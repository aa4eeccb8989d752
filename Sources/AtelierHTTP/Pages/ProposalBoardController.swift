import AtelierCore
import AtelierServices
import Foundation
import HTTPTypes
import Hummingbird

/// `/ateliers/{id}/tableau/propositions/{proposal}`: one proposal on the lead's board. Its title
/// and synthesis (Markdown, previewed by the server), its status one step at a time, its sources
/// (split off into a new draft, moved or copied to another, hidden by moderation). An edit made
/// on a version someone changed meanwhile shows both texts and keeps what the lead typed.
struct ProposalBoardController {
    let services: Services
    let pages: PageRenderer

    func addRoutes(to group: RouterGroup<AtelierRequestContext>) {
        group.get("ateliers/{workshop}/tableau/propositions/{proposal}", use: show)
        group.post("ateliers/{workshop}/tableau/propositions/{proposal}", use: save)
        group.post("ateliers/{workshop}/tableau/propositions/{proposal}/statut", use: setStatus)
        group.post("ateliers/{workshop}/tableau/propositions/{proposal}/sources", use: reshape)
    }

    struct ProposalPage {
        let workshop: String
        let board: String
        let history: String
        let notice: String?
        let title: String
        let status: String
        let version: Int
        let support: String
        let votes: String
        /// The text form while a draft; afterwards the synthesis as it reads.
        let form: ProposalForm?
        let synthesis: String?
        let steps: [StatusStep]
        let statusAction: String
        let sources: [Source]
        let sourcesAction: String
        let value: String
        let targets: [Target]
        let key: String
    }

    struct StatusStep {
        let value: String
        let label: String
    }

    struct Source {
        let id: String
        let text: String
        let author: String
        let tally: String
        let note: String?
        let hide: String?
    }

    struct Target {
        let value: String
        let title: String
    }

    /// The conflict page: the text the lead sent, the text as it is now, and the form again with
    /// the lead's text, ready to send on the current version.
    struct ConflictPage {
        let yours: Version
        let current: Version
        let form: ProposalForm
        let back: String
    }

    struct Version {
        let heading: String
        let title: String
        let synthesis: String
    }

    @Sendable func show(request: Request, context: AtelierRequestContext) async throws -> Response {
        let session = try context.pageCaller()
        let (workshopID, proposalID) = try ids(context)
        let notice = try QueryParameters(request)["message"].flatMap { BoardPageController.notices[$0] ?? Self.notices[$0] }
        return try await render(workshopID, proposalID, session: session, notice: notice, form: nil)
    }

    static let notices = [
        "enregistree": "Le texte est enregistré.",
        "statut": "Le statut de la proposition a changé.",
    ]

    /// The text form's two buttons: preview (nothing written) or save on the version read.
    @Sendable func save(request: Request, context: AtelierRequestContext) async throws -> Response {
        let session = try context.pageCaller()
        let (workshopID, proposalID) = try ids(context)
        let fields = context.formFields()
        let title = fields["title"] ?? ""
        let synthesis = fields["synthesis"] ?? ""
        let version = try Board.version(fields)
        let action = request.uri.path
        if fields["action"] == "apercu" {
            let form = ProposalForm(action: action, title: title, synthesis: synthesis, version: version, previewing: true)
            return try await render(workshopID, proposalID, session: session, notice: nil, form: form)
        }
        do {
            _ = try await services.proposals.edit(
                proposalID: proposalID, version: version, title: title, synthesis: synthesis, by: session.participant)
            return WorkshopPageController.seeOther(Board.proposalPath(workshopID, proposalID) + "?message=enregistree")
        } catch ServiceError.staleVersion {
            let current = try Board.proposal(
                try await services.proposals.proposal(id: proposalID, for: session.participant), of: workshopID
            ).record.proposal
            // The same form sent twice (a double click): the first one saved it, nothing is lost.
            if (try? ProposalText.validateTitle(title)) == current.title, (try? ProposalText.validateSynthesis(synthesis)) == current.synthesis {
                return WorkshopPageController.seeOther(Board.proposalPath(workshopID, proposalID) + "?message=enregistree")
            }
            let page = ConflictPage(
                yours: Version(heading: "Votre texte (écrit sur la version \(version))", title: title, synthesis: synthesis),
                current: Version(
                    heading: "Le texte actuel (version \(current.version), \(Board.statusLabel(current.status).lowercased()))",
                    title: current.title, synthesis: current.synthesis),
                form: ProposalForm(action: action, title: title, synthesis: synthesis, version: current.version),
                back: Board.proposalPath(workshopID, proposalID))
            return pages.render(
                "conflit", title: "Conflit : la proposition a changé", page: page, session: session, status: .conflict)
        } catch let error as ServiceError {
            guard case .invalid(let field, _) = error, field == "title" || field == "synthesis" else { throw error }
            let form = ProposalForm(action: action, title: title, synthesis: synthesis, version: version, refusal: error)
            return try await render(workshopID, proposalID, session: session, notice: nil, form: form, status: .unprocessableContent)
        }
    }

    @Sendable func setStatus(request: Request, context: AtelierRequestContext) async throws -> Response {
        let session = try context.pageCaller()
        let (workshopID, proposalID) = try ids(context)
        let fields = context.formFields()
        guard let status = fields["statut"].flatMap(ProposalStatus.init(rawValue:)) else {
            throw PageError(.unprocessableContent, "Choisissez un statut : brouillon, validée ou publiée.")
        }
        do {
            _ = try await Board.refusingInFrench {
                try await services.proposals.setStatus(
                    proposalID: proposalID, version: try Board.version(fields), status: status, by: session.participant)
            }
        } catch ServiceError.staleVersion(let detail) {
            // A double click on the same button: the first one did it.
            let current = try await services.proposals.proposal(id: proposalID, for: session.participant).record.proposal
            guard current.status == status else { throw ServiceError.staleVersion(detail) }
        }
        return WorkshopPageController.seeOther(Board.proposalPath(workshopID, proposalID) + "?message=statut")
    }

    /// The sources ticked go to a new draft split off this one, or to another draft, moved or copied.
    @Sendable func reshape(request: Request, context: AtelierRequestContext) async throws -> Response {
        let session = try context.pageCaller()
        let (workshopID, proposalID) = try ids(context)
        let fields = context.formFields()
        let sources = try Board.ids(fields.all("source"))
        let version = try Board.version(fields)
        let key = fields.text("_cle")
        if fields["operation"] == "scinder" {
            let (views, _) = try await Board.refusingInFrench {
                try await services.proposals.split(
                    proposalID: proposalID, version: version, parts: [SplitPart(title: fields["title"] ?? "", synthesis: nil, sources: sources)],
                    idempotencyKey: key, by: session.participant)
            }
            let part = views.last?.record.proposal.id ?? proposalID
            return WorkshopPageController.seeOther(Board.proposalPath(workshopID, part) + "?message=scindee")
        }
        guard let target = fields.text("vers") else {
            throw PageError(.unprocessableContent, "Choisissez la proposition qui reçoit les sources.")
        }
        let destination = try Board.versioned(target)
        let mode: TransferMode = fields["mode"] == "copier" ? .copy : .move
        _ = try await Board.refusingInFrench {
            try await services.proposals.transfer(
                workshopID: workshopID, from: VersionedProposal(id: proposalID, version: version), to: destination, contributions: sources,
                mode: mode, idempotencyKey: key, by: session.participant)
        }
        return WorkshopPageController.seeOther(Board.proposalPath(workshopID, proposalID) + "?message=transferee")
    }

    func ids(_ context: AtelierRequestContext) throws -> (UUID, UUID) {
        (try context.pathID("workshop", resource: "workshop"), try context.pathID("proposal", resource: "proposal"))
    }

    func render(
        _ workshopID: UUID, _ proposalID: UUID, session: PageSession, notice: String?, form: ProposalForm?,
        status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let lead = session.participant
        // A draft does not exist for those who do not lead its workshop (404, as in the API); a
        // published proposal's page on the board is refused them (403).
        let view = try Board.proposal(try await services.proposals.proposal(id: proposalID, for: lead), of: workshopID)
        let workshop = try await services.congresses.workshop(id: workshopID, ledBy: lead)
        let drafts = try await services.proposals.page(
            workshopID: workshopID, statuses: [.draft], includeRetired: false, cursor: nil, limit: 100, for: lead)
        let proposal = view.record.proposal
        let path = Board.proposalPath(workshopID, proposalID)
        let isDraft = proposal.status == .draft
        let item = ProposalsPageController.item(view)
        let page = ProposalPage(
            workshop: workshop.title, board: Board.path(workshopID), history: path + "/historique", notice: notice, title: proposal.title,
            status: Board.statusLabel(proposal.status), version: proposal.version, support: item.support, votes: item.votes,
            form: isDraft
                ? form ?? ProposalForm(action: path, title: proposal.title, synthesis: proposal.synthesis, version: proposal.version) : nil,
            synthesis: isDraft ? nil : ProposalForm.preview(proposal.synthesis),
            steps: ProposalStatus.allCases.filter { proposal.status.mayBecome($0) }.map { Self.step(from: proposal.status, to: $0) },
            statusAction: path + "/statut",
            sources: view.record.sources.map { Self.source($0, concealed: view.concealed, workshop: workshopID, proposal: proposalID) },
            sourcesAction: path + "/sources", value: Board.value(proposal),
            targets: drafts.items.map(\.record.proposal).filter { $0.id != proposalID }.map {
                Target(value: Board.value($0), title: $0.title)
            },
            key: Board.formKey())
        let title = form?.failed == true ? "Erreur : \(proposal.title)" : "Proposition : \(proposal.title)"
        return pages.render("proposition", title: title, page: page, session: session, status: status)
    }

    static func step(from current: ProposalStatus, to next: ProposalStatus) -> StatusStep {
        let label =
            switch (current, next) {
            case (.draft, .validated): "Valider"
            case (.validated, .published): "Publier"
            case (.published, _): "Retirer la publication"
            default: "Remettre en brouillon"
            }
        return StatusStep(value: next.rawValue, label: label)
    }

    static func source(_ source: ProposalSource, concealed: Set<UUID>, workshop: UUID, proposal: UUID) -> Source {
        let contribution = source.contribution
        let id = source.contributionID.json
        let text =
            concealed.contains(source.contributionID)
            ? "(contribution retirée par son auteur)"
            : [contribution.title, contribution.body].compactMap { $0 }.joined(separator: " — ")
        let status: String? =
            switch contribution.status {
            case .published: nil
            case .hidden: "Masquée par l'animation."
            case .withdrawn: "Retirée par son auteur."
            }
        return Source(
            id: id, text: text,
            author: Byline(name: contribution.authorName, named: contribution.authorNamed, organisation: contribution.organisation).writer,
            tally: ContributionItem.tally(contribution.votes), note: [status, source.note].compactMap { $0 }.joined(separator: " ").nonEmpty,
            hide: contribution.status == .published
                ? Board.path(workshop) + "/contributions/\(id)/masquer?retour=" + FormFields.encode(Board.proposalPath(workshop, proposal))
                : nil)
    }
}
