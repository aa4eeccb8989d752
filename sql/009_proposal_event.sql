-- Consolidation on the live board: each line of the consolidation log becomes an event, in the
-- transaction that writes it, so the leads' screens follow one another's work as it commits.
--
-- * proposal.<action> (proposal.merge, proposal.add_source…) goes to the moderators: drafts are
--   the leads' working material. The payload names the log entry and the proposals before and
--   after; readers fetch them (or GET …/consolidation-log?after=) through the authorised routes.
-- * proposal.published and proposal.unpublished also go to every participant: that is when a
--   proposal appears on, or leaves, the plenary screen.
-- * proposal.endorsed carries the absolute count of endorsements, as contribution.tallied does.
--
-- Payloads stay well under atelier_emit_event's 2 000 bytes: proposal lists are cut at 20 ids
-- (a reorder of a larger workshop says "truncated"), contributions are counted, not listed.

CREATE FUNCTION proposal_id_list(ids uuid[]) RETURNS jsonb LANGUAGE sql IMMUTABLE AS $$
    SELECT coalesce(jsonb_agg(id ORDER BY position), '[]'::jsonb)
    FROM unnest(ids) WITH ORDINALITY AS listed(id, position)
    WHERE position <= 20
$$;

CREATE FUNCTION consolidation_log_emit_event() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    payload jsonb;
BEGIN
    payload := jsonb_build_object(
        'entry', NEW.id,
        'action', NEW.action,
        'proposalsBefore', proposal_id_list(NEW.proposal_ids_before),
        'proposalsAfter', proposal_id_list(NEW.proposal_ids_after),
        'contributions', cardinality(NEW.contribution_ids),
        'truncated', cardinality(NEW.proposal_ids_before) > 20 OR cardinality(NEW.proposal_ids_after) > 20);
    PERFORM atelier_emit_event(NEW.congress_id, NEW.workshop_id, 'proposal.' || replace(NEW.action, '-', '_'),
        payload, 'moderators');
    IF NEW.action IN ('publish', 'unpublish') THEN
        PERFORM atelier_emit_event(NEW.congress_id, NEW.workshop_id,
            CASE NEW.action WHEN 'publish' THEN 'proposal.published' ELSE 'proposal.unpublished' END,
            jsonb_build_object('proposals', proposal_id_list(
                CASE WHEN cardinality(NEW.proposal_ids_after) > 0 THEN NEW.proposal_ids_after ELSE NEW.proposal_ids_before END)));
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER consolidation_log_event
    AFTER INSERT ON consolidation_log
    FOR EACH ROW EXECUTE FUNCTION consolidation_log_emit_event();

CREATE FUNCTION proposal_endorsement_emit_event() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    changed uuid;
    endorsed record;
BEGIN
    changed := CASE WHEN TG_OP = 'DELETE' THEN OLD.proposal_id ELSE NEW.proposal_id END;
    SELECT p.congress_id, p.workshop_id,
           (SELECT count(*) FROM proposal_endorsement e WHERE e.proposal_id = p.id) AS endorsements
    INTO endorsed
    FROM proposal p WHERE p.id = changed;
    -- A proposal being deleted takes its endorsements with it: nothing left to announce.
    IF FOUND THEN
        PERFORM atelier_emit_event(endorsed.congress_id, endorsed.workshop_id, 'proposal.endorsed',
            jsonb_build_object('proposal', changed, 'endorsements', endorsed.endorsements));
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER proposal_endorsement_event
    AFTER INSERT OR DELETE ON proposal_endorsement
    FOR EACH ROW EXECUTE FUNCTION proposal_endorsement_emit_event();
