-- LPSA stretch targets, one row per indicator of a target, with what the reward rule needs (docs/lpsa-reward.md).
-- The indicator is the indicators service's resource name (no foreign key across databases). The reward grant and
-- the performance expected without the stretch are NULL where the papers do not record them: never guessed.
CREATE TABLE lpsa_target (
  id                  BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  code                TEXT NOT NULL UNIQUE CHECK (code ~ '^[a-z0-9][a-z0-9-]{0,99}$'),
  indicator           TEXT NOT NULL CHECK (indicator ~ '^indicators/[A-Za-z0-9][A-Za-z0-9-]{0,62}$'),
  lpsa_target         TEXT NOT NULL CHECK (length(lpsa_target) BETWEEN 1 AND 1000),
  reward_grant_pence  BIGINT CHECK (reward_grant_pence >= 0),
  expected            NUMERIC,
  stretch             NUMERIC NOT NULL,
  stretch_text        TEXT NOT NULL DEFAULT '' CHECK (length(stretch_text) <= 1000),
  threshold           NUMERIC CHECK (threshold >= 0 AND threshold <= 1),
  source              TEXT NOT NULL DEFAULT '' CHECK (length(source) <= 1000),
  note                TEXT NOT NULL DEFAULT '' CHECK (length(note) <= 20000),
  create_time         TIMESTAMPTZ NOT NULL,
  CHECK (expected IS NULL OR expected <> stretch)
);

CREATE INDEX lpsa_target_indicator ON lpsa_target (indicator, code);
