-- What is frozen stays frozen, whatever the route. `INSERT OR REPLACE` removes the row
-- it collides with without firing any delete trigger, so the update and delete
-- triggers alone could not stop it from overwriting an audit row, a frozen version or
-- an approval of one. These refuse the insert itself.

CREATE TRIGGER audit_log_no_replace BEFORE INSERT ON audit_log
WHEN EXISTS (SELECT 1 FROM audit_log WHERE id = new.id)
BEGIN
    SELECT RAISE(ABORT, 'the audit log is append-only: an existing row cannot be replaced');
END;

CREATE TRIGGER plan_frozen_no_replace BEFORE INSERT ON plan_frozen
WHEN EXISTS (SELECT 1 FROM plan_frozen WHERE plan_id = new.plan_id AND version = new.version)
BEGIN
    SELECT RAISE(ABORT, 'an approved plan version is frozen and cannot be replaced');
END;

-- The sign-off that freezes a version adds its last approval before the frozen row, so
-- once a version is frozen no approval can join it, and none can be moved onto it.
CREATE TRIGGER plan_approval_frozen_no_insert BEFORE INSERT ON plan_approval
WHEN EXISTS (SELECT 1 FROM plan_frozen WHERE plan_id = new.plan_id AND version = new.version)
BEGIN
    SELECT RAISE(ABORT, 'a frozen plan version takes no further approvals: only the sign-off that freezes it adds them');
END;

CREATE TRIGGER plan_approval_frozen_no_move BEFORE UPDATE ON plan_approval
WHEN EXISTS (SELECT 1 FROM plan_frozen WHERE plan_id = new.plan_id AND version = new.version)
BEGIN
    SELECT RAISE(ABORT, 'an approval cannot be moved onto a frozen plan version');
END;
