//! A synthetic catalogue of a chosen size as the three CSV files `import` reads, for
//! `keel bench import`: activities in units across sites, resources of every kind with
//! what they can do, and needs between them, one in ten in an alternatives group.

use std::collections::HashSet;

use crate::csv_export::csv_text;
use crate::import::{ACTIVITY_COLUMNS, DEPENDENCY_COLUMNS, RESOURCE_COLUMNS};

const PROCESSES: [(&str, &str); 16] = [
    ("Customer invoicing", "Finance"),
    ("Payroll", "Finance"),
    ("Supplier payments", "Finance"),
    ("Cash management", "Finance"),
    ("Order intake", "Customer Service"),
    ("Complaints handling", "Customer Service"),
    ("Inbound receiving", "Warehouse Operations"),
    ("Picking and packing", "Warehouse Operations"),
    ("Cold-chain storage", "Warehouse Operations"),
    ("Outbound dispatch", "Transport"),
    ("Route planning", "Transport"),
    ("Fleet maintenance", "Transport"),
    ("Customs declarations", "Compliance"),
    ("Health and safety checks", "Compliance"),
    ("Backup and recovery", "IT and Facilities"),
    ("Service desk", "IT and Facilities"),
];

const SITES: [&str; 12] = [
    "Leeds",
    "Manchester",
    "Bristol",
    "Glasgow",
    "Rotterdam",
    "Antwerp",
    "Hamburg",
    "Lyon",
    "Milano",
    "Gdańsk",
    "Zürich",
    "Dublin",
];

const OWNERS: [&str; 10] = [
    "Dana Whitfield",
    "Sam Okafor",
    "Arjun Mehta",
    "Grace Oduya",
    "Tom Whitaker",
    "Marta Nowak",
    "Luc Berger",
    "Aisling Byrne",
    "Jonas Weber",
    "Chiara Rossi",
];

/// (kind as people write it, names of that kind)
const RESOURCES: [(&str, [&str; 3]); 8] = [
    ("IT service", ["E-mail service", "VPN", "Telephony"]),
    ("application", ["Warehouse management system", "ERP", "CRM"]),
    (
        "infrastructure",
        ["Core network", "Server room", "Storage array"],
    ),
    (
        "data / vital record",
        [
            "Customer master data",
            "Temperature logs",
            "Contracts archive",
        ],
    ),
    (
        "supplier",
        ["Haulier", "Packaging supplier", "Fuel card provider"],
    ),
    ("site", ["Depot", "Head office", "Cross-dock"]),
    (
        "people / role",
        ["Forklift drivers", "Payroll clerks", "Customs brokers"],
    ),
    ("equipment", ["Forklifts", "Label printers", "Reefer units"]),
];

const STRATEGIES: [&str; 5] = [
    "Restore from backup",
    "Warm standby",
    "Manual workaround",
    "Alternate supplier",
    "",
];

/// The activities, resources and dependencies files, with about the numbers of rows
/// asked for (exactly, unless more needs are asked for than the catalogue can hold).
pub fn synthetic_catalogue(
    activities: usize,
    resources: usize,
    dependencies: usize,
) -> [String; 3] {
    let activity_names: Vec<String> = (0..activities)
        .map(|i| {
            let (process, _) = PROCESSES[i % PROCESSES.len()];
            let site = SITES[(i / PROCESSES.len()) % SITES.len()];
            let round = i / (PROCESSES.len() * SITES.len()) + 1;
            format!("{process}, {site} {round}")
        })
        .collect();
    let activity_rows: Vec<Vec<String>> = activity_names
        .iter()
        .enumerate()
        .map(|(i, name)| {
            let (_, department) = PROCESSES[i % PROCESSES.len()];
            let site = SITES[(i / PROCESSES.len()) % SITES.len()];
            // MTPD, then an RTO within it and an RPO.
            let (mtpd, rto, rpo) =
                [("1d", "4h", "1h"), ("3d", "1d", "4h"), ("1w", "3d", "1d")][i % 3];
            let mbco = if i % 4 == 0 {
                "Deliveries to hospitals first".to_owned()
            } else {
                format!("{}%", 25 * (i % 4))
            };
            vec![
                name.clone(),
                format!("{department} {site}"),
                OWNERS[i % OWNERS.len()].to_owned(),
                format!(
                    "{name}: daily work of the {department} team, with its records and handovers."
                ),
                if i % 5 == 0 {
                    String::new()
                } else {
                    mtpd.to_owned()
                },
                rto.to_owned(),
                rpo.to_owned(),
                mbco,
            ]
        })
        .collect();
    let resource_names: Vec<(String, &str)> = (0..resources)
        .map(|i| {
            let (kind, names) = RESOURCES[i % RESOURCES.len()];
            let noun = names[(i / RESOURCES.len()) % names.len()];
            let site = SITES[(i / (RESOURCES.len() * names.len())) % SITES.len()];
            let round = i / (RESOURCES.len() * names.len() * SITES.len()) + 1;
            (format!("{noun} {site}-{round}"), kind)
        })
        .collect();
    let resource_rows: Vec<Vec<String>> = resource_names
        .iter()
        .enumerate()
        .map(|(i, (name, kind))| {
            let demonstrated = i % 7 == 0;
            vec![
                name.clone(),
                (*kind).to_owned(),
                OWNERS[(i + 3) % OWNERS.len()].to_owned(),
                STRATEGIES[i % STRATEGIES.len()].to_owned(),
                ["2h", "8h", "1d", "3d", ""][i % 5].to_owned(),
                ["1h", "4h", "", "1d"][i % 4].to_owned(),
                if demonstrated {
                    "demonstrated"
                } else {
                    ["target", "committed", ""][i % 3]
                }
                .to_owned(),
                if demonstrated {
                    "2026-06-12".to_owned()
                } else {
                    String::new()
                },
            ]
        })
        .collect();
    let dependency_rows = needs(&activity_names, &resource_names, dependencies);
    [
        csv_text(ACTIVITY_COLUMNS, &activity_rows),
        csv_text(RESOURCE_COLUMNS, &resource_rows),
        csv_text(DEPENDENCY_COLUMNS, &dependency_rows),
    ]
}

/// About `count` distinct needs: eight in ten of an activity for a resource, one in ten
/// of an activity for another, one in ten of a resource for another; one in ten of an
/// activity's resource needs in pairs of alternatives.
fn needs(activities: &[String], resources: &[(String, &str)], count: usize) -> Vec<Vec<String>> {
    let (a, r) = (activities.len(), resources.len());
    let mut seen: HashSet<(bool, usize, bool, usize)> = HashSet::new();
    let mut rows = Vec::with_capacity(count);
    let mut step: usize = 0;
    // Enough tries for any catalogue that can hold `count` needs; fewer otherwise.
    while rows.len() < count && step < count.saturating_mul(4) + 64 {
        step += 1;
        let (from_activity, from, to_activity, to) = match step % 10 {
            0 if a > 1 => {
                let from = (step * 7) % a;
                (true, from, true, (from + 1 + (step / 10) % (a - 1)) % a)
            }
            1 if r > 1 => {
                let from = (step * 11) % r;
                (false, from, false, (from + 1 + (step / 10) % (r - 1)) % r)
            }
            _ if a > 0 && r > 0 => {
                let from = step % a;
                (true, from, false, (from * 37 + (step / a) * 613) % r)
            }
            _ => continue,
        };
        if !seen.insert((from_activity, from, to_activity, to)) {
            continue;
        }
        let name = |activity: bool, i: usize| {
            if activity {
                activities[i].clone()
            } else {
                resources[i].0.clone()
            }
        };
        // An activity's second and third resource needs are alternatives, for one
        // activity in five.
        let group = if from_activity
            && !to_activity
            && from % 5 == 0
            && (1..3).contains(&(step / a.max(1)))
        {
            "Either site".to_owned()
        } else {
            String::new()
        };
        rows.push(vec![
            name(from_activity, from),
            name(to_activity, to),
            group,
        ]);
    }
    rows
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::*;
    use crate::import::table::Table;

    #[test]
    fn the_files_hold_the_rows_asked_for() {
        let [activities, resources, dependencies] = synthetic_catalogue(300, 200, 2_000);
        let table = |text: &str| Table::parse(text, Path::new("sample.csv")).expect("parses");
        let names = |text: &str| -> HashSet<String> {
            table(text)
                .rows
                .into_iter()
                .map(|(_, row)| row[0].clone())
                .collect()
        };
        assert_eq!(
            names(&activities).len(),
            300,
            "300 activities, all named differently"
        );
        assert_eq!(
            names(&resources).len(),
            200,
            "200 resources, all named differently"
        );
        let needs = table(&dependencies);
        assert_eq!(needs.rows.len(), 2_000);
        let pairs: HashSet<(String, String)> = needs
            .rows
            .iter()
            .map(|(_, row)| (row[0].clone(), row[1].clone()))
            .collect();
        assert_eq!(pairs.len(), 2_000, "no need is listed twice");
        assert!(
            dependencies.contains("Either site"),
            "some needs are alternatives"
        );
    }
}
