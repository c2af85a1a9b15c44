//! What Keel derives from an interview: the proposed MTPD, the MTPD in force, the tier,
//! the falls in the grid, and what is still missing before it can be complete.

use crate::analysis::impact;
use crate::domain::{Activity, BiaSettings, Interview, InterviewView};

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
