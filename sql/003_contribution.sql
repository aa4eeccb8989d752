-- Contributions and the French full-text search over them.

CREATE EXTENSION IF NOT EXISTS unaccent;

-- PostgreSQL's French stemming, made accent-insensitive: "fracture numerique" finds "Fracture numérique".
CREATE TEXT SEARCH CONFIGURATION atelier_french (COPY = french);
ALTER TEXT SEARCH CONFIGURATION atelier_french
    ALTER MAPPING FOR hword, hword_part, word WITH unaccent, french_stem;

CREATE TABLE contribution (
    id                uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    congress_id       uuid NOT NULL,
    workshop_id       uuid NOT NULL,
    author_id         uuid NOT NULL,
    title             text CHECK (title IS NULL OR char_length(btrim(title)) BETWEEN 1 AND 200),
    body              text NOT NULL CHECK (char_length(body) BETWEEN 1 AND 2000 AND btrim(body) <> ''),
    status            text NOT NULL DEFAULT 'published' CHECK (status IN ('published', 'hidden', 'withdrawn')),
    moderation_reason text CHECK (moderation_reason IS NULL OR char_length(btrim(moderation_reason)) BETWEEN 1 AND 500),
    moderated_by      uuid REFERENCES participant (id),
    moderated_at      timestamptz,
    -- Vote tallies, kept by the vote triggers so lists can sort by support with an index.
    agree_count       integer NOT NULL DEFAULT 0 CHECK (agree_count >= 0),
    disagree_count    integer NOT NULL DEFAULT 0 CHECK (disagree_count >= 0),
    pass_count        integer NOT NULL DEFAULT 0 CHECK (pass_count >= 0),
    support           integer GENERATED ALWAYS AS (agree_count - disagree_count) STORED,
    -- A client's key for one POST: a retry on a flaky phone connection finds the first one.
    idempotency_key   text CHECK (idempotency_key IS NULL OR char_length(idempotency_key) BETWEEN 1 AND 200),
    created_at        timestamptz NOT NULL DEFAULT now(),
    updated_at        timestamptz NOT NULL DEFAULT now(),
    search            tsvector GENERATED ALWAYS AS
                        (to_tsvector('atelier_french'::regconfig, coalesce(title, '') || ' ' || body)) STORED,
    UNIQUE (congress_id, id),
    UNIQUE (author_id, idempotency_key),
    -- Author and workshop belong to the same congress.
    FOREIGN KEY (congress_id, workshop_id) REFERENCES workshop (congress_id, id) ON DELETE CASCADE,
    FOREIGN KEY (congress_id, author_id) REFERENCES participant (congress_id, id) ON DELETE CASCADE,
    -- A hidden contribution always says why.
    CHECK (status <> 'hidden' OR (moderation_reason IS NOT NULL AND moderated_by IS NOT NULL AND moderated_at IS NOT NULL))
);

CREATE INDEX contribution_recent ON contribution (workshop_id, created_at DESC, id DESC);
CREATE INDEX contribution_support ON contribution (workshop_id, support DESC, created_at DESC, id DESC);
CREATE INDEX contribution_author ON contribution (author_id);
CREATE INDEX contribution_search ON contribution USING gin (search);

-- Earlier wordings, so a vote can always be read against the text it was cast on.
CREATE TABLE contribution_revision (
    contribution_id uuid NOT NULL REFERENCES contribution (id) ON DELETE CASCADE,
    revised_at      timestamptz NOT NULL DEFAULT now(),
    title           text,
    body            text NOT NULL,
    PRIMARY KEY (contribution_id, revised_at)
);

CREATE FUNCTION contribution_keep_revision() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.body IS DISTINCT FROM OLD.body OR NEW.title IS DISTINCT FROM OLD.title THEN
        INSERT INTO contribution_revision (contribution_id, revised_at, title, body)
        VALUES (OLD.id, clock_timestamp(), OLD.title, OLD.body);
    END IF;
    RETURN NEW;
END $$;

CREATE TRIGGER contribution_revision_trigger
    BEFORE UPDATE OF title, body ON contribution
    FOR EACH ROW EXECUTE FUNCTION contribution_keep_revision();
