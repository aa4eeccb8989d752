import AtelierCore
import AtelierStore
import AtelierTestSupport
import Foundation
import Postgres
import Testing

/// The triggers of sql/007_workshop_event.sql and the coalesced tallies of
/// sql/016_coalesced_tallies.sql, against the real server.
@Suite struct WorkshopEventTests {
    /// A congress with two workshops and three participants, on a database of its own.
    struct Room {
        let url: String
        let connection: Connection
        let congress: UUID
        let workshops: [UUID]
        let people: [UUID]

        static func make() async throws -> Room {
            let url = try await TestDatabase.migrated()
            let connection = try Connection.connect(url: url)
            let congress = try connection.query(
                "INSERT INTO congress (slug, title, place, starts_on, ends_on) VALUES ('c', 'C', 'Agen', '2026-01-29', '2026-01-30') RETURNING id"
            ).first!.decode(column: 0, as: UUID.self)
            let workshops = try connection.query(
                "INSERT INTO workshop (congress_id, slug, title) VALUES ($1, 'un', 'Un'), ($1, 'deux', 'Deux') RETURNING id", [congress]
            ).decode(UUID.self)
            let people = try connection.query(
                """
                INSERT INTO participant (congress_id, display_name, role)
                SELECT $1, 'P' || n, 'attendee' FROM generate_series(1, 3) AS n RETURNING id
                """, [congress]
            ).decode(UUID.self)
            return Room(url: url, connection: connection, congress: congress, workshops: workshops, people: people)
        }

        func post(_ body: String, workshop: Int = 0, by author: Int = 0) throws -> UUID {
            try connection.query(
                "INSERT INTO contribution (congress_id, workshop_id, author_id, body) VALUES ($1, $2, $3, $4) RETURNING id",
                [congress, workshops[workshop], people[author], body]
            ).first!.decode(column: 0, as: UUID.self)
        }

        func vote(_ value: VoteValue, on contribution: UUID, by voter: Int) throws {
            try VoteStore.cast(congressID: congress, participantID: people[voter], contributionID: contribution, value: value, in: connection)
        }

        /// Kind and payload of every event after `after`, oldest first.
        func events(after: Int = 0) throws -> [(id: Int, kind: String, payload: [String: Any])] {
            try connection.query("SELECT id, kind, payload::text FROM workshop_event WHERE id > $1 ORDER BY id", [after])
                .decode((Int, String, String).self).map { id, kind, payload in
                    (id, kind, (try JSONSerialization.jsonObject(with: Data(payload.utf8)) as? [String: Any]) ?? [:])
                }
        }

        /// Emits the pending tallies, as the server's flusher does a few times a second.
        @discardableResult
        func flush(on connection: Connection? = nil) throws -> Int {
            try WorkshopEventStore.emitPendingTallies(limit: 1_000, in: connection ?? self.connection)
        }

        var lastID: Int { (try? connection.query("SELECT coalesce(max(id), 0) FROM workshop_event").first!.decode(column: 0, as: Int.self)) ?? 0 }
    }

    @Test func contributionsEmitCreatedAndUpdatedWithIdsOnly() async throws {
        let room = try await Room.make()
        let id = try room.post("Un texte qui ne doit pas fuiter")
        try ContributionStore.update(id: id, title: "Titre", body: "Autre texte", in: room.connection)
        try ContributionStore.hide(id: id, reason: "Hors sujet", moderatorID: room.people[1], in: room.connection)
        // Neither a timestamp alone nor the tallies make an update event.
        try room.connection.execute("UPDATE contribution SET updated_at = now() + interval '1 minute' WHERE id = $1", [id])

        let events = try room.events()
        #expect(events.map(\.kind) == ["contribution.created", "contribution.updated", "contribution.updated"])
        #expect(events[0].payload as NSDictionary == ["contribution": id.uuidString.lowercased(), "status": "published"])
        #expect(events[1].payload as NSDictionary == ["contribution": id.uuidString.lowercased(), "status": "published", "edited": true])
        #expect(events[2].payload as NSDictionary == ["contribution": id.uuidString.lowercased(), "status": "hidden", "edited": false])
        let stored = try room.connection.query(
            "SELECT bool_and(congress_id = $1 AND workshop_id = $2 AND audience = 'participants') FROM workshop_event",
            [
                room.congress, room.workshops[0],
            ]
        ).first!.decode(column: 0, as: Bool.self)
        #expect(stored)
    }

    @Test func closingAndReopeningAWorkshopAreEvents() async throws {
        let room = try await Room.make()
        for status in [WorkshopStatus.closed, .closed, .open] {
            _ = try CongressStore.setWorkshopStatus(id: room.workshops[1], status: status, in: room.connection)
        }
        let events = try room.events()
        #expect(events.map(\.kind) == ["workshop.updated", "workshop.updated"])
        #expect(events.map { $0.payload["status"] as? String } == ["closed", "open"])
        #expect(events.allSatisfy { $0.payload["workshop"] as? String == room.workshops[1].uuidString.lowercased() })
    }

    @Test func aVoteGivesOneTallyWithTheFinalCountsAndARepeatGivesNone() async throws {
        let room = try await Room.make()
        let id = try room.post("Former les élus")
        let start = room.lastID
        try room.vote(.agree, on: id, by: 1)
        #expect(try room.flush() == 1)
        try room.vote(.agree, on: id, by: 1)  // the same vote again changes nothing
        #expect(try room.flush() == 0)
        try room.vote(.disagree, on: id, by: 1)  // one change, two tally updates inside
        #expect(try room.flush() == 1)
        try room.vote(.pass, on: id, by: 2)
        #expect(try room.flush() == 1)
        #expect(try VoteStore.retract(participantID: room.people[2], contributionID: id, in: room.connection))
        #expect(try !VoteStore.retract(participantID: room.people[2], contributionID: id, in: room.connection))
        #expect(try room.flush() == 1)

        let events = try room.events(after: start)
        #expect(events.allSatisfy { $0.kind == WorkshopEvent.tallied && $0.payload["contribution"] as? String == id.json })
        let counts = events.map { $0.payload["votes"] as? [String: Int] ?? [:] }
        #expect(
            counts == [
                ["agree": 1, "disagree": 0, "pass": 0], ["agree": 0, "disagree": 1, "pass": 0], ["agree": 0, "disagree": 1, "pass": 1],
                ["agree": 0, "disagree": 1, "pass": 0],
            ])
    }

    @Test func aStatementOfManyVotesGivesOneTallyPerContribution() async throws {
        let room = try await Room.make()
        let first = try room.post("Premier")
        let second = try room.post("Second", workshop: 1)
        let start = room.lastID
        let votes = (0..<3).flatMap { voter in [(room.people[voter], first, VoteValue.agree), (room.people[voter], second, VoteValue.pass)] }
        #expect(try VoteStore.castMany(congressID: room.congress, votes: votes, in: room.connection) == 6)
        #expect(try room.flush() == 2)
        let events = try room.events(after: start)
        #expect(events.count == 2)
        let byContribution = Dictionary(
            uniqueKeysWithValues: events.map { ($0.payload["contribution"] as? String ?? "", $0.payload["votes"] as? [String: Int]) })
        #expect(byContribution[first.json] == ["agree": 3, "disagree": 0, "pass": 0])
        #expect(byContribution[second.json] == ["agree": 0, "disagree": 0, "pass": 3])
        // Loading the same votes again changes nothing, so says nothing.
        #expect(try VoteStore.castMany(congressID: room.congress, votes: votes, in: room.connection) == 0)
        #expect(try room.flush() == 0)
        #expect(try room.events(after: start).count == 2)
    }

    /// Votes between two rounds of the flusher give one event per contribution, with the counts
    /// after the last of them; nothing is said before the round.
    @Test func votesBetweenTwoRoundsGiveOneTallyWithTheLastCounts() async throws {
        let room = try await Room.make()
        let first = try room.post("Premier")
        let second = try room.post("Second", workshop: 1)
        let start = room.lastID
        try room.vote(.agree, on: first, by: 0)
        try room.vote(.disagree, on: first, by: 1)
        try room.vote(.agree, on: first, by: 1)
        try room.vote(.pass, on: second, by: 2)
        #expect(try room.events(after: start).isEmpty)
        #expect(try room.flush() == 2)
        let events = try room.events(after: start)
        let byContribution = Dictionary(
            uniqueKeysWithValues: events.map { ($0.payload["contribution"] as? String ?? "", $0.payload["votes"] as? [String: Int]) })
        #expect(byContribution == [first.json: ["agree": 2, "disagree": 0, "pass": 0], second.json: ["agree": 0, "disagree": 0, "pass": 1]])
        #expect(try room.flush() == 0)
    }

    /// What lets votes commit side by side: a vote's transaction holds no advisory lock, so it
    /// never waits for another workshop event, and another event never waits for it.
    @Test func aVoteTakesNoLockOfTheWorkshop() async throws {
        let room = try await Room.make()
        let id = try room.post("Former les élus")
        let voter = try Connection.connect(url: room.url)
        try voter.execute("BEGIN")
        try VoteStore.cast(congressID: room.congress, participantID: room.people[1], contributionID: id, value: .agree, in: voter)
        let held = try voter.query("SELECT count(*)::int FROM pg_locks WHERE pid = pg_backend_pid() AND locktype = 'advisory'")
            .first!.decode(column: 0, as: Int.self)
        #expect(held == 0)
        try voter.execute("COMMIT")
    }

    /// The flusher never waits: a contribution whose row a vote is changing, and a workshop whose
    /// event lock another transaction holds, stay marked for the next round, which then says
    /// everything that committed.
    @Test func aRoundLeavesWhatOthersHoldForTheNextOne() async throws {
        let room = try await Room.make()
        let busy = try room.post("Une contribution que l'on vote")
        let calm = try room.post("Une autre")
        let elsewhere = try room.post("Dans l'autre atelier", workshop: 1)
        let start = room.lastID
        for id in [busy, calm, elsewhere] { try room.vote(.agree, on: id, by: 0) }

        let voter = try Connection.connect(url: room.url)
        try voter.execute("BEGIN")
        try VoteStore.cast(congressID: room.congress, participantID: room.people[1], contributionID: busy, value: .disagree, in: voter)
        let emitter = try Connection.connect(url: room.url)
        try emitter.execute("BEGIN")
        _ = try emitter.query("SELECT atelier_emit_event($1, $2, 'test.held', '{}')", [room.congress, room.workshops[1]])

        #expect(try room.flush() == 1)
        #expect(try room.events(after: start).map { $0.payload["contribution"] as? String } == [calm.json])

        try voter.execute("COMMIT")
        try emitter.execute("COMMIT")
        #expect(try room.flush() == 2)
        let later = Dictionary(
            uniqueKeysWithValues: try room.events(after: start).filter { $0.kind == WorkshopEvent.tallied }.dropFirst().map {
                ($0.payload["contribution"] as? String ?? "", $0.payload["votes"] as? [String: Int])
            })
        #expect(later == [busy.json: ["agree": 1, "disagree": 1, "pass": 0], elsewhere.json: ["agree": 1, "disagree": 0, "pass": 0]])
    }

    /// Every node runs a flusher; while one is at work, the others emit nothing rather than
    /// the same tallies twice.
    @Test func oneFlusherAtATime() async throws {
        let room = try await Room.make()
        let id = try room.post("Former les élus")
        let next = try room.post("Mutualiser les outils")
        try room.vote(.agree, on: id, by: 1)
        let other = try Connection.connect(url: room.url)
        try other.execute("BEGIN")
        #expect(try room.flush(on: other) == 1)
        try room.vote(.disagree, on: next, by: 2)
        #expect(try room.flush() == 0)
        try other.execute("COMMIT")
        #expect(try room.flush() == 1)
        #expect(try room.flush() == 0)
    }

    @Test func eventsAreAppendOnly() async throws {
        let room = try await Room.make()
        _ = try room.post("Texte")
        let error = #expect(throws: PostgresError.self) {
            try room.connection.execute("UPDATE workshop_event SET kind = 'contribution.other'")
        }
        #expect(error?.message.contains("append-only") == true)
        let invalid = #expect(throws: PostgresError.self) {
            try room.connection.execute(
                "SELECT atelier_emit_event($1, $2, 'Not A Kind', '{}')", [room.congress, room.workshops[0]])
        }
        #expect(invalid?.kind == .checkViolation)
    }

    /// The property that makes Last-Event-ID lossless: a transaction that emits to a workshop
    /// waits for one that emitted to it before, so ids follow commit order.
    @Test func eventsOfOneWorkshopGetIdsInCommitOrder() async throws {
        let room = try await Room.make()
        let emit = "SELECT atelier_emit_event($1, $2, 'test.ordered', '{}')"
        let first = try Connection.connect(url: room.url)
        try first.execute("BEGIN")
        let firstID = try first.query(emit, [room.congress, room.workshops[0]]).first!.decode(column: 0, as: Int.self)

        // Another workshop is not held up.
        let other = try Connection.connect(url: room.url)
        _ = try other.query(emit, [room.congress, room.workshops[1]])

        // A pool runs the blocking call on a thread of its own, not on the test's.
        let second = ConnectionPool(.init(url: room.url, size: 1))
        let secondPID = try await second.withConnection { try $0.query("SELECT pg_backend_pid()").first!.decode(column: 0, as: Int.self) }
        let (congress, workshop) = (room.congress, room.workshops[0])
        let waiting = Task {
            try await second.withTransaction { try $0.query(emit, [congress, workshop]).first!.decode(column: 0, as: Int.self) }
        }
        // The second transaction waits on the first one's lock...
        let observer = try Connection.connect(url: room.url)
        try await eventually {
            (try? observer.query("SELECT wait_event_type = 'Lock' FROM pg_stat_activity WHERE pid = $1", [secondPID]).first?
                .decode(column: 0, as: Bool.self)) == true
        }
        // ...and takes its id only once the first has committed.
        try first.execute("COMMIT")
        let secondID = try await waiting.value
        #expect(secondID > firstID)
        try await second.shutdown()
    }

    /// Pruning deletes a prefix of ids, so "pruned through N" is exact.
    @Test func pruningDeletesOldEventsAndRemembersHowFar() async throws {
        let room = try await Room.make()
        _ = try room.post("Ancien")
        _ = try room.post("Ancien aussi")
        // Events cannot be updated, so this one is made old at birth.
        try room.connection.execute(
            "INSERT INTO workshop_event (congress_id, workshop_id, kind, payload, at) VALUES ($1, $2, 'test.old', '{}', now() - interval '10 days')",
            [room.congress, room.workshops[1]])
        let oldest = room.lastID
        _ = try room.post("Récent")
        #expect(try WorkshopEventStore.prune(olderThan: Date().addingTimeInterval(-86_400), in: room.connection) == 3)
        #expect(try room.events().map(\.kind) == ["contribution.created"])
        let position = try WorkshopEventStore.position(workshopID: room.workshops[0], in: room.connection)
        #expect(position.prunedThrough == oldest)
        #expect(position.latest == room.lastID)
        #expect(try WorkshopEventStore.prune(olderThan: Date().addingTimeInterval(-86_400), in: room.connection) == 0)
    }
}
