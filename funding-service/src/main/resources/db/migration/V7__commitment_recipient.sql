-- The organisation a commitment pays ("organisations/{id}" of the partnership service, no foreign key across
-- databases); empty when the source does not name it. The 360Giving export lists such commitments as grants.
ALTER TABLE commitment ADD COLUMN recipient TEXT NOT NULL DEFAULT ''
  CHECK (recipient = '' OR recipient ~ '^organisations/[a-z0-9][a-z0-9-]{0,99}$');
