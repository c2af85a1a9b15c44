//! What Keel derives from an interview: the proposed MTPD, the MTPD in force, the tier,
//! the falls in the grid, and what is still missing before it can be complete.

use serde::Serialize;

use super::impact::{self, ImpactFall, MtpdProposal};
use crate::domain::{
    Activity, ActivityLink, BiaSettings, Duration, Interview, ResourceNeed, Unresolved,
};

/// An interview with everything Keel derives from it, as the screens show it.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct InterviewView {
    pub activity: Activity,
    pub interview: Interview,
    pub proposal: Option<MtpdProposal>,
    /// The override if there is one, otherwise the proposal.
    pub mtpd: Option<Duration>,
    pub tier: Option<u8>,
    pub falls: Vec<ImpactFall>,
    /// What still stops the interview from being complete, in words.
    pub missing: Vec<String>,
    /// Step 6: the resources the activity needs, with amounts over time.
    pub resources: Vec<ResourceNeed>,
    /// Step 7: the activities it needs, and the activities that need it.
    pub upstream: Vec<ActivityLink>,
    pub downstream: Vec<ActivityLink>,
}

/// The interview with the MTPD proposal, the tier, the falls and what is missing.
pub fn derive(settings: &BiaSettings, activity: Activity, interview: Interview) -> InterviewView {
    let proposal = impact::propose_mtpd(settings, &interview.ratings);
    let mtpd = interview
        .mtpd_override
        .or(proposal.as_ref().map(|p| p.mtpd));
    let tier = interview.rto.value.map(|rto| settings.tier_for(rto));
    let falls = impact::falls(settings, &interview.ratings);
    let mut missing = Vec::new();
    if interview.interviewees.is_empty() {
        missing.push("Who was interviewed (step 1).".to_owned());
    }
    let unrated: Vec<&str> = settings
        .categories
        .iter()
        .filter(|c| !interview.ratings.iter().any(|r| r.category_id == c.id))
        .map(|c| c.name.as_str())
        .collect();
    if !unrated.is_empty() {
        missing.push(format!(
            "Impact over time for {} (step 3).",
            unrated.join(", ")
        ));
    }
    if mtpd.is_none() {
        missing.push(format!(
            "An MTPD: no impact reaches the unacceptable rating ({}), and none was set by hand (step 4).",
            settings.unacceptable_rating
        ));
    }
    match interview.rto.value {
        None => missing.push("The RTO (step 5).".to_owned()),
        Some(rto) => {
            if let Err(problem) = impact::check_rto(rto, mtpd) {
                missing.push(format!("{problem} (step 5)"));
            }
        }
    }
    if interview.rpo.value.is_none() {
        missing.push("The RPO (step 5).".to_owned());
    }
    if interview.mbco.percent.is_none() && interview.mbco.statement.trim().is_empty() {
        missing.push("The minimum service level (step 5).".to_owned());
    }
    if falls.iter().any(|f| !f.explained) {
        missing.push("A rationale for every impact that falls over time (step 3).".to_owned());
    }
    missing.extend(interview.unresolved.iter().map(Unresolved::missing));
    InterviewView {
        activity,
        interview,
        proposal,
        mtpd,
        tier,
        falls,
        missing,
        resources: Vec::new(),
        upstream: Vec::new(),
        downstream: Vec::new(),
    }
}
