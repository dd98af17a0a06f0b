-- Figures go from entry to the public (issue 14): each indicator's return for a period is an entry that is
-- drafted, submitted, approved and published; a revision is public once its publish_time is set.

CREATE TABLE entry (
  id            BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  indicator_id  BIGINT NOT NULL REFERENCES indicator (id) ON DELETE CASCADE,
  period_id     BIGINT NOT NULL REFERENCES period (id),
  state         TEXT NOT NULL CHECK (state IN ('PUBLICATION_STATE_DRAFT', 'PUBLICATION_STATE_SUBMITTED', 'PUBLICATION_STATE_APPROVED',
                                          'PUBLICATION_STATE_PUBLISHED', 'PUBLICATION_STATE_RETURNED')),
  return_reason TEXT NOT NULL DEFAULT '' CHECK (length(return_reason) <= 20000),
  version       BIGINT NOT NULL DEFAULT 0,
  update_time   TIMESTAMPTZ NOT NULL DEFAULT now(),
  update_by     TEXT NOT NULL DEFAULT '',
  UNIQUE (indicator_id, period_id)
);
CREATE INDEX entry_period_state ON entry (period_id, state);

-- Every step an entry took: who moved it to which state, when, and why (a return's reason).
CREATE TABLE entry_step (
  id        BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  entry_id  BIGINT NOT NULL REFERENCES entry (id) ON DELETE CASCADE,
  state     TEXT NOT NULL CHECK (state IN ('PUBLICATION_STATE_DRAFT', 'PUBLICATION_STATE_SUBMITTED', 'PUBLICATION_STATE_APPROVED',
                                          'PUBLICATION_STATE_PUBLISHED', 'PUBLICATION_STATE_RETURNED')),
  by_whom   TEXT NOT NULL,
  step_time TIMESTAMPTZ NOT NULL DEFAULT now(),
  reason    TEXT NOT NULL DEFAULT ''
);
CREATE INDEX entry_step_entry ON entry_step (entry_id);

-- Each revision's own state: its entry's while pending (the latest revision) or DRAFT (a pending revision a later
-- one replaced before publication), PUBLISHED once published. What was written before entries existed had been
-- public from the start.
ALTER TABLE outturn ADD COLUMN state TEXT NOT NULL DEFAULT 'PUBLICATION_STATE_PUBLISHED' CHECK (state IN ('PUBLICATION_STATE_DRAFT', 'PUBLICATION_STATE_SUBMITTED', 'PUBLICATION_STATE_APPROVED',
                                          'PUBLICATION_STATE_PUBLISHED', 'PUBLICATION_STATE_RETURNED')),
  ADD COLUMN publish_time TIMESTAMPTZ;
ALTER TABLE narrative ADD COLUMN state TEXT NOT NULL DEFAULT 'PUBLICATION_STATE_PUBLISHED' CHECK (state IN ('PUBLICATION_STATE_DRAFT', 'PUBLICATION_STATE_SUBMITTED', 'PUBLICATION_STATE_APPROVED',
                                          'PUBLICATION_STATE_PUBLISHED', 'PUBLICATION_STATE_RETURNED')),
  ADD COLUMN publish_time TIMESTAMPTZ;
ALTER TABLE recorded_judgement ADD COLUMN state TEXT NOT NULL DEFAULT 'PUBLICATION_STATE_PUBLISHED' CHECK (state IN ('PUBLICATION_STATE_DRAFT', 'PUBLICATION_STATE_SUBMITTED', 'PUBLICATION_STATE_APPROVED',
                                          'PUBLICATION_STATE_PUBLISHED', 'PUBLICATION_STATE_RETURNED')),
  ADD COLUMN publish_time TIMESTAMPTZ;
UPDATE outturn SET publish_time = create_time;
UPDATE narrative SET publish_time = create_time;
UPDATE recorded_judgement SET publish_time = create_time;
ALTER TABLE outturn ALTER COLUMN state DROP DEFAULT;
ALTER TABLE narrative ALTER COLUMN state DROP DEFAULT;
ALTER TABLE recorded_judgement ALTER COLUMN state DROP DEFAULT;
ALTER TABLE outturn ADD CHECK ((state = 'PUBLICATION_STATE_PUBLISHED') = (publish_time IS NOT NULL));
ALTER TABLE narrative ADD CHECK ((state = 'PUBLICATION_STATE_PUBLISHED') = (publish_time IS NOT NULL));
ALTER TABLE recorded_judgement ADD CHECK ((state = 'PUBLICATION_STATE_PUBLISHED') = (publish_time IS NOT NULL));
CREATE INDEX outturn_published ON outturn (indicator_id, period_id, area_id, revision) WHERE publish_time IS NOT NULL;
INSERT INTO entry (indicator_id, period_id, state, update_time)
SELECT indicator_id, period_id, 'PUBLICATION_STATE_PUBLISHED', max(create_time) FROM (
  SELECT indicator_id, period_id, create_time FROM outturn
  UNION ALL SELECT indicator_id, period_id, create_time FROM narrative
  UNION ALL SELECT indicator_id, period_id, create_time FROM recorded_judgement) written
GROUP BY indicator_id, period_id;

-- A quarter's report frozen when it was published: the reports as a serialized BatchGetIndicatorReportsResponse.
CREATE TABLE edition (
  id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  code        TEXT NOT NULL UNIQUE,
  period_id   BIGINT NOT NULL REFERENCES period (id),
  create_time TIMESTAMPTZ NOT NULL DEFAULT now(),
  create_by   TEXT NOT NULL,
  reports     BYTEA NOT NULL
);
