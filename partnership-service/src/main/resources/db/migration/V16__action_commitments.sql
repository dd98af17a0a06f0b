-- The commitments an action is on ("commitments/{id}", one per line like Action.indicators): the
-- funding service's resource names, never a foreign key across databases. A commitment's page lists
-- the actions on it.
ALTER TABLE action ADD COLUMN commitments TEXT NOT NULL DEFAULT '' CHECK (length(commitments) <= 100000);
