import AtelierCore
import AtelierServices
import Foundation
import Hummingbird

/// `/admin/participants`: who is registered, and the registration file imported as a form upload,
/// all or nothing. A refused file comes back with every bad line next to the file field.
struct ParticipantsPageController {
    let participants: ParticipantService
    let congresses: CongressService
    let pages: PageRenderer

    static let fileField = "fichier"

    func addRoutes(to group: RouterGroup<AtelierRequestContext>) {
        group.get("admin/participants", use: list)
        group.post("admin/participants/import", use: importFile)
    }

    struct ParticipantsPage {
        let nav = AdminSection.participants.menu
        let count: String
        let participants: [Row]
        /// What the file's workshops column may name.
        let workshops: [WorkshopSlug]
        /// After a successful import (from the redirect's query).
        let imported: String?
        let problems: [String]
        let problemSummary: String?
        let hasProblems: Bool
    }

    struct WorkshopSlug {
        let slug: String
        let title: String
    }

    struct Row {
        let name: String
        let organisation: String
        let role: String
        let leads: String
    }

    @Sendable func list(request: Request, context: AtelierRequestContext) async throws -> Response {
        let query = try QueryParameters(request)
        let counts = try ["ajoutes", "modifies", "inchanges"].map { try query.integer($0) }
        let imported = counts.allSatisfy { $0 != nil } ? Self.summary(added: counts[0]!, updated: counts[1]!, unchanged: counts[2]!) : nil
        return try await page(context: context, imported: imported, problems: [])
    }

    @Sendable func importFile(request: Request, context: AtelierRequestContext) async throws -> Response {
        let session = try context.pageCaller()
        let slug = try await congresses.congress(for: session.participant).slug
        guard let file = context.formFields().file(Self.fileField), !file.isEmpty else {
            return try await page(
                context: context, imported: nil, problems: [], summary: "Choisissez le fichier d'inscription (CSV) à importer.",
                status: .unprocessableContent)
        }
        do {
            let report = try await participants.register(file: file, congressSlug: slug, by: session.participant)
            let location = "/admin/participants?ajoutes=\(report.added.count)&modifies=\(report.updated.count)&inchanges=\(report.unchanged.count)"
            return Response(status: .seeOther, headers: [.location: location])
        } catch let refused as RegistrationRefused {
            let count = refused.problems.count
            return try await page(
                context: context, imported: nil, problems: refused.problems.map(\.french),
                summary: "Rien n'a été importé : \(count) problème\(count > 1 ? "s" : "") à corriger dans le fichier, puis importez-le à nouveau.",
                status: .unprocessableContent)
        }
    }

    static func summary(added: Int, updated: Int, unchanged: Int) -> String {
        "Import terminé : \(FrenchFormat.count(added, "personne ajoutée", "personnes ajoutées")), "
            + "\(FrenchFormat.count(updated, "mise à jour", "mises à jour")), "
            + "\(FrenchFormat.count(unchanged, "déjà inscrite à l'identique", "déjà inscrites à l'identique"))."
    }

    func page(
        context: AtelierRequestContext, imported: String?, problems: [String], summary: String? = nil, status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let session = try context.pageCaller()
        let overview = try await congresses.overview(for: session.participant)
        let registered = try await participants.participants(congressSlug: overview.congress.slug, by: session.participant)
        let workshops = Dictionary(uniqueKeysWithValues: overview.workshops.map { ($0.workshop.id, $0.workshop.title) })
        let page = ParticipantsPage(
            count: FrenchFormat.count(registered.count, "personne inscrite", "personnes inscrites"),
            participants: registered.map { participant in
                Row(
                    name: participant.displayName, organisation: participant.organisation ?? "", role: PageRenderer.roleLabel(participant.role),
                    leads: participant.leads.compactMap { workshops[$0] }.joined(separator: ", "))
            },
            workshops: overview.workshops.map { WorkshopSlug(slug: $0.workshop.slug, title: $0.workshop.title) },
            imported: imported, problems: problems, problemSummary: summary, hasProblems: !problems.isEmpty)
        return pages.render(
            "admin-participants", title: summary == nil ? "Participants" : "Erreur : participants", page: page, session: session, status: status)
    }
}
