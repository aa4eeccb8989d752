-- Tally events, coalesced: a vote marks its contribution, and a flusher turns the marks into
-- contribution.tallied events a few times a second (`atelier_emit_tallies`).
--
-- Why: a vote used to emit its tally in its own transaction, through atelier_emit_event, which
-- takes the workshop's advisory lock and notifies. PostgreSQL serialises the commits of every
-- notifying transaction of a server behind one lock held until the commit is durable (with a
-- synchronous standby, until the standby has flushed), so every vote of every workshop committed
-- after the previous one: about 140 votes/s on the test machine, against 1 300 without the
-- events (docs/capacity.md). A vote now takes no advisory lock and notifies nobody; its
-- transaction only adds the row and updates the tally it already updated, and group commit lets
-- concurrent votes share one flush.
--
-- What stays true (sql/007_workshop_event.sql):
-- * Commit order and lossless resume: the flusher emits through the workshop's lock like every
--   other event, so a workshop's ids still follow commit order.
-- * A contribution.tallied event carries absolute counts, and a later one supersedes an earlier
--   one. Every change of a contribution's votes is followed by a tally with counts that include
--   it: the mark commits with the vote (it survives a crash and a failover) and is cleared only
--   by the transaction that emits the counts read from the same row.
-- * A vote that changes nothing (the same value again, or an erased person's votes moved to
--   their anonymous voter) marks nothing, so says nothing.
-- What changes: a tally arrives up to one interval after its vote (ATELIER_TALLY_INTERVAL_MS,
-- 200 ms by default), and several votes within an interval give one event with the final counts.

ALTER TABLE contribution ADD COLUMN tally_pending boolean NOT NULL DEFAULT false;

-- The flusher's only way in: small, since marks live for a fraction of a second.
CREATE INDEX contribution_tally_pending ON contribution (workshop_id, id) WHERE tally_pending;

DROP TRIGGER vote_inserted_event ON vote;
DROP TRIGGER vote_updated_event ON vote;
DROP TRIGGER vote_deleted_event ON vote;
DROP FUNCTION vote_emit_tallied();

CREATE OR REPLACE FUNCTION vote_tally() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    -- The same value cast again: neither a tally nor a mark.
    IF TG_OP = 'UPDATE' AND OLD.value = NEW.value AND OLD.contribution_id = NEW.contribution_id THEN
        RETURN NULL;
    END IF;
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        UPDATE contribution SET
            agree_count    = agree_count    - (OLD.value = 'agree')::int,
            disagree_count = disagree_count - (OLD.value = 'disagree')::int,
            pass_count     = pass_count     - (OLD.value = 'pass')::int,
            tally_pending  = true
        WHERE id = OLD.contribution_id;
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        UPDATE contribution SET
            agree_count    = agree_count    + (NEW.value = 'agree')::int,
            disagree_count = disagree_count + (NEW.value = 'disagree')::int,
            pass_count     = pass_count     + (NEW.value = 'pass')::int,
            tally_pending  = true
        WHERE id = NEW.contribution_id;
    END IF;
    RETURN NULL;
END $$;

-- Emits one contribution.tallied per marked contribution, at most `max_events` in all, and
-- returns how many it emitted; the caller calls again while it gets `max_events`.
--
-- It never waits, so it can never deadlock with a writer nor hold up votes for long: another
-- flusher at work (on another node) makes it return 0; a workshop whose event lock is held, and a
-- contribution whose row a vote is changing, are left marked for the next call. The rows it takes
-- are locked first and updated second, so the counts it emits are those of the latest committed
-- vote, and a vote that commits after it has locked a row waits for it and marks the row again.
-- One notification per workshop names the workshop's last new event, which is all the listeners
-- need (they read the table after their cursor).
CREATE FUNCTION atelier_emit_tallies(max_events integer) RETURNS integer LANGUAGE plpgsql AS $$
DECLARE
    emitted integer := 0;
    flushed integer;
    last_id bigint;
    marked uuid;
BEGIN
    -- Keys of the two-key space apart from the workshops' (1098148982, hashtext(workshop)).
    IF max_events < 1 OR NOT pg_try_advisory_xact_lock(1098148983, 0) THEN
        RETURN 0;
    END IF;
    -- Nor on a table someone locked whole (a migration, a restore): the call fails at once, and
    -- the connection it borrowed goes back to the requests that need it.
    PERFORM set_config('lock_timeout', '100ms', true);
    FOR marked IN SELECT DISTINCT workshop_id FROM contribution WHERE tally_pending ORDER BY workshop_id LOOP
        CONTINUE WHEN NOT pg_try_advisory_xact_lock(1098148982, hashtext(marked::text));
        WITH picked AS (
            SELECT id FROM contribution WHERE workshop_id = marked AND tally_pending
            ORDER BY id LIMIT max_events - emitted FOR NO KEY UPDATE SKIP LOCKED
        ), cleared AS (
            UPDATE contribution SET tally_pending = false FROM picked WHERE contribution.id = picked.id
            RETURNING contribution.id, contribution.congress_id, agree_count, disagree_count, pass_count
        ), emitted_events AS (
            INSERT INTO workshop_event (congress_id, workshop_id, kind, payload)
            SELECT congress_id, marked, 'contribution.tallied', jsonb_build_object('contribution', id, 'votes',
                       jsonb_build_object('agree', agree_count, 'disagree', disagree_count, 'pass', pass_count))
            FROM cleared ORDER BY id
            RETURNING id
        )
        SELECT count(*), max(id) INTO flushed, last_id FROM emitted_events;
        IF flushed > 0 THEN
            PERFORM pg_notify('atelier_events',
                json_build_object('id', last_id, 'workshop', marked, 'kind', 'contribution.tallied')::text);
            emitted := emitted + flushed;
        END IF;
        EXIT WHEN emitted >= max_events;
    END LOOP;
    RETURN emitted;
END $$;
