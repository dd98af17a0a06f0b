-- The agreement's accountable body (it holds the grants; its finance officers manage the funding): one at most.
ALTER TABLE organisation ADD COLUMN accountable_body BOOLEAN NOT NULL DEFAULT FALSE;
CREATE UNIQUE INDEX organisation_one_accountable_body ON organisation (accountable_body) WHERE accountable_body;

-- A person's sign-ins: tokens of an issuer for a subject, or carrying an e-mail the issuer verified.
CREATE TABLE sign_in_link (
  id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  person_id   BIGINT NOT NULL REFERENCES person (id) ON DELETE CASCADE,
  issuer      TEXT NOT NULL CHECK (length(issuer) BETWEEN 1 AND 1000),
  subject     TEXT NOT NULL DEFAULT '' CHECK (length(subject) <= 1000),
  email       TEXT NOT NULL DEFAULT '' CHECK (length(email) <= 320),
  create_time TIMESTAMPTZ NOT NULL DEFAULT now(),
  CHECK ((subject = '') <> (email = ''))
);
CREATE UNIQUE INDEX sign_in_link_subject ON sign_in_link (issuer, subject) WHERE subject <> '';
CREATE UNIQUE INDEX sign_in_link_email ON sign_in_link (issuer, lower(email)) WHERE email <> '';
CREATE INDEX sign_in_link_person ON sign_in_link (person_id);
