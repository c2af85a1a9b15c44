-- Keel engagement schema, version 7: editing runs. Free text is saved at every keystroke,
-- but the audit log gets one entry per field per run of typing: while a run is open its
-- value before the run and its latest value are kept here, one row per field of a record.
-- The run becomes its audit entry (old = value before the run, new = latest value) when
-- another edit arrives, after a pause, when the app asks (leaving a field, quitting) and
-- when the file is next opened, so a run left open by a crash is never lost.
CREATE TABLE editing_run (
    id           INTEGER PRIMARY KEY,
    entity       TEXT NOT NULL,
    entity_id    INTEGER NOT NULL,
    entity_label TEXT NOT NULL,
    field        TEXT NOT NULL,
    old_value    TEXT,
    new_value    TEXT,
    actor        TEXT NOT NULL,
    started_at   TEXT NOT NULL,
    last_at      TEXT NOT NULL,
    UNIQUE (entity, entity_id, field)
) STRICT;
