-- Documents frozen with an edition (the review pack the gateway assembled when the period was published).
CREATE TABLE edition_document (
  id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  edition_id  BIGINT NOT NULL REFERENCES edition (id) ON DELETE CASCADE,
  name        TEXT NOT NULL CHECK (name ~ '^[A-Za-z0-9][A-Za-z0-9.-]{0,99}$'),
  media_type  TEXT NOT NULL CHECK (length(media_type) BETWEEN 1 AND 200),
  content     BYTEA NOT NULL CHECK (length(content) <= 8388608),
  create_time TIMESTAMPTZ NOT NULL DEFAULT now(),
  create_by   TEXT NOT NULL,
  UNIQUE (edition_id, name)
);
