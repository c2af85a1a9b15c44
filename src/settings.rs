//! The facilitator's own settings, kept in the config dir: their name (the author of
//! every change in the audit log) and the engagements they opened recently.

use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::{Error, Result};

/// How many recent engagements are remembered.
pub const RECENT_LIMIT: usize = 12;

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(default)]
pub struct Settings {
    /// Written to the audit log as the author of every change.
    pub facilitator_name: String,
    /// Most recently opened first.
    pub recent: Vec<RecentEngagement>,
    /// The agenda timer, as last started, paused or left.
    #[cfg_attr(test, ts(skip))]
    pub timer: Option<crate::domain::SavedTimer>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct RecentEngagement {
    pub path: String,
    pub organisation: String,
    pub opened_at: DateTime<Utc>,
}

/// The name of the logged-in user, from the environment; the default facilitator name.
pub fn login_name() -> Option<String> {
    ["USER", "USERNAME", "LOGNAME"]
        .iter()
        .find_map(|var| std::env::var(var).ok().filter(|v| !v.trim().is_empty()))
}

impl Settings {
    /// Reads the settings; a missing file gives the defaults. A file that cannot be read
    /// as settings is moved aside (never deleted) and the defaults are used.
    pub fn load(path: &Path) -> Result<Settings> {
        let text = match std::fs::read_to_string(path) {
            Ok(text) => text,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Settings::default()),
            Err(e) => return Err(Error::io("read", path)(e)),
        };
        match serde_json::from_str(&text) {
            Ok(settings) => Ok(settings),
            Err(_) => {
                let aside = path.with_extension(format!(
                    "json.unreadable-{}",
                    Utc::now().format("%Y%m%dT%H%M%SZ")
                ));
                std::fs::rename(path, &aside).map_err(Error::io("move aside", path))?;
                Ok(Settings::default())
            }
        }
    }

    /// Writes the settings atomically (a temporary file renamed over the old one).
    pub fn save(&self, path: &Path) -> Result<()> {
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir).map_err(Error::io("create", dir))?;
        }
        let temp = path.with_extension("json.saving");
        std::fs::write(&temp, serde_json::to_string_pretty(self)?)
            .map_err(Error::io("write", &temp))?;
        std::fs::rename(&temp, path).map_err(Error::io("write", path))
    }

    /// Puts `path` at the top of the recent list.
    pub fn remember(&mut self, path: &Path, organisation: &str, at: DateTime<Utc>) {
        let path = path.display().to_string();
        self.recent.retain(|r| r.path != path);
        self.recent.insert(
            0,
            RecentEngagement {
                path,
                organisation: organisation.to_owned(),
                opened_at: at,
            },
        );
        self.recent.truncate(RECENT_LIMIT);
    }

    pub fn forget(&mut self, path: &Path) {
        let path = path.display().to_string();
        self.recent.retain(|r| r.path != path);
    }

    pub fn last_opened(&self) -> Option<PathBuf> {
        self.recent.first().map(|r| PathBuf::from(&r.path))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn remember_moves_to_top_without_duplicates() {
        let mut s = Settings::default();
        let t = Utc::now();
        s.remember(Path::new("/a.keel"), "A", t);
        s.remember(Path::new("/b.keel"), "B", t);
        s.remember(Path::new("/a.keel"), "A2", t);
        let paths: Vec<_> = s.recent.iter().map(|r| r.path.as_str()).collect();
        assert_eq!(paths, ["/a.keel", "/b.keel"]);
        assert_eq!(s.recent[0].organisation, "A2");
    }

    #[test]
    fn an_unreadable_settings_file_is_moved_aside_not_lost() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("settings.json");
        std::fs::write(&path, "{ not json").expect("write");
        assert_eq!(Settings::load(&path).expect("load"), Settings::default());
        let kept: Vec<_> = std::fs::read_dir(dir.path())
            .expect("list")
            .filter_map(|e| e.ok())
            .filter(|e| e.file_name().to_string_lossy().contains("unreadable"))
            .collect();
        assert_eq!(kept.len(), 1);
        assert_eq!(
            std::fs::read_to_string(kept[0].path()).expect("read"),
            "{ not json"
        );
    }
}
