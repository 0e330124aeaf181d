//! The window on a team project (`taliq DIR`): who you are (asked once, remembered), your
//! own documents only, and File → Sync project on a worker thread.

pub mod overview;
mod windows;

pub use windows::{chooser, guidelines_window, status_line};

use std::path::{Path, PathBuf};
use std::sync::mpsc::{self, Receiver};

use crate::app::TaliqApp;
use crate::project::guidelines::{Block, blocks};
use crate::project::{
    self, ProjectConfig, ProjectError, ProjectStatus, SyncReport, SyncState, annotation_path,
};

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
    sync: Option<Receiver<Result<SyncReport, String>>>,
    /// Whether the guidelines window is shown.
    pub show_guidelines: bool,
    /// The guidelines, as read at opening or after the last sync.
    pub guidelines: Vec<Block>,
    /// Where this clone stands against its remote, as git knew it at the last look.
    pub sync_state: Option<SyncState>,
    /// What the last sync from this window did (what came in), one sentence a line.
    pub last_report: Option<String>,
    /// Whether the curator's overview window is shown.
    pub show_overview: bool,
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
            show_guidelines: false,
            guidelines: read_guidelines(dir),
            sync_state: None,
            last_report: None,
            show_overview: false,
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
        self.status = Some(project::status(&self.dir).map_err(|e| e.to_string()));
    }

    /// Whether a sync is running.
    pub fn syncing(&self) -> bool {
        self.sync.is_some()
    }
}

impl TaliqApp {
    /// Opens the window's project as `annotator`: their file, completed with the documents
    /// assigned to them since (they are its only writer), becomes the open corpus.
    ///
    /// # Errors
    /// An unknown annotator, or a file that cannot be read, completed or opened.
    pub fn join_project(&mut self, annotator: &str) -> Result<(), String> {
        let Some(mode) = self.project.as_mut() else {
            return Err("no project is open".to_owned());
        };
        if !mode.config.annotators.iter().any(|a| a == annotator) {
            return Err(format!("{annotator} is not an annotator of this project"));
        }
        project::complete_own_file(&mode.dir, &mode.config, annotator)
            .map_err(|e| e.to_string())?;
        let path = annotation_path(&mode.dir, annotator);
        // The annotator's name goes into the lock the file is opened with.
        let previous = self.state.prefs.user.replace(annotator.to_owned());
        let next = match self.state.open_next(&path) {
            Ok(next) => next,
            Err(e) => {
                self.state.prefs.user = previous;
                return Err(e.to_string());
            }
        };
        self.state.replace_session(next);
        self.state.say(format!(
            "project {}: your {} documents",
            mode.config.name,
            self.state.corpus.documents.len()
        ));
        mode.annotator = Some(annotator.to_owned());
        mode.refresh_sync_state();
        self.remembered_projects
            .insert(mode.dir.display().to_string(), annotator.to_owned());
        self.freeze_reviewed();
        Ok(())
    }

    /// Closes the documents reviewed into the project's gold to edits: the annotator's
    /// version of them is final.
    fn freeze_reviewed(&mut self) {
        let Some(mode) = &self.project else {
            return;
        };
        match project::reviewed_in_gold(&mode.dir) {
            Ok(ids) => self.state.frozen = ids,
            Err(e) => self.state.say(format!("gold could not be read: {e}")),
        }
    }

    /// File → Open Project…: opens the project folder `dir`, as the annotator chosen there
    /// last time, else asking who you are.
    ///
    /// # Errors
    /// Unsaved changes, or a folder that is not a readable project.
    pub fn open_project(&mut self, dir: &Path) -> Result<(), String> {
        if self.state.history.is_dirty() {
            return Err("there are unsaved changes: save them (Ctrl+S) first".to_owned());
        }
        if !is_project(dir) {
            return Err(format!(
                "{} is not a taliq project: it has no {}",
                dir.display(),
                crate::project::PROJECT_FILE
            ));
        }
        let mode = ProjectMode::open(dir).map_err(|e| e.to_string())?;
        let remembered = self
            .remembered_projects
            .get(&dir.display().to_string())
            .cloned();
        self.project = Some(mode);
        match remembered {
            Some(name) => self.join_project(&name),
            None => Ok(()),
        }
    }

    /// Saves, then syncs the project as its annotator on a worker thread (see
    /// [`crate::project::sync`]); [`TaliqApp::poll_sync`] takes the result.
    pub fn start_sync(&mut self) {
        let Some(mode) = self.project.as_mut() else {
            return;
        };
        let Some(annotator) = mode.annotator.clone() else {
            self.state.say("choose who you are in this project first");
            return;
        };
        if mode.sync.is_some() {
            return;
        }
        if self.state.history.is_dirty()
            && let Err(e) = self.state.save()
        {
            self.state.say(format!("not synced: {e}"));
            return;
        }
        let (sender, receiver) = mpsc::channel();
        let dir = mode.dir.clone();
        let spawned = std::thread::Builder::new()
            .name("taliq-sync".to_owned())
            .spawn(move || {
                let result = project::sync(&dir, &annotator, "origin").map_err(|e| e.to_string());
                let _ = sender.send(result);
            });
        match spawned {
            Ok(_) => {
                mode.sync = Some(receiver);
                self.state.say("syncing…");
            }
            Err(e) => self.state.say(format!("not synced: {e}")),
        }
    }

    /// Takes a finished sync's result: says what happened and reloads the annotator's file
    /// when the sync changed it (documents assigned since, or the other machine's version).
    pub fn poll_sync(&mut self) {
        let Some(mode) = self.project.as_mut() else {
            return;
        };
        let Some(receiver) = &mode.sync else {
            return;
        };
        let Ok(result) = receiver.try_recv() else {
            return;
        };
        mode.sync = None;
        match result {
            Ok(report) => {
                let text = report.describe();
                if let Ok(config) = ProjectConfig::load(&mode.dir) {
                    mode.config = config;
                }
                mode.guidelines = read_guidelines(&mode.dir);
                mode.refresh_sync_state();
                if mode.status.is_some() {
                    mode.refresh_status();
                }
                mode.last_report = Some(text.clone());
                if self.state.file_changed_on_disk() && !self.state.history.is_dirty() {
                    let _ = self.state.reload_theirs();
                }
                self.freeze_reviewed();
                self.state.say(text.replace('\n', "; "));
            }
            Err(e) => self.state.say(format!("not synced: {e}")),
        }
    }
}

/// The blocks of the project's `guidelines.md` (none when it is missing or unreadable).
fn read_guidelines(dir: &Path) -> Vec<Block> {
    std::fs::read_to_string(dir.join(crate::project::GUIDELINES_FILE))
        .map(|text| blocks(&text))
        .unwrap_or_default()
}
