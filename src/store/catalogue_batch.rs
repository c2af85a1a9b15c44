//! Many catalogue changes in one write, for imports of thousands of rows.
//!
//! The units, activities, resources and interview statuses are read once into indexes
//! by name, so that finding a record by name costs a hash look-up instead of a read of
//! the whole table; every statement is prepared once per connection. Each change is
//! checked, written and logged by the same code as the single-record operations (the
//! functions below them in `activities`, `units`, `resources`, `interviews` and
//! `capabilities`), so the audit log reads the same either way.

use std::collections::{HashMap, HashSet};

use super::audit::Changes;
use super::capabilities::{self, NeedTable};
use super::{
    EngagementStore, activities, bia_settings, interview_edits, interviews, resource_unresolved,
    resources,
};
use crate::analysis::interview_edit as rules;
use crate::domain::{
    Activity, ActivityInput, BiaSettings, InterviewEdit, InterviewStatus, Need, NodeRef,
    OrgUnitInput, Resource, ResourceCapabilityInput, ResourceKind, Unresolved, name_key,
};
use crate::{Error, Result};

/// Statements an import keeps prepared: its own and those of the functions it calls.
const STATEMENT_CACHE: usize = 128;

/// SQLite's page cache during a batch: 64 MiB (a negative `cache_size` is in KiB), the
/// pages a 60,000-row import changes, so that none is written out before the commit.
const BATCH_CACHE_KIB: i64 = -64 * 1024;

/// An index change made by the current row, undone if the row is refused.
enum Undo {
    Unit {
        key: String,
        id: i64,
    },
    /// The activity as it was before the row (none: the row added it).
    Activity {
        id: i64,
        before: Option<Activity>,
    },
    Resource {
        id: i64,
    },
    Status {
        activity_id: i64,
        before: Option<InterviewStatus>,
    },
}

/// The open batch: the write's audit recorder and the catalogue's indexes.
pub struct CatalogueBatch<'a> {
    changes: &'a Changes<'a>,
    settings: BiaSettings,
    /// Unit id and name by name key, and unit name by id.
    units: HashMap<String, (i64, String)>,
    unit_names: HashMap<i64, String>,
    activities: HashMap<i64, Activity>,
    activity_ids: HashMap<String, i64>,
    resources: HashMap<i64, Resource>,
    /// Resource ids by name key: a name may be used once per kind.
    resource_ids: HashMap<String, Vec<i64>>,
    /// The status of each started interview, by activity id.
    statuses: HashMap<i64, InterviewStatus>,
    /// Resources with a value kept as typed (may hold some no longer kept).
    kept_resources: HashSet<i64>,
    undo: Vec<Undo>,
}

impl EngagementStore {
    /// Runs `f` with a [`CatalogueBatch`] in one write: kept when `f` succeeds (and the
    /// surrounding [`Self::all_or_nothing`], if any, keeps it), undone when it fails.
    pub fn catalogue_batch<T>(
        &mut self,
        f: impl FnOnce(&mut CatalogueBatch<'_>) -> Result<T>,
    ) -> Result<T> {
        self.conn
            .set_prepared_statement_cache_capacity(STATEMENT_CACHE);
        // A large batch changes more pages than SQLite's default cache holds (2 MiB);
        // without room they are spilled to the write-ahead log and read back.
        let cache: i64 = self
            .conn
            .pragma_query_value(None, "cache_size", |r| r.get(0))?;
        self.conn
            .pragma_update(None, "cache_size", BATCH_CACHE_KIB)?;
        let result = self.write(|changes| {
            let mut batch = CatalogueBatch::load(changes)?;
            f(&mut batch)
        });
        self.conn.pragma_update(None, "cache_size", cache)?;
        result
    }
}

impl<'a> CatalogueBatch<'a> {
    fn load(changes: &'a Changes<'a>) -> Result<Self> {
        let tx = changes.tx;
        let mut units = HashMap::new();
        let mut unit_names = HashMap::new();
        for unit in tx
            .prepare("SELECT id, name FROM org_unit")?
            .query_map([], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?)))?
        {
            let (id, name) = unit?;
            units.insert(name_key(&name), (id, name.clone()));
            unit_names.insert(id, name);
        }
        let mut activities = HashMap::new();
        let mut activity_ids = HashMap::new();
        for activity in activities::all(tx)? {
            activity_ids.insert(name_key(&activity.name), activity.id);
            activities.insert(activity.id, activity);
        }
        let mut resources = HashMap::new();
        let mut resource_ids: HashMap<String, Vec<i64>> = HashMap::new();
        for resource in resources::all(tx)? {
            resource_ids
                .entry(name_key(&resource.name))
                .or_default()
                .push(resource.id);
            resources.insert(resource.id, resource);
        }
        let mut statuses = HashMap::new();
        for row in tx
            .prepare("SELECT activity_id, status FROM interview")?
            .query_map([], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?)))?
        {
            let (id, status) = row?;
            statuses.insert(id, parse_status(&status)?);
        }
        let kept_resources = tx
            .prepare("SELECT DISTINCT resource_id FROM resource_unresolved")?
            .query_map([], |r| r.get::<_, i64>(0))?
            .collect::<rusqlite::Result<_>>()?;
        Ok(Self {
            changes,
            kept_resources,
            settings: bia_settings::read(tx)?,
            units,
            unit_names,
            activities,
            activity_ids,
            resources,
            resource_ids,
            statuses,
            undo: Vec::new(),
        })
    }

    /// Runs one row's changes: all of them, or (when `f` fails) none, the indexes
    /// included; the batch goes on either way.
    pub fn row<T>(&mut self, f: impl FnOnce(&mut Self) -> Result<T>) -> Result<T> {
        self.run("SAVEPOINT catalogue_row")?;
        self.undo.clear();
        match f(self) {
            Ok(value) => {
                self.run("RELEASE catalogue_row")?;
                Ok(value)
            }
            Err(err) => {
                self.run("ROLLBACK TO catalogue_row")?;
                self.run("RELEASE catalogue_row")?;
                self.undo_row();
                Err(err)
            }
        }
    }

    fn run(&self, sql: &str) -> Result<()> {
        self.changes.tx.prepare_cached(sql)?.execute([])?;
        Ok(())
    }

    fn undo_row(&mut self) {
        while let Some(undo) = self.undo.pop() {
            match undo {
                Undo::Unit { key, id } => {
                    self.units.remove(&key);
                    self.unit_names.remove(&id);
                }
                Undo::Activity { id, before } => {
                    if let Some(current) = self.activities.remove(&id) {
                        self.activity_ids.remove(&name_key(&current.name));
                    }
                    if let Some(activity) = before {
                        self.activity_ids.insert(name_key(&activity.name), id);
                        self.activities.insert(id, activity);
                    }
                }
                Undo::Resource { id } => {
                    if let Some(resource) = self.resources.remove(&id)
                        && let Some(ids) = self.resource_ids.get_mut(&name_key(&resource.name))
                    {
                        ids.retain(|other| *other != id);
                    }
                }
                Undo::Status {
                    activity_id,
                    before,
                } => match before {
                    Some(status) => {
                        self.statuses.insert(activity_id, status);
                    }
                    None => {
                        self.statuses.remove(&activity_id);
                    }
                },
            }
        }
    }

    /// The id of the unit with this name (ignoring case), creating the unit if there is
    /// none.
    pub fn unit_named_or_new(&mut self, name: &str) -> Result<i64> {
        if let Some((id, _)) = self.units.get(&name_key(name)) {
            return Ok(*id);
        }
        let input = OrgUnitInput {
            name: name.into(),
            description: String::new(),
        }
        .validate()?;
        let key = name_key(&input.name);
        if let Some((_, other)) = self.units.get(&key) {
            return Err(super::units::name_taken(other));
        }
        let unit = super::units::insert(self.changes, &input)?;
        self.units.insert(key.clone(), (unit.id, unit.name.clone()));
        self.unit_names.insert(unit.id, unit.name);
        self.undo.push(Undo::Unit { key, id: unit.id });
        Ok(unit.id)
    }

    /// The activity with this name (ignoring case), if any.
    pub fn activity_named(&self, name: &str) -> Option<&Activity> {
        self.activity_ids
            .get(&name_key(name))
            .and_then(|id| self.activities.get(id))
    }

    /// Adds an activity, refused as `EngagementStore::add_activity` refuses it.
    pub fn add_activity(&mut self, input: &ActivityInput) -> Result<Activity> {
        let input = self.check_activity(input, None)?;
        let created = activities::insert(self.changes, &input)?;
        self.activity_ids
            .insert(name_key(&created.name), created.id);
        self.activities.insert(created.id, created.clone());
        self.undo.push(Undo::Activity {
            id: created.id,
            before: None,
        });
        Ok(created)
    }

    /// Changes activity `old`, refused as `EngagementStore::update_activity` refuses it.
    pub fn update_activity(&mut self, old: &Activity, input: &ActivityInput) -> Result<Activity> {
        let input = self.check_activity(input, Some(old.id))?;
        let new = activities::update(self.changes, old, &input)?;
        self.activity_ids.remove(&name_key(&old.name));
        self.activity_ids.insert(name_key(&new.name), new.id);
        let before = self.activities.insert(new.id, new.clone());
        self.undo.push(Undo::Activity { id: new.id, before });
        Ok(new)
    }

    fn check_activity(&self, input: &ActivityInput, except: Option<i64>) -> Result<ActivityInput> {
        let input = input.validate()?;
        if let Some(other) = self.activity_named(&input.name)
            && Some(other.id) != except
        {
            return Err(Error::invalid("name", activities::name_taken(&other.name)));
        }
        if let Some(unit_id) = input.unit_id
            && !self.unit_names.contains_key(&unit_id)
        {
            return Err(Error::invalid(
                "unit_id",
                "The chosen unit no longer exists; pick another.",
            ));
        }
        Ok(input)
    }

    /// Applies edits to an activity's interview, as `EngagementStore::edit_interview_all`.
    pub fn edit_interview(&mut self, activity: &Activity, edits: &[InterviewEdit]) -> Result<()> {
        interviews::apply_edits(self.changes, &self.settings, activity, edits)?;
        self.refresh_status(activity.id)
    }

    /// Applies edits as [`Self::edit_interview`], except that a typed value that cannot
    /// be accepted is kept as typed, unresolved (as `EngagementStore::
    /// edit_interview_keeping` does), and the other edits still apply. Returns what was
    /// kept, with the index of its edit. All the edits are tried at once first; only
    /// when that is refused are they applied one by one.
    pub fn edit_interview_keeping(
        &mut self,
        activity: &Activity,
        edits: &[InterviewEdit],
    ) -> Result<Vec<(usize, Unresolved)>> {
        let mut kept = Vec::new();
        match self.try_edits(activity, edits) {
            Err(Error::Invalid(_)) => {
                for (index, edit) in edits.iter().enumerate() {
                    let refused = match self.try_edits(activity, std::slice::from_ref(edit)) {
                        Err(Error::Invalid(refused)) => refused,
                        other => {
                            other?;
                            continue;
                        }
                    };
                    let Some(value) = rules::unresolved(edit, &refused) else {
                        return Err(Error::Invalid(refused));
                    };
                    interviews::keep_refused(self.changes, &self.settings, activity, edit, &value)?;
                    kept.push((index, value));
                }
            }
            other => other?,
        }
        self.refresh_status(activity.id)?;
        Ok(kept)
    }

    /// Applies edits, all or none (a refusal leaves nothing behind).
    fn try_edits(&mut self, activity: &Activity, edits: &[InterviewEdit]) -> Result<()> {
        self.run("SAVEPOINT catalogue_edit")?;
        match interviews::apply_edits(self.changes, &self.settings, activity, edits) {
            Ok(()) => self.run("RELEASE catalogue_edit"),
            Err(err) => {
                self.run("ROLLBACK TO catalogue_edit")?;
                self.run("RELEASE catalogue_edit")?;
                Err(err)
            }
        }
    }

    fn refresh_status(&mut self, activity_id: i64) -> Result<()> {
        let status: String = self
            .changes
            .tx
            .prepare_cached("SELECT status FROM interview WHERE activity_id = ?1")?
            .query_row([activity_id], |r| r.get(0))?;
        let status = parse_status(&status)?;
        let before = self.statuses.insert(activity_id, status);
        if before != Some(status) {
            self.undo.push(Undo::Status {
                activity_id,
                before,
            });
        }
        Ok(())
    }

    /// The resource of this kind and name (ignoring case), created if there is none.
    pub fn resource(&mut self, name: &str, kind: ResourceKind) -> Result<Resource> {
        let name = resources::checked_name(name)?;
        let key = name_key(&name);
        if let Some(found) = self
            .resource_ids
            .get(&key)
            .into_iter()
            .flatten()
            .filter_map(|id| self.resources.get(id))
            .find(|r| r.kind == kind)
        {
            return Ok(found.clone());
        }
        let created = resources::create(self.changes, name, kind)?;
        self.resource_ids.entry(key).or_default().push(created.id);
        self.resources.insert(created.id, created.clone());
        self.undo.push(Undo::Resource { id: created.id });
        Ok(created)
    }

    /// What a resource can do, as `EngagementStore::resource_capability`.
    /// What a resource can do, as typed (values kept unresolved in their fields).
    pub fn capability(&self, resource_id: i64) -> Result<ResourceCapabilityInput> {
        let stored = capabilities::capability(self.changes.tx, resource_id)?;
        if !self.kept_resources.contains(&resource_id) {
            return Ok(stored);
        }
        resource_unresolved::as_typed(self.changes.tx, resource_id, stored)
    }

    /// Sets what a resource can do, as `EngagementStore::set_resource_capability`: an
    /// RTC, RPC or exercise date Keel cannot accept is kept as typed; returns what was.
    pub fn set_capability(
        &mut self,
        resource: &Resource,
        input: &ResourceCapabilityInput,
    ) -> Result<Vec<Unresolved>> {
        let context = capabilities::Context {
            kept_before: self.kept_resources.contains(&resource.id),
            date_order: self.settings.date_order,
        };
        let kept = capabilities::write_capability(self.changes, resource, input, false, context)?;
        if !kept.is_empty() {
            self.kept_resources.insert(resource.id);
        }
        Ok(kept)
    }

    /// The one activity or resource with this name (ignoring case).
    pub fn node_named(&self, name: &str) -> Result<NodeRef> {
        let key = name_key(name);
        let activity = self.activity_ids.get(&key);
        let resources = self.resource_ids.get(&key).map_or(&[][..], Vec::as_slice);
        match (activity, resources) {
            (Some(a), []) => Ok(NodeRef::Activity(*a)),
            (None, [r]) => Ok(NodeRef::Resource(*r)),
            (None, []) => Err(Error::Conflict(format!(
                "nothing is named \u{201c}{name}\u{201d}"
            ))),
            _ => Err(Error::Conflict(format!(
                "more than one activity or resource is named \u{201c}{name}\u{201d}"
            ))),
        }
    }

    /// The id and name of an activity.
    fn activity_by_id(&self, id: i64) -> Result<(i64, String)> {
        self.activities
            .get(&id)
            .map(|a| (a.id, a.name.clone()))
            .ok_or(Error::NotFound {
                entity: "activity",
                id,
            })
    }

    fn resource_by_id(&self, id: i64) -> Result<&Resource> {
        self.resources.get(&id).ok_or(Error::NotFound {
            entity: "resource",
            id,
        })
    }

    /// `from` needs `to`, in alternatives group `group` (empty: none): the same checks,
    /// writes and audit entries as `EngagementStore::add_need`. Every check comes before
    /// the first write, so a refused need has written nothing and needs no [`Self::row`]
    /// of its own; only a database error can stop it half-way (and the import that
    /// reports it keeps nothing).
    pub fn add_need(&mut self, from: NodeRef, to: NodeRef, group: &str) -> Result<()> {
        match Need::between(from, to)? {
            Need::ActivityResource { activity, resource } => {
                let activity = self.activity_by_id(activity)?;
                let resource = self.resource_by_id(resource)?.clone();
                let edit = InterviewEdit::AddResource {
                    resource_id: Some(resource.id),
                    name: String::new(),
                    resource_kind: ResourceKind::ItService,
                };
                self.interview_edit(activity.0, &edit, |changes| {
                    interview_edits::add_resource(changes, (activity.0, &activity.1), &resource)
                })?;
                capabilities::set_need_group(
                    self.changes,
                    NeedTable::Resource,
                    (activity.0, &activity.1),
                    (resource.id, &resource.name),
                    group,
                )
            }
            Need::ActivityActivity { activity, other } => {
                let activity = self.activity_by_id(activity)?;
                let other = self.activity_by_id(other)?;
                let edit = InterviewEdit::AddDependency {
                    other: other.0,
                    upstream: true,
                };
                self.interview_edit(activity.0, &edit, |changes| {
                    interview_edits::link(changes, (activity.0, &activity.1), other.0, true, true)
                })?;
                capabilities::set_need_group(
                    self.changes,
                    NeedTable::Activity,
                    (activity.0, &activity.1),
                    (other.0, &other.1),
                    group,
                )
            }
            Need::ResourceResource { resource, other } => {
                let from = self.resource_by_id(resource)?;
                let to = self.resource_by_id(other)?;
                capabilities::add_resource_need(self.changes, from, to, group)
            }
        }
    }

    /// One interview edit that does not look at the interview's previous state. While
    /// the interview is a draft, settling its status afterwards changes nothing, so
    /// `write` alone is enough; otherwise the edit goes the whole way (read, apply,
    /// settle the status).
    fn interview_edit(
        &mut self,
        activity_id: i64,
        edit: &InterviewEdit,
        write: impl FnOnce(&Changes<'_>) -> Result<()>,
    ) -> Result<()> {
        match self.statuses.get(&activity_id) {
            Some(InterviewStatus::Draft) => write(self.changes),
            Some(_) => {
                let activity =
                    self.activities
                        .get(&activity_id)
                        .cloned()
                        .ok_or(Error::NotFound {
                            entity: "activity",
                            id: activity_id,
                        })?;
                self.edit_interview(&activity, std::slice::from_ref(edit))
            }
            None => {
                let label = self.activity_by_id(activity_id)?.1;
                interviews::start_if_needed(self.changes, activity_id, &label)?;
                self.statuses.insert(activity_id, InterviewStatus::Draft);
                self.undo.push(Undo::Status {
                    activity_id,
                    before: None,
                });
                write(self.changes)
            }
        }
    }
}

fn parse_status(text: &str) -> Result<InterviewStatus> {
    InterviewStatus::parse(text).ok_or_else(|| {
        Error::Sqlite(super::bad_column(
            0,
            format!("unknown interview status {text:?}"),
        ))
    })
}
