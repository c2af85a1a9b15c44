-- Keel engagement schema, version 4: what resources can do and what they need. Each
-- resource gets an owner, a description, a recovery strategy, its recovery time and
-- point capabilities (RTC: the time it needs once everything it depends on is back;
-- RPC) with the evidence for them; resources can need other resources; and the needs
-- of one node that share a non-empty alternative group are alternatives (any one
-- suffices).

ALTER TABLE resource ADD COLUMN owner TEXT NOT NULL DEFAULT '';
ALTER TABLE resource ADD COLUMN description TEXT NOT NULL DEFAULT '';
ALTER TABLE resource ADD COLUMN strategy TEXT
    CHECK (strategy IN ('hot_standby', 'warm_standby', 'cold_standby', 'manual_workaround',
                        'restore_from_backup', 'alternate_supplier', 'none'));
ALTER TABLE resource ADD COLUMN rtc_minutes INTEGER CHECK (rtc_minutes IS NULL OR rtc_minutes >= 0);
ALTER TABLE resource ADD COLUMN rpc_minutes INTEGER CHECK (rpc_minutes IS NULL OR rpc_minutes >= 0);
ALTER TABLE resource ADD COLUMN evidence TEXT CHECK (evidence IN ('target', 'committed', 'demonstrated'));
ALTER TABLE resource ADD COLUMN demonstrated_on TEXT
    CHECK (demonstrated_on IS NULL OR date(demonstrated_on) = demonstrated_on);

ALTER TABLE activity_resource ADD COLUMN alternative_group TEXT NOT NULL DEFAULT '';
ALTER TABLE activity_dependency ADD COLUMN alternative_group TEXT NOT NULL DEFAULT '';

-- Resource R needs resource S.
CREATE TABLE resource_dependency (
    resource_id       INTEGER NOT NULL REFERENCES resource (id) ON DELETE CASCADE,
    needs_resource_id INTEGER NOT NULL REFERENCES resource (id) ON DELETE CASCADE,
    alternative_group TEXT NOT NULL DEFAULT '',
    created_at        TEXT NOT NULL,
    PRIMARY KEY (resource_id, needs_resource_id),
    CHECK (resource_id <> needs_resource_id)
) STRICT;

CREATE INDEX resource_dependency_needs ON resource_dependency (needs_resource_id);
