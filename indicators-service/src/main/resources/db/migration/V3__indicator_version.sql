-- The version of an indicator, incremented by every update; its etag (AIP-154) is made of it.
ALTER TABLE indicator ADD COLUMN version BIGINT NOT NULL DEFAULT 0;
