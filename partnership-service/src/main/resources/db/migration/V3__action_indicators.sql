-- The indicators an action is on ("indicators/{code}", one per line like other lists): the
-- indicators service's resource names, never a foreign key across databases.
ALTER TABLE action ADD COLUMN indicators TEXT NOT NULL DEFAULT '' CHECK (length(indicators) <= 100000);
-- Report cards and review packs ask for the open actions that are on indicators.
CREATE INDEX action_on_indicators ON action (status) WHERE indicators <> '';
