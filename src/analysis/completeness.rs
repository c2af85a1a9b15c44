//! How complete the BIA is: which activities still need an interview or its completion,
//! and which elements of ISO 22301:2019 clause 8.2.2 (a)-(h) the data covers.

use crate::domain::{
    Activity, BiaCompleteness, BiaResult, BiaSettings, InterviewStatus, IsoElement,
};

fn element(item: &str, requirement: &str, covered: bool, detail: String) -> IsoElement {
    IsoElement {
        item: item.into(),
        requirement: requirement.into(),
        covered,
        detail,
    }
}

/// `n of m activities …` for a detail line.
fn count(results: &[BiaResult], what: &str, has: impl Fn(&BiaResult) -> bool) -> (bool, String) {
    let n = results.iter().filter(|r| has(r)).count();
    (
        !results.is_empty() && n == results.len(),
        format!("{n} of {} activities {what}.", results.len()),
    )
}

pub fn completeness(
    settings: &BiaSettings,
    activities: &[Activity],
    results: &[BiaResult],
) -> BiaCompleteness {
    let described = settings
        .categories
        .iter()
        .all(|c| c.levels.iter().all(|l| !l.trim().is_empty()));
    let with_products = activities
        .iter()
        .filter(|a| !a.products_services.is_empty())
        .count();
    let (rated, rated_detail) = count(results, "have impact rated over time", |r| {
        r.peak_by_bucket.iter().any(Option::is_some)
    });
    let (mtpd, mtpd_detail) = count(results, "have an MTPD", |r| r.mtpd.is_some());
    let (rto, rto_detail) = count(results, "have an RTO and a minimum service level", |r| {
        r.rto.is_some() && (r.mbco_percent.is_some() || !r.mbco_statement.trim().is_empty())
    });
    let (tier, tier_detail) = count(results, "have a tier", |r| r.tier.is_some());
    let (resources, resources_detail) =
        count(results, "have the resources they need recorded", |r| {
            r.resources > 0
        });
    let (dependencies, dependencies_detail) = count(
        results,
        "have their dependencies recorded (activities they need, or suppliers)",
        |r| r.dependencies > 0,
    );
    BiaCompleteness {
        not_started: results
            .iter()
            .filter(|r| r.status.is_none())
            .map(|r| r.activity.clone())
            .collect(),
        incomplete: results
            .iter()
            .filter(|r| r.status == Some(InterviewStatus::Draft))
            .map(|r| r.activity.clone())
            .collect(),
        iso: vec![
            element(
                "a",
                "Impact types and the criteria to rate them are defined.",
                described && !settings.categories.is_empty(),
                format!(
                    "{} impact categories, each with a 0-5 scale; unacceptable from {}.",
                    settings.categories.len(),
                    settings.unacceptable_rating
                ),
            ),
            element(
                "b",
                "The activities that deliver products and services are identified.",
                !activities.is_empty() && with_products == activities.len(),
                format!(
                    "{} activities, {with_products} with their products or services named.",
                    activities.len()
                ),
            ),
            element(
                "c",
                "Impacts of not performing them are assessed over time.",
                rated,
                rated_detail,
            ),
            element(
                "d",
                "The time frame after which not resuming is unacceptable (MTPD) is set.",
                mtpd,
                mtpd_detail,
            ),
            element(
                "e",
                "Prioritised time frames to resume at a specified minimum capacity (RTO, MBCO) are set.",
                rto,
                rto_detail,
            ),
            element(
                "f",
                "The prioritised activities are determined.",
                tier,
                tier_detail,
            ),
            element(
                "g",
                "The resources each prioritised activity needs are determined.",
                resources,
                resources_detail,
            ),
            element(
                "h",
                "Dependencies, including partners and suppliers, are determined.",
                dependencies,
                dependencies_detail,
            ),
        ],
    }
}
