//! Signing: the facilitator's identities (an RSA key and its certificate, kept in
//! PKCS#12 files on the identity shelf) and the PAdES baseline B signature Keel puts on
//! a finished PDF. Floor 3, beside `report`: it takes the bytes of a finished PDF, not
//! plan values, and knows nothing of the engagement store.
//!
//! A signature is CMS detached (ETSI.CAdES.detached, with the signing-certificate-v2
//! attribute and no signing time inside it), written as an incremental update that
//! covers the whole file. No time stamp: Keel works offline, so the signing time is the
//! one the signer claims, in the signature dictionary's /M.

pub mod identity;
mod incremental;
pub mod pkcs12;
pub mod shelf;
mod signed_data;

pub use identity::{Identity, Passphrase};

use crate::{Error, Result};

/// A moment in time, as signatures record it.
pub type Time = chrono::DateTime<chrono::Utc>;

/// Now, for the signature dictionary's /M.
pub fn now() -> Time {
    chrono::Utc::now()
}

/// A PDF that could not be signed, and why.
fn failed(what: impl std::fmt::Display) -> Error {
    Error::Signing(format!("the PDF could not be signed: {what}"))
}

/// Signs `pdf` (a complete file with a classic cross-reference table, as Keel writes
/// them) and returns it with the signature appended as an incremental update.
pub fn sign(pdf: &[u8], identity: &Identity, at: &Time, reason: &str) -> Result<Vec<u8>> {
    let update = incremental::Update::append(pdf, &identity.name, at, reason)?;
    let cms = signed_data::detached(&update.digest(), identity)?;
    update.fill(&cms)
}
