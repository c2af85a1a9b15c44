//! The demo's response structure and plans: people and an incident team, an approved
//! continuity plan for the Halifax warehouse (two approvers), a draft IT contingency
//! plan for the warehouse management system with open standards-check gaps, and a
//! peak-season plan reviewed monthly whose review is now overdue.

use super::resource_id;
use crate::domain::ApproverRow;
use crate::domain::PlanTemplate;
use crate::domain::{
    CallInput, CriterionInput, InvokerInput, NewPlanInput, NodeRef, PersonInput, PlanEdit,
    PlanScope, TeamInput, TeamMember,
};
use crate::{EngagementStore, Result};

/// name, role, phone, e-mail, location, last verified.
const PEOPLE: &[(&str, &str, &str, &str, &str, &str)] = &[
    (
        "Morgan Hale",
        "Operations Director",
        "+44 1632 960101",
        "morgan.hale@caldervalleyfreight.example",
        "Halifax head office",
        "2026-09-15",
    ),
    (
        "Priya Shah",
        "Head of Risk and Compliance",
        "+44 1632 960102",
        "priya.shah@caldervalleyfreight.example",
        "Halifax head office",
        "2026-09-15",
    ),
    (
        "Tom Whitaker",
        "Warehouse Manager, Halifax",
        "+44 1632 960214",
        "tom.whitaker@caldervalleyfreight.example",
        "Halifax warehouse",
        "2026-10-02",
    ),
    (
        "Gemma Lowe",
        "Deputy Warehouse Manager",
        "+44 1632 960215",
        "gemma.lowe@caldervalleyfreight.example",
        "Halifax warehouse",
        "2026-10-02",
    ),
    (
        "Arjun Mehta",
        "IT Operations Lead",
        "+44 1632 960330",
        "arjun.mehta@caldervalleyfreight.example",
        "Halifax head office",
        "2026-08-20",
    ),
    (
        "Sian Roberts",
        "Communications Manager",
        "+44 1632 960140",
        "sian.roberts@caldervalleyfreight.example",
        "Halifax head office",
        "2025-06-30",
    ),
];

const WAREHOUSE_SECTIONS: &[(&str, &str)] = &[
    (
        "purpose",
        "This plan restores **picking, packing, cold-chain storage and dispatch** after the loss of the Halifax warehouse, its systems or its people.\n\nObjectives:\n\n- orders picked and dispatched again within **4 hours**;\n- cold-chain stock kept within temperature, with logs, throughout;\n- customers told of any delay before their delivery window opens.",
    ),
    (
        "assumptions",
        "- The Brighouse depot is usable and can take 40% of Halifax volume within a day.\n- At least half the warehouse staff can reach Brighouse.\n- The WMS is recovered by IT under its own contingency plan.",
    ),
    (
        "roles",
        "The **Warehouse Manager** leads the response on site and may spend up to £25,000 without further approval. The **Operations Director** decides on relocation to Brighouse and speaks for the company. Each lead has a named alternate in the incident management team.",
    ),
    (
        "activation",
        "Invoke the plan when any of these is expected to last longer than **2 hours**:\n\n1. the warehouse cannot be entered or used;\n2. the WMS or scanners are unavailable;\n3. fewer than half the shift can work.\n\nThe Warehouse Manager (or deputy) invokes it, logs the time and reason, and starts the call tree.",
    ),
    (
        "communication",
        "| Audience | Who tells them | When |\n|---|---|---|\n| Staff on shift | Warehouse Manager | at once |\n| Key clients | Customer service | within 1 hour |\n| Media | Communications Manager | only if asked |\n\nEvery decision and action goes in the incident log, with its time.",
    ),
    (
        "recovery",
        "Follow the steps below in order; each owner reports completion to the Warehouse Manager. If a step overruns by more than half its time, escalate to the Operations Director.",
    ),
    (
        "interdependencies",
        "The warehouse relies on the head office data centre (WMS, EDI) and on agency drivers at peak. Both appear in the findings below.",
    ),
    (
        "reporting",
        "The Warehouse Manager reports status to the Operations Director every two hours until stand-down, and writes the incident report within five working days.",
    ),
    (
        "stand_down",
        "The Operations Director stands the response down once dispatch has run at normal volume for one full shift. Lessons are reviewed within two weeks and actions recorded.",
    ),
];

fn person_id(store: &EngagementStore, name: &str) -> Result<i64> {
    store
        .people()?
        .into_iter()
        .find(|p| p.name == name)
        .map(|p| p.id)
        .ok_or_else(|| crate::Error::Conflict(format!("the demo has no person named {name}")))
}

/// Writes the people, the team and the two plans; returns the warehouse plan's id.
pub(super) fn write_plans(store: &mut EngagementStore) -> Result<i64> {
    for (name, role, phone, email, location, verified) in PEOPLE {
        store.add_person(&PersonInput {
            name: (*name).into(),
            role: (*role).into(),
            phone: (*phone).into(),
            email: (*email).into(),
            location: (*location).into(),
            last_verified: (*verified).into(),
            ..Default::default()
        })?;
    }
    let id = |store: &EngagementStore, name: &str| person_id(store, name);
    let (morgan, tom, gemma, arjun, sian) = (
        id(store, "Morgan Hale")?,
        id(store, "Tom Whitaker")?,
        id(store, "Gemma Lowe")?,
        id(store, "Arjun Mehta")?,
        id(store, "Sian Roberts")?,
    );
    store.add_team(&TeamInput {
        name: "Incident management team".into(),
        description: "Leads the response to any disruption at the Halifax sites.".into(),
        members: vec![
            TeamMember {
                person_id: tom,
                role: "Incident lead".into(),
                alternate_of: None,
            },
            TeamMember {
                person_id: gemma,
                role: "Incident lead (alternate)".into(),
                alternate_of: Some(tom),
            },
            TeamMember {
                person_id: arjun,
                role: "IT recovery".into(),
                alternate_of: None,
            },
            TeamMember {
                person_id: sian,
                role: "Communications".into(),
                alternate_of: None,
            },
        ],
    })?;

    // The approved continuity plan for the Halifax warehouse.
    let warehouse = store
        .create_plan(&NewPlanInput {
            title: "Halifax warehouse continuity plan".into(),
            template: PlanTemplate::Iso22301,
            owner: "Tom Whitaker".into(),
            review_months: Some(12),
        })?
        .id;
    let site = resource_id(store, "Halifax warehouse")?;
    let mut edits = vec![PlanEdit::Scope {
        scope: PlanScope::Site,
        items: vec![NodeRef::Resource(site).key()],
    }];
    edits.extend(
        WAREHOUSE_SECTIONS
            .iter()
            .map(|(key, body)| PlanEdit::Section {
                key: (*key).into(),
                body: (*body).into(),
            }),
    );
    edits.push(PlanEdit::CallTree {
        calls: vec![
            CallInput {
                caller_id: None,
                callee_id: tom,
                fallback_id: Some(gemma),
            },
            CallInput {
                caller_id: Some(tom),
                callee_id: morgan,
                fallback_id: None,
            },
            CallInput {
                caller_id: Some(tom),
                callee_id: arjun,
                fallback_id: None,
            },
            CallInput {
                caller_id: Some(morgan),
                callee_id: sian,
                fallback_id: None,
            },
        ],
    });
    edits.push(PlanEdit::Approvers {
        approvers: vec![
            ApproverRow {
                name: "Morgan Hale".into(),
                role: "Operations Director".into(),
            },
            ApproverRow {
                name: "Priya Shah".into(),
                role: "Head of Risk and Compliance".into(),
            },
        ],
    });
    for edit in &edits {
        store.edit_plan(warehouse, edit)?;
    }
    let steps = store.propose_plan_steps(warehouse)?;
    store.edit_plan(warehouse, &PlanEdit::Steps { steps })?;
    store.submit_plan(warehouse)?;
    store.approve_plan(warehouse, "Morgan Hale", "", "Approved for the 2026 cycle.")?;
    store.approve_plan(warehouse, "Priya Shah", "", "")?;

    // A draft IT contingency plan with most of its sections still to write.
    let wms = store
        .create_plan(&NewPlanInput {
            title: "Warehouse management system contingency plan".into(),
            template: PlanTemplate::Nist80034,
            owner: "Arjun Mehta".into(),
            review_months: Some(12),
        })?
        .id;
    let wms_resource = resource_id(store, "Warehouse management system")?;
    for edit in [
        PlanEdit::Scope {
            scope: PlanScope::Items,
            items: vec![NodeRef::Resource(wms_resource).key()],
        },
        PlanEdit::Section {
            key: "introduction".into(),
            body: "The warehouse management system (WMS) runs picking, stock and dispatch at every depot. This plan covers its recovery in the head office data centre or, failing that, from backup.".into(),
        },
        PlanEdit::Approvers {
            approvers: vec![ApproverRow { name: "Arjun Mehta".into(), role: "IT Operations Lead".into() }],
        },
    ] {
        store.edit_plan(wms, &edit)?;
    }
    write_peak_plan(store, resource_id(store, "Agency drivers")?)?;
    Ok(warehouse)
}

/// A short plan for the delivery peak, approved with the warehouse plan and reviewed
/// every month while the peak lasts: by today its review is overdue, and it has never
/// been exercised, so the review lists both.
fn write_peak_plan(store: &mut EngagementStore, agency_drivers: i64) -> Result<()> {
    let peak = store
        .create_plan(&NewPlanInput {
            title: "Peak-season driver cover plan".into(),
            template: PlanTemplate::Iso22301,
            owner: "Morgan Hale".into(),
            review_months: Some(1),
        })?
        .id;
    for edit in [
        PlanEdit::Scope {
            scope: PlanScope::Items,
            items: vec![NodeRef::Resource(agency_drivers).key()],
        },
        PlanEdit::Section {
            key: "purpose".into(),
            body: "From October to January deliveries double, and last-mile delivery leans on agency drivers. This plan keeps deliveries running when the agency cannot supply them. It is reviewed every month while the peak lasts, as driver numbers change week by week.".into(),
        },
        PlanEdit::Section {
            key: "activation".into(),
            body: "Invoke it when the agency confirms fewer than **three quarters** of the drivers booked for the next day. The Operations Director decides which rounds move to the second agency and which customers are told of a later window.".into(),
        },
        PlanEdit::Approvers {
            approvers: vec![ApproverRow {
                name: "Morgan Hale".into(),
                role: "Operations Director".into(),
            }],
        },
    ] {
        store.edit_plan(peak, &edit)?;
    }
    let steps = store.propose_plan_steps(peak)?;
    store.edit_plan(peak, &PlanEdit::Steps { steps })?;
    store.submit_plan(peak)?;
    store.approve_plan(peak, "Morgan Hale", "", "Approved for this year's peak.")?;
    Ok(())
}

/// The warehouse plan's second version: when to invoke it and who may, as structured
/// data, approved by both approvers.
pub(super) fn revise_warehouse_plan(store: &mut EngagementStore, warehouse: i64) -> Result<()> {
    let (tom, gemma, morgan) = (
        person_id(store, "Tom Whitaker")?,
        person_id(store, "Gemma Lowe")?,
        person_id(store, "Morgan Hale")?,
    );
    let criterion = |text: &str| CriterionInput {
        text: text.into(),
        threshold: "2h".into(),
    };
    store.edit_plan(
        warehouse,
        &PlanEdit::Invocation {
            criteria: vec![
                criterion("The warehouse cannot be entered or used"),
                criterion("The WMS or the handheld scanners are unavailable"),
                criterion("Fewer than half the shift can work"),
            ],
            invokers: vec![
                InvokerInput {
                    person_id: Some(tom),
                    role: "Warehouse Manager".into(),
                    alternate_id: Some(gemma),
                },
                InvokerInput {
                    person_id: Some(morgan),
                    role: "Operations Director".into(),
                    alternate_id: None,
                },
            ],
        },
    )?;
    store.submit_plan(warehouse)?;
    store.approve_plan(
        warehouse,
        "Morgan Hale",
        "",
        "Invocation criteria and authority made explicit.",
    )?;
    store.approve_plan(warehouse, "Priya Shah", "", "")?;
    Ok(())
}
