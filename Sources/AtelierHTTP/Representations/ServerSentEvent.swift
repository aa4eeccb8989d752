import AtelierCore
import AtelierServices

/// The text/event-stream form of a feed's items.
enum ServerSentEvent {
    static func text(_ item: WorkshopEventFeed.Item) -> String {
        switch item {
        case .event(let event): message(id: event.id, event: event.kind, data: event.payload)
        case .ready(let position): message(id: position, event: "ready", data: #"{"lastEventId":"\#(position)"}"#)
        case .reset(let position): message(id: position, event: "reset", data: #"{"lastEventId":"\#(position)"}"#)
        // A comment: EventSource ignores it, proxies see traffic, a gone client makes the write fail.
        case .heartbeat: ": heartbeat\n\n"
        }
    }

    /// One event; a line break inside the data would end it early, so each line gets its own field.
    static func message(id: Int, event: String, data: String) -> String {
        let lines = data.split(separator: "\n", omittingEmptySubsequences: false).map { "data: \($0)\n" }.joined()
        return "id: \(id)\nevent: \(event)\n\(lines)\n"
    }
}
