import AtelierTestSupport
import Foundation
import Postgres
import Testing

@Suite struct NotificationListenerTests {
    @Test func deliversNotificationsOfItsChannelsInCommitOrder() async throws {
        let url = try await TestDatabase.empty()
        let listener = NotificationListener(url: url, channels: ["atelier_test", "Autre canal"])
        listener.start()
        let received = Collector.reading(listener.events)
        try await eventually { received.elements.listenings == 1 }

        let sender = try Connection.connect(url: url)
        try sender.execute("SELECT pg_notify('atelier_test', 'première')")
        try sender.execute("SELECT pg_notify('not_listened', 'ignorée')")
        // Inside a transaction, nothing is sent until the commit, and then in order.
        try sender.transaction { connection in
            try connection.execute("SELECT pg_notify('Autre canal', $1)", ["deuxième 🎓"])
            try connection.execute("SELECT pg_notify('atelier_test', 'troisième')")
        }
        _ = try? sender.transaction { connection in
            try connection.execute("SELECT pg_notify('atelier_test', 'annulée')")
            throw CancellationError()
        }
        try sender.execute("SELECT pg_notify('atelier_test', 'fin')")
        try await eventually { received.elements.payloads.last == "fin" }
        #expect(received.elements.payloads == ["première", "deuxième 🎓", "troisième", "fin"])
        let channels = received.elements.compactMap { event -> String? in
            guard case .notification(let notification) = event else { return nil }
            return notification.channel
        }
        #expect(channels == ["atelier_test", "Autre canal", "atelier_test", "atelier_test"])

        await listener.shutdown()
        try await eventually { received.ended }
    }

    @Test func listensAgainAfterTheServerRestartsAndStopsWhileItIsDown() async throws {
        let cluster = try ScratchCluster()
        defer { cluster.destroy() }
        let listener = NotificationListener(url: cluster.url, channels: ["atelier_test"])
        listener.start()
        let received = Collector.reading(listener.events)
        try await eventually { received.elements.listenings == 1 }

        try cluster.restart()
        // A reconnection says so, since what was sent meanwhile is lost.
        try await eventually { received.elements.listenings == 2 }
        let sender = try Connection.connect(url: cluster.url)
        try sender.execute("SELECT pg_notify('atelier_test', 'après')")
        try await eventually { received.elements.payloads == ["après"] }
        guard case .notification(let notification) = received.elements.last else {
            Issue.record("the last event is not the notification")
            return
        }
        #expect(notification.processID == (try backendPID(sender)))

        // Shutting down while it waits to reconnect ends at once, not after the retry delay.
        try cluster.stop()
        await listener.shutdown()
        try await eventually { received.ended }
        #expect(received.elements.listenings == 2)
    }

    @Test func usesAConnectionOfItsOwnThatTheServerSeesListening() async throws {
        let url = try await TestDatabase.empty()
        let listener = NotificationListener(url: url, channels: ["atelier_test"])
        listener.start()
        let received = Collector.reading(listener.events)
        try await eventually { received.elements.listenings == 1 }
        let observer = try Connection.connect(url: url)
        let listening = {
            (try? observer.query(
                "SELECT count(*)::int FROM pg_stat_activity WHERE datname = current_database() AND query LIKE 'LISTEN%'"
            ).first!.decode(column: 0, as: Int.self)) ?? -1
        }
        #expect(listening() == 1)
        await listener.shutdown()
        try await eventually { listening() == 0 }
    }

    func backendPID(_ connection: Connection) throws -> Int {
        try connection.query("SELECT pg_backend_pid()").first!.decode(column: 0, as: Int.self)
    }
}

extension [NotificationListener.Event] {
    var listenings: Int { filter { $0 == .listening }.count }
    var payloads: [String] {
        compactMap { event in
            guard case .notification(let notification) = event else { return nil }
            return notification.payload
        }
    }
}
