-- Congresses, their engagements (optional grouping) and workshops.

CREATE TABLE congress (
    id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    slug        text NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$' AND char_length(slug) <= 64),
    title       text NOT NULL CHECK (char_length(btrim(title)) BETWEEN 1 AND 200),
    place       text NOT NULL CHECK (char_length(btrim(place)) BETWEEN 1 AND 200),
    starts_on   date NOT NULL,
    ends_on     date NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now(),
    CHECK (ends_on >= starts_on)
);

CREATE TABLE engagement (
    id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    congress_id uuid NOT NULL REFERENCES congress (id) ON DELETE CASCADE,
    slug        text NOT NULL CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$' AND char_length(slug) <= 64),
    title       text NOT NULL CHECK (char_length(btrim(title)) BETWEEN 1 AND 200),
    summary     text NOT NULL DEFAULT '' CHECK (char_length(summary) <= 2000),
    position    integer NOT NULL DEFAULT 0,
    UNIQUE (congress_id, slug),
    UNIQUE (congress_id, id)
);

CREATE TABLE workshop (
    id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    congress_id   uuid NOT NULL REFERENCES congress (id) ON DELETE CASCADE,
    engagement_id uuid,
    slug          text NOT NULL CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$' AND char_length(slug) <= 64),
    title         text NOT NULL CHECK (char_length(btrim(title)) BETWEEN 1 AND 200),
    description   text NOT NULL DEFAULT '' CHECK (char_length(description) <= 4000),
    status        text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
    position      integer NOT NULL DEFAULT 0,
    created_at    timestamptz NOT NULL DEFAULT now(),
    UNIQUE (congress_id, slug),
    UNIQUE (congress_id, id),
    -- An engagement groups workshops of its own congress only.
    FOREIGN KEY (congress_id, engagement_id) REFERENCES engagement (congress_id, id) ON DELETE SET NULL (engagement_id)
);
