-- The meeting cycle: a meeting is scheduled, its agenda published, it is held and minuted, and the
-- next meeting of its body approves the minutes, which are then no longer editable. Minutes edited
-- before approval keep each earlier version as a revision.
ALTER TABLE meeting DROP CONSTRAINT IF EXISTS meeting_status_check;
ALTER TABLE meeting ADD CONSTRAINT meeting_status_check CHECK (status IN ('MEETING_STATUS_SCHEDULED',
  'MEETING_STATUS_AGENDA_PUBLISHED', 'MEETING_STATUS_HELD', 'MEETING_STATUS_CANCELLED'));
ALTER TABLE meeting ADD COLUMN version BIGINT NOT NULL DEFAULT 0;
-- The meeting that agreed these minutes as a true and accurate record, on its date.
ALTER TABLE meeting ADD COLUMN minutes_approved_by BIGINT REFERENCES meeting (id);
ALTER TABLE meeting ADD COLUMN minutes_approved_date DATE;
ALTER TABLE meeting ADD CONSTRAINT meeting_minutes_approval CHECK (
  (minutes_approved_by IS NULL) = (minutes_approved_date IS NULL) AND minutes_approved_by IS DISTINCT FROM id);

-- A meeting as it stood before an edit of its minutes: the laa.partnership.v1.Meeting message, serialized.
CREATE TABLE minutes_revision (
  id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  meeting_id  BIGINT NOT NULL REFERENCES meeting (id) ON DELETE CASCADE,
  revision    INTEGER NOT NULL CHECK (revision >= 1),
  snapshot    BYTEA NOT NULL,
  create_time TIMESTAMPTZ NOT NULL,
  UNIQUE (meeting_id, revision)
);
