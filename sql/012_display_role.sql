-- A display access: the plenary screen's read-only participant. It sees the congress's counts and
-- published proposals and follows the live events; the services refuse it everything else. Being a
-- participant row, it gets tokens, codes and sessions like anyone, and a revocation ends it the same way.

ALTER TABLE participant DROP CONSTRAINT participant_role_check;
ALTER TABLE participant ADD CONSTRAINT participant_role_check CHECK (role IN ('attendee', 'lead', 'admin', 'display'));
