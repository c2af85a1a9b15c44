//! Appending to the audit log inside a write transaction, and reading it back.

use std::cell::Cell;

use rusqlite::{Connection, params};

use super::{EngagementStore, bad_column, editing_runs};
use crate::Result;
use crate::domain::{AuditAction, AuditEntry};

/// A record's fields as the audit log shows them: name → readable value.
pub(crate) type Fields = Vec<(&'static str, String)>;

/// What a record looks like to the audit log.
pub(crate) trait Audited {
    const ENTITY: &'static str;
    fn id(&self) -> i64;
    fn label(&self) -> &str;
    fn fields(&self) -> Fields;
    /// The fields typed as free text, saved at every keystroke: their changes are logged
    /// once per editing run (see `editing_runs`), not once per save.
    const TYPED: &'static [&'static str] = &[];
}

/// The audit recorder of one write transaction.
pub(crate) struct Changes<'a> {
    /// The open transaction (or savepoint, inside an all-or-nothing batch).
    pub tx: &'a Connection,
    pub at: &'a str,
    actor: &'a str,
    /// Set once this transaction has ended the editing runs that were open before it.
    runs_settled: Cell<bool>,
}

impl<'a> Changes<'a> {
    pub fn new(tx: &'a Connection, actor: &'a str, at: &'a str) -> Self {
        Self {
            tx,
            at,
            actor,
            runs_settled: Cell::new(false),
        }
    }

    /// Who is making the change.
    pub fn actor(&self) -> &str {
        self.actor
    }

    /// A new record: one row per non-empty field.
    pub fn created<T: Audited>(&self, record: &T) -> Result<()> {
        self.whole_record(AuditAction::Create, record)
    }

    /// A changed record: one row per field whose value changed (typed fields: one per
    /// editing run).
    pub fn updated<T: Audited>(&self, old: &T, new: &T) -> Result<()> {
        for ((field, before), (_, after)) in old.fields().iter().zip(new.fields().iter()) {
            if before == after {
                continue;
            }
            if T::TYPED.contains(field) {
                let subject = (T::ENTITY, new.id(), new.label());
                self.typed(subject, field, Some(before), Some(after))?;
            } else {
                self.append(
                    AuditAction::Update,
                    new,
                    Some(field),
                    Some(before),
                    Some(after),
                )?;
            }
        }
        Ok(())
    }

    /// A removed record: one row per non-empty field, keeping what was lost.
    pub fn deleted<T: Audited>(&self, record: &T) -> Result<()> {
        self.whole_record(AuditAction::Delete, record)
    }

    /// One row per non-empty field (the value as new for a creation, as old for a
    /// deletion), or a single row without a field when every field is empty.
    fn whole_record<T: Audited>(&self, action: AuditAction, record: &T) -> Result<()> {
        let fields = record.fields();
        let filled: Vec<_> = fields.iter().filter(|(_, v)| !v.is_empty()).collect();
        if filled.is_empty() {
            return self.append(action, record, None, None, None);
        }
        for (field, value) in filled {
            let (old, new) = match action {
                AuditAction::Delete => (Some(value.as_str()), None),
                _ => (None, Some(value.as_str())),
            };
            self.append(action, record, Some(field), old, new)?;
        }
        Ok(())
    }

    fn append<T: Audited>(
        &self,
        action: AuditAction,
        record: &T,
        field: Option<&str>,
        old: Option<&str>,
        new: Option<&str>,
    ) -> Result<()> {
        self.record(
            action,
            (T::ENTITY, record.id(), record.label()),
            field,
            old,
            new,
        )
    }

    /// One audit row for a record that is not an `Audited` value (a field of an
    /// interview, a cell of a grid): `subject` is (entity, id, label).
    pub fn record(
        &self,
        action: AuditAction,
        (entity, entity_id, label): (&str, i64, &str),
        field: Option<&str>,
        old: Option<&str>,
        new: Option<&str>,
    ) -> Result<()> {
        // An edit ends the editing runs open before it, and is logged after them. A run
        // this same edit typed into stays open (its status change, say, is logged first).
        if !self.runs_settled.get() {
            editing_runs::close_all(self.tx)?;
            self.runs_settled.set(true);
        }
        self.tx.prepare_cached(
            "INSERT INTO audit_log (at, actor, action, entity, entity_id, entity_label, field, old_value, new_value)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
        )?
        .execute(params![self.at, self.actor, action.as_str(), entity, entity_id, label, field, old, new])?;
        Ok(())
    }

    /// A free-text field saved as it is typed: the change joins the field's editing run,
    /// which becomes one audit row (value before the run, value after it) when it ends.
    /// `subject` is (entity, id, label).
    pub fn typed(
        &self,
        subject: (&str, i64, &str),
        field: &str,
        old: Option<&str>,
        new: Option<&str>,
    ) -> Result<()> {
        editing_runs::save(
            self.tx,
            (self.actor, self.at),
            subject,
            field,
            (old, new),
            !self.runs_settled.get(),
        )?;
        self.runs_settled.set(true);
        Ok(())
    }
}

impl EngagementStore {
    /// How many entries the audit log holds.
    pub fn audit_entry_count(&self) -> Result<i64> {
        self.close_editing_runs()?;
        Ok(self
            .conn
            .query_row("SELECT count(*) FROM audit_log", [], |r| r.get(0))?)
    }

    /// The newest `limit` entries of the audit log, newest first.
    pub fn audit_log(&self, limit: usize) -> Result<Vec<AuditEntry>> {
        let limit = i64::try_from(limit).unwrap_or(i64::MAX);
        self.audit_entries("ORDER BY id DESC LIMIT ?1", limit)
    }

    /// The entries written after entry `id`, oldest first.
    pub fn audit_since(&self, id: i64) -> Result<Vec<AuditEntry>> {
        self.audit_entries("WHERE id > ?1 ORDER BY id", id)
    }

    /// The id of the newest entry, 0 for an empty log.
    pub fn last_audit_id(&self) -> Result<i64> {
        self.close_editing_runs()?;
        Ok(self
            .conn
            .query_row("SELECT coalesce(max(id), 0) FROM audit_log", [], |r| {
                r.get(0)
            })?)
    }

    /// Every reader closes the open editing runs first: what they show is what was typed.
    fn audit_entries(&self, selection: &str, value: i64) -> Result<Vec<AuditEntry>> {
        self.close_editing_runs()?;
        let mut stmt = self.conn.prepare(&format!(
            "SELECT id, at, actor, action, entity, entity_id, entity_label, field, old_value, new_value
             FROM audit_log {selection}"
        ))?;
        let rows = stmt.query_map([value], |row| {
            let at: String = row.get(1)?;
            let action: String = row.get(3)?;
            Ok(AuditEntry {
                id: row.get(0)?,
                at: chrono::DateTime::parse_from_rfc3339(&at)
                    .map_err(|e| {
                        rusqlite::Error::FromSqlConversionFailure(
                            1,
                            rusqlite::types::Type::Text,
                            Box::new(e),
                        )
                    })?
                    .with_timezone(&chrono::Utc),
                actor: row.get(2)?,
                action: AuditAction::parse(&action)
                    .ok_or_else(|| bad_column(3, format!("unknown audit action {action:?}")))?,
                entity: row.get(4)?,
                entity_id: row.get(5)?,
                entity_label: row.get(6)?,
                field: row.get(7)?,
                old_value: row.get(8)?,
                new_value: row.get(9)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}
