//! Printing results as readable text or as JSON (`--json`).

use serde::Serialize;

use keel::domain::{
    Activity, AuditEntry, BiaResult, Duration, EngagementInfo, IntegrityStatus, OrgUnit,
    PlanSummary,
};

pub struct Output {
    json: bool,
}

impl Output {
    pub fn new(json: bool) -> Self {
        Self { json }
    }

    pub fn is_json(&self) -> bool {
        self.json
    }

    pub fn json<T: Serialize + ?Sized>(value: &T) -> keel::Result<()> {
        say!("{}", serde_json::to_string_pretty(value)?);
        Ok(())
    }

    pub fn plans(&self, plans: &[PlanSummary]) -> keel::Result<()> {
        if self.json {
            return Self::json(plans);
        }
        if plans.is_empty() {
            say!("No plans yet.");
        }
        for p in plans {
            say!(
                "{:>3}  {:<40}  {:<9}  v{:<3} {:<10}  {}",
                p.id,
                p.title,
                p.template.as_str(),
                p.version,
                p.state.as_str(),
                match (&p.approved_version, &p.sha256) {
                    (Some(v), Some(sha)) => format!(
                        "v{v} approved {} sha256 {}",
                        p.approved_at
                            .map(|t| t.to_rfc3339_opts(chrono::SecondsFormat::Secs, true))
                            .unwrap_or_default(),
                        sha.get(..12).unwrap_or(sha)
                    ),
                    _ => "never approved".to_owned(),
                }
            );
        }
        Ok(())
    }

    pub fn info(&self, info: &EngagementInfo) -> keel::Result<()> {
        if self.json {
            return Self::json(info);
        }
        say!("Engagement:     {}", info.organisation);
        say!("File:           {}", info.path);
        say!("Schema version: {}", info.schema_version);
        match info.integrity {
            IntegrityStatus::Ok => say!("Integrity:      ok"),
            IntegrityStatus::Damaged => {
                say!("Integrity:      DAMAGED");
                for line in &info.integrity_detail {
                    say!("  {line}");
                }
            }
        }
        say!("Units:          {}", info.units);
        say!("Activities:     {}", info.activities);
        say!("Audit entries:  {}", info.audit_entries);
        Ok(())
    }

    pub fn added_activity(&self, activity: &Activity) -> keel::Result<()> {
        if self.json {
            return Self::json(activity);
        }
        say!("Added activity {} (id {}).", activity.name, activity.id);
        Ok(())
    }

    pub fn activities(&self, activities: &[Activity]) -> keel::Result<()> {
        if self.json {
            return Self::json(activities);
        }
        let rows: Vec<[String; 4]> = activities
            .iter()
            .map(|a| {
                [
                    a.id.to_string(),
                    a.name.clone(),
                    a.unit_name.clone().unwrap_or_else(|| "—".into()),
                    a.owner.clone(),
                ]
            })
            .collect();
        table(["ID", "ACTIVITY", "UNIT", "OWNER"], &rows);
        say!(
            "{} {}",
            activities.len(),
            plural(activities.len(), "activity", "activities")
        );
        Ok(())
    }

    pub fn units(&self, units: &[OrgUnit]) -> keel::Result<()> {
        if self.json {
            return Self::json(units);
        }
        let rows: Vec<[String; 3]> = units
            .iter()
            .map(|u| {
                [
                    u.id.to_string(),
                    u.name.clone(),
                    u.activity_count.to_string(),
                ]
            })
            .collect();
        table(["ID", "UNIT", "ACTIVITIES"], &rows);
        say!("{} {}", units.len(), plural(units.len(), "unit", "units"));
        Ok(())
    }

    pub fn bia_results(&self, results: &[BiaResult]) -> keel::Result<()> {
        if self.json {
            return Self::json(results);
        }
        let time = |d: Option<Duration>| d.map_or_else(|| "—".to_owned(), |d| d.to_string());
        let rows: Vec<[String; 8]> = results
            .iter()
            .map(|r| {
                [
                    r.activity.clone(),
                    r.unit.clone().unwrap_or_else(|| "—".into()),
                    r.status.map_or("not started", |s| s.as_str()).to_owned(),
                    format!(
                        "{}{}",
                        time(r.mtpd),
                        if r.mtpd_overridden { " (set)" } else { "" }
                    ),
                    time(r.rto),
                    time(r.rpo),
                    r.mbco_percent
                        .map_or_else(|| "—".to_owned(), |p| format!("{p}%")),
                    r.tier.map_or_else(|| "—".to_owned(), |t| t.to_string()),
                ]
            })
            .collect();
        table(
            [
                "ACTIVITY", "UNIT", "STATUS", "MTPD", "RTO", "RPO", "MBCO", "TIER",
            ],
            &rows,
        );
        Ok(())
    }

    pub fn audit(&self, entries: &[AuditEntry]) -> keel::Result<()> {
        if self.json {
            return Self::json(entries);
        }
        for e in entries {
            let change = match (&e.old_value, &e.new_value) {
                (Some(old), Some(new)) => format!("{old:?} → {new:?}"),
                (None, Some(new)) => format!("{new:?}"),
                (Some(old), None) => format!("was {old:?}"),
                (None, None) => String::new(),
            };
            say!(
                "{}  {:<16} {:<6} {} {:?} {} {}",
                e.at.format("%Y-%m-%d %H:%M:%S"),
                e.actor,
                e.action.as_str(),
                e.entity,
                e.entity_label,
                e.field.as_deref().unwrap_or(""),
                change
            );
        }
        Ok(())
    }
}

fn plural<'a>(n: usize, one: &'a str, many: &'a str) -> &'a str {
    if n == 1 { one } else { many }
}

/// A plain text table with columns as wide as their widest cell.
fn table<const N: usize>(headers: [&str; N], rows: &[[String; N]]) {
    let mut widths = headers.map(|h| h.chars().count());
    for row in rows {
        for (w, cell) in widths.iter_mut().zip(row) {
            *w = (*w).max(cell.chars().count());
        }
    }
    let line = |cells: Vec<&str>| {
        let padded: Vec<String> = cells
            .iter()
            .zip(widths)
            .map(|(c, w)| format!("{c:<w$}"))
            .collect();
        say!("{}", padded.join("  ").trim_end());
    };
    line(headers.to_vec());
    for row in rows {
        line(row.iter().map(String::as_str).collect());
    }
}
