-- What the organisers and leads did with their powers, for whoever must answer for it later:
-- who (a participant, or NULL for the command line, which acts as the organisers), what, on what,
-- when, and the request's id (the X-Request-Id of its answer and its log lines).
--
-- Append-only: a trigger refuses UPDATE, DELETE and TRUNCATE, so the application cannot rewrite
-- its own history (the project has one database role, so a GRANT could not say it). Written in the
-- transaction of the action it records: no action without its line, no line without its action.
-- About 200 bytes a line; a congress day writes a few hundred.

CREATE TABLE audit_log (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    congress_id uuid NOT NULL REFERENCES congress (id),
    actor_id    uuid REFERENCES participant (id),
    action      text NOT NULL CHECK (action IN (
                    'congress-import', 'participants-import', 'badges-issue', 'participant-revoke',
                    'participant-rotate', 'contribution-hide', 'proposal-publish', 'proposal-unpublish', 'export')),
    target      text NOT NULL CHECK (length(target) BETWEEN 1 AND 200),
    detail      jsonb NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(detail) = 'object'),
    request_id  text CHECK (request_id ~ '^[A-Za-z0-9._-]{1,64}$'),
    at          timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX audit_log_congress_idx ON audit_log (congress_id, id DESC);

-- The same refusal as the consolidation log's (008).
CREATE TRIGGER audit_log_append_only
    BEFORE UPDATE OR DELETE ON audit_log
    FOR EACH ROW EXECUTE FUNCTION refuse_history_change();

CREATE TRIGGER audit_log_no_truncate
    BEFORE TRUNCATE ON audit_log
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_history_change();
