-- The funding service's schema. Money is BIGINT pence: exact, and whole pence by construction.
-- An amount is a number of pence with a status; "NYQ" (not yet quantified) has a status and no
-- number, and is never read as zero.

CREATE TABLE funding_stream (
  id                BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  code              TEXT NOT NULL UNIQUE CHECK (code ~ '^[a-z0-9][a-z0-9-]{0,99}$'),
  title             TEXT NOT NULL DEFAULT '' CHECK (length(title) <= 1000),
  funder            TEXT NOT NULL DEFAULT '' CHECK (length(funder) <= 1000),
  programme         TEXT NOT NULL DEFAULT '' CHECK (length(programme) <= 1000),
  block             TEXT NOT NULL CHECK (block IN ('CHILDREN_AND_YOUNG_PEOPLE', 'SAFER_AND_STRONGER_COMMUNITIES',
                                                   'HEALTHIER_COMMUNITIES_AND_OLDER_PEOPLE',
                                                   'ECONOMIC_DEVELOPMENT_AND_ENTERPRISE')),
  arrangement       TEXT NOT NULL CHECK (arrangement IN ('AUTOMATICALLY_POOLED', 'OTHER_POOLED', 'ALIGNED')),
  previously_pooled BOOLEAN NOT NULL DEFAULT FALSE,
  heading           TEXT NOT NULL DEFAULT '' CHECK (length(heading) <= 1000),
  start_date        DATE,
  end_date          DATE,
  conditions        TEXT NOT NULL DEFAULT '' CHECK (length(conditions) <= 20000),
  note              TEXT NOT NULL DEFAULT '' CHECK (length(note) <= 20000),
  position          INTEGER NOT NULL DEFAULT 0,
  create_time       TIMESTAMPTZ NOT NULL,
  update_time       TIMESTAMPTZ NOT NULL,
  CHECK (end_date IS NULL OR start_date IS NULL OR end_date >= start_date)
);

CREATE TABLE allocation (
  id               BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  stream_id        BIGINT NOT NULL REFERENCES funding_stream (id) ON DELETE CASCADE,
  financial_year   TEXT NOT NULL CHECK (financial_year ~ '^[0-9]{4}-[0-9]{2}$'),
  capital_pence    BIGINT CHECK (capital_pence >= 0),
  capital_status   TEXT CHECK (capital_status IN ('CONFIRMED', 'INDICATIVE', 'NOT_YET_QUANTIFIED')),
  capital_text     TEXT NOT NULL DEFAULT '' CHECK (length(capital_text) <= 1000),
  revenue_pence    BIGINT CHECK (revenue_pence >= 0),
  revenue_status   TEXT CHECK (revenue_status IN ('CONFIRMED', 'INDICATIVE', 'NOT_YET_QUANTIFIED')),
  revenue_text     TEXT NOT NULL DEFAULT '' CHECK (length(revenue_text) <= 1000),
  note             TEXT NOT NULL DEFAULT '' CHECK (length(note) <= 20000),
  create_time      TIMESTAMPTZ NOT NULL,
  UNIQUE (stream_id, financial_year),
  CHECK ((capital_pence IS NOT NULL) = (capital_status IN ('CONFIRMED', 'INDICATIVE'))),
  CHECK ((revenue_pence IS NOT NULL) = (revenue_status IN ('CONFIRMED', 'INDICATIVE')))
);

CREATE TABLE commitment (
  id             BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  code           TEXT NOT NULL UNIQUE CHECK (code ~ '^[a-z0-9][a-z0-9-]{0,99}$'),
  title          TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 1000),
  kind           TEXT NOT NULL CHECK (kind IN ('PROJECT', 'POST', 'THEME_GROUP_WORK', 'OTHER')),
  programme      TEXT NOT NULL CHECK (length(programme) BETWEEN 1 AND 1000),
  stream_id      BIGINT REFERENCES funding_stream (id),
  posts          INTEGER NOT NULL DEFAULT 0 CHECK (posts BETWEEN 0 AND 10000),
  start_date     DATE,
  end_date       DATE,
  source         TEXT NOT NULL DEFAULT '' CHECK (length(source) <= 1000),
  note           TEXT NOT NULL DEFAULT '' CHECK (length(note) <= 20000),
  over_committed BOOLEAN NOT NULL DEFAULT FALSE,
  create_time    TIMESTAMPTZ NOT NULL,
  CHECK (end_date IS NULL OR start_date IS NULL OR end_date >= start_date)
);
CREATE INDEX commitment_end ON commitment (end_date);

CREATE TABLE commitment_amount (
  id             BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  commitment_id  BIGINT NOT NULL REFERENCES commitment (id) ON DELETE CASCADE,
  financial_year TEXT NOT NULL CHECK (financial_year ~ '^[0-9]{4}-[0-9]{2}$'),
  pence          BIGINT CHECK (pence >= 0),
  status         TEXT NOT NULL CHECK (status IN ('CONFIRMED', 'INDICATIVE', 'NOT_YET_QUANTIFIED')),
  original_text  TEXT NOT NULL DEFAULT '' CHECK (length(original_text) <= 1000),
  UNIQUE (commitment_id, financial_year),
  CHECK ((pence IS NOT NULL) = (status IN ('CONFIRMED', 'INDICATIVE')))
);

-- What a commitment supports: other services' resources, by name (no foreign key across databases).
CREATE TABLE commitment_support (
  commitment_id BIGINT NOT NULL REFERENCES commitment (id) ON DELETE CASCADE,
  resource      TEXT NOT NULL CHECK (resource ~ '^(indicators|bodies)/[A-Za-z0-9][A-Za-z0-9-]{0,99}$'),
  PRIMARY KEY (commitment_id, resource)
);
CREATE INDEX commitment_support_resource ON commitment_support (resource);

CREATE TABLE spend (
  id             BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  commitment_id  BIGINT NOT NULL REFERENCES commitment (id) ON DELETE CASCADE,
  financial_year TEXT NOT NULL CHECK (financial_year ~ '^[0-9]{4}-[0-9]{2}$'),
  quarter        INTEGER NOT NULL CHECK (quarter BETWEEN 1 AND 4),
  pence          BIGINT NOT NULL CHECK (pence >= 0),
  note           TEXT NOT NULL DEFAULT '' CHECK (length(note) <= 20000),
  create_time    TIMESTAMPTZ NOT NULL,
  UNIQUE (commitment_id, financial_year, quarter)
);
