//! Plan PDFs, read back the way a reader sees them: extracted text, page count,
//! document information, bookmarks, `qpdf --check`; and byte-for-byte determinism.

use std::path::Path;
use std::process::Command;

use keel::EngagementStore;
use keel::domain::{CallInput, PersonInput, PlanEdit};
use keel::report;

fn demo(dir: &Path) -> EngagementStore {
    keel::demo::write_demo(&dir.join("demo.keel"), "Ana").expect("demo")
}

fn run(tool: &str, args: &[&str]) -> String {
    let out = Command::new(tool)
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("{tool}: {e}"));
    assert!(
        out.status.success(),
        "{tool} {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// A time written as RFC 3339.
fn at(text: &str) -> chrono::DateTime<chrono::Utc> {
    chrono::DateTime::parse_from_rfc3339(text)
        .expect("a time")
        .with_timezone(&chrono::Utc)
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> String {
    let path = dir.join(name);
    std::fs::write(&path, bytes).expect("write pdf");
    path.to_str().expect("utf-8").to_owned()
}

fn info_string(doc: &lopdf::Document, key: &[u8]) -> Option<String> {
    let id = doc.trailer.get(b"Info").ok()?.as_reference().ok()?;
    let bytes = doc
        .get_dictionary(id)
        .ok()?
        .get(key)
        .ok()?
        .as_str()
        .ok()?
        .to_vec();
    let units: Vec<u16> = bytes
        .strip_prefix(&[0xFE, 0xFF])?
        .chunks(2)
        .map(|c| u16::from_be_bytes([c[0], c[1]]))
        .collect();
    String::from_utf16(&units).ok()
}

#[test]
fn the_demos_approved_plan_reads_back_with_its_sections_metadata_and_bookmarks() {
    let dir = tempfile::tempdir().expect("temp dir");
    let store = demo(dir.path());
    let mut doc = keel::ops::export::plan_document(&store, 1, None).expect("document");
    doc.exported_at = at("2026-11-25T10:00:00Z");
    let exported = report::export(&doc).expect("export");
    assert!(exported.missing.is_empty(), "{:?}", exported.missing);
    let path = write(dir.path(), "plan.pdf", &exported.bytes);

    assert!(run("qpdf", &["--check", &path]).contains("No syntax or stream encoding errors"));
    let info = run("pdfinfo", &[&path]);
    assert!(
        info.contains(&format!("Pages:           {}", exported.pages)),
        "{info}"
    );
    assert!(info.contains("Title:           Halifax warehouse continuity plan"));
    assert!(info.contains("Author:          Tom Whitaker"));
    assert!(
        info.contains("CreationDate:    Wed Nov 25 10:00:00 2026 UTC"),
        "{info}"
    );

    let text = run("pdftotext", &["-layout", &path, "-"]);
    for expected in [
        "Calder Valley Freight Ltd",
        "Document control",
        "Contents",
        "1. Purpose, scope and objectives",
        "6. Recovery actions within the time frames",
        "Sign-off",
        "Revision history",
        "Morgan Hale",
        &doc.sha256,
        &format!("Page 1 of {}", exported.pages),
    ] {
        assert!(text.contains(expected), "no {expected:?} in the text");
    }
    assert!(
        !text.contains("DRAFT"),
        "an approved version carries no draft mark"
    );

    let pdf = lopdf::Document::load(&path).expect("lopdf reads it");
    assert_eq!(info_string(&pdf, b"KeelPlanId").as_deref(), Some("1"));
    assert_eq!(
        info_string(&pdf, b"KeelContentSHA256").as_deref(),
        Some(doc.sha256.as_str())
    );
    let info_id = pdf.trailer.get(b"Info").unwrap().as_reference().unwrap();
    assert!(
        pdf.get_dictionary(info_id)
            .unwrap()
            .get(b"GTS_PDFXVersion")
            .is_err(),
        "no conformance claim"
    );

    // Bookmarks: one per section, "Changes since…" nested under "Revision history".
    let catalog = pdf.catalog().expect("catalog");
    let outlines = pdf
        .get_dictionary(catalog.get(b"Outlines").unwrap().as_reference().unwrap())
        .unwrap();
    let mut titles = Vec::new();
    let mut nested = 0;
    let mut next = outlines
        .get(b"First")
        .ok()
        .and_then(|o| o.as_reference().ok());
    while let Some(id) = next {
        let entry = pdf.get_dictionary(id).unwrap();
        let raw = entry.get(b"Title").unwrap().as_str().unwrap();
        let units: Vec<u16> = raw[2..]
            .chunks(2)
            .map(|c| u16::from_be_bytes([c[0], c[1]]))
            .collect();
        titles.push(String::from_utf16(&units).unwrap());
        if entry.get(b"First").is_ok() {
            nested += 1;
        }
        next = entry.get(b"Next").ok().and_then(|o| o.as_reference().ok());
    }
    assert_eq!(titles.first().map(String::as_str), Some("Document control"));
    assert!(
        titles
            .iter()
            .any(|t| t == "10. Stand-down and return to normal")
    );
    assert_eq!(titles.last().map(String::as_str), Some("Revision history"));
    assert!(nested >= 4, "sections hold their parts: {nested}");
    let toc = run("pdftotext", &["-f", "2", "-l", "2", &path, "-"]);
    assert!(
        !toc.contains("Recovery steps"),
        "parts are bookmarks, not contents lines"
    );
}

#[test]
fn the_same_frozen_version_exported_twice_is_byte_identical() {
    let dir = tempfile::tempdir().expect("temp dir");
    let store = demo(dir.path());
    let export = |when: &str| {
        let mut doc = keel::ops::export::plan_document(&store, 1, Some(1)).expect("document");
        doc.exported_at = at(when);
        report::export(&doc).expect("export").bytes
    };
    let first = export("2026-11-25T10:00:00Z");
    assert_eq!(first, export("2026-11-25T10:00:00Z"));
    assert_ne!(
        first,
        export("2026-11-26T10:00:00Z"),
        "the export time is in the file"
    );
}

#[test]
fn greek_cyrillic_accents_and_a_long_address_survive_and_a_draft_is_marked_on_every_page() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut store = demo(dir.path());
    let long = "eleftheria.papadopoulou.continuity.coordinator@caldervalleyfreight.example";
    let person = store
        .add_person(&PersonInput {
            name: "Ελευθερία Παπαδοπούλου".into(),
            email: long.into(),
            last_verified: "2026-10-01".into(),
            ..Default::default()
        })
        .expect("person")
        .id;
    let draft = 2;
    for edit in [
        PlanEdit::Section {
            key: "concept".into(),
            body: "Κέντρο δεδομένων — резервный центр обработки данных — façade, Zürich, Ærøskøbing \u{0F40}.".into(),
        },
        PlanEdit::CallTree {
            calls: vec![CallInput {
                caller_id: None,
                callee_id: person,
                fallback_id: None,
            }],
        },
    ] {
        store.edit_plan(draft, &edit).expect("edit");
    }
    let exported =
        report::export(&keel::ops::export::plan_document(&store, draft, None).expect("document"))
            .expect("export");
    assert_eq!(exported.missing, ['\u{0F40}'], "reported, not dropped");
    let path = write(dir.path(), "draft.pdf", &exported.bytes);
    assert!(run("qpdf", &["--check", &path]).contains("No syntax or stream encoding errors"));
    let text = run("pdftotext", &[&path, "-"]);
    for expected in [
        "Κέντρο δεδομένων",
        "резервный центр обработки данных",
        "façade, Zürich, Ærøskøbing",
        "Ελευθερία Παπαδοπούλου",
    ] {
        assert!(text.contains(expected), "no {expected:?}");
    }
    // Broken over three lines of its cell, with the next cell's text in between in
    // reading order: every piece is there, in order.
    let mut matched = 0;
    for token in text.split_whitespace() {
        if matched < long.len() && long[matched..].starts_with(token) {
            matched += token.len();
        }
    }
    assert_eq!(
        matched,
        long.len(),
        "the address, broken over lines, is all there"
    );
    for page in 1..=exported.pages {
        let p = page.to_string();
        let text = run("pdftotext", &["-f", &p, "-l", &p, &path, "-"]);
        assert!(
            text.contains("DRAFT \u{2014} NOT APPROVED"),
            "page {page} has no draft mark"
        );
    }
}

fn pdfsig(path: &str) -> String {
    run("pdfsig", &["-nocert", path])
}

fn signed_demo(dir: &Path, identity: &keel::signing::Identity) -> Vec<u8> {
    let store = demo(dir);
    let mut doc = keel::ops::export::plan_document(&store, 1, None).expect("document");
    doc.exported_at = at("2026-11-25T10:00:00Z");
    let pdf = report::export(&doc).expect("export").bytes;
    let at = chrono::DateTime::parse_from_rfc3339("2026-11-25T10:00:00Z")
        .unwrap()
        .with_timezone(&chrono::Utc);
    keel::signing::sign(&pdf, identity, &at, "Approved version 1").expect("signed")
}

#[test]
fn pdfsig_accepts_the_signed_plan_and_refuses_it_after_any_change() {
    let dir = tempfile::tempdir().expect("temp dir");
    let bytes = std::fs::read(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/signer-modern.p12"
    ))
    .unwrap();
    let identity =
        keel::signing::Identity::from_pkcs12(&bytes, "fixture-passphrase").expect("modern p12");
    assert_eq!(identity.name, "Priya Shah");
    let signed = signed_demo(dir.path(), &identity);
    let path = write(dir.path(), "signed.pdf", &signed);
    let report = pdfsig(&path);
    assert!(
        report.lines().any(|l| l == "  - Total document signed"),
        "{report}"
    );
    assert!(
        report.contains("Signature Validation: Signature is Valid."),
        "{report}"
    );
    assert!(report.contains("ETSI.CAdES.detached"));
    assert!(run("qpdf", &["--check", &path]).contains("No syntax or stream encoding errors"));
    assert!(run("pdftotext", &[&path, "-"]).contains("Halifax warehouse continuity plan"));

    // One byte changed in the document: the digest no longer matches.
    let mut tampered = signed.clone();
    let at = tampered
        .windows(8)
        .position(|w| w == b"/Creator")
        .expect("info")
        + 1;
    tampered[at] = b'X';
    let report = pdfsig(&write(dir.path(), "tampered.pdf", &tampered));
    assert!(!report.contains("Signature is Valid."), "{report}");
    // A byte added after the signature: no longer the total document.
    let mut appended = signed;
    appended.extend(b"\n% added\n");
    let report = pdfsig(&write(dir.path(), "appended.pdf", &appended));
    assert!(
        !report.lines().any(|l| l == "  - Total document signed"),
        "{report}"
    );
}

#[test]
fn identities_are_made_kept_under_a_passphrase_and_read_back_legacy_ones_too() {
    let made = keel::signing::Identity::generate("Erin Example", "Calder Valley Freight Ltd")
        .expect("identity");
    assert!(
        made.to_pkcs12("short").is_err(),
        "a passphrase of 8 characters at least"
    );
    let p12 = made.to_pkcs12("correct horse battery").expect("p12");
    assert!(keel::signing::Identity::from_pkcs12(&p12, "wrong passphrase").is_err());
    let again =
        keel::signing::Identity::from_pkcs12(&p12, "correct horse battery").expect("read back");
    assert_eq!(again.name, "Erin Example");
    assert_eq!(again.certificate(), made.certificate());

    let legacy = std::fs::read(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/signer-legacy.p12"
    ))
    .unwrap();
    let identity =
        keel::signing::Identity::from_pkcs12(&legacy, "fixture-passphrase").expect("legacy p12");
    let dir = tempfile::tempdir().expect("temp dir");
    let path = write(
        dir.path(),
        "legacy-signed.pdf",
        &signed_demo(dir.path(), &identity),
    );
    assert!(pdfsig(&path).contains("Signature is Valid."));
}

#[test]
fn identities_are_kept_in_the_config_folder_and_open_only_with_their_passphrase() {
    let dir = tempfile::tempdir().expect("temp dir");
    let shelf = keel::signing::shelf::IdentityShelf::new(dir.path());
    assert!(shelf.list().expect("empty").is_empty());
    let at = chrono::DateTime::parse_from_rfc3339("2026-11-25T10:00:00Z")
        .unwrap()
        .with_timezone(&chrono::Utc);
    let made = shelf
        .create(
            "Erin Example",
            "Calder Valley Freight Ltd",
            "correct horse battery",
            at,
        )
        .expect("made");
    let fixture = Path::new(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/signer-legacy.p12"
    ));
    assert!(
        shelf.import(fixture, "wrong", at).is_err(),
        "a wrong passphrase imports nothing"
    );
    let imported = shelf
        .import(fixture, "fixture-passphrase", at)
        .expect("imported");
    let names: Vec<String> = shelf
        .list()
        .expect("list")
        .into_iter()
        .map(|i| i.name)
        .collect();
    assert_eq!(names, ["Erin Example", "Priya Shah"]);
    assert_eq!(imported.kind, keel::signing::shelf::IdentityKind::Imported);
    assert!(shelf.open(&made.id, "not it").is_err());
    assert_eq!(
        shelf
            .open(&made.id, "correct horse battery")
            .expect("opens")
            .name,
        "Erin Example"
    );
    assert!(shelf.open("../../etc/passwd", "x").is_err());
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(
            dir.path()
                .join("identities")
                .join(format!("{}.p12", made.id)),
        )
        .unwrap()
        .permissions()
        .mode();
        assert_eq!(mode & 0o077, 0, "only its owner can read a key");
    }
}

/// Exports `doc` on another thread, failing (not hanging) if the layout never ends.
fn export_within(doc: keel::plan::PlanDocument, limit: std::time::Duration) -> report::Exported {
    let (send, receive) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let _ = send.send(report::export(&doc));
    });
    receive
        .recv_timeout(limit)
        .unwrap_or_else(|_| panic!("the export did not finish within {limit:?}"))
        .expect("export")
}

#[test]
fn tall_table_header_in_a_plan_section_does_not_page_forever() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut store = demo(dir.path());
    let draft = 2;
    let limit = std::time::Duration::from_secs(120);
    let before = export_within(
        keel::ops::export::plan_document(&store, draft, None).expect("document"),
        limit,
    );

    // A header cell of 600 characters in the first of eight columns: taller than a
    // page at that width, so it can be neither kept on one page nor repeated.
    let header: String = (0..100).map(|i| format!("own{i:02} ")).collect();
    assert_eq!(header.len(), 600);
    let mut table = format!("| {header} | B | C | D | E | F | G | H |\n");
    table.push_str("|---|---|---|---|---|---|---|---|\n");
    for r in 1..=30 {
        table.push_str(&format!(
            "| Row{r} | b{r} | c{r} | d{r} | e{r} | f{r} | g{r} | h{r} |\n"
        ));
    }
    store
        .edit_plan(
            draft,
            &PlanEdit::Section {
                key: "concept".into(),
                body: format!("The people who own each step:\n\n{table}\nAfter the table."),
            },
        )
        .expect("edit");
    let exported = export_within(
        keel::ops::export::plan_document(&store, draft, None).expect("document"),
        limit,
    );

    // The table takes a page or two of its own, plus what it pushes on.
    assert!(
        exported.pages > before.pages && exported.pages <= before.pages + 4,
        "{} pages with the table, {} without",
        exported.pages,
        before.pages
    );
    let path = write(dir.path(), "tall.pdf", &exported.bytes);
    assert!(run("qpdf", &["--check", &path]).contains("No syntax or stream encoding errors"));
    let info = run("pdfinfo", &[&path]);
    assert!(
        info.contains(&format!("Pages:           {}", exported.pages)),
        "{info}"
    );
    let text = run("pdftotext", &[&path, "-"]);
    for word in ["own00", "own99", "h30", "After the table."] {
        assert_eq!(text.matches(word).count(), 1, "{word:?} once in the text");
    }
}
