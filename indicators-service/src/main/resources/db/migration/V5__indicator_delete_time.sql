-- When an indicator was archived (AIP-164's soft delete): it keeps its figures and what refers to it
-- still resolves; NULL while it is current. Listings leave archived indicators out, so they filter on it.
ALTER TABLE indicator ADD COLUMN delete_time TIMESTAMPTZ;
CREATE INDEX indicator_current ON indicator (block, code) WHERE delete_time IS NULL;
