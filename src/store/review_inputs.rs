//! What the review is worked out from, gathered in a few queries (`review::review` does
//! the rest), and the review settings' setter.

use chrono::{DateTime, NaiveDate, Utc};
use rusqlite::params;

use super::{EngagementStore, ReviewSettings};
use crate::domain::{AuditAction, FieldErrors, InterviewStatus, need_fields};
use crate::review::{ExerciseRun, InterviewFacts, NeedChange, PlanFacts, ReviewInputs};
use crate::{Error, Result};

const SUBJECT: (&str, i64, &str) = ("review_settings", 1, "Review settings");

fn pairs(conn: &rusqlite::Connection, sql: &str) -> Result<Vec<(i64, i64)>> {
    let mut stmt = conn.prepare(sql)?;
    let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

impl EngagementStore {
    /// Everything the review needs, as the engagement holds it now.
    pub fn review_inputs(&self) -> Result<ReviewInputs> {
        let settings = self.review_settings()?;
        let plans = self
            .conn
            .prepare(
                "SELECT p.id, p.title, p.review_months, min(f.frozen_at), max(f.version),
                    (SELECT l.frozen_at FROM plan_frozen l WHERE l.plan_id = p.id ORDER BY l.version DESC LIMIT 1)
                 FROM plan p LEFT JOIN plan_frozen f ON f.plan_id = p.id
                 GROUP BY p.id ORDER BY p.title COLLATE NOCASE, p.id",
            )?
            .query_map([], |r| {
                let last: Option<u32> = r.get(4)?;
                let last_at: Option<DateTime<Utc>> = r.get(5)?;
                Ok(PlanFacts {
                    id: r.get(0)?,
                    title: r.get(1)?,
                    review_months: r.get(2)?,
                    first_approved: r.get(3)?,
                    last_approved: last.zip(last_at),
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
        let plan_people = pairs(
            &self.conn,
            "SELECT plan_id, caller_id FROM plan_call WHERE caller_id IS NOT NULL
             UNION SELECT plan_id, callee_id FROM plan_call
             UNION SELECT plan_id, fallback_id FROM plan_call WHERE fallback_id IS NOT NULL
             UNION SELECT plan_id, person_id FROM plan_invoker WHERE person_id IS NOT NULL
             UNION SELECT plan_id, alternate_id FROM plan_invoker WHERE alternate_id IS NOT NULL
             ORDER BY 1, 2",
        )?;
        let interviews = self
            .conn
            .prepare(
                "SELECT i.activity_id, a.name, i.status, i.interview_date, i.validated_at
                 FROM interview i JOIN activity a ON a.id = i.activity_id ORDER BY a.name COLLATE NOCASE",
            )?
            .query_map([], |r| {
                let status: String = r.get(2)?;
                let date: Option<NaiveDate> = r.get(3)?;
                Ok(InterviewFacts {
                    activity_id: r.get(0)?,
                    activity: r.get(1)?,
                    status: InterviewStatus::parse(&status).unwrap_or(InterviewStatus::Draft),
                    interview_date: date,
                    validated_at: r.get(4)?,
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
        let need_changes = self
            .conn
            .prepare(
                "SELECT entity, entity_id, field, old_value, new_value, at FROM audit_log
                 WHERE (entity = 'interview' AND (field IN (?1, ?2, ?3, 'status')
                        OR field LIKE ?4 OR field LIKE ?5))
                    OR (entity = 'resource' AND (field = ?1 OR field LIKE ?4))
                 ORDER BY id",
            )?
            .query_map(
                params![
                    need_fields::NEEDS_RESOURCE,
                    need_fields::NEEDS_ACTIVITY,
                    need_fields::NEEDED_BY_ACTIVITY,
                    need_fields::group_like(),
                    need_fields::amount_like(),
                ],
                |r| {
                    Ok(NeedChange {
                        entity: r.get(0)?,
                        entity_id: r.get(1)?,
                        field: r.get::<_, Option<String>>(2)?.unwrap_or_default(),
                        old: r.get(3)?,
                        new: r.get(4)?,
                        at: r.get(5)?,
                    })
                },
            )?
            .collect::<rusqlite::Result<_>>()?;
        let activity_resources = pairs(
            &self.conn,
            "SELECT activity_id, resource_id FROM activity_resource ORDER BY 1, 2",
        )?;
        let exercises = self
            .conn
            .prepare(
                "SELECT x.plan_id, e.id, e.title,
                    coalesce((SELECT min(l.at) FROM event_log l WHERE l.event_id = e.id), e.opened_at)
                 FROM exercise_plan x JOIN event e ON e.id = x.event_id
                 WHERE e.state = 'stood_down' ORDER BY x.plan_id, e.id",
            )?
            .query_map([], |r| {
                let started: DateTime<Utc> = r.get(3)?;
                Ok(ExerciseRun {
                    plan_id: r.get(0)?,
                    event_id: r.get(1)?,
                    title: r.get(2)?,
                    started: started.date_naive(),
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
        Ok(ReviewInputs {
            bia_review_months: settings.bia_review_months,
            validity_months: settings.demonstration_validity_months,
            exercise_interval_months: settings.exercise_interval_months,
            plans,
            plan_people,
            people: self.people()?,
            findings: self.findings(None)?,
            interviews,
            need_changes,
            activity_resources,
            parts: self.graph_parts_and_bia()?.0,
            capabilities: self.recorded_capabilities()?,
            demonstrations: self.demonstrations()?,
            actions: self.actions(None)?,
            exercises,
            exercise_titles: self
                .conn
                .prepare("SELECT id, title FROM event WHERE kind <> 'incident'")?
                .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
                .collect::<rusqlite::Result<_>>()?,
        })
    }

    /// Sets how often BIA interviews are reviewed, how long a demonstration counts and
    /// how often each plan is exercised (1 to 60 months each); each change is audited.
    pub fn set_review_settings(&mut self, new: &ReviewSettings) -> Result<ReviewSettings> {
        let mut errors = FieldErrors::new();
        for (field, value) in [
            ("bia_review_months", new.bia_review_months),
            (
                "demonstration_validity_months",
                new.demonstration_validity_months,
            ),
            ("exercise_interval_months", new.exercise_interval_months),
        ] {
            if !(1..=60).contains(&value) {
                errors.add(field, "Give a number of months from 1 to 60.");
            }
        }
        errors.into_result().map_err(Error::Invalid)?;
        let old = self.review_settings()?;
        self.write(|changes| {
            changes.tx.execute(
                "UPDATE review_settings SET bia_review_months = ?1, demonstration_validity_months = ?2,
                    exercise_interval_months = ?3 WHERE id = 1",
                params![
                    new.bia_review_months,
                    new.demonstration_validity_months,
                    new.exercise_interval_months
                ],
            )?;
            for (field, before, after) in [
                (
                    "BIA review interval (months)",
                    old.bia_review_months,
                    new.bia_review_months,
                ),
                (
                    "demonstration validity (months)",
                    old.demonstration_validity_months,
                    new.demonstration_validity_months,
                ),
                (
                    "exercise interval (months)",
                    old.exercise_interval_months,
                    new.exercise_interval_months,
                ),
            ] {
                if before != after {
                    changes.record(
                        AuditAction::Update,
                        SUBJECT,
                        Some(field),
                        Some(&before.to_string()),
                        Some(&after.to_string()),
                    )?;
                }
            }
            Ok(())
        })?;
        self.review_settings()
    }
}
