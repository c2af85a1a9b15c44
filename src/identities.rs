//! The facilitator's signing identities, kept in Keel's config folder (`identities/`):
//! each a PKCS#12 file protected by its passphrase, with a small note of who it is.
//! Keel never stores a passphrase.

use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::report::identity::Identity;
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
    pub passphrase: String,
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
        std::fs::create_dir_all(&self.dir).map_err(Error::io("create the folder", &self.dir))?;
        let id = format!("{}-{}", slug(name), at.format("%Y%m%d%H%M%S"));
        let info = IdentityInfo {
            id: id.clone(),
            name: name.to_owned(),
            kind,
            created_at: at.to_rfc3339(),
        };
        let key_file = self.dir.join(format!("{id}.p12"));
        if key_file.exists() {
            return Err(Error::FileExists(key_file));
        }
        std::fs::write(&key_file, p12).map_err(Error::io("write", &key_file))?;
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let _ = std::fs::set_permissions(&key_file, std::fs::Permissions::from_mode(0o600));
        }
        let note = self.dir.join(format!("{id}.json"));
        let text = serde_json::to_string_pretty(&info)?;
        std::fs::write(&note, text).map_err(Error::io("write", &note))?;
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
    pub fn import(&self, file: &Path, passphrase: &str, at: DateTime<Utc>) -> Result<IdentityInfo> {
        let bytes = std::fs::read(file).map_err(Error::io("read", file))?;
        let identity = Identity::from_pkcs12(&bytes, passphrase)?;
        self.keep(&identity.name, IdentityKind::Imported, &bytes, at)
    }

    /// Opens identity `id` with its passphrase.
    pub fn open(&self, id: &str, passphrase: &str) -> Result<Identity> {
        if id.contains(['/', '\\']) || id.starts_with('.') {
            return Err(Error::Conflict(format!(
                "no signing identity is called {id}"
            )));
        }
        let file = self.dir.join(format!("{id}.p12"));
        let bytes = std::fs::read(&file).map_err(Error::io("read", &file))?;
        Identity::from_pkcs12(&bytes, passphrase)
    }
}
