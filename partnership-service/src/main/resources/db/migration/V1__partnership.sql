-- Lists (a body's blocks, a person's other names, an item's decisions, an improvement's actions) are
-- newline-separated text, each entry on one line.
-- The partnership service's schema: structure (organisations, people, bodies, memberships) and
-- governance (meetings, attendance, items, actions, improvement plans, risks). Other services'
-- resources are never referenced here; owners of actions are people or bodies of this service.

CREATE TABLE organisation (
  id                          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  code                        TEXT NOT NULL UNIQUE CHECK (code ~ '^[a-z0-9][a-z0-9-]{0,99}$'),
  title                       TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 1000),
  sector                      TEXT CHECK (sector IN ('PUBLIC', 'PRIVATE', 'VOLUNTARY', 'COMMUNITY')),
  statutory_duty_to_cooperate BOOLEAN NOT NULL DEFAULT FALSE,
  scope                       TEXT CHECK (scope IN ('LOCAL', 'REGIONAL', 'NATIONAL'))
);

CREATE TABLE person (
  id              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  code            TEXT NOT NULL UNIQUE CHECK (code ~ '^[a-z0-9][a-z0-9-]{0,99}$'),
  display_name    TEXT NOT NULL CHECK (length(display_name) BETWEEN 1 AND 1000),
  honorific       TEXT NOT NULL DEFAULT '' CHECK (length(honorific) <= 100),
  job_title       TEXT NOT NULL DEFAULT '' CHECK (length(job_title) <= 1000),
  organisation_id BIGINT REFERENCES organisation (id),
  also_known_as   TEXT NOT NULL DEFAULT '' CHECK (length(also_known_as) <= 1000)
);

CREATE TABLE body (
  id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  code         TEXT NOT NULL UNIQUE CHECK (code ~ '^[a-z0-9][a-z0-9-]{0,99}$'),
  title        TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 1000),
  type         TEXT NOT NULL CHECK (type IN ('PARTNERSHIP_BOARD', 'OPERATIONS_GROUP', 'PIE_GROUP', 'THEME_GROUP',
                                             'COMMUNITY_OF_INTEREST_PARTNERSHIP', 'LEADERS_AND_ADVISORS_GROUP',
                                             'PUBLIC_SERVICE_BOARD', 'SUB_GROUP', 'SECRETARIAT', 'OTHER_GROUP')),
  parent_id    BIGINT REFERENCES body (id),
  blocks       TEXT NOT NULL DEFAULT '' CHECK (length(blocks) <= 1000),
  remit        TEXT NOT NULL DEFAULT '' CHECK (length(remit) <= 20000),
  mandatory    BOOLEAN NOT NULL DEFAULT FALSE,
  status       TEXT NOT NULL CHECK (status IN ('ACTIVE', 'MERGED', 'DISBANDED')),
  successor_id BIGINT REFERENCES body (id),
  quorum       INTEGER NOT NULL DEFAULT 0 CHECK (quorum BETWEEN 0 AND 1000),
  CHECK ((status = 'MERGED') = (successor_id IS NOT NULL)),
  CHECK (parent_id IS NULL OR parent_id <> id)
);

CREATE TABLE membership (
  id             BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  body_id        BIGINT NOT NULL REFERENCES body (id) ON DELETE CASCADE,
  person_id      BIGINT NOT NULL REFERENCES person (id),
  role           TEXT NOT NULL CHECK (role IN ('CHAIR', 'VICE_CHAIR', 'LEADER', 'ADVISOR', 'MEMBER', 'SECRETARY',
                                               'SUPPORT_OFFICER')),
  represents_id  BIGINT REFERENCES organisation (id),
  sector         TEXT CHECK (sector IN ('PUBLIC', 'PRIVATE', 'VOLUNTARY', 'COMMUNITY')),
  start_date     DATE,
  end_date       DATE,
  CHECK (end_date IS NULL OR start_date IS NULL OR end_date >= start_date)
);
CREATE INDEX membership_person ON membership (person_id);
CREATE INDEX membership_body ON membership (body_id);

CREATE TABLE meeting (
  id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  code        TEXT NOT NULL UNIQUE CHECK (code ~ '^[a-z0-9][a-z0-9-]{0,99}$'),
  body_id     BIGINT NOT NULL REFERENCES body (id),
  date        DATE NOT NULL,
  start_time  TEXT NOT NULL DEFAULT '' CHECK (start_time ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$|^$'),
  end_time    TEXT NOT NULL DEFAULT '' CHECK (end_time ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$|^$'),
  place       TEXT NOT NULL DEFAULT '' CHECK (length(place) <= 1000),
  status      TEXT NOT NULL CHECK (status IN ('SCHEDULED', 'HELD', 'CANCELLED')),
  create_time TIMESTAMPTZ NOT NULL
);
CREATE INDEX meeting_body_date ON meeting (body_id, date);

-- One line per person per meeting: attending twice is impossible by construction.
CREATE TABLE attendance (
  id                BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  meeting_id        BIGINT NOT NULL REFERENCES meeting (id) ON DELETE CASCADE,
  person_id         BIGINT NOT NULL REFERENCES person (id),
  position          INTEGER NOT NULL,
  status            TEXT NOT NULL CHECK (status IN ('PRESENT', 'IN_ATTENDANCE', 'APOLOGIES', 'ABSENT')),
  role              TEXT CHECK (role IN ('CHAIR', 'VICE_CHAIR', 'LEADER', 'ADVISOR', 'MEMBER', 'SECRETARY',
                                         'SUPPORT_OFFICER')),
  affiliation       TEXT NOT NULL DEFAULT '' CHECK (length(affiliation) <= 1000),
  as_printed        TEXT NOT NULL DEFAULT '' CHECK (length(as_printed) <= 1000),
  substitute_for_id BIGINT REFERENCES person (id),
  UNIQUE (meeting_id, person_id),
  CHECK (substitute_for_id IS NULL OR substitute_for_id <> person_id)
);
CREATE INDEX attendance_person ON attendance (person_id);

CREATE TABLE agenda_item (
  id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  meeting_id   BIGINT NOT NULL REFERENCES meeting (id) ON DELETE CASCADE,
  number       INTEGER NOT NULL CHECK (number BETWEEN 1 AND 1000),
  title        TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 1000),
  presenter_id BIGINT REFERENCES person (id),
  minutes      TEXT NOT NULL DEFAULT '' CHECK (length(minutes) <= 100000),
  decisions    TEXT NOT NULL DEFAULT '' CHECK (length(decisions) <= 100000),
  search       TSVECTOR GENERATED ALWAYS AS (to_tsvector('english', title || ' ' || minutes || ' ' || decisions)) STORED,
  UNIQUE (meeting_id, number)
);
CREATE INDEX agenda_item_search ON agenda_item USING GIN (search);

CREATE TABLE action (
  id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  meeting_id  BIGINT NOT NULL REFERENCES meeting (id) ON DELETE CASCADE,
  item_number INTEGER NOT NULL,
  position    INTEGER NOT NULL,
  text        TEXT NOT NULL CHECK (length(text) BETWEEN 1 AND 20000),
  owner       TEXT NOT NULL CHECK (owner ~ '^(people|bodies)/[a-z0-9][a-z0-9-]{0,99}$'),
  due_date    DATE,
  due_text    TEXT NOT NULL DEFAULT '' CHECK (length(due_text) <= 1000),
  status      TEXT NOT NULL CHECK (status IN ('OPEN', 'DONE', 'DROPPED')),
  note        TEXT NOT NULL DEFAULT '' CHECK (length(note) <= 20000),
  FOREIGN KEY (meeting_id, item_number) REFERENCES agenda_item (meeting_id, number) ON DELETE CASCADE
);
CREATE INDEX action_owner ON action (owner, status);

CREATE TABLE improvement_plan (
  id        BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  code      TEXT NOT NULL UNIQUE CHECK (code ~ '^[a-z0-9][a-z0-9-]{0,99}$'),
  title     TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 1000),
  date_text TEXT NOT NULL DEFAULT '' CHECK (length(date_text) <= 1000),
  source    TEXT NOT NULL DEFAULT '' CHECK (length(source) <= 1000)
);

CREATE TABLE improvement_item (
  id               BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  plan_id          BIGINT NOT NULL REFERENCES improvement_plan (id) ON DELETE CASCADE,
  area_ref         TEXT NOT NULL CHECK (length(area_ref) BETWEEN 1 AND 20),
  area_title       TEXT NOT NULL DEFAULT '' CHECK (length(area_title) <= 20000),
  ref              TEXT NOT NULL CHECK (length(ref) BETWEEN 1 AND 20),
  improvement      TEXT NOT NULL DEFAULT '' CHECK (length(improvement) <= 20000),
  actions          TEXT NOT NULL DEFAULT '' CHECK (length(actions) <= 100000),
  timescale        TEXT NOT NULL DEFAULT '' CHECK (length(timescale) <= 1000),
  owner            TEXT NOT NULL DEFAULT '' CHECK (length(owner) <= 1000),
  status           TEXT NOT NULL DEFAULT '' CHECK (length(status) <= 1000),
  success_measures TEXT NOT NULL DEFAULT '' CHECK (length(success_measures) <= 20000),
  position         INTEGER NOT NULL,
  UNIQUE (plan_id, ref)
);

CREATE TABLE risk (
  id         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  code       TEXT NOT NULL UNIQUE CHECK (code ~ '^[a-z0-9][a-z0-9-]{0,99}$'),
  ref        TEXT NOT NULL DEFAULT '' CHECK (length(ref) <= 100),
  risk       TEXT NOT NULL CHECK (length(risk) BETWEEN 1 AND 20000),
  owner      TEXT NOT NULL DEFAULT '' CHECK (length(owner) <= 1000),
  likelihood TEXT NOT NULL DEFAULT '' CHECK (length(likelihood) <= 1000),
  impact     TEXT NOT NULL DEFAULT '' CHECK (length(impact) <= 1000),
  mitigation TEXT NOT NULL DEFAULT '' CHECK (length(mitigation) <= 20000),
  position   INTEGER NOT NULL
);
