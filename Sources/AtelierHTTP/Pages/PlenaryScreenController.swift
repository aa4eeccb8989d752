import AtelierCore
import AtelierExport
import AtelierServices
import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import ServiceLifecycle

/// `/ecran`: the plenary screen, for the projector. Anyone of the congress may open it, the display
/// access included; the service shows what is published and nothing else, whoever asks.
/// `/ecran/etat` is the same as JSON, ready-made text for the script to write; `/ecran/flux` says
/// when something changed in any workshop, so the script reads `/ecran/etat` again.
struct PlenaryScreenController {
    let proposals: ProposalService
    let opinionGroups: OpinionGroupService
    let events: EventService
    let pages: PageRenderer

    func addRoutes(to group: RouterGroup<AtelierRequestContext>) {
        group.get("ecran", use: screen)
        group.get("ecran/etat", use: state)
        group.get("ecran/flux", use: stream)
    }

    struct ScreenPage {
        let congress: String
        let workshops: [Panel]
        let stateURL = "/ecran/etat"
        let streamURL = "/ecran/flux"
        let updated: String
    }

    struct ScreenState: Encodable {
        let workshops: [Panel]
        let updated: String
    }

    struct Panel: Encodable {
        let id: String
        let title: String
        let contributions: String
        let votes: String
        let proposals: [Line]
        let none: Bool
    }

    struct Line: Encodable {
        let id: String
        let title: String
        let support: String
        /// How each opinion group voted on it, as the briefing says it; empty before the groups are computed.
        let opinion: String
    }

    @Sendable func screen(request: Request, context: AtelierRequestContext) async throws -> Response {
        let session = try context.pageCaller()
        let board = try await proposals.plenary(for: session.participant)
        let opinions = try await opinionGroups.published(for: session.participant)
        let page = ScreenPage(congress: board.congress.title, workshops: Self.panels(board, opinions: opinions), updated: Self.updated())
        return pages.render("ecran", title: "Écran de plénière", page: page, session: session)
    }

    @Sendable func state(request: Request, context: AtelierRequestContext) async throws -> Response {
        let session = try context.pageCaller()
        let board = try await proposals.plenary(for: session.participant)
        let opinions = try await opinionGroups.published(for: session.participant)
        let body = try JSONEncoder().encode(ScreenState(workshops: Self.panels(board, opinions: opinions), updated: Self.updated()))
        return Response(
            status: .ok, headers: [.contentType: "application/json", .cacheControl: "no-store"], body: .init(byteBuffer: ByteBuffer(bytes: body)))
    }

    /// A message naming the workshop whenever one of its events happens; nothing about what it
    /// was, which the state says. Each feed's heartbeat goes through, so proxies keep it open.
    @Sendable func stream(request: Request, context: AtelierRequestContext) async throws -> Response {
        let session = try context.pageCaller()
        let feeds = try await events.plenaryFeeds(for: session.participant)
        var headers: HTTPFields = [.contentType: "text/event-stream; charset=utf-8", .cacheControl: "no-store"]
        headers[HTTPField.Name("X-Accel-Buffering")!] = "no"
        return Response(
            status: .ok, headers: headers,
            body: ResponseBody { writer in
                let (messages, continuation) = AsyncStream<String>.makeStream()
                defer { for feed in feeds { feed.close() } }
                try await withGracefulShutdownHandler {
                    try await withThrowingTaskGroup(of: Void.self) { group in
                        for feed in feeds {
                            group.addTask {
                                for try await item in feed {
                                    switch item {
                                    case .event: continuation.yield("data: \(feed.workshopID.json)\n\n")
                                    case .heartbeat: continuation.yield(": heartbeat\n\n")
                                    case .ready, .reset: break
                                    }
                                }
                                // One feed let go (a shutdown, a slow client): end, and the browser reconnects.
                                continuation.finish()
                            }
                        }
                        try await writer.write(ByteBuffer(string: "retry: \(EventController.retry)\n\n"))
                        for await message in messages { try await writer.write(ByteBuffer(string: message)) }
                        group.cancelAll()
                    }
                } onGracefulShutdown: {
                    continuation.finish()
                }
                try await writer.finish(nil)
            })
    }

    static func panels(_ board: PlenaryBoard, opinions: [UUID: ProposalOpinionSupport.Support] = [:]) -> [Panel] {
        board.workshops.map { workshop in
            let counts = workshop.summary.counts
            return Panel(
                id: workshop.summary.workshop.id.json, title: workshop.summary.workshop.title,
                contributions: FrenchFormat.count(counts.contributions, "contribution", "contributions"),
                votes: FrenchFormat.count(counts.votes, "vote", "votes"),
                proposals: workshop.proposals.map { record in
                    Line(
                        id: record.proposal.id.json, title: record.proposal.title, support: support(record.support),
                        opinion: opinions[record.proposal.id].flatMap(OpinionGroupSupport.init).map { BriefingLayout.capitalized($0.sentence) } ?? "")
                },
                none: workshop.proposals.isEmpty)
        }
    }

    /// "12 contributions · 80 % d'accord sur 95 votes · 3 soutiens": said in words and figures.
    static func support(_ support: ProposalSupport) -> String {
        var parts = [FrenchFormat.count(support.contributions, "contribution", "contributions")]
        if let share = support.agreeShare {
            let total = support.votes.agree + support.votes.disagree + support.votes.pass
            parts.append("\(Int((share * 100).rounded())) % d'accord sur \(FrenchFormat.count(total, "vote", "votes"))")
        }
        parts.append(FrenchFormat.count(support.endorsements, "soutien", "soutiens"))
        return parts.joined(separator: " · ")
    }

    /// "Chiffres de 14h05": the hour in France, where the congress is.
    static func updated(_ date: Date = Date()) -> String {
        let time = FrenchFormat.congressCalendar.dateComponents([.hour, .minute], from: date)
        return "Chiffres de \(time.hour ?? 0)h\(String(format: "%02d", time.minute ?? 0))."
    }
}
