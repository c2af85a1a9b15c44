//! What resources can do and need: setting a resource's capability, its needs of other
//! resources, and the alternatives group of an activity's need, each logged.

use std::collections::HashMap;

use rusqlite::{Connection, OptionalExtension, params};

use super::audit::Changes;
use super::{EngagementStore, resource_unresolved, resources};
use crate::analysis::evidence::{Recorded, Standing, standing};
use crate::domain::{
    AuditAction, DateOrder, Demonstration, Duration, FieldErrors, Resource,
    ResourceCapabilityInput, Unresolved, need_fields,
};
use crate::{Error, Result};

fn optional_duration(errors: &mut FieldErrors, field: &str, text: &str) -> Option<Duration> {
    if text.trim().is_empty() {
        return None;
    }
    match Duration::parse(text) {
        Ok(d) => Some(d),
        Err(e) => {
            errors.add(field, e.to_string());
            None
        }
    }
}

/// What writing a capability needs to know besides the input: whether any value may be
/// kept as typed for the resource already (when not, there is nothing to resolve and no
/// query to ask), and the engagement's order of day and month.
#[derive(Debug, Clone, Copy)]
pub(super) struct Context {
    pub kept_before: bool,
    pub date_order: Option<DateOrder>,
}

/// Checks `input` and sets it as what a resource can do, logging each changed field;
/// with `typed_description`, the description (free text saved as it is typed) joins its
/// editing run instead. An RTC, RPC or exercise date that cannot be accepted is kept as
/// typed (see `resource_unresolved`) while the rest is saved and the value accepted
/// before stays in force; any other refusal refuses the whole input.
pub(super) fn write_capability(
    changes: &Changes<'_>,
    resource: &Resource,
    input: &ResourceCapabilityInput,
    typed_description: bool,
    context: Context,
) -> Result<Vec<Unresolved>> {
    let mut errors = FieldErrors::new();
    let owner = errors.optional_text("owner", "Owner", &input.owner, 200);
    let description =
        errors.optional_text("description", "Description", &input.description, 20_000);
    let rtc = optional_duration(&mut errors, "rtc", &input.rtc);
    let rpc = optional_duration(&mut errors, "rpc", &input.rpc);
    let demonstrated_on = errors.optional_date_in(
        "demonstrated_on",
        "The exercise date",
        &input.demonstrated_on,
        context.date_order,
    );
    let needs_date = "Demonstrated evidence needs the date of the exercise that showed it.";
    if input.evidence == Some(crate::domain::Evidence::Demonstrated) && demonstrated_on.is_none() {
        errors.add("demonstrated_on", needs_date);
    }
    let old = capability(changes.tx, resource.id)?;
    let kept = match resource_unresolved::keepable(input, &errors) {
        Some(kept) => kept,
        None => {
            errors.into_result()?;
            Vec::new()
        }
    };
    // A value kept as typed leaves the one accepted before in force.
    let is_kept = |field: &str| kept.iter().any(|k| k.field == field);
    let rtc = if is_kept("rtc") {
        Duration::parse(&old.rtc).ok()
    } else {
        rtc
    };
    let rpc = if is_kept("rpc") {
        Duration::parse(&old.rpc).ok()
    } else {
        rpc
    };
    let demonstrated_on = if is_kept("demonstrated_on") {
        crate::domain::parse_date(&old.demonstrated_on).ok()
    } else {
        demonstrated_on
    };
    if input.evidence == Some(crate::domain::Evidence::Demonstrated) && demonstrated_on.is_none() {
        return Err(Error::invalid("demonstrated_on", needs_date));
    }
    if context.kept_before || !kept.is_empty() {
        resource_unresolved::settle(changes, resource, &kept)?;
    }
    let before = capability_fields(&old);
    let after = capability_fields(&ResourceCapabilityInput {
        owner: owner.clone(),
        description: description.clone(),
        strategy: input.strategy,
        rtc: rtc.map(|d| d.to_string()).unwrap_or_default(),
        rpc: rpc.map(|d| d.to_string()).unwrap_or_default(),
        evidence: input.evidence,
        demonstrated_on: demonstrated_on.map(|d| d.to_string()).unwrap_or_default(),
        kept: Vec::new(),
    });
    changes
        .tx
        .prepare_cached(
            "UPDATE resource SET owner = ?1, description = ?2, strategy = ?3, rtc_minutes = ?4, rpc_minutes = ?5,
                    evidence = ?6, demonstrated_on = ?7, updated_at = ?8 WHERE id = ?9",
        )?
        .execute(params![
            owner,
            description,
            input.strategy.map(|s| s.as_str()),
            rtc.map(Duration::minutes),
            rpc.map(Duration::minutes),
            input.evidence.map(|e| e.as_str()),
            demonstrated_on,
            changes.at,
            resource.id
        ])?;
    let fields = [
        "owner",
        "description",
        "strategy",
        "rtc",
        "rpc",
        "evidence",
        "demonstrated_on",
    ];
    for ((field, old), new) in fields.iter().zip(&before).zip(&after) {
        if old == new {
            continue;
        }
        let shown = |v: &String| Some(v.clone()).filter(|v| !v.is_empty());
        let subject = ("resource", resource.id, resource.name.as_str());
        if typed_description && *field == "description" {
            changes.typed(subject, field, shown(old).as_deref(), shown(new).as_deref())?;
        } else {
            changes.record(
                AuditAction::Update,
                subject,
                Some(field),
                shown(old).as_deref(),
                shown(new).as_deref(),
            )?;
        }
    }
    Ok(kept)
}

const CAPABILITY_COLUMNS: &str =
    "owner, description, strategy, rtc_minutes, rpc_minutes, evidence, demonstrated_on";

/// A capability from its columns, read from the `first` onwards in the order of
/// [`CAPABILITY_COLUMNS`].
fn capability_row(
    r: &rusqlite::Row<'_>,
    first: usize,
) -> rusqlite::Result<ResourceCapabilityInput> {
    let time = |m: Option<u32>| Duration::text_or(m.and_then(Duration::from_minutes), "");
    Ok(ResourceCapabilityInput {
        owner: r.get(first)?,
        description: r.get(first + 1)?,
        strategy: r
            .get::<_, Option<String>>(first + 2)?
            .and_then(|s| crate::domain::RecoveryStrategy::parse(&s)),
        rtc: time(r.get(first + 3)?),
        rpc: time(r.get(first + 4)?),
        evidence: r
            .get::<_, Option<String>>(first + 5)?
            .and_then(|s| crate::domain::Evidence::parse(&s)),
        demonstrated_on: r.get::<_, Option<String>>(first + 6)?.unwrap_or_default(),
        kept: Vec::new(),
    })
}

/// What a resource can do, as the text a person would type to set it again.
pub(super) fn capability(conn: &Connection, resource_id: i64) -> Result<ResourceCapabilityInput> {
    conn.prepare_cached(&format!(
        "SELECT {CAPABILITY_COLUMNS} FROM resource WHERE id = ?1"
    ))?
    .query_row([resource_id], |r| capability_row(r, 0))
    .optional()?
    .ok_or(Error::NotFound {
        entity: "resource",
        id: resource_id,
    })
}

/// What every resource can do, by resource id, in one query.
pub(super) fn capabilities(conn: &Connection) -> Result<HashMap<i64, ResourceCapabilityInput>> {
    let mut stmt = conn.prepare(&format!("SELECT id, {CAPABILITY_COLUMNS} FROM resource"))?;
    let rows = stmt.query_map([], |r| Ok((r.get::<_, i64>(0)?, capability_row(r, 1)?)))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Resource `from` needs `to`; needs of one resource sharing a non-empty `group` are
/// alternatives. Adding a need that exists sets its group.
pub(super) fn add_resource_need(
    changes: &Changes<'_>,
    from: &Resource,
    to: &Resource,
    group: &str,
) -> Result<()> {
    if from.id == to.id {
        return Err(Error::invalid(
            "dependency",
            "A resource cannot depend on itself.",
        ));
    }
    let group = group.trim();
    let old: Option<String> = changes
        .tx
        .prepare_cached(
            "SELECT alternative_group FROM resource_dependency WHERE resource_id = ?1 AND needs_resource_id = ?2",
        )?
        .query_row(params![from.id, to.id], |r| r.get(0))
        .optional()?;
    let subject = ("resource", from.id, from.name.as_str());
    match old {
        None => {
            changes
                .tx
                .prepare_cached(
                    "INSERT INTO resource_dependency (resource_id, needs_resource_id, alternative_group, created_at)
                     VALUES (?1, ?2, ?3, ?4)",
                )?
                .execute(params![from.id, to.id, group, changes.at])?;
            let what = if group.is_empty() {
                to.name.clone()
            } else {
                format!("{} (alternatives \u{201c}{group}\u{201d})", to.name)
            };
            changes.record(
                AuditAction::Create,
                subject,
                Some(need_fields::NEEDS_RESOURCE),
                None,
                Some(&what),
            )
        }
        Some(old) if old != group => {
            changes
                .tx
                .prepare_cached(
                    "UPDATE resource_dependency SET alternative_group = ?1 WHERE resource_id = ?2 AND needs_resource_id = ?3",
                )?
                .execute(params![group, from.id, to.id])?;
            let shown = |g: &str| Some(g.to_owned()).filter(|g| !g.is_empty());
            changes.record(
                AuditAction::Update,
                subject,
                Some(&need_fields::alternatives_group_of(&to.name)),
                shown(&old).as_deref(),
                shown(group).as_deref(),
            )
        }
        Some(_) => Ok(()),
    }
}

/// Which need of an activity an alternatives group is set on: an activity's need of a
/// resource, or of another activity.
#[derive(Debug, Clone, Copy)]
pub(super) enum NeedTable {
    Resource,
    Activity,
}

/// Puts the need of activity `(id, name)` for `(needed_id, needed_name)` into an
/// alternatives group (empty: none); nothing happens when the need does not exist or
/// is already in that group.
pub(super) fn set_need_group(
    changes: &Changes<'_>,
    table: NeedTable,
    (activity_id, activity_name): (i64, &str),
    (needed_id, needed_name): (i64, &str),
    group: &str,
) -> Result<()> {
    let (select, update) = match table {
        NeedTable::Resource => (
            "SELECT alternative_group FROM activity_resource WHERE activity_id = ?1 AND resource_id = ?2",
            "UPDATE activity_resource SET alternative_group = ?1 WHERE activity_id = ?2 AND resource_id = ?3",
        ),
        NeedTable::Activity => (
            "SELECT alternative_group FROM activity_dependency WHERE activity_id = ?1 AND needs_activity_id = ?2",
            "UPDATE activity_dependency SET alternative_group = ?1 WHERE activity_id = ?2 AND needs_activity_id = ?3",
        ),
    };
    let group = group.trim();
    let old: Option<String> = changes
        .tx
        .prepare_cached(select)?
        .query_row(params![activity_id, needed_id], |r| r.get(0))
        .optional()?;
    let Some(old) = old.filter(|old| old != group) else {
        return Ok(());
    };
    changes
        .tx
        .prepare_cached(update)?
        .execute(params![group, activity_id, needed_id])?;
    changes.record(
        AuditAction::Update,
        ("interview", activity_id, activity_name),
        Some(&need_fields::alternatives_group_of(needed_name)),
        Some(&old).filter(|o| !o.is_empty()).map(String::as_str),
        Some(group).filter(|g| !g.is_empty()),
    )
}

impl EngagementStore {
    /// Sets what a resource can do (owner, description, strategy, RTC, RPC, evidence);
    /// each changed field is written to the audit log.
    pub fn set_resource_capability(
        &mut self,
        resource_id: i64,
        input: &ResourceCapabilityInput,
    ) -> Result<()> {
        let resource = resources::resource(&self.conn, resource_id)?;
        // From the app, the description is typed: logged once per editing run; a value
        // that cannot be accepted is kept as typed.
        self.write(|changes| {
            let context = Context {
                kept_before: true,
                date_order: super::bia_settings::date_order(changes.tx)?,
            };
            write_capability(changes, &resource, input, true, context).map(drop)
        })
    }

    /// Resource `resource_id` needs `needs_id`; needs of one resource sharing a non-empty
    /// `group` are alternatives. Adding a need that exists sets its group.
    pub fn add_resource_dependency(
        &mut self,
        resource_id: i64,
        needs_id: i64,
        group: &str,
    ) -> Result<()> {
        let from = resources::resource(&self.conn, resource_id)?;
        let to = resources::resource(&self.conn, needs_id)?;
        self.write(|changes| add_resource_need(changes, &from, &to, group))
    }

    /// Resource `resource_id` no longer needs `needs_id`.
    pub fn remove_resource_dependency(&mut self, resource_id: i64, needs_id: i64) -> Result<()> {
        let from = resources::resource(&self.conn, resource_id)?;
        let to = resources::resource(&self.conn, needs_id)?;
        self.write(|changes| {
            let removed = changes.tx.execute(
                "DELETE FROM resource_dependency WHERE resource_id = ?1 AND needs_resource_id = ?2",
                params![resource_id, needs_id],
            )?;
            if removed == 0 {
                return Ok(());
            }
            changes.record(
                AuditAction::Delete,
                ("resource", resource_id, &from.name),
                Some(need_fields::NEEDS_RESOURCE),
                Some(&to.name),
                None,
            )
        })
    }

    /// Puts an activity's need of a resource into an alternatives group (empty: none).
    pub fn set_resource_need_group(
        &mut self,
        activity_id: i64,
        resource_id: i64,
        group: &str,
    ) -> Result<()> {
        let resource = resources::resource(&self.conn, resource_id)?;
        let activity = self.activity(activity_id)?;
        self.write(|changes| {
            set_need_group(
                changes,
                NeedTable::Resource,
                (activity_id, &activity.name),
                (resource_id, &resource.name),
                group,
            )
        })
    }

    /// Puts an activity's need of another activity into an alternatives group.
    pub fn set_activity_need_group(
        &mut self,
        activity_id: i64,
        needs_id: i64,
        group: &str,
    ) -> Result<()> {
        let other = self.activity(needs_id)?;
        let activity = self.activity(activity_id)?;
        self.write(|changes| {
            set_need_group(
                changes,
                NeedTable::Activity,
                (activity_id, &activity.name),
                (needs_id, &other.name),
                group,
            )
        })
    }

    /// What a resource can do: the values in force, and in `kept` those typed that Keel
    /// could not accept (the page shows their text in place of the value in force).
    pub fn resource_capability(&self, resource_id: i64) -> Result<ResourceCapabilityInput> {
        let mut capability = capability(&self.conn, resource_id)?;
        capability.kept = resource_unresolved::kept(&self.conn, resource_id)?;
        Ok(capability)
    }

    /// What every resource can do, by resource id, in one query.
    pub fn resource_capabilities(&self) -> Result<HashMap<i64, ResourceCapabilityInput>> {
        capabilities(&self.conn)
    }

    /// How a resource's capability stands today by the store's clock: the grade and the
    /// RTC and RPC in force, with the demonstration in force or the one that expired.
    pub fn capability_standing(&self, resource_id: i64) -> Result<Standing> {
        let recorded = self
            .conn
            .prepare_cached(&format!(
                "SELECT {RECORDED_COLUMNS} FROM resource WHERE id = ?1"
            ))?
            .query_row([resource_id], |r| recorded(r, 0))
            .optional()?
            .ok_or(Error::NotFound {
                entity: "resource",
                id: resource_id,
            })?;
        let shown: Vec<Demonstration> = self
            .demonstrations()?
            .into_iter()
            .filter(|d| d.resource_id == resource_id)
            .collect();
        let validity = self.review_settings()?.demonstration_validity_months;
        Ok(standing(
            &recorded,
            &shown,
            validity,
            self.now().date_naive(),
        ))
    }
}

impl EngagementStore {
    /// What is recorded of every resource's capability, by resource id, in one query.
    pub fn recorded_capabilities(&self) -> Result<std::collections::BTreeMap<i64, Recorded>> {
        let mut stmt = self
            .conn
            .prepare(&format!("SELECT id, {RECORDED_COLUMNS} FROM resource"))?;
        let rows = stmt.query_map([], |r| Ok((r.get::<_, i64>(0)?, recorded(r, 1)?)))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}

/// The columns of what is recorded of a capability, in the order [`recorded`] reads them.
pub(super) const RECORDED_COLUMNS: &str = "evidence, rtc_minutes, rpc_minutes, demonstrated_on";

/// What is recorded of a capability, from its columns read from the `first` onwards in
/// the order of [`RECORDED_COLUMNS`].
pub(super) fn recorded(r: &rusqlite::Row<'_>, first: usize) -> rusqlite::Result<Recorded> {
    Ok(Recorded {
        evidence: r
            .get::<_, Option<String>>(first)?
            .and_then(|e| crate::domain::Evidence::parse(&e)),
        rtc: r
            .get::<_, Option<u32>>(first + 1)?
            .and_then(Duration::from_minutes),
        rpc: r
            .get::<_, Option<u32>>(first + 2)?
            .and_then(Duration::from_minutes),
        demonstrated_on: r.get(first + 3)?,
    })
}

/// A capability as the texts the audit log compares.
fn capability_fields(c: &ResourceCapabilityInput) -> [String; 7] {
    [
        c.owner.clone(),
        c.description.clone(),
        c.strategy
            .map(|s| s.as_str().to_owned())
            .unwrap_or_default(),
        c.rtc.clone(),
        c.rpc.clone(),
        c.evidence
            .map(|e| e.as_str().to_owned())
            .unwrap_or_default(),
        c.demonstrated_on.clone(),
    ]
}
