-- Comparator groups (England, the region, nearest neighbours) and their figures of an indicator and period
-- (docs/comparators.md). A figure's place is named as its source names it: comparator places are outside the city.
CREATE TABLE comparator_group (
  id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  code        TEXT NOT NULL UNIQUE CHECK (code ~ '^[a-z0-9][a-z0-9-]{0,62}$'),
  title       TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 1000),
  kind        TEXT NOT NULL CHECK (kind IN ('COMPARATOR_GROUP_KIND_NEAREST_NEIGHBOURS', 'COMPARATOR_GROUP_KIND_REGION',
                                            'COMPARATOR_GROUP_KIND_ENGLAND', 'COMPARATOR_GROUP_KIND_OTHER')),
  source      TEXT NOT NULL DEFAULT '' CHECK (length(source) <= 1000),
  note        TEXT NOT NULL DEFAULT '' CHECK (length(note) <= 20000),
  create_time TIMESTAMPTZ NOT NULL
);

CREATE TABLE comparator_figure (
  id                     BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  indicator_id           BIGINT NOT NULL REFERENCES indicator (id) ON DELETE CASCADE,
  group_id               BIGINT NOT NULL REFERENCES comparator_group (id),
  period_id              BIGINT NOT NULL REFERENCES period (id),
  area                   TEXT NOT NULL CHECK (length(area) BETWEEN 1 AND 1000),
  -- The local area whose outturns the figure is set against (the city unless a source compares a ward).
  local_area_id          BIGINT NOT NULL REFERENCES area (id),
  figure_value           NUMERIC,
  figure_comparator      TEXT NOT NULL CHECK (figure_comparator IN ('COMPARATOR_EQUAL', 'COMPARATOR_LESS_THAN',
                           'COMPARATOR_AT_MOST', 'COMPARATOR_MORE_THAN', 'COMPARATOR_AT_LEAST')),
  figure_due_year        INTEGER NOT NULL DEFAULT 0,
  figure_cumulative      BOOLEAN NOT NULL DEFAULT FALSE,
  figure_secondary_value NUMERIC,
  figure_status          TEXT NOT NULL CHECK (figure_status LIKE 'FIGURE_STATUS_%'),
  figure_original_text   TEXT NOT NULL CHECK (length(figure_original_text) <= 1000),
  source                 TEXT NOT NULL DEFAULT '' CHECK (length(source) <= 1000),
  quote                  TEXT NOT NULL DEFAULT '' CHECK (length(quote) <= 20000),
  note                   TEXT NOT NULL DEFAULT '' CHECK (length(note) <= 20000),
  create_time            TIMESTAMPTZ NOT NULL,
  CHECK ((figure_status = 'FIGURE_STATUS_VALUE') = (figure_value IS NOT NULL)),
  UNIQUE (indicator_id, group_id, period_id, area)
);
-- The reports read an indicator's figures through the unique index (its leading column); the groups' through this.
CREATE INDEX comparator_figure_group ON comparator_figure (group_id);
