-- Keel engagement schema, version 10: responding to a disruption.
--
-- How a plan is invoked: its criteria and who may invoke it, edited on the working
-- version and frozen with the next approved one.
CREATE TABLE plan_criterion (
    plan_id           INTEGER NOT NULL REFERENCES plan (id) ON DELETE CASCADE,
    position          INTEGER NOT NULL,
    text              TEXT NOT NULL CHECK (length(trim(text)) > 0),
    -- "Expected to last longer than": whole minutes, or none.
    threshold_minutes INTEGER CHECK (threshold_minutes IS NULL OR threshold_minutes >= 0),
    PRIMARY KEY (plan_id, position)
) STRICT;

-- Who may invoke the plan: a named person, or anyone holding a role, with an alternate.
CREATE TABLE plan_invoker (
    plan_id      INTEGER NOT NULL REFERENCES plan (id) ON DELETE CASCADE,
    position     INTEGER NOT NULL,
    person_id    INTEGER REFERENCES person (id) ON DELETE RESTRICT,
    role         TEXT NOT NULL DEFAULT '',
    alternate_id INTEGER REFERENCES person (id) ON DELETE RESTRICT,
    CHECK (person_id IS NOT NULL OR length(trim(role)) > 0),
    PRIMARY KEY (plan_id, position)
) STRICT;

-- An event: a disruption being handled (an incident; later an exercise). What happens
-- in it is its log below; this row names it and keeps where it stands for the lists.
CREATE TABLE event (
    id           INTEGER PRIMARY KEY,
    -- Exercises (the next kinds) share the table, the log and the board.
    kind         TEXT NOT NULL CHECK (kind IN ('incident', 'tabletop', 'walkthrough', 'simulation',
                                               'parallel_test', 'full_interruption')),
    title        TEXT NOT NULL CHECK (length(trim(title)) > 0),
    disrupted_at TEXT NOT NULL,
    opened_at    TEXT NOT NULL,
    state        TEXT NOT NULL DEFAULT 'open' CHECK (state IN ('open', 'invoked', 'stood_down'))
) STRICT;

CREATE TRIGGER event_no_delete BEFORE DELETE ON event BEGIN
    SELECT RAISE(ABORT, 'an incident is a record and cannot be removed');
END;

-- REPLACE removes a row without firing delete triggers (recursive_triggers is off): an
-- insert over an existing row is refused on every table of this file, as in schema 7.
CREATE TRIGGER event_no_replace BEFORE INSERT ON event
WHEN EXISTS (SELECT 1 FROM event WHERE id = new.id)
BEGIN
    SELECT RAISE(ABORT, 'an incident is a record and cannot be replaced');
END;

CREATE TRIGGER event_fixed BEFORE UPDATE OF id, kind, title, disrupted_at, opened_at ON event BEGIN
    SELECT RAISE(ABORT, 'an incident''s title and times are part of its log and cannot be changed');
END;

-- The frozen plan versions an event runs against, with the SHA-256 they had when invoked.
CREATE TABLE event_plan (
    event_id INTEGER NOT NULL REFERENCES event (id) ON DELETE RESTRICT,
    plan_id  INTEGER NOT NULL,
    version  INTEGER NOT NULL,
    sha256   TEXT NOT NULL CHECK (length(sha256) = 64),
    FOREIGN KEY (plan_id, version) REFERENCES plan_frozen (plan_id, version) ON DELETE RESTRICT,
    PRIMARY KEY (event_id, plan_id)
) STRICT;

CREATE TRIGGER event_plan_no_replace BEFORE INSERT ON event_plan
WHEN EXISTS (SELECT 1 FROM event_plan WHERE event_id = new.event_id AND plan_id = new.plan_id)
BEGIN
    SELECT RAISE(ABORT, 'the plan version an incident invoked cannot be replaced');
END;

CREATE TRIGGER event_plan_no_update BEFORE UPDATE ON event_plan BEGIN
    SELECT RAISE(ABORT, 'the plan version an incident invoked cannot be changed');
END;

CREATE TRIGGER event_plan_no_delete BEFORE DELETE ON event_plan BEGIN
    SELECT RAISE(ABORT, 'the plan version an incident invoked cannot be removed');
END;

-- The decision log: append only, hash-chained. Each entry's hash covers the entry and
-- the hash of the one before it (`prev`), so any later change breaks the chain. `fact`
-- is what the entry records for the board (a step started, a person reached…), JSON.
CREATE TABLE event_log (
    event_id  INTEGER NOT NULL REFERENCES event (id) ON DELETE RESTRICT,
    seq       INTEGER NOT NULL CHECK (seq >= 1),
    at        TEXT NOT NULL,
    author    TEXT NOT NULL,
    kind      TEXT NOT NULL CHECK (kind IN ('decision', 'action', 'communication', 'status', 'note')),
    text      TEXT NOT NULL CHECK (length(trim(text)) > 0),
    rationale TEXT NOT NULL DEFAULT '',
    corrects  INTEGER CHECK (corrects IS NULL OR (corrects >= 1 AND corrects < seq)),
    fact      TEXT CHECK (fact IS NULL OR json_valid(fact)),
    prev      TEXT NOT NULL CHECK (length(prev) = 64),
    hash      TEXT NOT NULL CHECK (length(hash) = 64),
    PRIMARY KEY (event_id, seq)
) STRICT;

CREATE TRIGGER event_log_no_replace BEFORE INSERT ON event_log
WHEN EXISTS (SELECT 1 FROM event_log WHERE event_id = new.event_id AND seq = new.seq)
BEGIN
    SELECT RAISE(ABORT, 'a log entry cannot be replaced; add a correction instead');
END;

CREATE TRIGGER event_log_no_update BEFORE UPDATE ON event_log BEGIN
    SELECT RAISE(ABORT, 'a log entry cannot be changed; add a correction instead');
END;

CREATE TRIGGER event_log_no_delete BEFORE DELETE ON event_log BEGIN
    SELECT RAISE(ABORT, 'a log entry cannot be removed; add a correction instead');
END;
