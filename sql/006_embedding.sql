-- Sentence embeddings of contributions, computed on the server's CPU (multilingual USE v3).
-- One row per contribution and model: a new model version is embedded beside the old one, so
-- switching models never leaves a clustering with vectors of two kinds.

CREATE TABLE contribution_embedding (
    contribution_id uuid NOT NULL REFERENCES contribution (id) ON DELETE CASCADE,
    model_name      text NOT NULL CHECK (char_length(model_name) BETWEEN 1 AND 100),
    model_version   text NOT NULL CHECK (char_length(model_version) BETWEEN 1 AND 100),
    dimension       integer NOT NULL CHECK (dimension BETWEEN 1 AND 4096),
    -- IEEE 754 single precision, little-endian: 2 KiB for 512 dimensions, a quarter of real[].
    vector          bytea NOT NULL CHECK (octet_length(vector) = 4 * dimension),
    created_at      timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (contribution_id, model_name, model_version)
);

-- An edited text makes its vectors wrong: they go at once, and the worker embeds the new wording.
CREATE FUNCTION contribution_forget_embedding() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.body IS DISTINCT FROM OLD.body OR NEW.title IS DISTINCT FROM OLD.title THEN
        DELETE FROM contribution_embedding WHERE contribution_id = NEW.id;
    END IF;
    RETURN NEW;
END $$;

CREATE TRIGGER contribution_forget_embedding_trigger
    AFTER UPDATE OF title, body ON contribution
    FOR EACH ROW EXECUTE FUNCTION contribution_forget_embedding();
