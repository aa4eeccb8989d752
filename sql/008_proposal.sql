-- Proposals: what the workshop leads make of the contributions, and where each came from.
-- Provenance is data: sources, revisions and the consolidation log are never rewritten.

-- A source names a contribution of the proposal's own workshop; this key lets the database say so.
ALTER TABLE contribution ADD CONSTRAINT contribution_workshop_id_key UNIQUE (workshop_id, id);

CREATE TABLE proposal (
    id                uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    congress_id       uuid NOT NULL,
    workshop_id       uuid NOT NULL,
    title             text NOT NULL CHECK (char_length(btrim(title)) BETWEEN 1 AND 200),
    -- Markdown, written by the leads.
    synthesis         text NOT NULL DEFAULT '' CHECK (char_length(synthesis) <= 10000),
    status            text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'validated', 'published')),
    position          integer NOT NULL DEFAULT 0,
    -- Optimistic concurrency: every change adds one, and an edit names the version it was made on.
    version           integer NOT NULL DEFAULT 1 CHECK (version > 0),
    -- The clustering run and cluster a proposal was adopted from, if any.
    clustering_run_id uuid REFERENCES clustering_run (id) ON DELETE SET NULL,
    cluster_id        text CHECK (cluster_id IS NULL OR char_length(cluster_id) BETWEEN 1 AND 100),
    split_from        uuid,
    merged_into       uuid,
    -- Soft delete: a deleted or merged proposal stays, with its sources and history.
    deleted_at        timestamptz,
    deleted_by        uuid,
    created_by        uuid NOT NULL,
    updated_by        uuid NOT NULL,
    created_at        timestamptz NOT NULL DEFAULT now(),
    updated_at        timestamptz NOT NULL DEFAULT now(),
    UNIQUE (congress_id, id),
    UNIQUE (workshop_id, id),
    FOREIGN KEY (congress_id, workshop_id) REFERENCES workshop (congress_id, id) ON DELETE CASCADE,
    FOREIGN KEY (congress_id, created_by) REFERENCES participant (congress_id, id),
    FOREIGN KEY (congress_id, updated_by) REFERENCES participant (congress_id, id),
    FOREIGN KEY (congress_id, deleted_by) REFERENCES participant (congress_id, id),
    -- Merges and splits stay within one workshop.
    FOREIGN KEY (workshop_id, merged_into) REFERENCES proposal (workshop_id, id),
    FOREIGN KEY (workshop_id, split_from) REFERENCES proposal (workshop_id, id),
    CHECK (merged_into IS DISTINCT FROM id AND split_from IS DISTINCT FROM id),
    -- A merged proposal is retired; a retired one says when and by whom; a published one is live.
    CHECK (merged_into IS NULL OR deleted_at IS NOT NULL),
    CHECK ((deleted_at IS NULL) = (deleted_by IS NULL)),
    CHECK (deleted_at IS NULL OR status <> 'published'),
    -- The run may be deleted later; the cluster's id stays as the proposal's origin.
    CHECK (clustering_run_id IS NULL OR cluster_id IS NOT NULL)
);

CREATE INDEX proposal_workshop ON proposal (workshop_id, position, id);
-- A cluster becomes at most one live proposal: adopting it twice is a mistake.
CREATE UNIQUE INDEX proposal_one_per_cluster ON proposal (workshop_id, cluster_id)
    WHERE cluster_id IS NOT NULL AND deleted_at IS NULL;

CREATE TABLE proposal_source (
    congress_id     uuid NOT NULL,
    workshop_id     uuid NOT NULL,
    proposal_id     uuid NOT NULL,
    contribution_id uuid NOT NULL,
    -- The proposal a contribution mainly feeds, so counts over proposals never count it twice.
    is_primary      boolean NOT NULL DEFAULT false,
    note            text CHECK (note IS NULL OR char_length(btrim(note)) BETWEEN 1 AND 500),
    added_by        uuid NOT NULL,
    added_at        timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (proposal_id, contribution_id),
    FOREIGN KEY (congress_id, workshop_id) REFERENCES workshop (congress_id, id) ON DELETE CASCADE,
    -- The proposal and the contribution both belong to this workshop.
    FOREIGN KEY (workshop_id, proposal_id) REFERENCES proposal (workshop_id, id) ON DELETE CASCADE,
    FOREIGN KEY (workshop_id, contribution_id) REFERENCES contribution (workshop_id, id) ON DELETE CASCADE,
    FOREIGN KEY (congress_id, added_by) REFERENCES participant (congress_id, id)
);

CREATE INDEX proposal_source_contribution ON proposal_source (contribution_id);
CREATE UNIQUE INDEX proposal_source_one_primary ON proposal_source (contribution_id) WHERE is_primary;

-- Every change of a proposal: the state it led to and the state before, so the history replays.
CREATE TABLE proposal_revision (
    congress_id         uuid NOT NULL,
    workshop_id         uuid NOT NULL,
    proposal_id         uuid NOT NULL,
    version             integer NOT NULL CHECK (version > 0),
    action              text NOT NULL CHECK (char_length(action) BETWEEN 1 AND 40),
    actor_id            uuid NOT NULL,
    at                  timestamptz NOT NULL DEFAULT now(),
    title               text NOT NULL,
    synthesis           text NOT NULL,
    status              text NOT NULL CHECK (status IN ('draft', 'validated', 'published')),
    position            integer NOT NULL,
    source_ids          uuid[] NOT NULL,
    deleted             boolean NOT NULL,
    merged_into         uuid,
    previous_title      text,
    previous_synthesis  text,
    previous_status     text CHECK (previous_status IN ('draft', 'validated', 'published')),
    previous_position   integer,
    previous_source_ids uuid[],
    previous_deleted    boolean,
    previous_merged_into uuid,
    PRIMARY KEY (proposal_id, version),
    FOREIGN KEY (workshop_id, proposal_id) REFERENCES proposal (workshop_id, id) ON DELETE CASCADE,
    FOREIGN KEY (congress_id, workshop_id) REFERENCES workshop (congress_id, id) ON DELETE CASCADE,
    FOREIGN KEY (congress_id, actor_id) REFERENCES participant (congress_id, id),
    -- The first version has no previous state; every later one has all of it.
    CHECK ((version = 1) = (previous_title IS NULL)),
    CHECK ((previous_title IS NULL) = (previous_synthesis IS NULL)
        AND (previous_title IS NULL) = (previous_status IS NULL)
        AND (previous_title IS NULL) = (previous_position IS NULL)
        AND (previous_title IS NULL) = (previous_source_ids IS NULL)
        AND (previous_title IS NULL) = (previous_deleted IS NULL))
);

-- Attendees back a published proposal, once each.
CREATE TABLE proposal_endorsement (
    congress_id    uuid NOT NULL,
    proposal_id    uuid NOT NULL,
    participant_id uuid NOT NULL,
    created_at     timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (proposal_id, participant_id),
    FOREIGN KEY (congress_id, proposal_id) REFERENCES proposal (congress_id, id) ON DELETE CASCADE,
    FOREIGN KEY (congress_id, participant_id) REFERENCES participant (congress_id, id) ON DELETE CASCADE
);

-- Who did what to which proposals, in order. Append-only: the live board and audits read it.
CREATE TABLE consolidation_log (
    id                  bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    congress_id         uuid NOT NULL,
    workshop_id         uuid NOT NULL,
    actor_id            uuid NOT NULL,
    action              text NOT NULL CHECK (char_length(action) BETWEEN 1 AND 40),
    proposal_ids_before uuid[] NOT NULL DEFAULT '{}',
    proposal_ids_after  uuid[] NOT NULL DEFAULT '{}',
    contribution_ids    uuid[] NOT NULL DEFAULT '{}',
    detail              jsonb NOT NULL DEFAULT '{}',
    -- A client's key for one request, and what that request was, so a retry replays it.
    idempotency_key     text CHECK (idempotency_key IS NULL OR char_length(idempotency_key) BETWEEN 1 AND 200),
    request_digest      text CHECK (request_digest IS NULL OR char_length(request_digest) = 64),
    at                  timestamptz NOT NULL DEFAULT now(),
    UNIQUE (actor_id, idempotency_key),
    CHECK ((idempotency_key IS NULL) = (request_digest IS NULL)),
    -- No cascade: a workshop with a consolidation history cannot silently disappear.
    FOREIGN KEY (congress_id, workshop_id) REFERENCES workshop (congress_id, id),
    FOREIGN KEY (congress_id, actor_id) REFERENCES participant (congress_id, id)
);

CREATE INDEX consolidation_log_workshop ON consolidation_log (workshop_id, id DESC);

-- History is written once: the log and the revisions refuse to be changed or removed.
CREATE FUNCTION refuse_history_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP
        USING ERRCODE = 'insufficient_privilege';
END $$;

CREATE TRIGGER consolidation_log_append_only
    BEFORE UPDATE OR DELETE ON consolidation_log
    FOR EACH ROW EXECUTE FUNCTION refuse_history_change();

CREATE TRIGGER consolidation_log_no_truncate
    BEFORE TRUNCATE ON consolidation_log
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_history_change();

CREATE TRIGGER proposal_revision_append_only
    BEFORE UPDATE OR DELETE ON proposal_revision
    FOR EACH ROW EXECUTE FUNCTION refuse_history_change();

CREATE TRIGGER proposal_revision_no_truncate
    BEFORE TRUNCATE ON proposal_revision
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_history_change();
