//! `keel export`, `keel verify` and `keel bench pdf`.

use std::path::{Path, PathBuf};

use keel::ops::{self, export::ExportRequest};
use keel::plan::PlanDocument;
use keel::report;
use keel::signing::Passphrase;
use keel::signing::shelf as identities;
use keel::{EngagementStore, Error};
use zeroize::Zeroizing;

use super::parse_time;

/// The passphrase in the first line of `file`. The file's text is wiped once read.
fn passphrase(file: &Path) -> keel::Result<Passphrase> {
    let text = Zeroizing::new(std::fs::read_to_string(file).map_err(Error::io("read", file))?);
    Ok(Passphrase::first_line(&text))
}

pub fn new_identity(name: &str, org: &str, out: &Path, passphrase_file: &Path) -> keel::Result<()> {
    // Refused before the key is made (that takes a moment); `write_private` refuses
    // again should the file appear meanwhile.
    if out.exists() {
        return Err(Error::FileExists(out.to_owned()));
    }
    let pass = passphrase(passphrase_file)?;
    let identity = keel::signing::Identity::generate(name, org)?;
    let bytes = identity.to_pkcs12(&pass)?;
    // A missing folder is made the owner's alone; an existing one is the user's choice.
    if let Some(folder) = out
        .parent()
        .filter(|f| !f.as_os_str().is_empty() && !f.exists())
    {
        identities::private_dir(folder)?;
    }
    identities::write_private(out, &bytes)?;
    say!(
        "Wrote the signing identity of {} to {} (a self-signed certificate; keep the passphrase safe).",
        identity.name,
        out.display()
    );
    Ok(())
}

pub fn export(
    file: &Path,
    (plan, version): (i64, Option<u32>),
    out: &Path,
    (classification, at): (Option<String>, Option<String>),
    sign: Option<(PathBuf, PathBuf)>,
) -> keel::Result<()> {
    let at = at.map(|at| parse_time("--at", &at)).transpose()?;
    let store = EngagementStore::open(file)?;
    let request = ExportRequest {
        plan_id: plan,
        version,
        classification,
        at,
    };
    let doc = ops::export::document(&store, &request)?;
    // Open the identity first: a wrong passphrase must not leave an unsigned file behind.
    let identity = open_identity(sign.as_ref())?;
    let exported = ops::export::write_pdf(&doc, identity.as_ref(), out)?;
    if let Some(signer) = &exported.signed_by {
        say!("Signed by {signer} (PAdES baseline B; no time stamp, as Keel works offline).");
    }
    say!(
        "Wrote {} ({} pages): \u{201c}{}\u{201d} version {}, content SHA-256 {}.",
        out.display(),
        exported.pages,
        exported.title,
        exported.version,
        exported.sha256
    );
    warn_missing(&exported.missing);
    Ok(())
}

/// The signing identity in `sign` (the .p12 file and the file holding its passphrase),
/// opened; `None` when not signing.
pub(super) fn open_identity(
    sign: Option<&(PathBuf, PathBuf)>,
) -> keel::Result<Option<keel::signing::Identity>> {
    let Some((p12, pass)) = sign else {
        return Ok(None);
    };
    let bytes = identities::read_capped(p12)?;
    Ok(Some(keel::signing::Identity::from_pkcs12(
        &bytes,
        &passphrase(pass)?,
    )?))
}

/// Tells of characters a PDF shows as boxes.
pub(super) fn warn_missing(missing: &[char]) {
    if missing.is_empty() {
        return;
    }
    let list: String = missing
        .iter()
        .map(|c| format!("{c} (U+{:04X}) ", *c as u32))
        .collect();
    eprintln!(
        "keel: no shipped font has these characters; they show as boxes: {}",
        list.trim()
    );
}

pub fn verify(pdf: &Path, engagement: &Path) -> keel::Result<()> {
    let bytes = std::fs::read(pdf).map_err(Error::io("read", pdf))?;
    let store = EngagementStore::open(engagement)?;
    let verified = ops::verify::verify_pdf(&store, &bytes, pdf)?;
    let claim = &verified.claim;
    say!(
        "OK: {} is approved version {} of \u{201c}{}\u{201d} (plan {}), content SHA-256 {}.",
        pdf.display(),
        claim.version,
        verified.title,
        claim.plan_id,
        claim.sha256
    );
    Ok(())
}

/// Lays out and writes a synthetic plan of at least `pages` pages, and says how long
/// layout and writing took.
pub fn bench_pdf(pages: usize, out: Option<PathBuf>) -> keel::Result<()> {
    // Find the content size that gives the pages asked for.
    let mut scale = pages.max(1);
    let mut doc: PlanDocument = report::sample::synthetic_plan(scale);
    let mut probe = report::export(&doc)?;
    while probe.pages < pages {
        scale = scale * pages / probe.pages.max(1) + 1;
        doc = report::sample::synthetic_plan(scale);
        probe = report::export(&doc)?;
    }
    // Cold: nothing shaped yet, as for the first export in a fresh process. Warm: the
    // words already shaped, as for the next export in the same session.
    let runs = 5;
    let median = |v: &mut Vec<f64>| {
        v.sort_by(f64::total_cmp);
        v[v.len() / 2] * 1000.0
    };
    let mut last = probe;
    for cold in [true, false] {
        let (mut layout, mut write) = (Vec::new(), Vec::new());
        for _ in 0..runs {
            if cold {
                report::fonts::fonts().clear_cache();
            }
            last = report::export(&doc)?;
            layout.push(last.layout_seconds);
            write.push(last.write_seconds);
        }
        let (l, w) = (median(&mut layout), median(&mut write));
        say!(
            "{} pages, {} KiB, {}: layout {l:.0} ms, writing {w:.0} ms, total {:.0} ms (median of {runs}).",
            last.pages,
            last.bytes.len() / 1024,
            if cold { "cold" } else { "warm" },
            l + w
        );
    }
    if let Some(out) = out {
        std::fs::write(&out, &last.bytes).map_err(Error::io("write", &out))?;
    }
    Ok(())
}
