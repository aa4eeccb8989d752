-- People taking part in a congress, what they lead, and their access tokens.

CREATE TABLE participant (
    id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    congress_id   uuid NOT NULL REFERENCES congress (id) ON DELETE CASCADE,
    display_name  text NOT NULL CHECK (char_length(btrim(display_name)) BETWEEN 1 AND 120),
    -- The collectivité (town, EPCI, département...) the participant speaks for.
    organisation  text CHECK (organisation IS NULL OR char_length(btrim(organisation)) BETWEEN 1 AND 200),
    role          text NOT NULL CHECK (role IN ('attendee', 'lead', 'admin')),
    -- Consent to appear by name in exports; otherwise the organisation, or "anonyme".
    named         boolean NOT NULL DEFAULT false,
    -- A stable key from elsewhere (the demo, an import), so loading again finds the same person.
    external_ref  text CHECK (external_ref IS NULL OR char_length(external_ref) BETWEEN 1 AND 200),
    created_at    timestamptz NOT NULL DEFAULT now(),
    UNIQUE (congress_id, id),
    UNIQUE (congress_id, external_ref)
);

CREATE TABLE workshop_lead (
    congress_id    uuid NOT NULL,
    participant_id uuid NOT NULL,
    workshop_id    uuid NOT NULL,
    PRIMARY KEY (participant_id, workshop_id),
    FOREIGN KEY (congress_id, participant_id) REFERENCES participant (congress_id, id) ON DELETE CASCADE,
    FOREIGN KEY (congress_id, workshop_id) REFERENCES workshop (congress_id, id) ON DELETE CASCADE
);

-- Only the SHA-256 of a token is kept: a leaked table grants nothing.
CREATE TABLE access_token (
    id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    participant_id uuid NOT NULL REFERENCES participant (id) ON DELETE CASCADE,
    token_hash     bytea NOT NULL UNIQUE CHECK (octet_length(token_hash) = 32),
    created_at     timestamptz NOT NULL DEFAULT now(),
    revoked_at     timestamptz
);

CREATE INDEX access_token_participant ON access_token (participant_id);
