-- Keel engagement schema, version 3: what activities need. The engagement's resource
-- catalogue (name and kind; recovery capabilities come with the dependency analysis),
-- the resources each activity needs with amounts over time (headcount for people), and
-- which activities each activity needs (upstream).

CREATE TABLE resource (
    id         INTEGER PRIMARY KEY,
    name       TEXT NOT NULL CHECK (length(trim(name)) > 0),
    kind       TEXT NOT NULL CHECK (kind IN ('it_service', 'application', 'infrastructure', 'data',
                                             'supplier', 'site', 'people', 'equipment')),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
) STRICT;

CREATE UNIQUE INDEX resource_name ON resource (kind, name COLLATE NOCASE);

-- Activity A needs resource R.
CREATE TABLE activity_resource (
    activity_id INTEGER NOT NULL REFERENCES activity (id) ON DELETE CASCADE,
    resource_id INTEGER NOT NULL REFERENCES resource (id) ON DELETE RESTRICT,
    created_at  TEXT NOT NULL,
    PRIMARY KEY (activity_id, resource_id)
) STRICT;

CREATE INDEX activity_resource_resource ON activity_resource (resource_id);

-- How much of R activity A needs after each time bucket (e.g. headcount).
CREATE TABLE resource_need (
    activity_id INTEGER NOT NULL,
    resource_id INTEGER NOT NULL,
    bucket_id   INTEGER NOT NULL REFERENCES time_bucket (id) ON DELETE CASCADE,
    quantity    REAL NOT NULL CHECK (quantity >= 0),
    PRIMARY KEY (activity_id, resource_id, bucket_id),
    FOREIGN KEY (activity_id, resource_id)
        REFERENCES activity_resource (activity_id, resource_id) ON DELETE CASCADE
) STRICT;

-- Activity A needs activity B (B is upstream of A).
CREATE TABLE activity_dependency (
    activity_id       INTEGER NOT NULL REFERENCES activity (id) ON DELETE CASCADE,
    needs_activity_id INTEGER NOT NULL REFERENCES activity (id) ON DELETE CASCADE,
    created_at        TEXT NOT NULL,
    PRIMARY KEY (activity_id, needs_activity_id),
    CHECK (activity_id <> needs_activity_id)
) STRICT;

CREATE INDEX activity_dependency_needs ON activity_dependency (needs_activity_id);
