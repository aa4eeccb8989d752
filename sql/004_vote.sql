-- One vote per participant and contribution; the last one counts.

CREATE TABLE vote (
    congress_id     uuid NOT NULL,
    participant_id  uuid NOT NULL,
    contribution_id uuid NOT NULL,
    value           text NOT NULL CHECK (value IN ('agree', 'disagree', 'pass')),
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (participant_id, contribution_id),
    FOREIGN KEY (congress_id, participant_id) REFERENCES participant (congress_id, id) ON DELETE CASCADE,
    FOREIGN KEY (congress_id, contribution_id) REFERENCES contribution (congress_id, id) ON DELETE CASCADE
);

CREATE INDEX vote_contribution ON vote (contribution_id);

-- The tallies on contribution follow every change of vote, in the same transaction.
CREATE FUNCTION vote_tally() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        UPDATE contribution SET
            agree_count    = agree_count    - (OLD.value = 'agree')::int,
            disagree_count = disagree_count - (OLD.value = 'disagree')::int,
            pass_count     = pass_count     - (OLD.value = 'pass')::int
        WHERE id = OLD.contribution_id;
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        UPDATE contribution SET
            agree_count    = agree_count    + (NEW.value = 'agree')::int,
            disagree_count = disagree_count + (NEW.value = 'disagree')::int,
            pass_count     = pass_count     + (NEW.value = 'pass')::int
        WHERE id = NEW.contribution_id;
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER vote_tally_trigger
    AFTER INSERT OR DELETE OR UPDATE OF value ON vote
    FOR EACH ROW EXECUTE FUNCTION vote_tally();
