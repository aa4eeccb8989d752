-- Live events of a workshop, for the leads' board and the plenary screen
-- (GET /api/v1/workshops/{id}/events, Server-Sent Events). The row's id is the SSE event id.
--
-- Contract of atelier_emit_event, the single way to add an event:
--
--   atelier_emit_event(congress uuid, workshop uuid, kind text, payload jsonb
--                      [, audience text DEFAULT 'participants']) RETURNS bigint
--
-- * Call it in the transaction that makes the change, from a trigger where possible: the event
--   exists if and only if the change commits, and listeners hear of it at commit, never before.
-- * kind is 'subject.verb' in lower case (contribution.created, proposal.merged…). Clients
--   switch on it, so a kind is never renamed; a new meaning gets a new kind.
-- * payload is a small JSON object (at most 2 000 bytes) of ids, statuses and counts. Never text,
--   never names: what a reader may see in full, it fetches through the authorised routes.
-- * audience says who receives it: 'participants' (every participant of the congress) or
--   'moderators' (the workshop's leads and the admins), for the leads' working material.
-- * Ids of one workshop's events follow commit order: the function takes a per-workshop advisory
--   lock that the transaction keeps until it ends. A reader that has seen event N of a workshop
--   has therefore seen every earlier one, which is what makes resuming from Last-Event-ID
--   lossless. Emit late in a transaction, and to several workshops in the order of their ids, or
--   two transactions may deadlock (PostgreSQL then aborts one; withTransaction retries it).
-- * A contribution.tallied event carries absolute counts: a later one for the same contribution
--   supersedes an earlier one, and readers may skip the earlier.
-- * It notifies channel atelier_events with {"id": …, "workshop": …, "kind": …}; listeners then
--   read the rows themselves, so the payload's size never meets NOTIFY's limit.
--
-- Cost: NOTIFY makes the commits of notifying transactions take turns across the whole server,
-- each waiting for its own WAL flush; the workshop lock adds little to that. With fsync at 4 ms
-- (the 2-core test machine), 8 clients casting votes reach about 280 votes/s, against 660 without
-- events: ample for 270 attendees. `SET LOCAL synchronous_commit = off` in emitting transactions
-- would win it back (about 700 votes/s), at the price of the last fraction of a second of votes
-- in a crash; that is a decision about durability, not made here.
--
-- Volume: one row per published contribution, per edit or moderation, per change of a workshop's
-- status, and per effective change of a contribution's tallies (a statement that changes no vote
-- emits nothing). At 270 attendees that is some tens of thousands of rows for a congress. Rows are never updated; old ones may be
-- deleted (`atelier events prune`), and a client resuming from before them is told to reload.

CREATE TABLE workshop_event (
    -- Must not cache values per session (the default CACHE 1 is kept): commit order needs it.
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    congress_id uuid NOT NULL,
    workshop_id uuid NOT NULL,
    kind        text NOT NULL CHECK (kind ~ '^[a-z]+(_[a-z]+)*(\.[a-z]+(_[a-z]+)*)+$' AND char_length(kind) <= 64),
    payload     jsonb NOT NULL CHECK (jsonb_typeof(payload) = 'object' AND octet_length(payload::text) <= 2000),
    audience    text NOT NULL DEFAULT 'participants' CHECK (audience IN ('participants', 'moderators')),
    at          timestamptz NOT NULL DEFAULT now(),
    FOREIGN KEY (congress_id, workshop_id) REFERENCES workshop (congress_id, id) ON DELETE CASCADE
);

-- Replay after a Last-Event-ID, and the latest id of a workshop.
CREATE INDEX workshop_event_replay ON workshop_event (workshop_id, id);

-- Events up to this id may have been pruned: a client resuming from before it cannot be given all
-- it missed, so it is told to reload instead.
CREATE TABLE workshop_event_pruned (
    only_row   boolean PRIMARY KEY DEFAULT true CHECK (only_row),
    through_id bigint NOT NULL CHECK (through_id >= 0)
);
INSERT INTO workshop_event_pruned (through_id) VALUES (0);

CREATE FUNCTION workshop_event_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'workshop_event is append-only: rows are never updated' USING ERRCODE = 'restrict_violation';
END $$;

CREATE TRIGGER workshop_event_append_only_trigger
    BEFORE UPDATE ON workshop_event
    FOR EACH ROW EXECUTE FUNCTION workshop_event_append_only();

CREATE FUNCTION atelier_emit_event(
    congress uuid, workshop uuid, kind text, payload jsonb, audience text DEFAULT 'participants'
) RETURNS bigint LANGUAGE plpgsql AS $$
DECLARE
    new_id bigint;
BEGIN
    -- Held until the transaction ends, so this workshop's ids are handed out in commit order.
    -- The two-key form keeps clear of single-key advisory locks (the migrator's).
    PERFORM pg_advisory_xact_lock(1098148982, hashtext(workshop::text));
    INSERT INTO workshop_event (congress_id, workshop_id, kind, payload, audience)
    VALUES (congress, workshop, kind, payload, audience)
    RETURNING id INTO new_id;
    PERFORM pg_notify('atelier_events', json_build_object('id', new_id, 'workshop', workshop, 'kind', kind)::text);
    RETURN new_id;
END $$;

-- Contributions: a new one, and a change of status or wording. Readers fetch the contribution
-- itself through the routes that decide who may read it.
CREATE FUNCTION contribution_emit_event() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        PERFORM atelier_emit_event(NEW.congress_id, NEW.workshop_id, 'contribution.created',
            jsonb_build_object('contribution', NEW.id, 'status', NEW.status));
    ELSE
        PERFORM atelier_emit_event(NEW.congress_id, NEW.workshop_id, 'contribution.updated',
            jsonb_build_object('contribution', NEW.id, 'status', NEW.status,
                               'edited', OLD.title IS DISTINCT FROM NEW.title OR OLD.body IS DISTINCT FROM NEW.body));
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER contribution_created_event
    AFTER INSERT ON contribution
    FOR EACH ROW EXECUTE FUNCTION contribution_emit_event();

CREATE TRIGGER contribution_updated_event
    AFTER UPDATE OF status, title, body ON contribution
    FOR EACH ROW
    WHEN (OLD.status IS DISTINCT FROM NEW.status OR OLD.title IS DISTINCT FROM NEW.title OR OLD.body IS DISTINCT FROM NEW.body)
    EXECUTE FUNCTION contribution_emit_event();

-- Workshops: opened or closed.
CREATE FUNCTION workshop_emit_event() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM atelier_emit_event(NEW.congress_id, NEW.id, 'workshop.updated',
        jsonb_build_object('workshop', NEW.id, 'status', NEW.status));
    RETURN NULL;
END $$;

CREATE TRIGGER workshop_updated_event
    AFTER UPDATE OF status ON workshop
    FOR EACH ROW
    WHEN (OLD.status IS DISTINCT FROM NEW.status)
    EXECUTE FUNCTION workshop_emit_event();

-- Tallies: once per statement on vote and per contribution whose votes it really changed, with
-- the counts after the whole statement. Statement triggers fire after the row triggers that keep
-- the tallies, so the counts read here are final; a vote changed from agree to disagree gives one
-- event, not one per intermediate count, and casting the same vote again gives none.
CREATE FUNCTION vote_emit_tallied() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    changed uuid[];
    tallied record;
BEGIN
    -- Each branch names only the transition tables its trigger declares.
    IF TG_OP = 'INSERT' THEN
        SELECT array_agg(DISTINCT contribution_id) INTO changed FROM new_vote;
    ELSIF TG_OP = 'DELETE' THEN
        SELECT array_agg(DISTINCT contribution_id) INTO changed FROM old_vote;
    ELSE
        SELECT array_agg(DISTINCT contribution_id) INTO changed FROM (
            (SELECT participant_id, contribution_id, value FROM new_vote
             EXCEPT SELECT participant_id, contribution_id, value FROM old_vote)
            UNION ALL
            (SELECT participant_id, contribution_id, value FROM old_vote
             EXCEPT SELECT participant_id, contribution_id, value FROM new_vote)) AS difference;
    END IF;
    IF changed IS NULL THEN
        RETURN NULL;
    END IF;
    -- Workshop by workshop, in one order, so two statements lock workshops alike.
    FOR tallied IN
        SELECT id, congress_id, workshop_id, agree_count, disagree_count, pass_count
        FROM contribution WHERE id = ANY (changed) ORDER BY workshop_id, id
    LOOP
        PERFORM atelier_emit_event(tallied.congress_id, tallied.workshop_id, 'contribution.tallied',
            jsonb_build_object('contribution', tallied.id, 'votes', jsonb_build_object(
                'agree', tallied.agree_count, 'disagree', tallied.disagree_count, 'pass', tallied.pass_count)));
    END LOOP;
    RETURN NULL;
END $$;

CREATE TRIGGER vote_inserted_event
    AFTER INSERT ON vote REFERENCING NEW TABLE AS new_vote
    FOR EACH STATEMENT EXECUTE FUNCTION vote_emit_tallied();

CREATE TRIGGER vote_updated_event
    AFTER UPDATE ON vote REFERENCING OLD TABLE AS old_vote NEW TABLE AS new_vote
    FOR EACH STATEMENT EXECUTE FUNCTION vote_emit_tallied();

CREATE TRIGGER vote_deleted_event
    AFTER DELETE ON vote REFERENCING OLD TABLE AS old_vote
    FOR EACH STATEMENT EXECUTE FUNCTION vote_emit_tallied();
