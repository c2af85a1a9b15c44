-- Keel engagement schema, version 9: values as people type them.
--
-- Values kept as typed. What a person types into a
-- checked field of an interview (a duration, a date, a percentage) and Keel cannot accept
-- is kept here exactly as typed, with the reason, until someone corrects it; the value in
-- force stays the one accepted before. One row per field of an interview.
CREATE TABLE interview_unresolved (
    activity_id INTEGER NOT NULL REFERENCES interview (activity_id) ON DELETE CASCADE,
    field       TEXT NOT NULL,
    text        TEXT NOT NULL,
    message     TEXT NOT NULL,
    recorded_at TEXT NOT NULL,
    PRIMARY KEY (activity_id, field)
) STRICT;

-- The same for what a resource can do: its RTC, RPC and exercise date as typed.
CREATE TABLE resource_unresolved (
    resource_id INTEGER NOT NULL REFERENCES resource (id) ON DELETE CASCADE,
    field       TEXT NOT NULL,
    text        TEXT NOT NULL,
    message     TEXT NOT NULL,
    recorded_at TEXT NOT NULL,
    PRIMARY KEY (resource_id, field)
) STRICT;

-- The order of day and month in dates written with numbers only (`12/02/2026`), asked
-- once for the engagement: 'day_first', 'month_first', or none (then such a date whose
-- numbers allow both readings is not accepted, and the message asks).
ALTER TABLE bia_settings ADD COLUMN date_order TEXT
    CHECK (date_order IN ('day_first', 'month_first'));
