-- Voters for the topology test: :count attendees of the demo congress with a known token each,
-- numbered for the pgbench script; their tokens go to standard output for the load driver.
-- Runs on the primary, once, after `atelier demo`.
CREATE TABLE topology_voter (n int PRIMARY KEY, id uuid NOT NULL, token text NOT NULL, token_hash bytea NOT NULL);
CREATE TABLE topology_contribution (n int PRIMARY KEY, id uuid NOT NULL);
INSERT INTO topology_voter (n, id, token, token_hash)
SELECT n, gen_random_uuid(), t.token, sha256(convert_to(t.token, 'UTF8'))
FROM generate_series(1, :count) AS n,
     LATERAL (SELECT 'atl_' || string_agg(substr('ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789',
                                                 1 + floor(random() * 62)::int, 1), '')
              FROM generate_series(1, 43 + n * 0)) AS t (token);
INSERT INTO participant (id, congress_id, display_name, role)
SELECT v.id, c.id, 'Votant ' || v.n, 'attendee' FROM topology_voter v, congress c WHERE c.slug = 'agen-2026';
INSERT INTO access_token (participant_id, token_hash) SELECT id, token_hash FROM topology_voter;
INSERT INTO topology_contribution (n, id)
SELECT row_number() OVER (ORDER BY c.id), c.id FROM contribution c JOIN workshop w ON w.id = c.workshop_id
WHERE c.status = 'published' AND w.status = 'open';
