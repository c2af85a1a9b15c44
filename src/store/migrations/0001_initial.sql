-- Keel engagement schema, version 1: the engagement, its units and activities, and the
-- append-only audit log. An applied migration is never edited; add a new file instead.

CREATE TABLE engagement (
    id           INTEGER PRIMARY KEY CHECK (id = 1),
    organisation TEXT NOT NULL CHECK (length(trim(organisation)) > 0),
    scope        TEXT NOT NULL DEFAULT '',
    facilitator  TEXT NOT NULL DEFAULT '',
    start_date   TEXT CHECK (start_date IS NULL OR date(start_date) = start_date),
    end_date     TEXT CHECK (end_date IS NULL OR date(end_date) = end_date),
    created_at   TEXT NOT NULL,
    updated_at   TEXT NOT NULL
) STRICT;

CREATE TABLE org_unit (
    id          INTEGER PRIMARY KEY,
    name        TEXT NOT NULL CHECK (length(trim(name)) > 0),
    description TEXT NOT NULL DEFAULT '',
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL
) STRICT;

CREATE UNIQUE INDEX org_unit_name ON org_unit (name COLLATE NOCASE);

CREATE TABLE activity (
    id                INTEGER PRIMARY KEY,
    name              TEXT NOT NULL CHECK (length(trim(name)) > 0),
    unit_id           INTEGER REFERENCES org_unit (id) ON DELETE RESTRICT,
    owner             TEXT NOT NULL DEFAULT '',
    description       TEXT NOT NULL DEFAULT '',
    products_services TEXT NOT NULL DEFAULT '[]'
        CHECK (json_valid(products_services) AND json_type(products_services) = 'array'),
    created_at        TEXT NOT NULL,
    updated_at        TEXT NOT NULL
) STRICT;

CREATE UNIQUE INDEX activity_name ON activity (name COLLATE NOCASE);
CREATE INDEX activity_unit ON activity (unit_id);

-- Every change, one row per changed field. Rows can be added, never changed or removed.
CREATE TABLE audit_log (
    id           INTEGER PRIMARY KEY,
    at           TEXT NOT NULL,
    actor        TEXT NOT NULL,
    action       TEXT NOT NULL CHECK (action IN ('create', 'update', 'delete')),
    entity       TEXT NOT NULL,
    entity_id    INTEGER NOT NULL,
    entity_label TEXT NOT NULL,
    field        TEXT,
    old_value    TEXT,
    new_value    TEXT
) STRICT;

CREATE INDEX audit_log_entity ON audit_log (entity, entity_id);

CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'the audit log is append-only: its rows cannot be changed');
END;

CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'the audit log is append-only: its rows cannot be deleted');
END;
