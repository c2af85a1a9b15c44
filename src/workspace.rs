//! The facilitator's workspace: where settings and engagements live on this machine,
//! which engagement is open, and the start-up rule (reopen the last engagement, or
//! create a starter engagement on the very first start).

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::demo;
use crate::domain::{EngagementDetails, EngagementDetailsInput, SavedTimer, WorkshopTimer};
use crate::settings::{RecentEngagement, Settings};
use crate::store::{EXTENSION, EngagementStore};
use crate::{Error, Result};

/// The directories Keel uses on this machine.
#[derive(Debug, Clone)]
pub struct AppDirs {
    /// Settings and the recent list.
    pub config_dir: PathBuf,
    /// Where new engagements are proposed.
    pub data_dir: PathBuf,
}

impl AppDirs {
    /// The platform's directories for Keel (XDG on Linux: `~/.config/keel`,
    /// `~/.local/share/keel`).
    pub fn for_user() -> Result<AppDirs> {
        let dirs = directories::ProjectDirs::from("", "", "keel").ok_or_else(|| Error::Io {
            action: "find",
            path: PathBuf::from("~"),
            source: std::io::Error::other("no home directory is set for this user"),
        })?;
        Ok(AppDirs {
            config_dir: dirs.config_dir().to_owned(),
            data_dir: dirs.data_dir().to_owned(),
        })
    }

    pub fn settings_file(&self) -> PathBuf {
        self.config_dir.join("settings.json")
    }

    pub fn engagements_dir(&self) -> PathBuf {
        self.data_dir.join("engagements")
    }

    /// The facilitator's signing identities.
    pub fn identities(&self) -> crate::signing::shelf::IdentityShelf {
        crate::signing::shelf::IdentityShelf::new(&self.config_dir)
    }
}

/// What the app shows about the workspace.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct WorkspaceState {
    /// The open engagement, if any.
    pub current: Option<CurrentEngagement>,
    pub recent: Vec<RecentEngagementEntry>,
    pub facilitator_name: String,
    /// Where new engagements go unless the user picks another place.
    pub engagements_dir: String,
    /// Why the last engagement could not be reopened at start-up, if it could not.
    pub startup_problem: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct CurrentEngagement {
    pub path: String,
    pub details: EngagementDetails,
}

#[derive(Debug, Clone, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct RecentEngagementEntry {
    #[serde(flatten)]
    pub entry: RecentEngagement,
    /// False when the file is no longer where it was.
    pub available: bool,
}

/// Input for a new engagement; an empty `path` means "propose one in the data dir".
#[derive(Debug, Clone, Default, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct NewEngagementInput {
    pub organisation: String,
    pub path: String,
}

pub struct Workspace {
    dirs: AppDirs,
    settings: Settings,
    current: Option<EngagementStore>,
    startup_problem: Option<String>,
}

/// Organisation name of the engagement made on the very first start.
pub const STARTER_ORGANISATION: &str = "My first engagement";

/// File name (without extension) of the sample engagement in the engagements dir.
pub const SAMPLE_FILE: &str = "Sample - Calder Valley Freight";

/// Who the sample engagement's own records are logged as.
const SAMPLE_AUTHOR: &str = "Keel sample data";

impl Workspace {
    /// Loads the settings and reopens the last engagement; on the very first start
    /// (nothing ever opened) creates a starter engagement so the app is usable at once.
    /// An engagement that cannot be opened or created is reported in `startup_problem`,
    /// and the app starts without one.
    pub fn start(dirs: AppDirs, default_facilitator: &str) -> Result<Workspace> {
        let mut settings = Settings::load(&dirs.settings_file())?;
        if settings.facilitator_name.trim().is_empty() {
            default_facilitator
                .trim()
                .clone_into(&mut settings.facilitator_name);
        }
        let mut workspace = Workspace {
            dirs,
            settings,
            current: None,
            startup_problem: None,
        };
        let opened = match workspace.settings.last_opened() {
            Some(last) => workspace.open(&last).map(drop),
            None => workspace.open_or_create_starter(),
        };
        if let Err(err) = opened {
            workspace.startup_problem = Some(err.to_string());
        }
        Ok(workspace)
    }

    /// The engagement made on the very first start, in the engagements dir.
    fn open_or_create_starter(&mut self) -> Result<()> {
        let starter = self
            .dirs
            .engagements_dir()
            .join(format!("{STARTER_ORGANISATION}.{EXTENSION}"));
        if starter.exists() {
            self.open(&starter)?;
        } else {
            self.create(&NewEngagementInput {
                organisation: STARTER_ORGANISATION.into(),
                path: starter.display().to_string(),
            })?;
        }
        Ok(())
    }

    /// Opens the sample engagement (the demo: a freight company's BIA, dependencies and
    /// an approved plan), written into the engagements dir the first time it is asked
    /// for; a sample already there is opened as it is, with whatever was done to it.
    pub fn open_sample(&mut self) -> Result<WorkspaceState> {
        let dir = self.dirs.engagements_dir();
        let path = dir.join(format!("{SAMPLE_FILE}.{EXTENSION}"));
        if path.exists() {
            return self.open(&path);
        }
        std::fs::create_dir_all(&dir).map_err(Error::io("create the folder", &dir))?;
        // Written under another name and renamed once whole, so that a sample cut short
        // (a crash, a full disk) is never the one reopened later.
        let partial = dir.join(format!("{SAMPLE_FILE}.partial.{EXTENSION}"));
        let _ = std::fs::remove_file(&partial);
        drop(demo::write_demo(&partial, SAMPLE_AUTHOR)?);
        std::fs::rename(&partial, &path).map_err(Error::io("name the sample engagement", &path))?;
        self.open(&path)
    }

    pub fn state(&self) -> Result<WorkspaceState> {
        let current = match &self.current {
            Some(store) => Some(CurrentEngagement {
                path: store.path().display().to_string(),
                details: store.details()?,
            }),
            None => None,
        };
        Ok(WorkspaceState {
            current,
            recent: self
                .settings
                .recent
                .iter()
                .map(|entry| RecentEngagementEntry {
                    available: Path::new(&entry.path).is_file(),
                    entry: entry.clone(),
                })
                .collect(),
            facilitator_name: self.settings.facilitator_name.clone(),
            engagements_dir: self.dirs.engagements_dir().display().to_string(),
            startup_problem: self.startup_problem.clone(),
        })
    }

    /// The open engagement.
    pub fn dirs(&self) -> &AppDirs {
        &self.dirs
    }

    pub fn store(&mut self) -> Result<&mut EngagementStore> {
        self.current.as_mut().ok_or(Error::NoEngagement)
    }

    /// Opens an engagement file and makes it the current one. On failure the current
    /// engagement stays open.
    pub fn open(&mut self, path: &Path) -> Result<WorkspaceState> {
        let store = EngagementStore::open(path)?.with_actor(&self.settings.facilitator_name);
        self.make_current(store)
    }

    /// Creates a new engagement (in the data dir unless a path is given) and opens it.
    pub fn create(&mut self, input: &NewEngagementInput) -> Result<WorkspaceState> {
        let path = if input.path.trim().is_empty() {
            self.propose_path(&input.organisation)
        } else {
            with_keel_extension(Path::new(input.path.trim()))
        };
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir).map_err(Error::io("create the folder", dir))?;
        }
        let details = EngagementDetailsInput {
            organisation: input.organisation.clone(),
            facilitator: self.settings.facilitator_name.clone(),
            ..Default::default()
        };
        let store = EngagementStore::create(&path, &details, &self.settings.facilitator_name)?;
        self.make_current(store)
    }

    /// A free file name in the engagements dir, made from the organisation's name.
    pub fn propose_path(&self, organisation: &str) -> PathBuf {
        let dir = self.dirs.engagements_dir();
        let stem = file_stem_for(organisation);
        (1..)
            .map(|n| match n {
                1 => dir.join(format!("{stem}.{EXTENSION}")),
                n => dir.join(format!("{stem} ({n}).{EXTENSION}")),
            })
            .find(|p| !p.exists())
            .unwrap_or_else(|| dir.join(format!("{stem}.{EXTENSION}")))
    }

    /// The agenda timer as it stands at `now`, if one was ever saved.
    pub fn timer(&self, now: chrono::DateTime<chrono::Utc>) -> Option<WorkshopTimer> {
        self.settings.timer.map(|saved| saved.at(now))
    }

    /// Keeps the agenda timer as it is at `now`, so that it survives a restart.
    pub fn save_timer(
        &mut self,
        timer: WorkshopTimer,
        now: chrono::DateTime<chrono::Utc>,
    ) -> Result<()> {
        self.settings.timer = Some(SavedTimer {
            timer,
            saved_at: now,
        });
        self.settings.save(&self.dirs.settings_file())
    }

    pub fn set_facilitator_name(&mut self, name: &str) -> Result<WorkspaceState> {
        let mut errors = crate::domain::FieldErrors::new();
        let name = errors.required_text("facilitator_name", "Your name", name, 200);
        errors.into_result()?;
        self.settings.facilitator_name = name;
        self.settings.save(&self.dirs.settings_file())?;
        if let Some(store) = &mut self.current {
            store.set_actor(&self.settings.facilitator_name);
        }
        self.state()
    }

    pub fn forget_recent(&mut self, path: &Path) -> Result<WorkspaceState> {
        self.settings.forget(path);
        self.settings.save(&self.dirs.settings_file())?;
        self.state()
    }

    /// Keeps the recent list's organisation name in step after the details change.
    pub fn refresh_recent(&mut self) -> Result<()> {
        if let Some(store) = &self.current {
            let organisation = store.details()?.organisation;
            let path = store.path().to_owned();
            self.settings
                .remember(&path, &organisation, chrono::Utc::now());
            self.settings.save(&self.dirs.settings_file())?;
        }
        Ok(())
    }

    fn make_current(&mut self, store: EngagementStore) -> Result<WorkspaceState> {
        let organisation = store.details()?.organisation;
        self.settings
            .remember(store.path(), &organisation, chrono::Utc::now());
        self.settings.save(&self.dirs.settings_file())?;
        if let Some(previous) = self.current.as_mut() {
            // Typing in the engagement being left is logged now; should that fail (its
            // drive gone, say), it is logged when that file is next opened.
            let _ = previous.close_editing_runs();
        }
        self.current = Some(store);
        self.startup_problem = None;
        self.state()
    }
}

fn with_keel_extension(path: &Path) -> PathBuf {
    if path.extension().is_some_and(|e| e == EXTENSION) {
        path.to_owned()
    } else {
        let mut name = path.as_os_str().to_owned();
        name.push(format!(".{EXTENSION}"));
        PathBuf::from(name)
    }
}

/// A file name made from an organisation's name: characters that are awkward in file
/// names are replaced, length is bounded.
fn file_stem_for(organisation: &str) -> String {
    let cleaned: String = organisation
        .trim()
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || " -_.&()'".contains(c) {
                c
            } else {
                '-'
            }
        })
        .take(80)
        .collect();
    let cleaned = cleaned.trim_matches(|c: char| c == '.' || c == ' ' || c == '-');
    if cleaned.is_empty() {
        "engagement".to_owned()
    } else {
        cleaned.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_names_from_organisations_are_safe() {
        assert_eq!(file_stem_for("Acme / Retail: EMEA"), "Acme - Retail- EMEA");
        assert_eq!(file_stem_for("../.."), "engagement");
        assert_eq!(file_stem_for("Société Générale"), "Société Générale");
    }

    #[test]
    fn extension_is_added_once() {
        assert_eq!(
            with_keel_extension(Path::new("/x/a")),
            PathBuf::from("/x/a.keel")
        );
        assert_eq!(
            with_keel_extension(Path::new("/x/a.keel")),
            PathBuf::from("/x/a.keel")
        );
    }
}
