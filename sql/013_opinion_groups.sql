-- Opinion-group runs: the groups of a workshop's room (or of the whole congress, workshop_id NULL)
-- computed from the votes, kept like the clustering runs: parameters, algorithm version, timing.
--
-- Privacy: `result` holds aggregates per group only (sizes, what each group stands for, its
-- agree / disagree / vote counts per contribution). No participant's id, position or group is
-- stored, so no read can show where one person stands; the service never shows a group below
-- the minimum size.
--
-- The watermark says which votes a run was computed from: their number and a digest (bit_xor of a
-- hash of every participant, contribution, value and time cast, and of every contribution moderated
-- out). A run is reused while the current watermark equals it; any vote cast, changed or retracted,
-- and any moderation, changes it. Computing it reads the room's votes once, an index scan.

CREATE TABLE opinion_group_run (
    id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    congress_id      uuid NOT NULL REFERENCES congress (id) ON DELETE CASCADE,
    workshop_id      uuid,
    requested_by     uuid REFERENCES participant (id) ON DELETE SET NULL,
    algorithm        text NOT NULL CHECK (char_length(algorithm) BETWEEN 1 AND 100),
    parameters       jsonb NOT NULL,
    result           jsonb NOT NULL,
    participant_count integer NOT NULL CHECK (participant_count >= 0),
    group_count      integer NOT NULL CHECK (group_count >= 0),
    vote_count       integer NOT NULL CHECK (vote_count >= 0),
    vote_digest      bigint NOT NULL,
    duration_ms      double precision NOT NULL CHECK (duration_ms >= 0),
    created_at       timestamptz NOT NULL DEFAULT now(),
    FOREIGN KEY (congress_id, workshop_id) REFERENCES workshop (congress_id, id) ON DELETE CASCADE
);

CREATE INDEX opinion_group_run_latest ON opinion_group_run (congress_id, workshop_id, created_at DESC, id DESC);

