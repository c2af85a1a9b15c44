//! What a resource can do, as typed: an RTC, RPC or exercise date Keel cannot accept is
//! kept here with the reason (and logged) while the rest of the capability is saved;
//! it goes when the field is next saved with a value Keel accepts, or cleared. Read
//! back, the kept text stands in the capability's field, with the reason beside it.

use rusqlite::Connection;

use super::audit::Changes;
use super::kept_values::RESOURCE;
use crate::Result;
use crate::domain::{FieldErrors, Resource, ResourceCapabilityInput, Unresolved};

/// The checked fields of a capability, with what was typed in each.
pub(super) fn checked(input: &ResourceCapabilityInput) -> [(&'static str, &str); 3] {
    [
        ("rtc", &input.rtc),
        ("rpc", &input.rpc),
        ("demonstrated_on", &input.demonstrated_on),
    ]
}

/// What to keep of `refused`: each checked field refused with something typed in it.
/// `None` when a refusal is at a field that cannot be kept (the owner, or an empty
/// field that is required): then the whole edit is refused.
pub(super) fn keepable(
    input: &ResourceCapabilityInput,
    refused: &FieldErrors,
) -> Option<Vec<Unresolved>> {
    let fields = checked(input);
    let mut kept = Vec::new();
    for field in refused.fields() {
        let (_, text) = fields.iter().find(|(f, _)| *f == field)?;
        if text.trim().is_empty() {
            return None;
        }
        let message = refused.get(field).unwrap_or_default();
        kept.push(Unresolved::refused(field, text, message));
    }
    Some(kept)
}

/// Makes what is kept for `resource` exactly `kept` (the checked fields not in it were
/// accepted or cleared), logging each change.
pub(super) fn settle(
    changes: &Changes<'_>,
    resource: &Resource,
    kept: &[Unresolved],
) -> Result<()> {
    let subject = (resource.id, resource.name.as_str());
    // What was kept before, in one query (usually nothing, as in most imports).
    let mut was: Vec<(String, String)> = changes
        .tx
        .prepare_cached("SELECT field, text FROM resource_unresolved WHERE resource_id = ?1")?
        .query_map([resource.id], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?;
    if was.is_empty() && kept.is_empty() {
        return Ok(());
    }
    for field in ["rtc", "rpc", "demonstrated_on"] {
        let before = was
            .iter()
            .position(|(f, _)| f == field)
            .map(|i| was.swap_remove(i).1);
        match (kept.iter().find(|k| k.field == field), before) {
            (Some(value), before) if before.as_deref() != Some(value.text.as_str()) => {
                RESOURCE.keep(changes, subject, value, before.as_deref())?;
            }
            (None, Some(before)) => RESOURCE.resolve(changes, subject, field, &before)?,
            _ => {}
        }
    }
    Ok(())
}

/// The values kept as typed for a resource, with their reasons.
pub(super) fn kept(conn: &Connection, resource_id: i64) -> Result<Vec<Unresolved>> {
    Ok(conn
        .prepare_cached(
            "SELECT field, text, message FROM resource_unresolved WHERE resource_id = ?1 ORDER BY field",
        )?
        .query_map([resource_id], |r| {
            let (field, text, message): (String, String, String) = (r.get(0)?, r.get(1)?, r.get(2)?);
            Ok(Unresolved::new(&field, &text, &message))
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?)
}

/// `capability` as it was typed: each kept value's text in its field (what an import
/// compares a row with), and the kept values listed.
pub(super) fn as_typed(
    conn: &Connection,
    resource_id: i64,
    mut capability: ResourceCapabilityInput,
) -> Result<ResourceCapabilityInput> {
    let kept = kept(conn, resource_id)?;
    for value in &kept {
        match value.field.as_str() {
            "rtc" => capability.rtc.clone_from(&value.text),
            "rpc" => capability.rpc.clone_from(&value.text),
            "demonstrated_on" => capability.demonstrated_on.clone_from(&value.text),
            _ => {}
        }
    }
    capability.kept = kept;
    Ok(capability)
}
