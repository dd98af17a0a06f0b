-- Identifiers registers give an organisation (charity, company numbers...), in org-id.guide form, one a line;
-- empty when none is known. The open-data exports name organisations by them (docs/open-data.md).
ALTER TABLE organisation ADD COLUMN registered_identifiers TEXT NOT NULL DEFAULT ''
  CHECK (length(registered_identifiers) <= 1000);
