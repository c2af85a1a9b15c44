-- Keel engagement schema, version 5: where a node of the dependency map was placed by
-- hand. Nodes without a row here sit where the core's layered layout puts them.

CREATE TABLE map_position (
    node_type TEXT NOT NULL CHECK (node_type IN ('activity', 'resource')),
    node_id   INTEGER NOT NULL,
    x         REAL NOT NULL,
    y         REAL NOT NULL,
    PRIMARY KEY (node_type, node_id)
) STRICT;

CREATE TRIGGER map_position_activity_gone AFTER DELETE ON activity BEGIN
    DELETE FROM map_position WHERE node_type = 'activity' AND node_id = old.id;
END;

CREATE TRIGGER map_position_resource_gone AFTER DELETE ON resource BEGIN
    DELETE FROM map_position WHERE node_type = 'resource' AND node_id = old.id;
END;
