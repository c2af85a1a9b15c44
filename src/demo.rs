//! The demo engagement: a mid-sized regional freight and warehousing company, written
//! for Keel. Later capabilities (BIA, dependencies, plans) grow it.

use std::path::Path;

use crate::domain::{ActivityInput, EngagementDetailsInput, OrgUnitInput};
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
}

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
            },
            DemoActivity {
                name: "Order picking and packing",
                owner: "Priya Raman",
                description: "Wave picking with handheld scanners, packing to client specification, labelling for carriers.",
                products: &["Same-day dispatch", "Next-day dispatch"],
            },
            DemoActivity {
                name: "Bonded storage control",
                owner: "Tom Whitaker",
                description: "Keeping duty-suspended goods under customs control, movement records and stock reconciliations for HMRC.",
                products: &["Bonded warehousing"],
            },
            DemoActivity {
                name: "Returns processing",
                owner: "Tom Whitaker",
                description: "Receiving, inspecting and restocking or disposing of returned goods for retail clients.",
                products: &["Returns handling", "Credit notes to clients"],
            },
            DemoActivity {
                name: "Cold-chain storage",
                owner: "Grace Oduya",
                description: "Temperature-controlled storage for food and pharmaceutical clients, with continuous logging.",
                products: &["Chilled storage", "Temperature records for audits"],
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
            },
            DemoActivity {
                name: "Trunking between depots",
                owner: "Martin Hale",
                description: "Night trunking of consolidated loads between Halifax, Birmingham and Bristol depots.",
                products: &["Overnight trunking"],
            },
            DemoActivity {
                name: "Last-mile delivery",
                owner: "Sofia Marchetti",
                description: "Delivery to shops and businesses with proof of delivery captured on driver handhelds.",
                products: &["Store deliveries", "Proof of delivery"],
            },
            DemoActivity {
                name: "Fleet maintenance",
                owner: "Declan Byrne",
                description: "Safety inspections, servicing and repair of tractors and trailers in the Halifax workshop.",
                products: &["Roadworthy fleet", "Operator licence compliance"],
            },
            DemoActivity {
                name: "Driver hours compliance",
                owner: "Declan Byrne",
                description: "Tachograph downloads, working-time analysis and infringement follow-up.",
                products: &["Tachograph records"],
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
            },
            DemoActivity {
                name: "Delivery enquiries",
                owner: "Hannah Lindqvist",
                description: "Answering where-is-my-delivery calls and e-mails, arranging redeliveries.",
                products: &["Tracking answers", "Redelivery bookings"],
            },
            DemoActivity {
                name: "Claims handling",
                owner: "Omar Farouk",
                description: "Investigating damage and shortage claims, agreeing settlements with clients and insurers.",
                products: &["Claim settlements"],
            },
            DemoActivity {
                name: "Key account management",
                owner: "Omar Farouk",
                description: "Service reviews and escalations with the twenty largest clients.",
                products: &["Service reports", "Contract renewals"],
            },
            DemoActivity {
                name: "Client onboarding",
                owner: "Hannah Lindqvist",
                description: "Setting up new clients: EDI links, product master data, labelling rules.",
                products: &["New client go-live"],
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
            },
            DemoActivity {
                name: "Supplier payments",
                owner: "Ruth Adeyemi",
                description: "Paying subcontracted hauliers, fuel cards and suppliers in the weekly payment run.",
                products: &["Payment runs"],
            },
            DemoActivity {
                name: "Payroll",
                owner: "Kevin Thornton",
                description: "Weekly payroll for drivers and warehouse staff, monthly for salaried staff, including overtime and night premiums.",
                products: &["Weekly payroll", "Monthly payroll", "Payslips"],
            },
            DemoActivity {
                name: "Cash management",
                owner: "Kevin Thornton",
                description: "Daily cash position, bank reconciliation and the invoice-finance facility.",
                products: &["Daily cash report"],
            },
            DemoActivity {
                name: "Duty and VAT returns",
                owner: "Ruth Adeyemi",
                description: "Monthly excise duty returns for the bonded warehouse and quarterly VAT returns.",
                products: &["Duty returns", "VAT returns"],
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
            },
            DemoActivity {
                name: "EDI and client integrations",
                owner: "Lena Kowalski",
                description: "Operating the EDI gateway and API links that carry orders, stock levels and delivery status.",
                products: &["Order and status messages"],
            },
            DemoActivity {
                name: "Service desk",
                owner: "Arjun Mehta",
                description: "First-line IT support for all sites, 6:00 to 22:00, with on-call cover at night.",
                products: &["IT support"],
            },
            DemoActivity {
                name: "Site security and access",
                owner: "Beatrice Nwosu",
                description: "Gatehouse, CCTV and access control at the depots; key holding out of hours.",
                products: &["Secure sites"],
            },
            DemoActivity {
                name: "Backup and recovery",
                owner: "Arjun Mehta",
                description: "Nightly backups of servers and the WMS database, off-site copies, restore tests.",
                products: &["Restorable data"],
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
    for unit in UNITS {
        let created = store.add_unit(&OrgUnitInput {
            name: unit.name.into(),
            description: unit.description.into(),
        })?;
        for activity in unit.activities {
            store.add_activity(&ActivityInput {
                name: activity.name.into(),
                unit_id: Some(created.id),
                owner: activity.owner.into(),
                description: activity.description.into(),
                products_services: activity.products.iter().map(|p| (*p).to_owned()).collect(),
            })?;
        }
    }
    Ok(store)
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
}
