//! A digital signature on a finished PDF: PAdES baseline B (CMS detached,
//! ETSI.CAdES.detached, with the signing-certificate-v2 attribute and no signing time
//! inside it), written as an incremental update that covers the whole file. No time
//! stamp: Keel works offline, so the signing time is the one the signer claims.

use lopdf::{Dictionary, Object, ObjectId};
use rsa::pkcs1v15::SigningKey;
use rsa::signature::{SignatureEncoding, Signer};
use sha2::{Digest, Sha256};
use x509_cert::Certificate;
use x509_cert::der::{Decode, Encode};

use super::identity::Identity;
use super::pdf::text_string;
use crate::{Error, Result};

/// A moment in time, as signatures record it.
pub type Time = chrono::DateTime<chrono::Utc>;

/// Now, for the signature dictionary's /M.
pub fn now() -> Time {
    chrono::Utc::now()
}

/// Bytes of DER reserved for the CMS (an RSA-3072 signature with a chain of three
/// certificates needs about 6 KiB).
const RESERVED: usize = 16_384;

fn failed(what: impl std::fmt::Display) -> Error {
    Error::Conflict(format!("the PDF could not be signed: {what}"))
}

// --- the little DER the CMS needs -------------------------------------------------

fn length(n: usize) -> Vec<u8> {
    if n < 0x80 {
        return vec![n as u8];
    }
    let bytes: Vec<u8> = n
        .to_be_bytes()
        .into_iter()
        .skip_while(|b| *b == 0)
        .collect();
    let mut out = vec![0x80 | bytes.len() as u8];
    out.extend(bytes);
    out
}

fn tlv(tag: u8, body: &[u8]) -> Vec<u8> {
    let mut out = vec![tag];
    out.extend(length(body.len()));
    out.extend_from_slice(body);
    out
}

fn seq(parts: &[&[u8]]) -> Vec<u8> {
    tlv(0x30, &parts.concat())
}

/// A DER SET OF: the encodings sorted.
fn set(parts: &[Vec<u8>]) -> Vec<u8> {
    let mut sorted = parts.to_vec();
    sorted.sort();
    tlv(0x31, &sorted.concat())
}

fn oid(dotted: &str) -> Vec<u8> {
    let arcs: Vec<u64> = dotted.split('.').filter_map(|a| a.parse().ok()).collect();
    let mut body = vec![(40 * arcs[0] + arcs[1]) as u8];
    for &arc in &arcs[2..] {
        let mut chunk = vec![(arc & 0x7f) as u8];
        let mut rest = arc >> 7;
        while rest > 0 {
            chunk.push(0x80 | (rest & 0x7f) as u8);
            rest >>= 7;
        }
        chunk.reverse();
        body.extend(chunk);
    }
    tlv(0x06, &body)
}

const ID_DATA: &str = "1.2.840.113549.1.7.1";
const ID_SIGNED_DATA: &str = "1.2.840.113549.1.7.2";
const ID_CONTENT_TYPE: &str = "1.2.840.113549.1.9.3";
const ID_MESSAGE_DIGEST: &str = "1.2.840.113549.1.9.4";
const ID_SIGNING_CERTIFICATE_V2: &str = "1.2.840.113549.1.9.16.2.47";
const ID_SHA256: &str = "2.16.840.1.101.3.4.2.1";
const ID_SHA256_WITH_RSA: &str = "1.2.840.113549.1.1.11";

/// CMS SignedData over `digest`, detached, signed by `identity`.
fn cms(digest: &[u8], identity: &Identity) -> Result<Vec<u8>> {
    let leaf = identity.certificate();
    let cert = Certificate::from_der(leaf).map_err(failed)?;
    let issuer = cert.tbs_certificate.issuer.to_der().map_err(failed)?;
    let serial = cert
        .tbs_certificate
        .serial_number
        .to_der()
        .map_err(failed)?;
    // ESSCertIDv2 { certHash, issuerSerial { [4] issuer, serial } }, SHA-256 by default.
    let ess = seq(&[&seq(&[&seq(&[
        &tlv(0x04, &Sha256::digest(leaf)),
        &seq(&[&seq(&[&tlv(0xa4, &issuer)]), &serial]),
    ])])]);
    let attributes = set(&[
        seq(&[&oid(ID_CONTENT_TYPE), &set(&[oid(ID_DATA)])]),
        seq(&[&oid(ID_MESSAGE_DIGEST), &set(&[tlv(0x04, digest)])]),
        seq(&[&oid(ID_SIGNING_CERTIFICATE_V2), &set(&[ess])]),
    ]);
    let signature = SigningKey::<Sha256>::new(identity.key.clone())
        .sign(&attributes)
        .to_vec();
    let mut signed_attrs = attributes;
    signed_attrs[0] = 0xa0; // [0] IMPLICIT in the SignerInfo; the signature covers the SET
    let null = [0x05, 0x00];
    let signer_info = seq(&[
        &tlv(0x02, &[1]),
        &seq(&[&issuer, &serial]),
        &seq(&[&oid(ID_SHA256)]),
        &signed_attrs,
        &seq(&[&oid(ID_SHA256_WITH_RSA), &null]),
        &tlv(0x04, &signature),
    ]);
    let signed_data = seq(&[
        &tlv(0x02, &[1]),
        &set(&[seq(&[&oid(ID_SHA256)])]),
        &seq(&[&oid(ID_DATA)]),
        &tlv(0xa0, &identity.certificates.concat()),
        &set(&[signer_info]),
    ]);
    Ok(seq(&[&oid(ID_SIGNED_DATA), &tlv(0xa0, &signed_data)]))
}

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

/// Signs `pdf` (a complete file with a classic cross-reference table, as Keel writes
/// them) and returns it with the signature appended as an incremental update.
pub fn sign(
    pdf: &[u8],
    identity: &Identity,
    at: &chrono::DateTime<chrono::Utc>,
    reason: &str,
) -> Result<Vec<u8>> {
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
    let mut page = doc.get_dictionary(page_id).map_err(failed)?.clone();

    let (sig, field) = (size, size + 1);
    let mut annots = match page.get(b"Annots") {
        Ok(Object::Array(items)) => items.clone(),
        Ok(Object::Reference(id)) => doc
            .get_object(*id)
            .and_then(Object::as_array)
            .cloned()
            .unwrap_or_default(),
        _ => Vec::new(),
    };
    annots.push(Object::Reference((field, 0)));
    page.set("Annots", Object::Array(annots));
    let mut catalog = catalog;
    let mut form = Dictionary::new();
    form.set("Fields", Object::Array(vec![Object::Reference((field, 0))]));
    form.set("SigFlags", 3);
    catalog.set("AcroForm", form);

    let mut out = pdf.to_vec();
    if !out.ends_with(b"\n") {
        out.push(b'\n');
    }
    let mut offsets: Vec<(u32, usize)> = Vec::new();
    let placeholder = b"/ByteRange [0 0000000000 0000000000 0000000000]";
    // The signature dictionary.
    offsets.push((sig, out.len()));
    out.extend(
        format!(
            "{sig} 0 obj\n<< /Type /Sig /Filter /Adobe.PPKLite /SubFilter /ETSI.CAdES.detached "
        )
        .bytes(),
    );
    out.extend_from_slice(placeholder);
    out.extend(b" /Contents <");
    let contents_at = out.len() - 1;
    out.extend(std::iter::repeat_n(b'0', 2 * RESERVED));
    out.extend(b">");
    let contents_end = out.len();
    let mut rest = Vec::new();
    rest.extend(format!(" /M ({})", at.format("D:%Y%m%d%H%M%S+00'00'")).bytes());
    rest.extend(b" /Name ");
    write_object(&mut rest, &text_string(&identity.name));
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
    let hex = |b: &[u8]| b.iter().map(|x| format!("{x:02X}")).collect::<String>();
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
    let range = format!("{range:<width$}", width = placeholder.len());
    let at_range = out
        .windows(placeholder.len())
        .rposition(|w| w == placeholder)
        .ok_or_else(|| failed("placeholder"))?;
    out[at_range..at_range + placeholder.len()].copy_from_slice(range.as_bytes());
    let digest = Sha256::new()
        .chain_update(&out[..a])
        .chain_update(&out[b..])
        .finalize();
    let der = cms(&digest, identity)?;
    if der.len() > RESERVED {
        return Err(failed("the signature is larger than the room kept for it"));
    }
    let hex_der = hex(&der);
    out[a + 1..a + 1 + hex_der.len()].copy_from_slice(hex_der.as_bytes());
    Ok(out)
}
