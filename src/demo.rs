//! The demo engagement: a mid-sized regional freight and warehousing company, written
//! for Keel. Later capabilities (BIA, dependencies, plans) grow it.

use std::path::Path;

use crate::domain::{
    ActivityInput, ActivityQuery, Confidence, EngagementDetailsInput, InterviewConfidence,
    InterviewDuration, InterviewEdit, InterviewStatus, InterviewText, OrgUnitInput, ResourceKind,
};
use crate::{EngagementStore, Result};

pub const DEMO_ORGANISATION: &str = "Calder Valley Freight Ltd";

struct DemoUnit {
    name: &'static str,
    description: &'static str,
    activities: &'static [DemoActivity],
}

struct DemoActivity {
    name: &'static str,
    owner: &'static str,
    description: &'static str,
    products: &'static [&'static str],
    bia: Bia,
}

/// How far the demo's BIA interview of an activity got.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Stage {
    NotStarted,
    /// Started, but the RTO was never agreed.
    Draft,
    Complete,
    Validated,
}

/// The shape of an activity's impact: how fast it grows (1 = within hours, 4 = over
/// weeks), the category that hurts most (by position in the default settings), the
/// RPO and the minimum service level in percent.
struct Bia {
    urgency: usize,
    main: usize,
    rpo: &'static str,
    mbco: u8,
    stage: Stage,
}

const FINANCIAL: usize = 0;
const OPERATIONAL: usize = 1;
const CUSTOMER: usize = 2;
const LEGAL: usize = 3;
const REPUTATIONAL: usize = 4;
const HEALTH_SAFETY: usize = 5;

const UNITS: &[DemoUnit] = &[
    DemoUnit {
        name: "Warehouse Operations",
        description: "Two bonded warehouses (Halifax and Brighouse), 140 staff on three shifts.",
        activities: &[
            DemoActivity {
                name: "Inbound goods receipt",
                owner: "Priya Raman",
                description: "Unloading trailers, checking deliveries against advance shipping notices, booking stock into the warehouse system.",
                products: &["Stock availability for clients", "Goods received notes"],
                bia: Bia {
                    urgency: 2,
                    main: OPERATIONAL,
                    rpo: "1h",
                    mbco: 50,
                    stage: Stage::Validated,
                },
            },
            DemoActivity {
                name: "Order picking and packing",
                owner: "Priya Raman",
                description: "Wave picking with handheld scanners, packing to client specification, labelling for carriers.",
                products: &["Same-day dispatch", "Next-day dispatch"],
                bia: Bia {
                    urgency: 1,
                    main: CUSTOMER,
                    rpo: "15m",
                    mbco: 60,
                    stage: Stage::Validated,
                },
            },
            DemoActivity {
                name: "Bonded storage control",
                owner: "Tom Whitaker",
                description: "Keeping duty-suspended goods under customs control, movement records and stock reconciliations for HMRC.",
                products: &["Bonded warehousing"],
                bia: Bia {
                    urgency: 2,
                    main: LEGAL,
                    rpo: "0m",
                    mbco: 100,
                    stage: Stage::Complete,
                },
            },
            DemoActivity {
                name: "Returns processing",
                owner: "Tom Whitaker",
                description: "Receiving, inspecting and restocking or disposing of returned goods for retail clients.",
                products: &["Returns handling", "Credit notes to clients"],
                bia: Bia {
                    urgency: 4,
                    main: FINANCIAL,
                    rpo: "1d",
                    mbco: 20,
                    stage: Stage::Complete,
                },
            },
            DemoActivity {
                name: "Cold-chain storage",
                owner: "Grace Oduya",
                description: "Temperature-controlled storage for food and pharmaceutical clients, with continuous logging.",
                products: &["Chilled storage", "Temperature records for audits"],
                bia: Bia {
                    urgency: 1,
                    main: HEALTH_SAFETY,
                    rpo: "15m",
                    mbco: 100,
                    stage: Stage::Validated,
                },
            },
        ],
    },
    DemoUnit {
        name: "Transport and Fleet",
        description: "62 tractor units, 110 trailers, subcontracted hauliers for peaks.",
        activities: &[
            DemoActivity {
                name: "Route planning and scheduling",
                owner: "Martin Hale",
                description: "Daily route optimisation, driver allocation and delivery slot booking with consignees.",
                products: &["Delivery schedules"],
                bia: Bia {
                    urgency: 1,
                    main: OPERATIONAL,
                    rpo: "1h",
                    mbco: 50,
                    stage: Stage::Validated,
                },
            },
            DemoActivity {
                name: "Trunking between depots",
                owner: "Martin Hale",
                description: "Night trunking of consolidated loads between Halifax, Birmingham and Bristol depots.",
                products: &["Overnight trunking"],
                bia: Bia {
                    urgency: 2,
                    main: CUSTOMER,
                    rpo: "4h",
                    mbco: 70,
                    stage: Stage::Complete,
                },
            },
            DemoActivity {
                name: "Last-mile delivery",
                owner: "Sofia Marchetti",
                description: "Delivery to shops and businesses with proof of delivery captured on driver handhelds.",
                products: &["Store deliveries", "Proof of delivery"],
                bia: Bia {
                    urgency: 1,
                    main: CUSTOMER,
                    rpo: "1h",
                    mbco: 60,
                    stage: Stage::Validated,
                },
            },
            DemoActivity {
                name: "Fleet maintenance",
                owner: "Declan Byrne",
                description: "Safety inspections, servicing and repair of tractors and trailers in the Halifax workshop.",
                products: &["Roadworthy fleet", "Operator licence compliance"],
                bia: Bia {
                    urgency: 3,
                    main: LEGAL,
                    rpo: "1d",
                    mbco: 40,
                    stage: Stage::Draft,
                },
            },
            DemoActivity {
                name: "Driver hours compliance",
                owner: "Declan Byrne",
                description: "Tachograph downloads, working-time analysis and infringement follow-up.",
                products: &["Tachograph records"],
                bia: Bia {
                    urgency: 3,
                    main: LEGAL,
                    rpo: "1d",
                    mbco: 100,
                    stage: Stage::Complete,
                },
            },
        ],
    },
    DemoUnit {
        name: "Customer Service",
        description: "Contact centre in Halifax serving 230 business clients.",
        activities: &[
            DemoActivity {
                name: "Order intake",
                owner: "Hannah Lindqvist",
                description: "Receiving orders by EDI, client portal and e-mail; checking and releasing them to the warehouse.",
                products: &["Order confirmations"],
                bia: Bia {
                    urgency: 1,
                    main: CUSTOMER,
                    rpo: "15m",
                    mbco: 70,
                    stage: Stage::Validated,
                },
            },
            DemoActivity {
                name: "Delivery enquiries",
                owner: "Hannah Lindqvist",
                description: "Answering where-is-my-delivery calls and e-mails, arranging redeliveries.",
                products: &["Tracking answers", "Redelivery bookings"],
                bia: Bia {
                    urgency: 2,
                    main: REPUTATIONAL,
                    rpo: "4h",
                    mbco: 50,
                    stage: Stage::Complete,
                },
            },
            DemoActivity {
                name: "Claims handling",
                owner: "Omar Farouk",
                description: "Investigating damage and shortage claims, agreeing settlements with clients and insurers.",
                products: &["Claim settlements"],
                bia: Bia {
                    urgency: 4,
                    main: FINANCIAL,
                    rpo: "1d",
                    mbco: 30,
                    stage: Stage::NotStarted,
                },
            },
            DemoActivity {
                name: "Key account management",
                owner: "Omar Farouk",
                description: "Service reviews and escalations with the twenty largest clients.",
                products: &["Service reports", "Contract renewals"],
                bia: Bia {
                    urgency: 3,
                    main: REPUTATIONAL,
                    rpo: "1d",
                    mbco: 30,
                    stage: Stage::Draft,
                },
            },
            DemoActivity {
                name: "Client onboarding",
                owner: "Hannah Lindqvist",
                description: "Setting up new clients: EDI links, product master data, labelling rules.",
                products: &["New client go-live"],
                bia: Bia {
                    urgency: 4,
                    main: FINANCIAL,
                    rpo: "1d",
                    mbco: 0,
                    stage: Stage::NotStarted,
                },
            },
        ],
    },
    DemoUnit {
        name: "Finance and Payroll",
        description: "Finance team of 14 at head office.",
        activities: &[
            DemoActivity {
                name: "Customer invoicing",
                owner: "Ruth Adeyemi",
                description: "Weekly invoicing of storage, handling and transport charges from the billing engine.",
                products: &["Client invoices"],
                bia: Bia {
                    urgency: 3,
                    main: FINANCIAL,
                    rpo: "1d",
                    mbco: 50,
                    stage: Stage::Complete,
                },
            },
            DemoActivity {
                name: "Supplier payments",
                owner: "Ruth Adeyemi",
                description: "Paying subcontracted hauliers, fuel cards and suppliers in the weekly payment run.",
                products: &["Payment runs"],
                bia: Bia {
                    urgency: 3,
                    main: REPUTATIONAL,
                    rpo: "1d",
                    mbco: 50,
                    stage: Stage::Complete,
                },
            },
            DemoActivity {
                name: "Payroll",
                owner: "Kevin Thornton",
                description: "Weekly payroll for drivers and warehouse staff, monthly for salaried staff, including overtime and night premiums.",
                products: &["Weekly payroll", "Monthly payroll", "Payslips"],
                bia: Bia {
                    urgency: 3,
                    main: REPUTATIONAL,
                    rpo: "1d",
                    mbco: 100,
                    stage: Stage::Validated,
                },
            },
            DemoActivity {
                name: "Cash management",
                owner: "Kevin Thornton",
                description: "Daily cash position, bank reconciliation and the invoice-finance facility.",
                products: &["Daily cash report"],
                bia: Bia {
                    urgency: 2,
                    main: FINANCIAL,
                    rpo: "4h",
                    mbco: 50,
                    stage: Stage::Complete,
                },
            },
            DemoActivity {
                name: "Duty and VAT returns",
                owner: "Ruth Adeyemi",
                description: "Monthly excise duty returns for the bonded warehouse and quarterly VAT returns.",
                products: &["Duty returns", "VAT returns"],
                bia: Bia {
                    urgency: 4,
                    main: LEGAL,
                    rpo: "1d",
                    mbco: 100,
                    stage: Stage::Complete,
                },
            },
        ],
    },
    DemoUnit {
        name: "IT and Facilities",
        description: "In-house IT team of 9; facilities for three depots and head office.",
        activities: &[
            DemoActivity {
                name: "Warehouse management system operations",
                owner: "Lena Kowalski",
                description: "Running the warehouse management system, its interfaces to clients and the handheld scanners.",
                products: &["WMS availability"],
                bia: Bia {
                    urgency: 1,
                    main: OPERATIONAL,
                    rpo: "15m",
                    mbco: 80,
                    stage: Stage::Validated,
                },
            },
            DemoActivity {
                name: "EDI and client integrations",
                owner: "Lena Kowalski",
                description: "Operating the EDI gateway and API links that carry orders, stock levels and delivery status.",
                products: &["Order and status messages"],
                bia: Bia {
                    urgency: 1,
                    main: CUSTOMER,
                    rpo: "15m",
                    mbco: 80,
                    stage: Stage::Complete,
                },
            },
            DemoActivity {
                name: "Service desk",
                owner: "Arjun Mehta",
                description: "First-line IT support for all sites, 6:00 to 22:00, with on-call cover at night.",
                products: &["IT support"],
                bia: Bia {
                    urgency: 2,
                    main: OPERATIONAL,
                    rpo: "4h",
                    mbco: 50,
                    stage: Stage::Draft,
                },
            },
            DemoActivity {
                name: "Site security and access",
                owner: "Beatrice Nwosu",
                description: "Gatehouse, CCTV and access control at the depots; key holding out of hours.",
                products: &["Secure sites"],
                bia: Bia {
                    urgency: 2,
                    main: HEALTH_SAFETY,
                    rpo: "1h",
                    mbco: 100,
                    stage: Stage::Complete,
                },
            },
            DemoActivity {
                name: "Backup and recovery",
                owner: "Arjun Mehta",
                description: "Nightly backups of servers and the WMS database, off-site copies, restore tests.",
                products: &["Restorable data"],
                bia: Bia {
                    urgency: 2,
                    main: OPERATIONAL,
                    rpo: "1d",
                    mbco: 100,
                    stage: Stage::Complete,
                },
            },
        ],
    },
];

/// Writes the demo engagement to a new file at `path`.
pub fn write_demo(path: &Path, actor: &str) -> Result<EngagementStore> {
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
    let mut store = EngagementStore::create(path, &details, actor)?;
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
    Ok(store)
}

/// Which activities need which (activity, needs), all written in their interviews.
const NEEDS: &[(&str, &str)] = &[
    (
        "Order picking and packing",
        "Warehouse management system operations",
    ),
    (
        "Inbound goods receipt",
        "Warehouse management system operations",
    ),
    ("Order intake", "EDI and client integrations"),
    ("Last-mile delivery", "Route planning and scheduling"),
    ("Last-mile delivery", "Order picking and packing"),
    ("Trunking between depots", "Fleet maintenance"),
    ("Customer invoicing", "Last-mile delivery"),
    ("Delivery enquiries", "Last-mile delivery"),
    (
        "Warehouse management system operations",
        "Backup and recovery",
    ),
];

/// Resources of some activities: (activity, resource, kind, headcount or units over the
/// first buckets, where it matters).
const RESOURCES: &[(&str, &str, ResourceKind, &[f64])] = &[
    (
        "Order picking and packing",
        "Pickers and packers",
        ResourceKind::People,
        &[40.0, 40.0, 30.0, 30.0],
    ),
    (
        "Order picking and packing",
        "Handheld scanners",
        ResourceKind::Equipment,
        &[35.0, 35.0, 25.0],
    ),
    (
        "Order picking and packing",
        "Halifax warehouse",
        ResourceKind::Site,
        &[],
    ),
    (
        "Warehouse management system operations",
        "Warehouse management system",
        ResourceKind::Application,
        &[],
    ),
    (
        "Warehouse management system operations",
        "Head office data centre",
        ResourceKind::Infrastructure,
        &[],
    ),
    (
        "EDI and client integrations",
        "EDI gateway service",
        ResourceKind::Supplier,
        &[],
    ),
    (
        "Last-mile delivery",
        "Drivers",
        ResourceKind::People,
        &[25.0, 25.0, 20.0],
    ),
    (
        "Last-mile delivery",
        "Fuel card provider",
        ResourceKind::Supplier,
        &[],
    ),
    (
        "Cold-chain storage",
        "Temperature logs",
        ResourceKind::Data,
        &[],
    ),
    ("Payroll", "Payroll bureau", ResourceKind::Supplier, &[]),
];

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
    Ok(())
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
