-- Keel engagement schema, version 2: business impact analysis. The settings (impact
-- categories with their 0-5 scales, time buckets, the unacceptable rating, tier bands)
-- and one interview per activity: interviewees, the impact-over-time grid, the MTPD
-- (proposed, or overridden with a reason), RTO, RPO and minimum service level, and the
-- open questions parked during the interview. The default settings are written by the
-- migration's seed (src/store/bia_settings.rs).

CREATE TABLE bia_settings (
    id                  INTEGER PRIMARY KEY CHECK (id = 1),
    unacceptable_rating INTEGER NOT NULL CHECK (unacceptable_rating BETWEEN 1 AND 5),
    currency            TEXT NOT NULL CHECK (length(trim(currency)) > 0)
) STRICT;

CREATE TABLE impact_category (
    id       INTEGER PRIMARY KEY,
    position INTEGER NOT NULL,
    name     TEXT NOT NULL CHECK (length(trim(name)) > 0),
    -- Amounts in the descriptors are in the engagement's currency.
    monetary INTEGER NOT NULL DEFAULT 0 CHECK (monetary IN (0, 1)),
    -- One descriptor per rating 0..5.
    levels   TEXT NOT NULL
        CHECK (json_valid(levels) AND json_type(levels) = 'array' AND json_array_length(levels) = 6)
) STRICT;

CREATE UNIQUE INDEX impact_category_name ON impact_category (name COLLATE NOCASE);

CREATE TABLE time_bucket (
    id            INTEGER PRIMARY KEY,
    after_minutes INTEGER NOT NULL UNIQUE CHECK (after_minutes > 0)
) STRICT;

CREATE TABLE tier_band (
    tier            INTEGER PRIMARY KEY CHECK (tier >= 1),
    -- NULL for the last band: everything beyond the others.
    max_rto_minutes INTEGER CHECK (max_rto_minutes IS NULL OR max_rto_minutes >= 0)
) STRICT;

CREATE TABLE interview (
    activity_id           INTEGER PRIMARY KEY REFERENCES activity (id) ON DELETE CASCADE,
    status                TEXT NOT NULL DEFAULT 'draft'
        CHECK (status IN ('draft', 'complete', 'validated')),
    -- Step 1: who and when.
    interview_date        TEXT CHECK (interview_date IS NULL OR date(interview_date) = interview_date),
    facilitator           TEXT NOT NULL DEFAULT '',
    notes                 TEXT NOT NULL DEFAULT '',
    -- Step 2: the activity.
    peak_periods          TEXT NOT NULL DEFAULT '',
    backlog               TEXT NOT NULL DEFAULT '',
    -- Step 4: MTPD override (the proposal is derived from the grid, never stored).
    mtpd_override_minutes INTEGER CHECK (mtpd_override_minutes IS NULL OR mtpd_override_minutes >= 0),
    mtpd_override_reason  TEXT NOT NULL DEFAULT '',
    -- Step 5: objectives, each with who said it and how sure they are.
    rto_minutes           INTEGER CHECK (rto_minutes IS NULL OR rto_minutes >= 0),
    rto_source            TEXT NOT NULL DEFAULT '',
    rto_confidence        TEXT CHECK (rto_confidence IN ('low', 'medium', 'high')),
    rpo_minutes           INTEGER CHECK (rpo_minutes IS NULL OR rpo_minutes >= 0),
    rpo_source            TEXT NOT NULL DEFAULT '',
    rpo_confidence        TEXT CHECK (rpo_confidence IN ('low', 'medium', 'high')),
    mbco_percent          INTEGER CHECK (mbco_percent IS NULL OR mbco_percent BETWEEN 0 AND 100),
    mbco_statement        TEXT NOT NULL DEFAULT '',
    mbco_source           TEXT NOT NULL DEFAULT '',
    mbco_confidence       TEXT CHECK (mbco_confidence IN ('low', 'medium', 'high')),
    -- Step 7: how the work goes on without the activity, and for how long.
    workarounds           TEXT NOT NULL DEFAULT '',
    workaround_minutes    INTEGER CHECK (workaround_minutes IS NULL OR workaround_minutes >= 0),
    -- Step 8: review.
    validated_by          TEXT,
    validated_at          TEXT,
    created_at            TEXT NOT NULL,
    updated_at            TEXT NOT NULL,
    CHECK ((status = 'validated') = (validated_by IS NOT NULL AND validated_at IS NOT NULL))
) STRICT;

CREATE TABLE interviewee (
    id          INTEGER PRIMARY KEY,
    activity_id INTEGER NOT NULL REFERENCES interview (activity_id) ON DELETE CASCADE,
    position    INTEGER NOT NULL,
    name        TEXT NOT NULL CHECK (length(trim(name)) > 0),
    role        TEXT NOT NULL DEFAULT ''
) STRICT;

CREATE INDEX interviewee_activity ON interviewee (activity_id, position);

CREATE TABLE impact_rating (
    activity_id INTEGER NOT NULL REFERENCES interview (activity_id) ON DELETE CASCADE,
    category_id INTEGER NOT NULL REFERENCES impact_category (id) ON DELETE CASCADE,
    bucket_id   INTEGER NOT NULL REFERENCES time_bucket (id) ON DELETE CASCADE,
    rating      INTEGER NOT NULL CHECK (rating BETWEEN 0 AND 5),
    quantity    REAL,
    rationale   TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (activity_id, category_id, bucket_id)
) STRICT;

CREATE TABLE parked_question (
    id          INTEGER PRIMARY KEY,
    activity_id INTEGER NOT NULL REFERENCES interview (activity_id) ON DELETE CASCADE,
    question    TEXT NOT NULL CHECK (length(trim(question)) > 0),
    resolved    INTEGER NOT NULL DEFAULT 0 CHECK (resolved IN (0, 1)),
    created_at  TEXT NOT NULL
) STRICT;

CREATE INDEX parked_question_activity ON parked_question (activity_id);
