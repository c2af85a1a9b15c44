-- Keel engagement schema, version 6: continuity plans. People and teams; plans with
-- their scope, written sections, required approvers, call tree and recovery steps; and
-- the versions approvers signed off, frozen: a frozen version and its approvals can be
-- read forever and never changed or removed (the triggers below refuse it).

CREATE TABLE person (
    id            INTEGER PRIMARY KEY,
    name          TEXT NOT NULL CHECK (length(trim(name)) > 0),
    role          TEXT NOT NULL DEFAULT '',
    phone         TEXT NOT NULL DEFAULT '',
    phone_alt     TEXT NOT NULL DEFAULT '',
    email         TEXT NOT NULL DEFAULT '',
    location      TEXT NOT NULL DEFAULT '',
    last_verified TEXT CHECK (last_verified IS NULL OR date(last_verified) = last_verified),
    created_at    TEXT NOT NULL,
    updated_at    TEXT NOT NULL
) STRICT;

CREATE UNIQUE INDEX person_name ON person (name COLLATE NOCASE);

CREATE TABLE team (
    id          INTEGER PRIMARY KEY,
    name        TEXT NOT NULL CHECK (length(trim(name)) > 0),
    description TEXT NOT NULL DEFAULT '',
    created_at  TEXT NOT NULL
) STRICT;

CREATE UNIQUE INDEX team_name ON team (name COLLATE NOCASE);

-- A member of a team in a role; an alternate stands in for the member named.
CREATE TABLE team_member (
    team_id      INTEGER NOT NULL REFERENCES team (id) ON DELETE CASCADE,
    person_id    INTEGER NOT NULL REFERENCES person (id) ON DELETE RESTRICT,
    role         TEXT NOT NULL DEFAULT '',
    alternate_of INTEGER REFERENCES person (id) ON DELETE SET NULL,
    PRIMARY KEY (team_id, person_id)
) STRICT;

CREATE TABLE plan (
    id            INTEGER PRIMARY KEY,
    title         TEXT NOT NULL CHECK (length(trim(title)) > 0),
    template      TEXT NOT NULL CHECK (template IN ('iso22301', 'nist80034')),
    scope         TEXT NOT NULL CHECK (scope IN ('organisation', 'items', 'site')),
    owner         TEXT NOT NULL DEFAULT '',
    review_months INTEGER NOT NULL DEFAULT 12 CHECK (review_months BETWEEN 1 AND 60),
    -- The version being worked on, and where it stands. `approved`: the working
    -- version is the frozen one; the next edit starts version + 1 as a draft.
    version       INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),
    state         TEXT NOT NULL DEFAULT 'draft' CHECK (state IN ('draft', 'in_review', 'approved')),
    created_at    TEXT NOT NULL,
    updated_at    TEXT NOT NULL
) STRICT;

CREATE UNIQUE INDEX plan_title ON plan (title COLLATE NOCASE);

-- What the plan covers when its scope is `items` (activities, resources) or `site`
-- (one site resource).
CREATE TABLE plan_scope_item (
    plan_id   INTEGER NOT NULL REFERENCES plan (id) ON DELETE CASCADE,
    node_type TEXT NOT NULL CHECK (node_type IN ('activity', 'resource')),
    node_id   INTEGER NOT NULL,
    PRIMARY KEY (plan_id, node_type, node_id)
) STRICT;

CREATE TRIGGER plan_scope_activity_gone AFTER DELETE ON activity BEGIN
    DELETE FROM plan_scope_item WHERE node_type = 'activity' AND node_id = old.id;
END;

CREATE TRIGGER plan_scope_resource_gone AFTER DELETE ON resource BEGIN
    DELETE FROM plan_scope_item WHERE node_type = 'resource' AND node_id = old.id;
END;

-- The Markdown of a written section of the working version.
CREATE TABLE plan_section (
    plan_id     INTEGER NOT NULL REFERENCES plan (id) ON DELETE CASCADE,
    section_key TEXT NOT NULL,
    body        TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (plan_id, section_key)
) STRICT;

CREATE TABLE plan_approver (
    plan_id  INTEGER NOT NULL REFERENCES plan (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    name     TEXT NOT NULL CHECK (length(trim(name)) > 0),
    role     TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (plan_id, position)
) STRICT;

-- Who calls whom when the plan is invoked; a null caller is the person who invokes it.
CREATE TABLE plan_call (
    plan_id     INTEGER NOT NULL REFERENCES plan (id) ON DELETE CASCADE,
    position    INTEGER NOT NULL,
    caller_id   INTEGER REFERENCES person (id) ON DELETE RESTRICT,
    callee_id   INTEGER NOT NULL REFERENCES person (id) ON DELETE RESTRICT,
    fallback_id INTEGER REFERENCES person (id) ON DELETE RESTRICT,
    PRIMARY KEY (plan_id, position)
) STRICT;

CREATE TABLE plan_step (
    id               INTEGER PRIMARY KEY,
    plan_id          INTEGER NOT NULL REFERENCES plan (id) ON DELETE CASCADE,
    position         INTEGER NOT NULL,
    title            TEXT NOT NULL CHECK (length(trim(title)) > 0),
    owner_role       TEXT NOT NULL DEFAULT '',
    duration_minutes INTEGER CHECK (duration_minutes IS NULL OR duration_minutes >= 0),
    resource_id      INTEGER REFERENCES resource (id) ON DELETE SET NULL,
    preconditions    TEXT NOT NULL DEFAULT ''
) STRICT;

CREATE INDEX plan_step_plan ON plan_step (plan_id, position);

-- A signed-off version: the canonical snapshot of everything the plan shows, its
-- SHA-256, and the standards-check gaps it was approved with.
CREATE TABLE plan_frozen (
    plan_id    INTEGER NOT NULL REFERENCES plan (id) ON DELETE RESTRICT,
    version    INTEGER NOT NULL,
    snapshot   TEXT NOT NULL,
    sha256     TEXT NOT NULL CHECK (length(sha256) = 64),
    open_gaps  TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(open_gaps)),
    frozen_at  TEXT NOT NULL,
    PRIMARY KEY (plan_id, version)
) STRICT;

CREATE TRIGGER plan_frozen_no_update BEFORE UPDATE ON plan_frozen BEGIN
    SELECT RAISE(ABORT, 'an approved plan version is frozen and cannot be changed');
END;

CREATE TRIGGER plan_frozen_no_delete BEFORE DELETE ON plan_frozen BEGIN
    SELECT RAISE(ABORT, 'an approved plan version is frozen and cannot be removed');
END;

-- Approvals of a version; once that version is frozen they are frozen with it.
CREATE TABLE plan_approval (
    plan_id     INTEGER NOT NULL REFERENCES plan (id) ON DELETE RESTRICT,
    version     INTEGER NOT NULL,
    name        TEXT NOT NULL,
    role        TEXT NOT NULL DEFAULT '',
    approved_at TEXT NOT NULL,
    comment     TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (plan_id, version, name)
) STRICT;

CREATE TRIGGER plan_approval_frozen_no_update BEFORE UPDATE ON plan_approval
WHEN EXISTS (SELECT 1 FROM plan_frozen WHERE plan_id = old.plan_id AND version = old.version)
BEGIN
    SELECT RAISE(ABORT, 'an approval of a frozen plan version cannot be changed');
END;

CREATE TRIGGER plan_approval_frozen_no_delete BEFORE DELETE ON plan_approval
WHEN EXISTS (SELECT 1 FROM plan_frozen WHERE plan_id = old.plan_id AND version = old.version)
BEGIN
    SELECT RAISE(ABORT, 'an approval of a frozen plan version cannot be removed');
END;
