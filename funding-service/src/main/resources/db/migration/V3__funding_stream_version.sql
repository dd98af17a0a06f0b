-- The version of a funding stream, incremented by every update; its etag (AIP-154) is made of it.
ALTER TABLE funding_stream ADD COLUMN version BIGINT NOT NULL DEFAULT 0;
