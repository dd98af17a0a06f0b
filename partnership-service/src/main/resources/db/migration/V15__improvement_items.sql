-- Improvement items kept live by the secretariat: a due date beside the printed timescale, the indicators the
-- item is to improve and the actions (of meetings) that carry it out (newline-separated names, as V1 keeps lists),
-- a version for etags, and dated progress notes, added one at a time and never rewritten.
ALTER TABLE improvement_item ADD COLUMN due_date DATE;
ALTER TABLE improvement_item ADD COLUMN indicators TEXT NOT NULL DEFAULT '' CHECK (length(indicators) <= 100000);
ALTER TABLE improvement_item ADD COLUMN linked_actions TEXT NOT NULL DEFAULT ''
  CHECK (length(linked_actions) <= 100000);
ALTER TABLE improvement_item ADD COLUMN version BIGINT NOT NULL DEFAULT 0;

CREATE TABLE improvement_progress_note (
  id        BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  item_id   BIGINT NOT NULL REFERENCES improvement_item (id) ON DELETE CASCADE,
  note_date DATE NOT NULL,
  text      TEXT NOT NULL CHECK (length(text) BETWEEN 1 AND 20000),
  author    TEXT NOT NULL DEFAULT '' CHECK (length(author) <= 1000)
);
CREATE INDEX improvement_progress_note_item ON improvement_progress_note (item_id, id);
