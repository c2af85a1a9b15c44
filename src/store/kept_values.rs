//! The rows of values kept as typed, for interviews and for resources alike: one table
//! per kind of record (`interview_unresolved`, `resource_unresolved`), a row per field,
//! written and removed here with the one wording the audit log uses for them.

use rusqlite::{OptionalExtension, params};

use super::audit::Changes;
use crate::Result;
use crate::domain::{AuditAction, Unresolved};

/// Where one kind of record keeps its values, and how the audit log names the record.
pub(super) struct KeptTable {
    table: &'static str,
    key: &'static str,
    entity: &'static str,
}

pub(super) const INTERVIEW: KeptTable = KeptTable {
    table: "interview_unresolved",
    key: "activity_id",
    entity: "interview",
};

pub(super) const RESOURCE: KeptTable = KeptTable {
    table: "resource_unresolved",
    key: "resource_id",
    entity: "resource",
};

/// How a kept value is written in the audit log.
fn shown(text: &str) -> String {
    format!("“{text}” (unresolved)")
}

impl KeptTable {
    /// The text kept at `field` of record `id`, if any.
    pub(super) fn text(
        &self,
        changes: &Changes<'_>,
        id: i64,
        field: &str,
    ) -> Result<Option<String>> {
        Ok(changes
            .tx
            .prepare_cached(&format!(
                "SELECT text FROM {} WHERE {} = ?1 AND field = ?2",
                self.table, self.key
            ))?
            .query_row(params![id, field], |r| r.get(0))
            .optional()?)
    }

    /// Keeps `value` for record `subject`, where `old` was kept before, and logs it.
    pub(super) fn keep(
        &self,
        changes: &Changes<'_>,
        subject: (i64, &str),
        value: &Unresolved,
        old: Option<&str>,
    ) -> Result<()> {
        changes
            .tx
            .prepare_cached(&format!(
                "INSERT INTO {table} ({key}, field, text, message, recorded_at) VALUES (?1, ?2, ?3, ?4, ?5)
                 ON CONFLICT ({key}, field)
                 DO UPDATE SET text = excluded.text, message = excluded.message, recorded_at = excluded.recorded_at",
                table = self.table,
                key = self.key
            ))?
            .execute(params![subject.0, value.field, value.text, value.message, changes.at])?;
        changes.record(
            AuditAction::Update,
            (self.entity, subject.0, subject.1),
            Some(&value.field),
            old.map(shown).as_deref(),
            Some(&shown(&value.text)),
        )
    }

    /// Forgets `old`, what was kept at `field` of record `subject`, and logs it.
    pub(super) fn resolve(
        &self,
        changes: &Changes<'_>,
        subject: (i64, &str),
        field: &str,
        old: &str,
    ) -> Result<()> {
        changes
            .tx
            .prepare_cached(&format!(
                "DELETE FROM {} WHERE {} = ?1 AND field = ?2",
                self.table, self.key
            ))?
            .execute(params![subject.0, field])?;
        changes.record(
            AuditAction::Update,
            (self.entity, subject.0, subject.1),
            Some(field),
            Some(&shown(old)),
            Some("resolved"),
        )
    }
}
