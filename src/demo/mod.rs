//! The demo engagement: a mid-sized regional freight and warehousing company, written
//! for Keel. Later capabilities (BIA, dependencies, plans) grow it.

mod actions;
mod data;
mod exercises;
mod incident;
mod plans;
mod stale;

use std::path::Path;
use std::sync::Arc;
use std::sync::atomic::{AtomicI64, Ordering};

use chrono::{TimeDelta, Utc};

use crate::domain::{
    ActivityInput, ActivityQuery, Confidence, EngagementDetailsInput, InterviewConfidence,
    InterviewDuration, InterviewEdit, InterviewStatus, InterviewText, OrgUnitInput,
    ResourceCapabilityInput, ResourceKind,
};
use crate::{EngagementStore, Result};
use data::*;

pub const DEMO_ORGANISATION: &str = "Calder Valley Freight Ltd";

/// How many days before today the demo's story is told: the engagement is built and
/// its plan approved [`BUILT_DAYS_AGO`] days ago, the plan's second version approved
/// [`REVISED_DAYS_AGO`] days ago, and the incident began [`incident::DAYS_AGO`] days ago.
const BUILT_DAYS_AGO: i64 = 40;
const REVISED_DAYS_AGO: i64 = 20;

/// Writes the demo engagement to a new file at `path`.
pub fn write_demo(path: &Path, actor: &str) -> Result<EngagementStore> {
    // The demo's clock runs days behind, so that its approvals come before its incident
    // and the incident is over by today; back to the real time once written.
    let behind = Arc::new(AtomicI64::new(BUILT_DAYS_AGO));
    let clock = {
        let behind = behind.clone();
        Arc::new(move || Utc::now() - TimeDelta::days(behind.load(Ordering::Relaxed)))
    };
    let details = EngagementDetailsInput {
        organisation: DEMO_ORGANISATION.into(),
        scope: "Business impact analysis and continuity planning for freight, warehousing and \
                customer-facing activities at the Halifax head office and the Halifax, Brighouse, \
                Birmingham and Bristol depots. Out of scope: the property portfolio and the \
                group pension scheme."
            .into(),
        facilitator: actor.into(),
        start_date: "2026-09-07".into(),
        end_date: "2026-12-18".into(),
    };
    let mut store = EngagementStore::create_with_clock(path, &details, actor, clock)?;
    // Interviews are completed and validated last, once every link is in place.
    let mut statuses = Vec::new();
    for unit in UNITS {
        let created = store.add_unit(&OrgUnitInput {
            name: unit.name.into(),
            description: unit.description.into(),
        })?;
        for activity in unit.activities {
            let added = store.add_activity(&ActivityInput {
                name: activity.name.into(),
                unit_id: Some(created.id),
                owner: activity.owner.into(),
                description: activity.description.into(),
                products_services: activity.products.iter().map(|p| (*p).to_owned()).collect(),
            })?;
            let edits = interview(activity, actor, &store.bia_settings()?);
            if !edits.is_empty() {
                store.edit_interview_all(added.id, &edits)?;
            }
            statuses.push((added.id, status_edits(activity)));
        }
    }
    link_demo(&mut store)?;
    for (id, edits) in statuses {
        if !edits.is_empty() {
            store.edit_interview_all(id, &edits)?;
        }
    }
    let warehouse = plans::write_plans(&mut store)?;
    let reviewed = actions::write_plan_review_action(&mut store, warehouse)?;
    behind.store(REVISED_DAYS_AGO, Ordering::Relaxed);
    plans::revise_warehouse_plan(&mut store, warehouse)?;
    let flood = incident::write_incident(&mut store, warehouse)?;
    behind.store(0, Ordering::Relaxed);
    exercises::write_exercises(&mut store, warehouse)?;
    actions::write_actions(&mut store, reviewed, flood)?;
    stale::write_stale(&mut store, actor)?;
    behind.store(0, Ordering::Relaxed);
    store.set_actor(actor);
    Ok(store)
}

fn link_demo(store: &mut EngagementStore) -> Result<()> {
    let id_of = |store: &EngagementStore, name: &str| -> Result<i64> {
        store
            .activities(&ActivityQuery {
                search: name.into(),
                unit_id: None,
            })?
            .into_iter()
            .find(|a| a.name == name)
            .map(|a| a.id)
            .ok_or_else(|| crate::Error::Conflict(format!("the demo has no activity named {name}")))
    };
    let settings = store.bia_settings()?;
    for (activity, needs) in NEEDS {
        let (id, other) = (id_of(store, activity)?, id_of(store, needs)?);
        store.edit_interview(
            id,
            &InterviewEdit::AddDependency {
                other,
                upstream: true,
            },
        )?;
    }
    for (activity, name, kind, amounts) in RESOURCES {
        let id = id_of(store, activity)?;
        let view = store.edit_interview(
            id,
            &InterviewEdit::AddResource {
                resource_id: None,
                name: (*name).into(),
                resource_kind: *kind,
            },
        )?;
        let resource_id = view
            .resources
            .iter()
            .find(|n| n.resource.name == *name)
            .map(|n| n.resource.id)
            .ok_or_else(|| {
                crate::Error::Conflict(format!("the demo resource {name} was not added"))
            })?;
        let edits: Vec<InterviewEdit> = amounts
            .iter()
            .zip(&settings.buckets)
            .map(|(q, b)| InterviewEdit::ResourceAmount {
                resource_id,
                bucket_id: b.id,
                value: q.to_string(),
            })
            .collect();
        if !edits.is_empty() {
            store.edit_interview_all(id, &edits)?;
        }
    }
    // Last-mile delivery can use its own drivers or agency drivers.
    let last_mile = id_of(store, "Last-mile delivery")?;
    for name in ["Drivers", "Agency drivers"] {
        let id = resource_id(store, name)?;
        store.set_resource_need_group(last_mile, id, "drivers")?;
    }
    for (resource, needs, group) in RESOURCE_NEEDS {
        for name in [resource, needs] {
            if resource_id(store, name).is_err() {
                store.add_catalogue_resource(name, ResourceKind::Infrastructure)?;
            }
        }
        let (from, to) = (resource_id(store, resource)?, resource_id(store, needs)?);
        store.add_resource_dependency(from, to, group)?;
    }
    for (name, rtc, rpc, strategy, evidence, days_ago) in CAPABILITIES {
        let id = resource_id(store, name)?;
        // Dated from today, so that a demonstration recorded by hand stays valid.
        let date = days_ago
            .and_then(|d| {
                Utc::now()
                    .date_naive()
                    .checked_sub_days(chrono::Days::new(d))
            })
            .map(|d| d.to_string())
            .unwrap_or_default();
        store.set_resource_capability(
            id,
            &ResourceCapabilityInput {
                strategy: Some(*strategy),
                rtc: (*rtc).into(),
                rpc: (*rpc).into(),
                evidence: Some(*evidence),
                demonstrated_on: date,
                ..Default::default()
            },
        )?;
    }
    Ok(())
}

pub(super) fn resource_id(store: &EngagementStore, name: &str) -> Result<i64> {
    store
        .resources()?
        .into_iter()
        .find(|r| r.name == name)
        .map(|r| r.id)
        .ok_or_else(|| crate::Error::Conflict(format!("the demo has no resource named {name}")))
}

/// The edits a facilitator would have typed in the activity's interview.
fn interview(
    activity: &DemoActivity,
    actor: &str,
    settings: &crate::domain::BiaSettings,
) -> Vec<InterviewEdit> {
    let bia = &activity.bia;
    if bia.stage == Stage::NotStarted {
        return Vec::new();
    }
    let text = |field, value: &str| InterviewEdit::Text {
        field,
        value: value.into(),
    };
    let mut edits = vec![
        InterviewEdit::Date {
            value: "2026-10-06".into(),
        },
        text(InterviewText::Facilitator, actor),
        InterviewEdit::AddInterviewee {
            name: activity.owner.into(),
            role: "Process owner".into(),
        },
    ];
    // The main category reaches the unacceptable rating two buckets after it starts to
    // hurt; the others trail behind it.
    let start = [0, 1, 3, 5][bia.urgency.clamp(1, 4) - 1];
    for (c, category) in settings.categories.iter().enumerate() {
        let behind = match c {
            _ if c == bia.main => 0,
            _ if c == (bia.main + 1) % 6 => 1,
            HEALTH_SAFETY => 4,
            _ => 2,
        };
        for (b, bucket) in settings.buckets.iter().enumerate() {
            let rating = (b as i64 - start as i64 + 2 - behind).clamp(0, 5) as u8;
            edits.push(InterviewEdit::Rating {
                category_id: category.id,
                bucket_id: bucket.id,
                rating: Some(rating),
                rationale: String::new(),
            });
        }
    }
    let rto = ["4h", "12h", "3d", "2w"][bia.urgency.clamp(1, 4) - 1];
    if bia.stage != Stage::Draft {
        edits.push(InterviewEdit::Duration {
            field: InterviewDuration::Rto,
            value: rto.into(),
        });
        edits.push(text(InterviewText::RtoSource, activity.owner));
        edits.push(InterviewEdit::Confidence {
            field: InterviewConfidence::Rto,
            value: Some(Confidence::Medium),
        });
    }
    edits.push(InterviewEdit::Duration {
        field: InterviewDuration::Rpo,
        value: bia.rpo.into(),
    });
    edits.push(text(InterviewText::RpoSource, activity.owner));
    edits.push(InterviewEdit::Confidence {
        field: InterviewConfidence::Rpo,
        value: Some(Confidence::High),
    });
    edits.push(InterviewEdit::MbcoPercent {
        value: bia.mbco.to_string(),
    });
    let statement = match bia.mbco {
        0 => "Can pause for the whole disruption; the work is caught up afterwards.".to_owned(),
        100 => format!(
            "{} cannot be reduced: it runs in full or not at all.",
            activity.products[0]
        ),
        p => format!(
            "{} at about {p}% of normal volume, key clients first.",
            activity.products[0]
        ),
    };
    edits.push(text(InterviewText::MbcoStatement, &statement));
    edits.push(text(InterviewText::MbcoSource, activity.owner));
    edits
}

/// How far the interview got: marked complete, then validated by the process owner.
fn status_edits(activity: &DemoActivity) -> Vec<InterviewEdit> {
    let status = |status, by: &str| InterviewEdit::Status {
        status,
        confirmed_by: by.into(),
    };
    match activity.bia.stage {
        Stage::Complete => vec![status(InterviewStatus::Complete, "")],
        Stage::Validated => vec![
            status(InterviewStatus::Complete, ""),
            status(InterviewStatus::Validated, activity.owner),
        ],
        Stage::NotStarted | Stage::Draft => Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn demo_has_about_25_activities_across_5_units() {
        assert_eq!(UNITS.len(), 5);
        let activities: usize = UNITS.iter().map(|u| u.activities.len()).sum();
        assert_eq!(activities, 25);
    }

    #[test]
    fn most_demo_interviews_are_done_and_a_few_are_not() {
        let stages: Vec<Stage> = UNITS
            .iter()
            .flat_map(|u| u.activities.iter().map(|a| a.bia.stage))
            .collect();
        let count = |s: Stage| stages.iter().filter(|x| **x == s).count();
        assert_eq!(count(Stage::NotStarted), 2);
        assert_eq!(count(Stage::Draft), 3);
        assert_eq!(count(Stage::Complete) + count(Stage::Validated), 20);
    }
}
