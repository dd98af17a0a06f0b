-- What the agenda prints under an item before the meeting: its paper, or for an item drafted from
-- the data what it was drafted from (AgendaItem.description).
ALTER TABLE agenda_item ADD COLUMN description TEXT NOT NULL DEFAULT '' CHECK (length(description) <= 20000);
