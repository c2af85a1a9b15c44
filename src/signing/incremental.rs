//! The incremental update that carries a signature: a signature dictionary with room
//! kept for the CMS, an invisible signature field on the first page, the catalog's new
//! /AcroForm and a cross-reference section for them, appended to a finished PDF. The
//! byte range covers the whole file but the hex of /Contents, which is filled last.

use lopdf::{Dictionary, Object, ObjectId};
use sha2::{Digest, Sha256};

use super::{Time, failed};
use crate::Result;
use crate::report::pdf::text_string;

/// Bytes of DER reserved for the CMS (an RSA-3072 signature with a chain of three
/// certificates needs about 6 KiB).
const RESERVED: usize = 16_384;

/// The `/ByteRange` written first, overwritten in place once the file's length is known.
const PLACEHOLDER: &[u8] = b"/ByteRange [0 0000000000 0000000000 0000000000]";

// --- writing PDF objects ------------------------------------------------------------

fn write_object(out: &mut Vec<u8>, object: &Object) {
    match object {
        Object::Null => out.extend(b"null"),
        Object::Boolean(b) => out.extend(if *b { &b"true"[..] } else { b"false" }),
        Object::Integer(i) => out.extend(i.to_string().bytes()),
        Object::Real(r) => out.extend(format!("{r}").bytes()),
        Object::Name(name) => {
            out.push(b'/');
            for &b in name {
                if (0x21..=0x7e).contains(&b) && !b"()<>[]{}/%#".contains(&b) {
                    out.push(b);
                } else {
                    out.extend(format!("#{b:02X}").bytes());
                }
            }
        }
        Object::String(bytes, _) => {
            out.push(b'<');
            for b in bytes {
                out.extend(format!("{b:02X}").bytes());
            }
            out.push(b'>');
        }
        Object::Array(items) => {
            out.push(b'[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push(b' ');
                }
                write_object(out, item);
            }
            out.push(b']');
        }
        Object::Dictionary(dict) => write_dictionary(out, dict),
        Object::Reference((n, g)) => out.extend(format!("{n} {g} R").bytes()),
        Object::Stream(_) => out.extend(b"null"),
    }
}

fn write_dictionary(out: &mut Vec<u8>, dict: &Dictionary) {
    out.extend(b"<<");
    for (key, value) in dict.iter() {
        out.push(b' ');
        write_object(out, &Object::Name(key.clone()));
        out.push(b' ');
        write_object(out, value);
    }
    out.extend(b" >>");
}

/// Bytes as upper-case hex digits.
fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02X}")).collect()
}

/// A PDF with its signature update appended, the room for the CMS still zeros.
pub(super) struct Update {
    bytes: Vec<u8>,
    /// Where the hex string of /Contents starts (its `<`) and ends (after its `>`).
    contents: (usize, usize),
}

/// What the update needs of the PDF it is appended to.
struct Original {
    root: ObjectId,
    info: ObjectId,
    /// The trailer's /Size: the first object number the update may use.
    size: u32,
    /// The first half of the file identifier, kept by the update.
    first_id: Vec<u8>,
    /// The first page, which gets the signature's widget.
    page_id: ObjectId,
    /// Where the last cross-reference table starts.
    prev: usize,
    catalog: Dictionary,
    page: Dictionary,
    /// The first page's annotations, resolved.
    annots: Vec<Object>,
}

impl Original {
    /// Reads what the update needs of `pdf`, refusing a file it cannot extend: no
    /// page, a cross-reference stream, or a form (or signature) already there.
    fn read(pdf: &[u8]) -> Result<Original> {
        let doc = lopdf::Document::load_mem(pdf).map_err(failed)?;
        let reference = |key: &[u8]| {
            doc.trailer
                .get(key)
                .and_then(Object::as_reference)
                .map_err(failed)
        };
        let root: ObjectId = reference(b"Root")?;
        let info: ObjectId = reference(b"Info")?;
        let size = doc
            .trailer
            .get(b"Size")
            .and_then(Object::as_i64)
            .map_err(failed)? as u32;
        let first_id = doc
            .trailer
            .get(b"ID")
            .and_then(Object::as_array)
            .ok()
            .and_then(|a| a.first())
            .and_then(|o| o.as_str().ok())
            .map(<[u8]>::to_vec)
            .unwrap_or_else(|| Sha256::digest(pdf)[..16].to_vec());
        let page_id = *doc
            .get_pages()
            .values()
            .next()
            .ok_or_else(|| failed("it has no page"))?;
        let tail = &pdf[pdf.len().saturating_sub(64)..];
        let prev: usize = std::str::from_utf8(tail)
            .ok()
            .and_then(|t| t.rsplit("startxref").next())
            .and_then(|t| t.split_whitespace().next())
            .and_then(|n| n.parse().ok())
            .ok_or_else(|| failed("its cross-reference table cannot be found"))?;
        if !pdf
            .get(prev..)
            .is_some_and(|rest| rest.starts_with(b"xref"))
        {
            return Err(failed("it does not use a classic cross-reference table"));
        }
        let catalog = doc.get_dictionary(root).map_err(failed)?.clone();
        if catalog.get(b"AcroForm").is_ok() {
            return Err(failed("it already has a form or a signature"));
        }
        let page = doc.get_dictionary(page_id).map_err(failed)?.clone();
        let annots = match page.get(b"Annots") {
            Ok(Object::Array(items)) => items.clone(),
            Ok(Object::Reference(id)) => doc
                .get_object(*id)
                .and_then(Object::as_array)
                .cloned()
                .unwrap_or_default(),
            _ => Vec::new(),
        };
        Ok(Original {
            root,
            info,
            size,
            first_id,
            page_id,
            prev,
            catalog,
            page,
            annots,
        })
    }
}

impl Update {
    /// Appends to `pdf` (a complete file with a classic cross-reference table, as Keel
    /// writes them) a signature by `signer` at `at` for `reason`, its byte range set and
    /// its /Contents left to [`Update::fill`].
    pub(super) fn append(pdf: &[u8], signer: &str, at: &Time, reason: &str) -> Result<Update> {
        let Original {
            root,
            info,
            size,
            first_id,
            page_id,
            prev,
            mut catalog,
            mut page,
            mut annots,
        } = Original::read(pdf)?;
        let (sig, field) = (size, size + 1);
        annots.push(Object::Reference((field, 0)));
        page.set("Annots", Object::Array(annots));
        let mut form = Dictionary::new();
        form.set("Fields", Object::Array(vec![Object::Reference((field, 0))]));
        form.set("SigFlags", 3);
        catalog.set("AcroForm", form);

        let mut out = pdf.to_vec();
        if !out.ends_with(b"\n") {
            out.push(b'\n');
        }
        let mut offsets: Vec<(u32, usize)> = Vec::new();
        // The signature dictionary.
        offsets.push((sig, out.len()));
        out.extend(
            format!(
                "{sig} 0 obj\n<< /Type /Sig /Filter /Adobe.PPKLite /SubFilter /ETSI.CAdES.detached "
            )
            .bytes(),
        );
        out.extend_from_slice(PLACEHOLDER);
        out.extend(b" /Contents <");
        let contents_at = out.len() - 1;
        out.extend(std::iter::repeat_n(b'0', 2 * RESERVED));
        out.extend(b">");
        let contents_end = out.len();
        let mut rest = Vec::new();
        rest.extend(format!(" /M ({})", at.format("D:%Y%m%d%H%M%S+00'00'")).bytes());
        rest.extend(b" /Name ");
        write_object(&mut rest, &text_string(signer));
        rest.extend(b" /Reason ");
        write_object(&mut rest, &text_string(reason));
        rest.extend(b" >>\nendobj\n");
        out.extend(rest);
        // The signature field and its (invisible) widget, on the first page.
        offsets.push((field, out.len()));
        out.extend(
            format!(
                "{field} 0 obj\n<< /Type /Annot /Subtype /Widget /FT /Sig /T (Keel signature) /V {sig} 0 R /F 132 /Rect [0 0 0 0] /P {} {} R >>\nendobj\n",
                page_id.0, page_id.1
            )
            .bytes(),
        );
        for (id, dict) in [(page_id, &page), (root, &catalog)] {
            offsets.push((id.0, out.len()));
            out.extend(format!("{} {} obj\n", id.0, id.1).bytes());
            write_dictionary(&mut out, dict);
            out.extend(b"\nendobj\n");
        }
        offsets.sort();
        let xref = out.len();
        out.extend(b"xref\n0 1\n0000000000 65535 f \n");
        for (number, offset) in &offsets {
            let generation = if *number == page_id.0 {
                page_id.1
            } else if *number == root.0 {
                root.1
            } else {
                0
            };
            out.extend(format!("{number} 1\n{offset:010} {generation:05} n \n").bytes());
        }
        let second_id = Sha256::digest([&first_id[..], at.to_rfc3339().as_bytes()].concat());
        out.extend(
            format!(
                "trailer\n<< /Size {} /Root {} {} R /Info {} {} R /ID [<{}> <{}>] /Prev {prev} >>\nstartxref\n{xref}\n%%EOF\n",
                size + 2,
                root.0,
                root.1,
                info.0,
                info.1,
                hex(&first_id),
                hex(&second_id[..16])
            )
            .bytes(),
        );

        // The byte range: everything but the hex of /Contents.
        let (a, b) = (contents_at, contents_end);
        let range = format!("/ByteRange [0 {a} {b} {}]", out.len() - b);
        let range = format!("{range:<width$}", width = PLACEHOLDER.len());
        let at_range = out
            .windows(PLACEHOLDER.len())
            .rposition(|w| w == PLACEHOLDER)
            .ok_or_else(|| failed("placeholder"))?;
        out[at_range..at_range + PLACEHOLDER.len()].copy_from_slice(range.as_bytes());
        Ok(Update {
            bytes: out,
            contents: (a, b),
        })
    }

    /// SHA-256 of the bytes the signature covers: all but the hex of /Contents.
    pub(super) fn digest(&self) -> [u8; 32] {
        let (a, b) = self.contents;
        Sha256::new()
            .chain_update(&self.bytes[..a])
            .chain_update(&self.bytes[b..])
            .finalize()
            .into()
    }

    /// The signed PDF: `cms` (DER) written into the room kept for it.
    pub(super) fn fill(self, cms: &[u8]) -> Result<Vec<u8>> {
        if cms.len() > RESERVED {
            return Err(failed("the signature is larger than the room kept for it"));
        }
        let mut out = self.bytes;
        let hex_der = hex(cms);
        let start = self.contents.0 + 1;
        out[start..start + hex_der.len()].copy_from_slice(hex_der.as_bytes());
        Ok(out)
    }
}
