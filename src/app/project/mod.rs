//! The window on a team project (`taliq DIR`): who you are (asked once, remembered), your
//! own documents only, and File → Sync project on a worker thread.

pub mod overview;
mod sync_text;
mod windows;

pub mod state;

pub use state::{PROJECT_ANNOTATORS_KEY, ProjectMode, is_project};
pub use windows::{chooser, guidelines_window, status_line};

use std::path::Path;
use std::sync::mpsc::{self};

use crate::app::AppState;
use crate::app::i18n::{Worded, tr};
use crate::project::{self, ProjectConfig, annotation_path};

impl AppState {
    /// Opens the window's project as `annotator`: their file, completed with the documents
    /// assigned to them since (they are its only writer), becomes the open corpus.
    ///
    /// # Errors
    /// An unknown annotator, or a file that cannot be read, completed or opened.
    pub fn join_project(&mut self, annotator: &str) -> Result<(), String> {
        let Some(mode) = self.project.as_ref() else {
            return Err(tr!("project-none-open"));
        };
        if !mode.config.annotators.iter().any(|a| a == annotator) {
            return Err(tr!("project-not-an-annotator", name = annotator));
        }
        project::complete_own_file(&mode.dir, &mode.config, annotator).map_err(|e| e.worded())?;
        let path = annotation_path(&mode.dir, annotator);
        let (dir, name) = (mode.dir.display().to_string(), mode.config.name.clone());
        // The annotator's name goes into the lock the file is opened with.
        let previous = self.prefs.user.replace(annotator.to_owned());
        let next = match self.open_next(&path) {
            Ok(next) => next,
            Err(e) => {
                self.prefs.user = previous;
                return Err(e.worded());
            }
        };
        self.replace_session(next);
        let documents = self.corpus.documents.len();
        self.say(tr!(
            "project-joined",
            name = crate::app::widgets::embedded(&name),
            documents = documents
        ));
        if let Some(mode) = self.project.as_mut() {
            mode.annotator = Some(annotator.to_owned());
            mode.refresh_sync_state();
        }
        self.prefs
            .project_annotators
            .insert(dir, annotator.to_owned());
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
            Ok(ids) => self.frozen = ids,
            Err(e) => self.say(tr!("project-gold-unreadable", error = e.worded())),
        }
    }

    /// File → Open Project…: opens the project folder `dir`, as the annotator chosen there
    /// last time, else asking who you are.
    ///
    /// # Errors
    /// Unsaved changes, or a folder that is not a readable project.
    pub fn open_project(&mut self, dir: &Path) -> Result<(), String> {
        if self.history.is_dirty() {
            return Err(tr!("project-unsaved-first"));
        }
        if !is_project(dir) {
            return Err(tr!(
                "project-not-a-project",
                path = crate::text::isolates::path_unit(&dir.display().to_string()),
                file = crate::project::PROJECT_FILE
            ));
        }
        let mode = ProjectMode::open(dir).map_err(|e| e.worded())?;
        let remembered = self
            .prefs
            .project_annotators
            .get(&dir.display().to_string())
            .cloned();
        self.project = Some(mode);
        match remembered {
            Some(name) => self.join_project(&name),
            None => Ok(()),
        }
    }

    /// Saves, then syncs the project as its annotator on a worker thread (see
    /// [`crate::project::sync`]); [`AppState::poll_sync`] takes the result.
    pub fn start_sync(&mut self) {
        let Some(mode) = self.project.as_ref() else {
            return;
        };
        let Some(annotator) = mode.annotator.clone() else {
            self.say(tr!("project-choose-yourself-first"));
            return;
        };
        if mode.syncing() {
            return;
        }
        let dir = mode.dir.clone();
        if self.history.is_dirty()
            && let Err(e) = self.save()
        {
            self.say(tr!("project-not-synced", error = e.worded()));
            return;
        }
        let (sender, receiver) = mpsc::channel();
        let spawned = std::thread::Builder::new()
            .name("taliq-sync".to_owned())
            .spawn(move || {
                let result = project::sync(&dir, &annotator, "origin");
                let _ = sender.send(result);
            });
        match spawned {
            Ok(_) => {
                if let Some(mode) = self.project.as_mut() {
                    mode.sync = Some(receiver);
                }
                self.say(tr!("project-syncing"));
            }
            Err(e) => self.say(tr!("project-not-synced", error = e.worded())),
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
        let report = match result {
            Ok(report) => report,
            Err(e) => {
                self.say(tr!("project-not-synced", error = e.worded()));
                return;
            }
        };
        let text = sync_text::report_text(&report);
        if let Ok(config) = ProjectConfig::load(&mode.dir) {
            mode.config = config;
        }
        mode.guidelines = state::read_guidelines(&mode.dir);
        mode.refresh_sync_state();
        if mode.status.is_some() {
            mode.refresh_status();
        }
        mode.last_report = Some(text.clone());
        if self.file_changed_on_disk() && !self.history.is_dirty() {
            let _ = self.reload_theirs();
        }
        self.freeze_reviewed();
        self.say(text.replace('\n', "; "));
    }
}
