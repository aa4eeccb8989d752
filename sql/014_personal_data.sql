-- People's rights over their data: erasure of one participant, and the purge of a whole
-- congress's personal data once the briefing is delivered.
--
-- * An erased participant keeps their row, so that their contributions (kept anonymous or
--   withdrawn, as they chose), the proposals citing them and the append-only consolidation log
--   still hold together; the row loses its name, organisation, external reference, consent to
--   be named and leads, and gets erased_at. Their tokens, badge code and sessions are deleted.
-- * Their votes and endorsements still count, but no longer point at them: they move to a fresh
--   row of their own, an anonymous voter, one per erased person so that the opinion groups still
--   see one voter's pattern. Nothing ties it to the erased row: no reference, no name, and a
--   creation time that is the congress's own, not the moment of the erasure. (When a single
--   person is erased, that they are the one who asked is known anyway; the row says no more.)
-- * An anonymous voter is no one: it cannot sign in and is not counted among the participants.
-- * A purge, after the briefing, removes every name, external reference, token, code and session
--   of a congress, and replaces each organisation by a number ("collectivité 7"): the briefing
--   counts distinct organisations (on its cover, and for each proposal's provenance), and those
--   counts must not change, while which town spoke must no longer be said. The congress keeps the
--   date of its purge.

ALTER TABLE participant
    ADD COLUMN erased_at timestamptz,
    ADD COLUMN anonymous_voter boolean NOT NULL DEFAULT false,
    ADD CHECK (NOT anonymous_voter OR (organisation IS NULL AND NOT named AND external_ref IS NULL AND role = 'attendee')),
    ADD CHECK (erased_at IS NULL OR (organisation IS NULL AND NOT named AND external_ref IS NULL));

ALTER TABLE congress ADD COLUMN personal_data_purged_at timestamptz;

-- Nobody signs in as an erased participant or an anonymous voter: no token, badge code or session
-- is ever given to one again, whichever command or route asks.
CREATE FUNCTION refuse_access_to_no_one() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF EXISTS (SELECT 1 FROM participant WHERE id = NEW.participant_id AND (erased_at IS NOT NULL OR anonymous_voter)) THEN
        RAISE EXCEPTION 'participant % was erased: no access may be given to them', NEW.participant_id
            USING ERRCODE = 'check_violation';
    END IF;
    RETURN NEW;
END $$;

CREATE TRIGGER access_token_to_someone BEFORE INSERT OR UPDATE ON access_token
    FOR EACH ROW EXECUTE FUNCTION refuse_access_to_no_one();
CREATE TRIGGER badge_code_to_someone BEFORE INSERT OR UPDATE ON badge_code
    FOR EACH ROW EXECUTE FUNCTION refuse_access_to_no_one();
CREATE TRIGGER page_session_to_someone BEFORE INSERT OR UPDATE ON page_session
    FOR EACH ROW EXECUTE FUNCTION refuse_access_to_no_one();

-- Moving an erased person's votes to their anonymous voter changes no tally, so it must emit no
-- contribution.tallied event: a burst of unchanged counts on the live stream, at the moment of
-- the erasure, would tell every reader which contributions that person had voted on. An update
-- of votes now emits for the contributions whose multiset of values changed, not whose voters
-- did; for every other update this is the same set as before (sql/007_workshop_event.sql).
CREATE OR REPLACE FUNCTION vote_emit_tallied() RETURNS trigger LANGUAGE plpgsql AS $$
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
            (SELECT contribution_id, value FROM new_vote EXCEPT ALL SELECT contribution_id, value FROM old_vote)
            UNION ALL
            (SELECT contribution_id, value FROM old_vote EXCEPT ALL SELECT contribution_id, value FROM new_vote)) AS difference;
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
