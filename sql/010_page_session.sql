-- Signing in to the pages: badge codes and browser sessions. The JSON API keeps its bearer
-- tokens (access_token); these two tables serve the pages alone.
--
-- * A badge code is the short code printed on a participant's badge (12 characters of base 32,
--   60 bits). One live code per participant: issuing a new one replaces the old, so reprinting
--   a lost badge disables it. Only its SHA-256 is kept.
-- * A page session is what a browser holds in its atelier_session cookie once a code was typed
--   or a personal link opened. Only the cookie's SHA-256 is kept, with the session's CSRF token
--   (which grants nothing without the cookie) and a fixed expiry; logging out ends it, and
--   revoking a participant's access ends all of their sessions.

CREATE TABLE badge_code (
    participant_id uuid PRIMARY KEY REFERENCES participant (id) ON DELETE CASCADE,
    code_hash      bytea NOT NULL UNIQUE CHECK (octet_length(code_hash) = 32),
    issued_at      timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE page_session (
    id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    participant_id uuid NOT NULL REFERENCES participant (id) ON DELETE CASCADE,
    token_hash     bytea NOT NULL UNIQUE CHECK (octet_length(token_hash) = 32),
    csrf_token     text NOT NULL CHECK (char_length(csrf_token) = 43),
    created_at     timestamptz NOT NULL DEFAULT now(),
    expires_at     timestamptz NOT NULL,
    ended_at       timestamptz,
    CHECK (expires_at > created_at)
);

CREATE INDEX page_session_participant ON page_session (participant_id) WHERE ended_at IS NULL;
