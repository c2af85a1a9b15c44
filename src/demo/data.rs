//! The demo engagement's data: units, activities and the shape of their BIA, resources,
//! capabilities and dependencies. Written for Keel, not copied from anywhere.

use crate::domain::{Evidence, RecoveryStrategy, ResourceKind};

pub(super) struct DemoUnit {
    pub(super) name: &'static str,
    pub(super) description: &'static str,
    pub(super) activities: &'static [DemoActivity],
}

pub(super) struct DemoActivity {
    pub(super) name: &'static str,
    pub(super) owner: &'static str,
    pub(super) description: &'static str,
    pub(super) products: &'static [&'static str],
    pub(super) bia: Bia,
}

/// How far the demo's BIA interview of an activity got.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Stage {
    NotStarted,
    /// Started, but the RTO was never agreed.
    Draft,
    Complete,
    Validated,
}

/// The shape of an activity's impact: how fast it grows (1 = within hours, 4 = over
/// weeks), the category that hurts most (by position in the default settings), the
/// RPO and the minimum service level in percent.
pub(super) struct Bia {
    pub(super) urgency: usize,
    pub(super) main: usize,
    pub(super) rpo: &'static str,
    pub(super) mbco: u8,
    pub(super) stage: Stage,
}

pub(super) const FINANCIAL: usize = 0;
pub(super) const OPERATIONAL: usize = 1;
pub(super) const CUSTOMER: usize = 2;
pub(super) const LEGAL: usize = 3;
pub(super) const REPUTATIONAL: usize = 4;
pub(super) const HEALTH_SAFETY: usize = 5;

pub(super) const UNITS: &[DemoUnit] = &[
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

/// Which activities need which (activity, needs), all written in their interviews.
pub(super) const NEEDS: &[(&str, &str)] = &[
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
    ("Cash management", "Customer invoicing"),
];

/// Resources of some activities: (activity, resource, kind, headcount or units over the
/// first buckets, where it matters).
pub(super) const RESOURCES: &[(&str, &str, ResourceKind, &[f64])] = &[
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
        "Agency drivers",
        ResourceKind::People,
        &[],
    ),
    (
        "Inbound goods receipt",
        "Halifax warehouse",
        ResourceKind::Site,
        &[],
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

/// What resources can do: (name, RTC, RPC, strategy, evidence, days before today of the
/// exercise that demonstrated it, when recorded by hand). Left
/// out on purpose: the scanners, temperature logs and payroll bureau (unknown).
pub(super) type Capability = (
    &'static str,
    &'static str,
    &'static str,
    RecoveryStrategy,
    Evidence,
    Option<u64>,
);

pub(super) const CAPABILITIES: &[Capability] = &[
    (
        "Warehouse management system",
        "8h",
        "4h",
        RecoveryStrategy::RestoreFromBackup,
        Evidence::Demonstrated,
        Some(172),
    ),
    (
        "Head office data centre",
        "3h",
        "15m",
        RecoveryStrategy::WarmStandby,
        Evidence::Committed,
        None,
    ),
    (
        "EDI gateway service",
        "2h",
        "15m",
        RecoveryStrategy::AlternateSupplier,
        Evidence::Committed,
        None,
    ),
    (
        "Halifax warehouse",
        "1w",
        "0m",
        RecoveryStrategy::None,
        Evidence::Target,
        None,
    ),
    (
        "Pickers and packers",
        "2h",
        "0m",
        RecoveryStrategy::ManualWorkaround,
        Evidence::Target,
        None,
    ),
    (
        "Drivers",
        "1h",
        "0m",
        RecoveryStrategy::None,
        Evidence::Target,
        None,
    ),
    (
        "Agency drivers",
        "6h",
        "0m",
        RecoveryStrategy::AlternateSupplier,
        Evidence::Committed,
        None,
    ),
    (
        "Fuel card provider",
        "1h",
        "0m",
        RecoveryStrategy::AlternateSupplier,
        Evidence::Committed,
        None,
    ),
    (
        "Grid supply",
        "4h",
        "0m",
        RecoveryStrategy::None,
        Evidence::Target,
        None,
    ),
    (
        "Standby generator",
        "15m",
        "0m",
        RecoveryStrategy::HotStandby,
        Evidence::Demonstrated,
        Some(330),
    ),
];

/// Resources that need resources: (resource, needs, alternatives group).
pub(super) const RESOURCE_NEEDS: &[(&str, &str, &str)] = &[
    ("Warehouse management system", "Head office data centre", ""),
    ("EDI gateway service", "Head office data centre", ""),
    ("Head office data centre", "Grid supply", "power"),
    ("Head office data centre", "Standby generator", "power"),
];
