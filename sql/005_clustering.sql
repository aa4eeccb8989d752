-- Clustering runs: candidate proposals computed from a workshop's contributions.

CREATE TABLE clustering_run (
    id                 uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    workshop_id        uuid NOT NULL REFERENCES workshop (id) ON DELETE CASCADE,
    requested_by       uuid REFERENCES participant (id) ON DELETE SET NULL,
    -- The run this one started from: its clusters keep their identity where they still hold.
    previous_run_id    uuid REFERENCES clustering_run (id) ON DELETE SET NULL,
    algorithm          text NOT NULL CHECK (char_length(algorithm) BETWEEN 1 AND 100),
    parameters         jsonb NOT NULL,
    result             jsonb NOT NULL,
    contribution_count integer NOT NULL CHECK (contribution_count >= 0),
    cluster_count      integer NOT NULL CHECK (cluster_count >= 0),
    duration_ms        double precision NOT NULL CHECK (duration_ms >= 0),
    created_at         timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX clustering_run_latest ON clustering_run (workshop_id, created_at DESC, id DESC);
