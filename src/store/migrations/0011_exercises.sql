-- Keel engagement schema, version 11: exercising and improving.
--
-- How often things are looked at again: BIA interviews, demonstrated recovery
-- capabilities and the exercise programme. One row, edited like the BIA settings.
CREATE TABLE review_settings (
    id                            INTEGER PRIMARY KEY CHECK (id = 1),
    bia_review_months             INTEGER NOT NULL DEFAULT 12 CHECK (bia_review_months BETWEEN 1 AND 60),
    demonstration_validity_months INTEGER NOT NULL DEFAULT 12
        CHECK (demonstration_validity_months BETWEEN 1 AND 60),
    exercise_interval_months      INTEGER NOT NULL DEFAULT 12
        CHECK (exercise_interval_months BETWEEN 1 AND 60)
) STRICT;

INSERT INTO review_settings (id) VALUES (1);

-- An exercise is an event (kind tabletop … full_interruption) with its preparation
-- here. The log and the board are the event's; until the exercise starts its log is
-- empty and what is below can still be edited. At the start the injects are written
-- into the log, so the run is its own record.
CREATE TABLE exercise (
    event_id         INTEGER PRIMARY KEY REFERENCES event (id) ON DELETE RESTRICT,
    -- real: the wall clock (parallel and full tests); scenario: the facilitator
    -- advances it ("it is now T+4h").
    clock            TEXT NOT NULL CHECK (clock IN ('real', 'scenario')),
    facilitator      TEXT NOT NULL DEFAULT '',
    scenario         TEXT NOT NULL DEFAULT '',
    -- What the scenario loses: node keys (resource:ID, activity:ID), JSON.
    lost             TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(lost)),
    success_criteria TEXT NOT NULL DEFAULT '',
    -- The hot debrief, once closed.
    strengths        TEXT NOT NULL DEFAULT '',
    weaknesses       TEXT NOT NULL DEFAULT ''
) STRICT;

-- Who takes part: participants play, observers score.
CREATE TABLE exercise_person (
    event_id  INTEGER NOT NULL REFERENCES exercise (event_id) ON DELETE RESTRICT,
    person_id INTEGER NOT NULL REFERENCES person (id) ON DELETE RESTRICT,
    role      TEXT NOT NULL CHECK (role IN ('participant', 'observer')),
    PRIMARY KEY (event_id, person_id, role)
) STRICT;

CREATE TABLE exercise_objective (
    event_id INTEGER NOT NULL REFERENCES exercise (event_id) ON DELETE RESTRICT,
    position INTEGER NOT NULL CHECK (position >= 1),
    text     TEXT NOT NULL CHECK (length(trim(text)) > 0),
    -- Whether it was met, decided at the debrief: NULL until then.
    met      INTEGER CHECK (met IS NULL OR met IN (0, 1)),
    PRIMARY KEY (event_id, position)
) STRICT;

-- The frozen plan versions the exercise tests, chosen when it is prepared.
CREATE TABLE exercise_plan (
    event_id INTEGER NOT NULL REFERENCES exercise (event_id) ON DELETE RESTRICT,
    plan_id  INTEGER NOT NULL,
    version  INTEGER NOT NULL,
    sha256   TEXT NOT NULL CHECK (length(sha256) = 64),
    FOREIGN KEY (plan_id, version) REFERENCES plan_frozen (plan_id, version) ON DELETE RESTRICT,
    PRIMARY KEY (event_id, plan_id)
) STRICT;

-- The injects: what the facilitator brings up, when, and what response is expected.
CREATE TABLE exercise_inject (
    event_id       INTEGER NOT NULL REFERENCES exercise (event_id) ON DELETE RESTRICT,
    position       INTEGER NOT NULL CHECK (position >= 1),
    offset_minutes INTEGER NOT NULL CHECK (offset_minutes BETWEEN 0 AND 5256000),
    text           TEXT NOT NULL CHECK (length(trim(text)) > 0),
    -- The expected actions, JSON array of texts.
    expected       TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(expected)),
    -- The activity it is about, by name, when drafted from one.
    activity       TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (event_id, position)
) STRICT;

-- A recovery capability shown in an exercise: a resource restored in a walkthrough,
-- parallel or full interruption test, in the time it took (and to the restore point,
-- when one was recorded). Worked out from the exercise's log after every entry.
CREATE TABLE demonstration (
    event_id        INTEGER NOT NULL REFERENCES event (id) ON DELETE RESTRICT,
    -- The log entry that restored it.
    seq             INTEGER NOT NULL,
    resource_id     INTEGER NOT NULL REFERENCES resource (id) ON DELETE CASCADE,
    -- When it was shown (the wall-clock time of the entry).
    demonstrated_at TEXT NOT NULL,
    rtc_minutes     INTEGER NOT NULL CHECK (rtc_minutes >= 0),
    rpc_minutes     INTEGER CHECK (rpc_minutes IS NULL OR rpc_minutes >= 0),
    PRIMARY KEY (event_id, seq)
) STRICT;

CREATE INDEX demonstration_resource ON demonstration (resource_id);

-- What an exercise's debrief or an incident's review found, or a plan review. A finding
-- is about one thing: a plan (about_id = plan id), a step of it (about_id = plan id,
-- about_step = its number), a resource, an activity or a person. Its name at the time is
-- kept so that it still reads after the thing is renamed or removed.
CREATE TABLE finding (
    id         INTEGER PRIMARY KEY,
    event_id   INTEGER REFERENCES event (id) ON DELETE RESTRICT,
    severity   TEXT NOT NULL CHECK (severity IN ('low', 'medium', 'high', 'critical')),
    category   TEXT NOT NULL CHECK (category IN ('plan', 'people', 'technology', 'supplier',
                                                 'communication', 'facilities')),
    about_type TEXT CHECK (about_type IS NULL OR about_type IN ('plan', 'step', 'resource',
                                                                'activity', 'person')),
    about_id   INTEGER,
    about_step INTEGER,
    about_name TEXT NOT NULL DEFAULT '',
    text       TEXT NOT NULL CHECK (length(trim(text)) > 0),
    created_at TEXT NOT NULL,
    created_by TEXT NOT NULL DEFAULT '',
    CHECK ((about_type IS NULL) = (about_id IS NULL)),
    CHECK ((about_type = 'step') = (about_step IS NOT NULL))
) STRICT;

CREATE INDEX finding_event ON finding (event_id);

-- An owned action. It comes from a finding, an incident's review or a plan review; an
-- action about a plan is verified only by an approved version frozen after it was done.
CREATE TABLE action (
    id               INTEGER PRIMARY KEY,
    title            TEXT NOT NULL CHECK (length(trim(title)) > 0),
    description      TEXT NOT NULL DEFAULT '',
    owner_id         INTEGER NOT NULL REFERENCES person (id) ON DELETE RESTRICT,
    due              TEXT NOT NULL CHECK (date(due) = due),
    status           TEXT NOT NULL DEFAULT 'open'
        CHECK (status IN ('open', 'in_progress', 'done', 'verified', 'risk_accepted')),
    source           TEXT NOT NULL CHECK (source IN ('finding', 'incident_review', 'plan_review')),
    finding_id       INTEGER REFERENCES finding (id) ON DELETE RESTRICT,
    event_id         INTEGER REFERENCES event (id) ON DELETE RESTRICT,
    -- The plan it is about, if any.
    plan_id          INTEGER REFERENCES plan (id) ON DELETE RESTRICT,
    done_at          TEXT,
    -- The approved version that closed it.
    verified_version INTEGER,
    accepted_by      TEXT NOT NULL DEFAULT '',
    accepted_why     TEXT NOT NULL DEFAULT '',
    created_at       TEXT NOT NULL,
    updated_at       TEXT NOT NULL,
    CHECK (source <> 'finding' OR finding_id IS NOT NULL),
    CHECK (status <> 'risk_accepted' OR (length(trim(accepted_by)) > 0 AND length(trim(accepted_why)) > 0)),
    CHECK (status NOT IN ('done', 'verified') OR done_at IS NOT NULL),
    CHECK (status <> 'verified' OR plan_id IS NULL OR verified_version IS NOT NULL),
    FOREIGN KEY (plan_id, verified_version) REFERENCES plan_frozen (plan_id, version) ON DELETE RESTRICT
) STRICT;

CREATE INDEX action_owner ON action (owner_id);
CREATE INDEX action_plan ON action (plan_id);
