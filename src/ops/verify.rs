//! `keel verify`: is this PDF an approved version of a plan in this engagement?

use std::path::Path;

use crate::report::claim::{self, VerifiedPdf};
use crate::{EngagementStore, Error, Result};

/// Checks that `pdf` (the bytes of the file `name`) was exported by Keel from an
/// approved version of a plan in the engagement of `store`: the content SHA-256 it
/// carries must match that frozen version's.
pub fn verify_pdf(store: &EngagementStore, pdf: &[u8], name: &Path) -> Result<VerifiedPdf> {
    let claim = claim::read(pdf).ok_or_else(|| {
        Error::Conflict(format!("{} is not a plan exported by Keel", name.display()))
    })?;
    let (plan, version) = (claim.plan_id, claim.version);
    let frozen = store.frozen_version(plan, version).map_err(|e| match e {
        // No such plan or approved version: the PDF is not from this engagement.
        Error::NotFound { .. } | Error::Conflict(_) => Error::Conflict(format!(
            "{} claims version {version} of plan {plan}, which {} has no approved version of: it is a draft or from another engagement",
            name.display(),
            store.path().display()
        )),
        // A damaged or altered engagement says so itself.
        other => other,
    })?;
    if frozen.sha256 != claim.sha256 {
        return Err(Error::Conflict(format!(
            "MISMATCH: {} carries content SHA-256 {}, but approved version {version} of \u{201c}{}\u{201d} is {}",
            name.display(),
            claim.sha256,
            frozen.content.title,
            frozen.sha256
        )));
    }
    Ok(VerifiedPdf {
        claim,
        title: frozen.content.title,
    })
}
