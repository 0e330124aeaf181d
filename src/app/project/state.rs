//! The window's team project: the folder, who this window's person is in it, a sync under
//! way, the guidelines and the curator's overview. Nothing of the window: the state hub
//! holds it, across every swap of the open corpus.

use std::path::{Path, PathBuf};
use std::sync::mpsc::Receiver;

use crate::app::i18n::Worded;
use crate::project::guidelines::{Block, blocks};
use crate::project::{self, ProjectConfig, ProjectError, ProjectStatus, SyncReport, SyncState};

/// A project the window is open on.
#[derive(Debug)]
pub struct ProjectMode {
    /// The project folder.
    pub dir: PathBuf,
    /// Its settings, as read when it was opened (or last synced).
    pub config: ProjectConfig,
    /// Who this window's person is, once chosen.
    pub annotator: Option<String>,
    /// A sync under way on a worker thread.
    pub(super) sync: Option<Receiver<Result<SyncReport, crate::project::ProjectError>>>,
    /// The guidelines, as read at opening or after the last sync.
    pub guidelines: Vec<Block>,
    /// Where this clone stands against its remote, as git knew it at the last look.
    pub sync_state: Option<SyncState>,
    /// What the last sync from this window did (what came in), one sentence a line.
    pub last_report: Option<String>,
    /// The project's status as the overview last read it (files as saved).
    pub status: Option<Result<ProjectStatus, String>>,
}

/// The settings key under which the annotator chosen in each project is remembered.
pub const PROJECT_ANNOTATORS_KEY: &str = "taliq-project-annotators";

/// Whether `path` is a project folder.
pub fn is_project(path: &Path) -> bool {
    path.join(crate::project::PROJECT_FILE).is_file()
}

impl ProjectMode {
    /// The project in `dir`, nobody chosen yet.
    ///
    /// # Errors
    /// When its project file cannot be read.
    pub fn open(dir: &Path) -> Result<Self, ProjectError> {
        Ok(Self {
            dir: dir.to_path_buf(),
            config: ProjectConfig::load(dir)?,
            annotator: None,
            sync: None,
            guidelines: read_guidelines(dir),
            sync_state: None,
            last_report: None,
            status: None,
        })
    }

    /// Looks again at where the clone stands against its remote (git, no network).
    pub fn refresh_sync_state(&mut self) {
        self.sync_state = self
            .annotator
            .as_deref()
            .and_then(|name| project::sync_state(&self.dir, name, "origin").ok());
    }

    /// Reads the project's status again for the overview.
    pub fn refresh_status(&mut self) {
        self.status = Some(project::status(&self.dir).map_err(|e| e.worded()));
    }

    /// Whether a sync is running.
    pub fn syncing(&self) -> bool {
        self.sync.is_some()
    }
}

/// The blocks of the project's `guidelines.md` (none when it is missing or unreadable).
pub(super) fn read_guidelines(dir: &Path) -> Vec<Block> {
    std::fs::read_to_string(dir.join(crate::project::GUIDELINES_FILE))
        .map(|text| blocks(&text))
        .unwrap_or_default()
}
