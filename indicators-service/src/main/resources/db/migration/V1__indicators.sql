-- The indicators service's schema. Values are NUMERIC (exact); every rule the service checks in
-- Java is also a constraint here, so that no path around the service can store nonsense.

CREATE TABLE area (
  id    BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  code  TEXT NOT NULL UNIQUE CHECK (code ~ '^[a-z0-9][a-z0-9-]{0,62}$'),
  title TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 1000),
  type  TEXT NOT NULL CHECK (type IN ('CITY', 'PRIORITY_NEIGHBOURHOODS', 'REST_OF_CITY', 'BME_PROXY_AREAS',
                                      'WARD', 'LEGI_AREA', 'COMPARATOR'))
);

CREATE TABLE period (
  id         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  code       TEXT NOT NULL UNIQUE CHECK (code ~ '^[a-z0-9][a-z0-9-]{0,62}$'),
  type       TEXT NOT NULL CHECK (type IN ('FINANCIAL_YEAR', 'QUARTER', 'HALF_YEAR', 'ACADEMIC_YEAR',
                                           'CALENDAR_YEAR', 'MONTH', 'SURVEY_WAVE', 'ROLLING_AVERAGE', 'OTHER')),
  start_date DATE NOT NULL,
  end_date   DATE NOT NULL,
  label      TEXT NOT NULL CHECK (length(label) BETWEEN 1 AND 1000),
  CHECK (end_date >= start_date)
);

CREATE TABLE indicator (
  id                 BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  code               TEXT NOT NULL UNIQUE CHECK (code ~ '^[A-Za-z0-9][A-Za-z0-9-]{0,62}$'),
  title              TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 1000),
  block              TEXT NOT NULL CHECK (block IN ('CHILDREN_AND_YOUNG_PEOPLE', 'SAFER_AND_STRONGER_COMMUNITIES',
                                                    'HEALTHIER_COMMUNITIES_AND_OLDER_PEOPLE',
                                                    'ECONOMIC_DEVELOPMENT_AND_ENTERPRISE')),
  theme_group        TEXT NOT NULL DEFAULT '' CHECK (length(theme_group) <= 1000),
  outcome            TEXT NOT NULL DEFAULT '' CHECK (length(outcome) <= 20000),
  units              TEXT NOT NULL DEFAULT '' CHECK (length(units) <= 1000),
  polarity           TEXT NOT NULL CHECK (polarity IN ('HIGHER_IS_BETTER', 'LOWER_IS_BETTER')),
  source             TEXT NOT NULL CHECK (source IN ('NATIONAL_INDICATOR', 'LPSA_STRETCH', 'MANDATORY', 'LOCAL')),
  ni_code            TEXT NOT NULL DEFAULT '' CHECK (length(ni_code) <= 1000),
  monitor_only       BOOLEAN NOT NULL DEFAULT FALSE,
  cumulative         BOOLEAN NOT NULL DEFAULT FALSE,
  owner_organisation TEXT NOT NULL DEFAULT '' CHECK (length(owner_organisation) <= 1000),
  frequency          TEXT NOT NULL CHECK (frequency IN ('MONTHLY', 'QUARTERLY', 'HALF_YEARLY', 'ANNUAL',
                                                        'BIENNIAL_OR_LESS')),
  decimal_places     INTEGER NOT NULL DEFAULT 1 CHECK (decimal_places BETWEEN 0 AND 6),
  amber_tolerance    NUMERIC CHECK (amber_tolerance >= 0),
  source_reference   TEXT NOT NULL DEFAULT '' CHECK (length(source_reference) <= 1000),
  create_time        TIMESTAMPTZ NOT NULL,
  update_time        TIMESTAMPTZ NOT NULL
);
CREATE INDEX indicator_block ON indicator (block, code);

-- A figure as written: the number where there is one, how to read it, and the original text.
-- The same columns (prefixed figure_) in baseline, target and outturn.
CREATE TABLE baseline (
  id                     BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  indicator_id           BIGINT NOT NULL REFERENCES indicator (id) ON DELETE CASCADE,
  period_id              BIGINT REFERENCES period (id),
  area_id                BIGINT NOT NULL REFERENCES area (id),
  figure_value           NUMERIC,
  figure_comparator      TEXT NOT NULL CHECK (figure_comparator IN ('EQUAL', 'LESS_THAN', 'AT_MOST', 'MORE_THAN', 'AT_LEAST')),
  figure_due_year        INTEGER NOT NULL DEFAULT 0,
  figure_cumulative      BOOLEAN NOT NULL DEFAULT FALSE,
  figure_secondary_value NUMERIC,
  figure_status          TEXT NOT NULL CHECK (figure_status IN ('VALUE', 'MONITOR_ONLY', 'TO_BE_SET', 'NOT_AVAILABLE',
                                                                'NOT_APPLICABLE', 'NO_TARGET', 'TEXT_ONLY')),
  figure_original_text   TEXT NOT NULL CHECK (length(figure_original_text) <= 1000),
  create_time            TIMESTAMPTZ NOT NULL,
  CHECK ((figure_status = 'VALUE') = (figure_value IS NOT NULL))
);
CREATE INDEX baseline_indicator ON baseline (indicator_id);

CREATE TABLE target (
  id                     BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  indicator_id           BIGINT NOT NULL REFERENCES indicator (id) ON DELETE CASCADE,
  period_id              BIGINT NOT NULL REFERENCES period (id),
  area_id                BIGINT NOT NULL REFERENCES area (id),
  figure_value           NUMERIC,
  figure_comparator      TEXT NOT NULL CHECK (figure_comparator IN ('EQUAL', 'LESS_THAN', 'AT_MOST', 'MORE_THAN', 'AT_LEAST')),
  figure_due_year        INTEGER NOT NULL DEFAULT 0,
  figure_cumulative      BOOLEAN NOT NULL DEFAULT FALSE,
  figure_secondary_value NUMERIC,
  figure_status          TEXT NOT NULL CHECK (figure_status IN ('VALUE', 'MONITOR_ONLY', 'TO_BE_SET', 'NOT_AVAILABLE',
                                                                'NOT_APPLICABLE', 'NO_TARGET', 'TEXT_ONLY')),
  figure_original_text   TEXT NOT NULL CHECK (length(figure_original_text) <= 1000),
  create_time            TIMESTAMPTZ NOT NULL,
  UNIQUE (indicator_id, period_id, area_id),
  CHECK ((figure_status = 'VALUE') = (figure_value IS NOT NULL))
);

-- Outturns are never updated in place except to mark them superseded: a correction is a new row
-- with the next revision, and the partial unique index keeps exactly one current row per
-- indicator, period and area.
CREATE TABLE outturn (
  id                     BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  indicator_id           BIGINT NOT NULL REFERENCES indicator (id) ON DELETE CASCADE,
  period_id              BIGINT NOT NULL REFERENCES period (id),
  data_period_id         BIGINT REFERENCES period (id),
  area_id                BIGINT NOT NULL REFERENCES area (id),
  figure_value           NUMERIC,
  figure_comparator      TEXT NOT NULL CHECK (figure_comparator IN ('EQUAL', 'LESS_THAN', 'AT_MOST', 'MORE_THAN', 'AT_LEAST')),
  figure_due_year        INTEGER NOT NULL DEFAULT 0,
  figure_cumulative      BOOLEAN NOT NULL DEFAULT FALSE,
  figure_secondary_value NUMERIC,
  figure_status          TEXT NOT NULL CHECK (figure_status IN ('VALUE', 'MONITOR_ONLY', 'TO_BE_SET', 'NOT_AVAILABLE',
                                                                'NOT_APPLICABLE', 'NO_TARGET', 'TEXT_ONLY')),
  figure_original_text   TEXT NOT NULL CHECK (length(figure_original_text) <= 1000),
  status                 TEXT NOT NULL CHECK (status IN ('PROVISIONAL', 'FINAL')),
  coverage               NUMERIC CHECK (coverage > 0 AND coverage <= 1),
  source                 TEXT NOT NULL DEFAULT '' CHECK (length(source) <= 1000),
  note                   TEXT NOT NULL DEFAULT '' CHECK (length(note) <= 20000),
  submitted_by           TEXT NOT NULL DEFAULT '' CHECK (length(submitted_by) <= 1000),
  create_time            TIMESTAMPTZ NOT NULL,
  revision               INTEGER NOT NULL CHECK (revision >= 1),
  supersedes_id          BIGINT REFERENCES outturn (id),
  current                BOOLEAN NOT NULL,
  CHECK ((figure_status = 'VALUE') = (figure_value IS NOT NULL)),
  CHECK ((revision = 1) = (supersedes_id IS NULL))
);
CREATE UNIQUE INDEX outturn_one_current ON outturn (indicator_id, period_id, area_id) WHERE current;
CREATE INDEX outturn_indicator ON outturn (indicator_id);

CREATE TABLE narrative (
  id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  indicator_id BIGINT NOT NULL REFERENCES indicator (id) ON DELETE CASCADE,
  period_id    BIGINT NOT NULL REFERENCES period (id),
  achieved     TEXT NOT NULL DEFAULT '' CHECK (length(achieved) <= 20000),
  next_steps   TEXT NOT NULL DEFAULT '' CHECK (length(next_steps) <= 20000),
  author       TEXT NOT NULL DEFAULT '' CHECK (length(author) <= 1000),
  create_time  TIMESTAMPTZ NOT NULL,
  CHECK (achieved <> '' OR next_steps <> '')
);
CREATE INDEX narrative_indicator ON narrative (indicator_id);

CREATE TABLE recorded_judgement (
  id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  indicator_id BIGINT NOT NULL REFERENCES indicator (id) ON DELETE CASCADE,
  period_id    BIGINT NOT NULL REFERENCES period (id),
  rating       TEXT NOT NULL CHECK (rating IN ('GREEN', 'AMBER', 'RED', 'TOO_EARLY_TO_ASSESS')),
  reason       TEXT NOT NULL DEFAULT '' CHECK (length(reason) <= 20000),
  recorded_by  TEXT NOT NULL DEFAULT '' CHECK (length(recorded_by) <= 1000),
  create_time  TIMESTAMPTZ NOT NULL
);
CREATE INDEX recorded_judgement_indicator ON recorded_judgement (indicator_id);
