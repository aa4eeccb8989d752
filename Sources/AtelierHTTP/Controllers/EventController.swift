import AtelierServices
import Foundation
import HTTPTypes
import Hummingbird
import ServiceLifecycle

/// A workshop's live events as Server-Sent Events, for the leads' board and the plenary screen.
struct EventController {
    let events: EventService

    /// How long a client waits before reconnecting, in milliseconds.
    static let retry = 3000

    func addRoutes(to group: RouterGroup<AtelierRequestContext>) {
        group.get("workshops/{workshop}/events", use: stream)
    }

    /// Everything is checked before the 200: afterwards, a failure can only end the stream, and the
    /// client reconnects with the last id it received.
    @Sendable func stream(request: Request, context: AtelierRequestContext) async throws -> Response {
        let caller = try context.caller()
        let workshopID = try context.pathID("workshop", resource: "workshop")
        let feed = try await events.feed(workshopID: workshopID, after: try Self.lastEventID(request), for: caller)
        var headers: HTTPFields = [.contentType: "text/event-stream; charset=utf-8"]
        // nginx would otherwise hold events back to fill its buffers.
        headers[HTTPField.Name("X-Accel-Buffering")!] = "no"
        return Response(
            status: .ok, headers: headers,
            body: ResponseBody { writer in
                defer { feed.close() }
                // A shutting-down server waits for open responses: end this one at once.
                try await withGracefulShutdownHandler {
                    try await writer.write(ByteBuffer(string: "retry: \(Self.retry)\n\n"))
                    for try await item in feed {
                        try await writer.write(ByteBuffer(string: ServerSentEvent.text(item)))
                    }
                } onGracefulShutdown: {
                    feed.close()
                }
                try await writer.finish(nil)
            })
    }

    /// The `Last-Event-ID` header that EventSource sends when it reconnects, or the `lastEventId`
    /// query parameter for clients that cannot set headers. Empty means none.
    static func lastEventID(_ request: Request) throws -> Int? {
        let header = request.headers[HTTPField.Name("Last-Event-ID")!]
        let text = try header ?? QueryParameters(request)["lastEventId"]
        guard let text = text?.trimmingCharacters(in: .whitespaces), !text.isEmpty else { return nil }
        guard let id = Int(text) else {
            throw Problem(.invalidField, "Last-Event-ID must be an event id, a whole number", extensions: ["field": "Last-Event-ID"])
        }
        return id
    }
}
