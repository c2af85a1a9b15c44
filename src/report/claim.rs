//! What a PDF exported by Keel says it is: the plan, version and content SHA-256 that
//! the export wrote into its document information (`keel verify` checks them).

/// The Keel keys of an exported PDF.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PdfClaim {
    pub plan_id: i64,
    pub version: u32,
    pub sha256: String,
}

/// A claim that matched the frozen version it names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VerifiedPdf {
    pub claim: PdfClaim,
    /// The plan's title in that version.
    pub title: String,
}

/// Reads the claim of `pdf`; `None` when it is not a PDF, or not one Keel exported.
pub fn read(pdf: &[u8]) -> Option<PdfClaim> {
    let doc = lopdf::Document::load_mem(pdf).ok()?;
    let info = doc
        .trailer
        .get(b"Info")
        .and_then(lopdf::Object::as_reference)
        .and_then(|id| doc.get_dictionary(id))
        .ok()?;
    let text = |key: &[u8]| -> Option<String> {
        let bytes = info.get(key).ok()?.as_str().ok()?;
        if let Some(utf16) = bytes.strip_prefix(&[0xFE, 0xFF]) {
            let units: Vec<u16> = utf16
                .chunks(2)
                .map(|c| u16::from_be_bytes([c[0], *c.get(1).unwrap_or(&0)]))
                .collect();
            String::from_utf16(&units).ok()
        } else {
            String::from_utf8(bytes.to_vec()).ok()
        }
    };
    Some(PdfClaim {
        plan_id: text(b"KeelPlanId")?.parse().ok()?,
        version: text(b"KeelPlanVersion")?.parse().ok()?,
        sha256: text(b"KeelContentSHA256")?,
    })
}
