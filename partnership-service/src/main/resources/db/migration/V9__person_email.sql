-- Where the partnership's e-mail reminders reach a person (empty: not known), and the version of a person,
-- incremented by every update (UpdatePerson); its etag (AIP-154) is made of it.
ALTER TABLE person ADD COLUMN email TEXT NOT NULL DEFAULT '' CHECK (length(email) <= 254);
ALTER TABLE person ADD COLUMN version BIGINT NOT NULL DEFAULT 0;
