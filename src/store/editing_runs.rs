//! Editing runs: free text is saved at every keystroke, each save one committed
//! transaction, but the audit log gets one entry per field per run of typing, holding the
//! value before the run and the value after it.
//!
//! An open run lives in `editing_run` (migration 0007). It becomes its one audit entry
//! (none if the text is back where it started) when an edit arrives for another field or
//! record, when typing resumes after a pause longer than [`EDITING_RUN_PAUSE`], when the
//! app asks ([`EngagementStore::close_editing_runs`]: leaving a field, quitting), before
//! the audit log is read, and when the file is opened, so a run left open by a crash is
//! logged then. Audit rows are only ever appended, never changed.
//!
//! [`EDITING_RUN_PAUSE`]: crate::domain::EDITING_RUN_PAUSE

use chrono::{DateTime, Utc};
use rusqlite::{Connection, OptionalExtension, ToSql, Transaction, TransactionBehavior, params};

use super::EngagementStore;
use crate::Result;
use crate::domain::continues_editing_run;

/// Appends the runs that `condition` selects to the audit log, in the order they were
/// last typed in, and forgets them. Returns how many audit entries were written.
fn close_where(tx: &Connection, condition: &str, values: &[&dyn ToSql]) -> Result<usize> {
    let logged = tx
        .prepare_cached(&format!(
            "INSERT INTO audit_log (at, actor, action, entity, entity_id, entity_label, field, old_value, new_value)
             SELECT last_at, actor, 'update', entity, entity_id, entity_label, field, old_value, new_value
             FROM editing_run WHERE ({condition}) AND old_value IS NOT new_value
             ORDER BY last_at, id"
        ))?
        .execute(values)?;
    tx.prepare_cached(&format!("DELETE FROM editing_run WHERE {condition}"))?
        .execute(values)?;
    Ok(logged)
}

/// Closes every open run into its audit entry.
pub(super) fn close_all(tx: &Connection) -> Result<usize> {
    close_where(tx, "1", &[])
}

/// One save of a typed field inside the write transaction `tx`: continues the field's
/// open run, or starts one (closing the field's earlier run first if typing paused or
/// someone else typed it). When `others_open` is set (the transaction's first change),
/// the runs of every other field are closed first: an edit elsewhere ends them.
pub(super) fn save(
    tx: &Connection,
    (actor, at): (&str, &str),
    (entity, entity_id, label): (&str, i64, &str),
    field: &str,
    (old, new): (Option<&str>, Option<&str>),
    others_open: bool,
) -> Result<()> {
    if others_open {
        close_where(
            tx,
            "NOT (entity = ?1 AND entity_id = ?2 AND field = ?3)",
            params![entity, entity_id, field],
        )?;
    }
    let open: Option<(i64, String, String)> = tx
        .prepare_cached(
            "SELECT id, actor, last_at FROM editing_run WHERE entity = ?1 AND entity_id = ?2 AND field = ?3",
        )?
        .query_row(params![entity, entity_id, field], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?))
        })
        .optional()?;
    if let Some((id, by, last_at)) = open {
        let continues = match (parse(&last_at), parse(at)) {
            (Some(last), Some(now)) => by == actor && continues_editing_run(last, now),
            _ => false,
        };
        if continues {
            tx.prepare_cached(
                "UPDATE editing_run SET entity_label = ?1, new_value = ?2, last_at = ?3 WHERE id = ?4",
            )?
            .execute(params![label, new, at, id])?;
            return Ok(());
        }
        close_where(tx, "id = ?1", params![id])?;
    }
    tx.prepare_cached(
        "INSERT INTO editing_run (entity, entity_id, entity_label, field, old_value, new_value, actor, started_at, last_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?8)",
    )?
    .execute(params![entity, entity_id, label, field, old, new, actor, at])?;
    Ok(())
}

fn parse(at: &str) -> Option<DateTime<Utc>> {
    DateTime::parse_from_rfc3339(at)
        .ok()
        .map(|t| t.with_timezone(&Utc))
}

impl EngagementStore {
    /// How many editing runs are open (typing not yet in the audit log).
    pub fn editing_runs_open(&self) -> Result<i64> {
        Ok(self
            .conn
            .query_row("SELECT count(*) FROM editing_run", [], |r| r.get(0))?)
    }

    /// Ends every editing run: each becomes its audit entry now, in a transaction of its
    /// own (or in the batch under way). The app calls it when the user leaves a field and
    /// when the window closes; the store calls it itself before the audit log is read and
    /// when a file is opened, so that what readers show is what was typed. A file without
    /// open runs is not written to. Returns how many audit entries were written.
    pub fn close_editing_runs(&self) -> Result<usize> {
        if self.editing_runs_open()? == 0 {
            return Ok(0);
        }
        if !self.conn.is_autocommit() {
            return close_all(&self.conn);
        }
        // The reader holds `&self`; the connection is not shared across threads (the
        // store is not `Sync`), so an unchecked transaction cannot overlap another.
        let tx = Transaction::new_unchecked(&self.conn, TransactionBehavior::Immediate)?;
        let logged = close_all(&tx)?;
        tx.commit()?;
        Ok(logged)
    }
}
