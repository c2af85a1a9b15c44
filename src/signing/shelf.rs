//! The facilitator's signing identities, kept in Keel's config folder (`identities/`):
//! each a PKCS#12 file protected by its passphrase, with a small note of who it is.
//! Keel never stores a passphrase. The folder is the owner's alone (0700) and each file
//! is created owner-only (0600) from its first byte.

use std::io::Write;
use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::identity::{Identity, Passphrase};
use super::pkcs12::{MAX_FILE_BYTES, Pkcs12Error};
use crate::capped_read::Capped;
use crate::{Error, Result};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum IdentityKind {
    /// Made by Keel, with a self-signed certificate.
    SelfSigned,
    /// Issued by an organisation and imported from a PKCS#12 file.
    Imported,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct IdentityInfo {
    pub id: String,
    pub name: String,
    pub kind: IdentityKind,
    /// RFC 3339.
    pub created_at: String,
}

/// Sign an export with identity `identity_id`, opened with `passphrase`.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct SigningRequest {
    pub identity_id: String,
    #[cfg_attr(test, ts(type = "string"))]
    pub passphrase: Passphrase,
}

pub struct IdentityShelf {
    dir: PathBuf,
}

fn slug(name: &str) -> String {
    let s: String = name
        .chars()
        .map(|c| {
            if c.is_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '-'
            }
        })
        .collect();
    let s = s.trim_matches('-').to_owned();
    if s.is_empty() { "identity".into() } else { s }
}

impl IdentityShelf {
    pub fn new(config_dir: &Path) -> IdentityShelf {
        IdentityShelf {
            dir: config_dir.join("identities"),
        }
    }

    pub fn list(&self) -> Result<Vec<IdentityInfo>> {
        let Ok(entries) = std::fs::read_dir(&self.dir) else {
            return Ok(Vec::new());
        };
        let mut out = Vec::new();
        for entry in entries.flatten() {
            let path = entry.path();
            if path.extension().is_some_and(|e| e == "json") && path.with_extension("p12").exists()
            {
                let text = std::fs::read_to_string(&path).map_err(Error::io("read", &path))?;
                if let Ok(info) = serde_json::from_str::<IdentityInfo>(&text) {
                    out.push(info);
                }
            }
        }
        out.sort_by(|a, b| {
            a.name
                .to_lowercase()
                .cmp(&b.name.to_lowercase())
                .then(a.id.cmp(&b.id))
        });
        Ok(out)
    }

    fn keep(
        &self,
        name: &str,
        kind: IdentityKind,
        p12: &[u8],
        at: DateTime<Utc>,
    ) -> Result<IdentityInfo> {
        private_dir(&self.dir)?;
        let id = format!("{}-{}", slug(name), at.format("%Y%m%d%H%M%S"));
        let info = IdentityInfo {
            id: id.clone(),
            name: name.to_owned(),
            kind,
            created_at: at.to_rfc3339(),
        };
        let key_file = self.dir.join(format!("{id}.p12"));
        write_private(&key_file, p12)?;
        let note = self.dir.join(format!("{id}.json"));
        let text = serde_json::to_string_pretty(&info)?;
        if let Err(e) = write_private(&note, text.as_bytes()) {
            // Without its note the key would not be listed: take it back.
            let _ = std::fs::remove_file(&key_file);
            return Err(e);
        }
        Ok(info)
    }

    /// Makes a key and a self-signed certificate for `name`, kept under `passphrase`.
    pub fn create(
        &self,
        name: &str,
        organisation: &str,
        passphrase: &str,
        at: DateTime<Utc>,
    ) -> Result<IdentityInfo> {
        let identity = Identity::generate(name, organisation)?;
        let p12 = identity.to_pkcs12(passphrase)?;
        self.keep(&identity.name, IdentityKind::SelfSigned, &p12, at)
    }

    /// Takes a copy of an organisation-issued PKCS#12 file, once its passphrase opens it.
    /// A file Keel refuses is a refusal of the `path` field, a wrong passphrase of the
    /// `passphrase` field.
    pub fn import(&self, file: &Path, passphrase: &str, at: DateTime<Utc>) -> Result<IdentityInfo> {
        let about_file = |e: Error| match e {
            Error::Signing(reason) => {
                Error::invalid("path", format!("{}: {reason}", file.display()))
            }
            e @ Error::Io { .. } => Error::invalid("path", e.to_string()),
            other => other,
        };
        let bytes = read_capped(file).map_err(about_file)?;
        let identity = Identity::from_pkcs12(&bytes, passphrase).map_err(about_file)?;
        self.keep(&identity.name, IdentityKind::Imported, &bytes, at)
    }

    /// Opens identity `id` with its passphrase.
    pub fn open(&self, id: &str, passphrase: &str) -> Result<Identity> {
        if id.contains(['/', '\\']) || id.starts_with('.') {
            return Err(Error::Signing(format!(
                "no signing identity is called {id}"
            )));
        }
        let file = self.dir.join(format!("{id}.p12"));
        let bytes = read_capped(&file)?;
        Identity::from_pkcs12(&bytes, passphrase)
    }
}

/// Reads a PKCS#12 file of at most [`MAX_FILE_BYTES`], refusing a larger one before
/// reading it all.
pub fn read_capped(file: &Path) -> Result<Vec<u8>> {
    match crate::capped_read::read_capped(file, MAX_FILE_BYTES)? {
        Capped::Bytes(bytes) => Ok(bytes),
        Capped::TooLarge(size) => Err(Pkcs12Error::TooLarge {
            size: size.unwrap_or(MAX_FILE_BYTES + 1),
            limit: MAX_FILE_BYTES,
        }
        .into()),
    }
}

/// Makes `dir` (and any missing parents) readable by its owner only; an existing `dir`
/// with wider permissions is tightened to 0700. Parents that already exist are left
/// as they are.
pub fn private_dir(dir: &Path) -> Result<()> {
    let mut builder = std::fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::{DirBuilderExt, PermissionsExt};
        builder.mode(0o700);
        builder
            .create(dir)
            .map_err(Error::io("create the folder", dir))?;
        let mode = std::fs::metadata(dir)
            .map_err(Error::io("read", dir))?
            .permissions()
            .mode();
        if mode & 0o077 != 0 {
            std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o700))
                .map_err(Error::io("restrict the permissions of", dir))?;
        }
    }
    #[cfg(not(unix))]
    builder
        .create(dir)
        .map_err(Error::io("create the folder", dir))?;
    Ok(())
}

/// Writes `bytes` to a new file `path` that only its owner can read (0600 from its
/// creation, so no other user ever sees the content), durably. An existing file is
/// never replaced; a failed write leaves no file behind.
pub fn write_private(path: &Path, bytes: &[u8]) -> Result<()> {
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    let mut file = options.open(path).map_err(|e| {
        if e.kind() == std::io::ErrorKind::AlreadyExists {
            Error::FileExists(path.to_owned())
        } else {
            Error::io("create", path)(e)
        }
    })?;
    let written = file.write_all(bytes).and_then(|()| file.sync_all());
    if let Err(e) = written {
        drop(file);
        let _ = std::fs::remove_file(path);
        return Err(Error::io("write", path)(e));
    }
    Ok(())
}
