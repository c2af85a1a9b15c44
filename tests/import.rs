//! Importing spreadsheets as they arrive: separators, byte-order marks, CRLF, quoted
//! newlines, extra columns; bad rows reported by line, all or nothing.

use std::path::PathBuf;

use keel::domain::ActivityQuery;
use keel::import::ImportFiles;

use crate::util::Fixture;

fn write(fixture: &Fixture, name: &str, text: &str) -> PathBuf {
    let path = fixture.dir.path().join(name);
    std::fs::write(&path, text).expect("write csv");
    path
}

#[test]
fn semicolons_bom_crlf_quoted_newlines_and_extra_columns_import() {
    let fixture = Fixture::new();
    let activities = write(
        &fixture,
        "activities.csv",
        "\u{feff}Name;UNIT;Owner;Description;RTO;rpo;mbco;Colour\r\n\
         Dispatch;Operations;Dana;\"Loads trucks\r\nand checks seals\";4h;1h;50%;blue\r\n\
         Payroll;Finance;Sam;;3d;1d;Pay everyone on time;green\r\n",
    );
    let resources = write(
        &fixture,
        "resources.csv",
        "name,kind,rtc,rpc,strategy,evidence\nWMS,Application,8h,PT4H,restore from backup,SLA\nDepot,Site,1 week,,,\n",
    );
    let dependencies = write(
        &fixture,
        "deps.csv",
        "from,to,group\nDispatch,WMS,\nDispatch,Depot,\nPayroll,Dispatch,\n",
    );
    let mut store = fixture.open();
    let files = ImportFiles {
        activities: Some(activities),
        resources: Some(resources),
        dependencies: Some(dependencies),
    };
    let report = store.import(&files, false).expect("import");
    assert!(report.applied, "{report:?}");
    assert_eq!(report.files[0].unknown_columns, ["colour"]);
    assert!(report.files.iter().all(|f| f.rejected.is_empty()));

    let dispatch = store
        .activities(&ActivityQuery {
            search: "Dispatch".into(),
            unit_id: None,
        })
        .expect("list")
        .remove(0);
    assert_eq!(dispatch.description, "Loads trucks\r\nand checks seals");
    assert_eq!(dispatch.unit_name.as_deref(), Some("Operations"));
    let view = store.interview(dispatch.id).expect("view");
    assert_eq!(view.interview.rto.value.map(|d| d.minutes()), Some(240));
    assert_eq!(view.interview.mbco.percent, Some(50));
    assert_eq!(view.resources.len(), 2);
    assert_eq!(view.downstream[0].name, "Payroll");
    assert!(
        store
            .analyze_dependencies()
            .expect("analysis")
            .gaps
            .iter()
            .any(|g| g.node == "WMS")
    );

    // The same files again change nothing.
    let before = store.info().expect("info").audit_entries;
    let again = store.import(&files, false).expect("again");
    assert!(again.changes.is_empty(), "{:?}", again.changes);
    assert_eq!(store.info().expect("info").audit_entries, before);
}

#[test]
fn bad_rows_are_reported_by_line_and_nothing_is_written() {
    let fixture = Fixture::new();
    let activities = write(
        &fixture,
        "a.csv",
        "name,rto\nDispatch,4h\nPayroll,soonish\n,4h\n",
    );
    let dependencies = write(&fixture, "d.csv", "from,to\nDispatch,Atlantis\n");
    let mut store = fixture.open();
    let before = store.info().expect("info");
    let report = store
        .import(
            &ImportFiles {
                activities: Some(activities),
                dependencies: Some(dependencies),
                ..Default::default()
            },
            false,
        )
        .expect("report");
    assert!(!report.applied);
    let rejected: Vec<(u64, &str)> = report
        .files
        .iter()
        .flat_map(|f| f.rejected.iter().map(|r| (r.line, r.reason.as_str())))
        .collect();
    assert_eq!(rejected.len(), 2, "{rejected:?}");
    assert_eq!(rejected[0].0, 4, "the row with no name is on line 4");
    assert!(rejected[1].1.contains("Atlantis"));
    assert_eq!(
        report.files[0].unresolved[0].text, "soonish",
        "a duration Keel cannot read does not refuse its row"
    );
    let after = store.info().expect("info");
    assert_eq!(
        (after.activities, after.audit_entries),
        (before.activities, before.audit_entries),
        "nothing was kept"
    );
}

#[test]
fn a_dry_run_reports_and_writes_nothing() {
    let fixture = Fixture::new();
    let activities = write(&fixture, "a.csv", "name\nDispatch\n");
    let mut store = fixture.open();
    let report = store
        .import(
            &ImportFiles {
                activities: Some(activities),
                ..Default::default()
            },
            true,
        )
        .expect("dry run");
    assert!(!report.applied && report.dry_run);
    assert!(!report.changes.is_empty(), "it says what it would do");
    assert_eq!(store.info().expect("info").activities, 0);
}

#[test]
fn the_demo_exported_as_csv_imports_into_an_empty_engagement_with_the_same_findings() {
    let dir = tempfile::tempdir().expect("temp dir");
    let demo = keel::demo::write_demo(&dir.path().join("demo.keel"), "Ana").expect("demo");
    let files = demo
        .write_catalogue_csv(&dir.path().join("csv"))
        .expect("csv written");
    // The catalogue carries what is recorded on each resource; what the demo's exercises
    // demonstrated stays with the exercises, so it is left out of the comparison.
    rusqlite::Connection::open(dir.path().join("demo.keel"))
        .expect("raw connection")
        .execute("DELETE FROM demonstration", [])
        .expect("set the exercises' demonstrations aside");

    let fixture = Fixture::new();
    let mut store = fixture.open();
    let report = store.import(&files, false).expect("import");
    let rejected: Vec<_> = report.files.iter().flat_map(|f| &f.rejected).collect();
    assert!(rejected.is_empty(), "{rejected:?}");
    assert!(report.applied);

    // The same findings; resources were created in another order, so compare sorted.
    fn sorted<T: std::fmt::Debug>(items: &[T]) -> Vec<String> {
        let mut texts: Vec<String> = items.iter().map(|i| format!("{i:?}")).collect();
        texts.sort();
        texts
    }
    let theirs = demo.analyze_dependencies().expect("demo analysis");
    let ours = store.analyze_dependencies().expect("imported analysis");
    // Records have other ids in the other engagement: compare everything but those.
    let gaps = |a: &keel::analysis::dependencies::Analysis| {
        let gaps: Vec<_> = a
            .gaps
            .iter()
            .map(|g| {
                let g = g.clone();
                (
                    g.kind,
                    g.node,
                    g.required_min,
                    g.capability_min,
                    g.path,
                    g.explanation,
                )
            })
            .collect();
        sorted(&gaps)
    };
    let spofs = |a: &keel::analysis::dependencies::Analysis| {
        let spofs: Vec<_> = a
            .spofs
            .iter()
            .map(|s| (s.resource.clone(), s.breaks.clone()))
            .collect();
        sorted(&spofs)
    };
    let predicted = |a: &keel::analysis::dependencies::Analysis| {
        let predicted: Vec<_> = a
            .predicted
            .iter()
            .map(|p| {
                let p = p.clone();
                (p.activity, p.rto_min, p.predicted_min, p.critical_path)
            })
            .collect();
        sorted(&predicted)
    };
    assert_eq!(gaps(&ours), gaps(&theirs));
    assert_eq!(spofs(&ours), spofs(&theirs));
    assert_eq!(predicted(&ours), predicted(&theirs));
    assert_eq!(sorted(&ours.cycles), sorted(&theirs.cycles));
    assert_eq!(
        ours.gaps.len(),
        11,
        "the demo's gaps, every kind among them (the payroll bureau's file transfer link, added for the review, is unknown)"
    );

    let again = store.import(&files, false).expect("again");
    assert!(again.changes.is_empty(), "{:?}", again.changes);
}

/// The cells of a CSV file as a spreadsheet sees them: unquoted, untrimmed.
fn raw_cells(path: &std::path::Path) -> Vec<String> {
    let text = std::fs::read_to_string(path).expect("read csv");
    let mut cells = Vec::new();
    for record in csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes())
        .records()
    {
        cells.extend(record.expect("csv record").iter().map(str::to_owned));
    }
    cells
}

#[test]
fn names_that_look_like_formulas_round_trip_through_export_csv_and_import() {
    use keel::domain::{
        ActivityInput, InterviewEdit, InterviewText, NodeRef, OrgUnitInput,
        ResourceCapabilityInput, ResourceKind,
    };
    let fixture = Fixture::new();
    let mut store = fixture.open();
    let unit = store
        .add_unit(&OrgUnitInput {
            name: "@home".into(),
            description: String::new(),
        })
        .expect("unit");
    let mut activity = |name: &str, owner: &str, description: &str| {
        store
            .add_activity(&ActivityInput {
                name: name.into(),
                unit_id: Some(unit.id),
                owner: owner.into(),
                description: description.into(),
                products_services: Vec::new(),
            })
            .expect("activity")
            .id
    };
    let sum = activity("=SUM(A1)", "+44 20 7946 0000", "-x marks the spot");
    let quoted = activity("'quoted", "@ops", "=HYPERLINK(\"http://x\",\"y\")");
    let minus = activity("-x", "'Ana'", "+1 day");
    store
        .edit_interview(
            sum,
            &InterviewEdit::Text {
                field: InterviewText::MbcoStatement,
                value: "=50% of orders, '; DROP".into(),
            },
        )
        .expect("mbco");
    let calc = store
        .add_catalogue_resource("=cmd|' /C calc'!A0", ResourceKind::Application)
        .expect("resource");
    let phone = store
        .add_catalogue_resource("+44 phone line", ResourceKind::ItService)
        .expect("resource");
    store
        .set_resource_capability(
            calc.id,
            &ResourceCapabilityInput {
                owner: "-IT-".into(),
                rtc: "4h".into(),
                ..Default::default()
            },
        )
        .expect("capability");
    store
        .add_need(
            NodeRef::Activity(sum),
            NodeRef::Resource(calc.id),
            "-primary",
        )
        .expect("need");
    store
        .add_need(
            NodeRef::Activity(sum),
            NodeRef::Resource(phone.id),
            "-primary",
        )
        .expect("need");
    store
        .add_need(NodeRef::Activity(quoted), NodeRef::Activity(minus), "@alt")
        .expect("need");
    store
        .add_need(NodeRef::Resource(phone.id), NodeRef::Resource(calc.id), "")
        .expect("need");

    let files = store
        .write_catalogue_csv(&fixture.dir.path().join("csv"))
        .expect("export-csv");
    for path in [&files.activities, &files.resources, &files.dependencies]
        .into_iter()
        .flatten()
    {
        for cell in raw_cells(path) {
            assert!(
                !cell.starts_with(['=', '+', '-', '@', '\t', '\r']),
                "{} holds a cell a spreadsheet would run: {cell:?}",
                path.display()
            );
        }
    }

    let empty = Fixture::new();
    let mut imported = empty.open();
    let report = imported.import(&files, false).expect("import");
    let rejected: Vec<_> = report.files.iter().flat_map(|f| &f.rejected).collect();
    assert!(rejected.is_empty(), "{rejected:?}");
    assert!(report.applied);

    let names = |s: &keel::EngagementStore| -> Vec<(String, Option<String>, String, String)> {
        s.activities(&ActivityQuery::default())
            .expect("activities")
            .into_iter()
            .map(|a| (a.name, a.unit_name, a.owner, a.description))
            .collect()
    };
    assert_eq!(names(&imported), names(&store));
    assert!(
        names(&imported).iter().any(|(name, ..)| name == "'quoted"),
        "the name that really starts with an apostrophe keeps it"
    );
    let [ours_a, ours_r, ours_d] = imported.catalogue_csv().expect("csv");
    let [theirs_a, theirs_r, theirs_d] = store.catalogue_csv().expect("csv");
    assert_eq!(ours_a, theirs_a, "activities, MBCO statement included");
    assert_eq!(ours_r, theirs_r, "resources, owners included");
    let sorted = |text: &str| {
        let mut lines: Vec<String> = text.lines().map(str::to_owned).collect();
        lines.sort();
        lines
    };
    assert_eq!(
        sorted(&ours_d),
        sorted(&theirs_d),
        "dependencies and groups"
    );
    assert!(theirs_d.contains("'=SUM(A1)"), "{theirs_d}");

    let again = imported.import(&files, false).expect("again");
    assert!(again.changes.is_empty(), "{:?}", again.changes);
}

#[test]
fn a_file_above_the_size_limit_is_refused_before_it_is_read_and_nothing_is_written() {
    let fixture = Fixture::new();
    let activities = write(&fixture, "a.csv", "name\nDispatch\n");
    let huge = fixture.dir.path().join("huge.csv");
    std::fs::File::create(&huge)
        .and_then(|f| f.set_len(keel::import::MAX_FILE_BYTES + 1))
        .expect("sparse file");
    let mut store = fixture.open();
    let before = store.info().expect("info");
    let err = store
        .import(
            &ImportFiles {
                activities: Some(activities),
                dependencies: Some(huge.clone()),
                ..Default::default()
            },
            false,
        )
        .expect_err("refused");
    let message = err.to_string();
    assert!(message.contains(&huge.display().to_string()), "{message}");
    assert!(message.contains("64.0 MiB (67108865 bytes)"), "{message}");
    assert!(message.contains("up to 64 MiB"), "{message}");
    let after = store.info().expect("info");
    assert_eq!(
        (after.activities, after.audit_entries),
        (before.activities, before.audit_entries),
        "nothing was written"
    );

    let small = fixture.dir.path().join("small.csv");
    let mut text = String::from("name\nDispatch\n");
    text.push_str(&" ".repeat(1024));
    std::fs::write(&small, text).expect("write");
    assert!(
        store
            .import(
                &ImportFiles {
                    activities: Some(small),
                    ..Default::default()
                },
                true,
            )
            .is_ok(),
        "a file under the limit is read"
    );
}

/// Regression: the import keeps the catalogue in indexes by name; a refused row must
/// take back what it added to them, or the rows after it see records that were never
/// kept.
#[test]
fn a_refused_row_leaves_nothing_in_the_catalogue_the_next_rows_see() {
    let fixture = Fixture::new();
    // An owner's name longer than Keel keeps refuses the first row after its unit was
    // made (a duration Keel cannot read would not: it is kept as written).
    let activities = write(
        &fixture,
        "a.csv",
        &format!(
            "name,unit,owner,rto\nDispatch,Ops,{},4h\nDispatch,Ops,Dana,4h\n",
            "x".repeat(300)
        ),
    );
    let dependencies = write(&fixture, "d.csv", "from,to\nPayroll,Dispatch\n");
    let mut store = fixture.open();
    let report = store
        .import(
            &ImportFiles {
                activities: Some(activities),
                dependencies: Some(dependencies),
                ..Default::default()
            },
            false,
        )
        .expect("report");
    let rejected: Vec<(u64, &str)> = report
        .files
        .iter()
        .flat_map(|f| f.rejected.iter().map(|r| (r.line, r.reason.as_str())))
        .collect();
    assert_eq!(rejected.len(), 2, "{rejected:?}");
    assert_eq!(rejected[0].0, 2, "only the over-long owner: {rejected:?}");
    assert!(rejected[1].1.contains("Payroll"), "{rejected:?}");
    let created: Vec<(&str, Option<&str>)> = report
        .changes
        .iter()
        .filter(|c| c.field.as_deref() == Some("name"))
        .map(|c| (c.entity.as_str(), c.new_value.as_deref()))
        .collect();
    assert_eq!(
        created,
        [("unit", Some("Ops")), ("activity", Some("Dispatch"))],
        "the second row creates the unit and the activity again, once"
    );
    assert_eq!(store.info().expect("info").activities, 0);
}

/// The needs an import adds are written and logged exactly as adding them one by one
/// does, also for an activity whose interview was validated (adding a need takes the
/// validation back).
#[test]
fn imported_needs_are_logged_as_needs_added_one_by_one() {
    use keel::domain::{InterviewStatus, NodeRef};
    let dir = tempfile::tempdir().expect("temp dir");
    let path_a = dir.path().join("a.keel");
    drop(keel::demo::write_demo(&path_a, "Ana").expect("demo"));
    let path_b = dir.path().join("b.keel");
    std::fs::copy(&path_a, &path_b).expect("copy");
    let open = |path: &std::path::Path| {
        keel::EngagementStore::open_with_clock(path, crate::util::fixed_clock())
            .expect("open")
            .with_actor("Ana")
    };
    let (mut by_import, mut one_by_one) = (open(&path_a), open(&path_b));

    let results = one_by_one.bia_results().expect("results");
    let validated = results
        .iter()
        .find(|r| r.status == Some(InterviewStatus::Validated))
        .expect("the demo has a validated interview");
    let other = results
        .iter()
        .find(|r| r.activity_id != validated.activity_id)
        .expect("another activity");
    let needed: Vec<i64> = one_by_one
        .interview(validated.activity_id)
        .expect("view")
        .resources
        .iter()
        .map(|n| n.resource.id)
        .collect();
    let resources = one_by_one.resources().expect("resources");
    let new = resources
        .iter()
        .find(|r| !needed.contains(&r.id))
        .expect("a resource it does not need yet");
    let (from, to) = (&resources[0], &resources[1]);
    let needs = [
        (
            NodeRef::Activity(validated.activity_id),
            NodeRef::Resource(new.id),
            "Pair",
        ),
        (
            NodeRef::Activity(validated.activity_id),
            NodeRef::Activity(other.activity_id),
            "",
        ),
        (
            NodeRef::Resource(from.id),
            NodeRef::Resource(to.id),
            "Spare",
        ),
    ];
    let names = [
        (&validated.activity, &new.name),
        (&validated.activity, &other.activity),
        (&from.name, &to.name),
    ];

    let before = one_by_one.last_audit_id().expect("audit");
    for (from, to, group) in needs {
        one_by_one.add_need(from, to, group).expect("need");
    }
    let mut text = String::from("from,to,group\r\n");
    for ((from, to), (_, _, group)) in names.iter().zip(needs) {
        text.push_str(&format!("\"{from}\",\"{to}\",{group}\r\n"));
    }
    let file = dir.path().join("needs.csv");
    std::fs::write(&file, text).expect("write");
    let report = by_import
        .import(
            &ImportFiles {
                dependencies: Some(file),
                ..Default::default()
            },
            false,
        )
        .expect("import");
    assert!(report.applied, "{report:?}");

    let logged = |entries: Vec<keel::domain::AuditEntry>| -> Vec<String> {
        entries
            .into_iter()
            .map(|e| {
                format!(
                    "{:?} {} {} {:?} {:?} -> {:?}",
                    e.action, e.entity, e.entity_label, e.field, e.old_value, e.new_value
                )
            })
            .collect()
    };
    let theirs = logged(one_by_one.audit_since(before).expect("audit"));
    assert!(
        theirs.iter().any(|e| e.contains("\"validated")),
        "the validation is taken back: {theirs:#?}"
    );
    assert_eq!(logged(report.changes), theirs);
}

#[test]
fn progress_is_reported_from_none_to_every_row() {
    let fixture = Fixture::new();
    let mut text = String::from("name\n");
    for i in 0..1_200 {
        text.push_str(&format!("Activity {i}\n"));
    }
    let activities = write(&fixture, "a.csv", &text);
    let mut store = fixture.open();
    let mut seen = Vec::new();
    let report = store
        .import_with_progress(
            &ImportFiles {
                activities: Some(activities),
                ..Default::default()
            },
            true,
            &mut |p| seen.push((p.rows_done, p.rows_total)),
        )
        .expect("dry run");
    assert!(report.dry_run && !report.applied);
    assert_eq!(seen.first(), Some(&(0, 1_200)));
    assert_eq!(seen.last(), Some(&(1_200, 1_200)));
    assert!(seen.len() >= 4, "some steps in between: {seen:?}");
    assert!(
        seen.windows(2).all(|w| w[0].0 <= w[1].0),
        "never backwards: {seen:?}"
    );
    assert_eq!(
        store.info().expect("info").activities,
        0,
        "a dry run keeps nothing"
    );
}

#[test]
fn a_workbook_with_tbd_and_ranges_imports_with_those_cells_kept_as_written() {
    let fixture = Fixture::new();
    let activities = write(
        &fixture,
        "bia.csv",
        "name,unit,mtpd,rto,rpo,mbco\n\
         Dispatch,Operations,1d,TBD,N/A,50%\n\
         Payroll,Finance,1w,2-4 hours,< 1h,150\n\
         Invoicing,Finance,,2 business days,,\n\
         Claims,Finance,8h,2w,1h,\n",
    );
    let mut store = fixture.open();
    let report = store
        .import(
            &ImportFiles {
                activities: Some(activities.clone()),
                ..Default::default()
            },
            false,
        )
        .expect("import");
    assert!(report.applied, "{report:?}");
    let kept: Vec<(u64, &str, &str)> = report.files[0]
        .unresolved
        .iter()
        .map(|c| (c.line, c.column.as_str(), c.text.as_str()))
        .collect();
    assert_eq!(
        kept,
        [
            (2, "rto", "TBD"),
            (2, "rpo", "N/A"),
            (3, "rto", "2-4 hours"),
            (3, "rpo", "< 1h"),
            (3, "mbco", "150"),
            (4, "rto", "2 business days"),
            (5, "rto", "2w"),
        ]
    );
    let message = |line: u64, column: &str| {
        report.files[0]
            .unresolved
            .iter()
            .find(|c| c.line == line && c.column == column)
            .map(|c| c.message.clone())
            .unwrap_or_default()
    };
    assert!(message(3, "rto").contains("Perhaps 2h: the stricter end of the range"));
    assert!(message(3, "rpo").contains("Perhaps 1h: the upper bound"));
    assert!(message(4, "rto").contains("Perhaps 2d"));
    assert!(message(5, "rto").contains("MTPD"), "{}", message(5, "rto"));
    assert!(!message(2, "rto").contains("Perhaps"));

    // In the results, as written; the values Keel could read are in force.
    let results = store.bia_results().expect("results");
    let payroll = results
        .iter()
        .find(|r| r.activity == "Payroll")
        .expect("payroll");
    let texts: Vec<&str> = payroll.unresolved.iter().map(|u| u.text.as_str()).collect();
    assert_eq!(texts, ["150", "< 1h", "2-4 hours"]);
    assert_eq!(payroll.mtpd.map(|d| d.to_string()).as_deref(), Some("1w"));
    assert_eq!(store.unresolved_count().expect("count"), 7);

    // Importing the same file again changes nothing.
    let again = store
        .import(
            &ImportFiles {
                activities: Some(activities),
                ..Default::default()
            },
            false,
        )
        .expect("again");
    assert!(again.changes.is_empty(), "{:?}", again.changes);
}

#[test]
fn a_resource_row_with_tbd_as_rtc_imports_with_the_cell_kept_as_written() {
    let fixture = Fixture::new();
    let resources = write(
        &fixture,
        "resources.csv",
        "name,kind,rtc,rpc\nWMS,Application,TBD,1h\nDepot,Site,4-8 hours,\n",
    );
    let mut store = fixture.open();
    let files = ImportFiles {
        resources: Some(resources),
        ..Default::default()
    };
    let report = store.import(&files, false).expect("import");
    assert!(report.applied, "{report:?}");
    let kept: Vec<(u64, &str, &str, &str)> = report.files[0]
        .unresolved
        .iter()
        .map(|c| (c.line, c.name.as_str(), c.column.as_str(), c.text.as_str()))
        .collect();
    assert_eq!(
        kept,
        [(2, "WMS", "rtc", "TBD"), (3, "Depot", "rtc", "4-8 hours")]
    );
    assert!(report.files[0].unresolved[1].message.contains("Perhaps 4h"));
    let wms = store
        .resources()
        .expect("resources")
        .into_iter()
        .find(|r| r.name == "WMS")
        .expect("wms");
    let shown = store.resource_capability(wms.id).expect("capability");
    assert_eq!((shown.rtc.as_str(), shown.rpc.as_str()), ("", "1h"));
    assert_eq!(shown.kept[0].text, "TBD");
    // The same file again changes nothing.
    let again = store.import(&files, false).expect("again");
    assert!(again.changes.is_empty(), "{:?}", again.changes);
}
