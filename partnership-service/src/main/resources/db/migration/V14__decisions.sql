-- Decisions linked to what they concern: the indicators ("indicators/{code}") and commitments
-- ("commitments/{id}") of the other services, by resource name, one per line; never a foreign key
-- across databases. An item's decisions as minuted stay in agenda_item.decisions.
CREATE TABLE decision (
  id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  meeting_id  BIGINT NOT NULL REFERENCES meeting (id) ON DELETE CASCADE,
  item_number INTEGER NOT NULL,
  position    INTEGER NOT NULL,
  text        TEXT NOT NULL CHECK (length(text) BETWEEN 1 AND 20000),
  indicators  TEXT NOT NULL DEFAULT '' CHECK (length(indicators) <= 100000),
  commitments TEXT NOT NULL DEFAULT '' CHECK (length(commitments) <= 100000),
  FOREIGN KEY (meeting_id, item_number) REFERENCES agenda_item (meeting_id, number) ON DELETE CASCADE
);
CREATE INDEX decision_meeting ON decision (meeting_id);
