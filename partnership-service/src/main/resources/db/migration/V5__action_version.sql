-- The version of an action, incremented by every status change; its etag (AIP-154) is made of it.
ALTER TABLE action ADD COLUMN version BIGINT NOT NULL DEFAULT 0;
