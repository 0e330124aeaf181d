//! Opening, saving and reloading the corpus's file: every swap of the open corpus goes
//! through [`AppState::replace_session`].

use std::path::{Path, PathBuf};

use super::file_request::FilePurpose;
use super::problems::Problems;
use super::{AppState, Source};
use crate::app::i18n::{Worded, errors, tr};
use crate::format::{CorpusFile, SaveError};
use crate::interchange::plain_text;
use crate::text::isolates::path_unit;

impl AppState {
    /// Asks the person for a file for `purpose`: the frame shows the system's file dialog
    /// or taliq's chooser at its end, and hands the choice to the purpose.
    pub fn ask_for_file(&mut self, purpose: FilePurpose) {
        self.file_request = Some(purpose);
    }

    /// Ctrl+S: saves to the corpus's file; a corpus without one (the bundled sample,
    /// imported text) asks for a name first, as Save As.
    pub fn save_or_ask(&mut self) {
        if self.source.path().is_none() && !self.is_read_only() {
            self.ask_for_file(FilePurpose::SaveCorpusAs);
        } else if let Err(e) = self.save() {
            self.say(e.worded());
        }
    }

    /// The window's title: the corpus's file name (or what it is without one), `*` before
    /// it while there are unsaved changes, "read-only" when another window has it.
    pub fn window_title(&self) -> String {
        let name = match &self.source {
            Source::File(file) => file.path().file_name().map_or_else(
                || file.path().display().to_string(),
                |n| n.to_string_lossy().into_owned(),
            ),
            Source::BundledSample => tr!("state-title-sample"),
            Source::Untitled => tr!("state-title-untitled"),
        };
        let unsaved = if self.history.is_dirty() { "*" } else { "" };
        let read_only = if self.is_read_only() {
            tr!("state-title-read-only")
        } else {
            String::new()
        };
        format!("{unsaved}{name}{read_only} — taliq")
    }

    /// Opens a corpus file, or imports `.txt` files as a new untitled corpus.
    ///
    /// # Errors
    /// A line for the status bar: unsaved changes (save first), or why the files could not
    /// be read; the whole message (every located problem) goes to `problems`. The open
    /// corpus is untouched then.
    pub fn open_paths(&mut self, paths: &[PathBuf]) -> Result<(), String> {
        self.try_open_paths(paths).map_err(|e| {
            // The window lists every problem; the status bar takes the first line.
            let first = e.first_line();
            self.problems = Some(e);
            first
        })
    }

    fn try_open_paths(&mut self, paths: &[PathBuf]) -> Result<(), Problems> {
        if self.history.is_dirty() {
            return Err(tr!("dialogs-unsaved-before-open").into());
        }
        let all_txt = !paths.is_empty()
            && paths.iter().all(|p| {
                p.is_dir() || p.extension().is_some_and(|e| e.eq_ignore_ascii_case("txt"))
            });
        let mut imported = None;
        let next = if all_txt {
            let import = plain_text::import_txt(paths)
                // Every failed file with its place, then how the others were read.
                .map_err(|failure| Problems::Lines(errors::txt_import_failure(&failure)))?;
            imported = Some(errors::txt_import_summary(&import.files));
            self.successor(import.corpus, Source::Untitled)
        } else if let [path] = paths {
            self.open_next(path)?
        } else {
            return Err(tr!("dialogs-open-one-corpus").into());
        };
        self.replace_session(next);
        let name = self.source.name();
        if let Some(summary) = imported {
            self.say(summary);
        } else if self.message.is_empty() {
            // Opening read-only or taking over a stale lock has its own message.
            self.say(tr!("dialogs-opened", name = name));
        }
        Ok(())
    }

    /// Saves to the file the corpus came from (atomically, keeping a backup).
    ///
    /// # Errors
    /// When the corpus came from no file (the bundled sample: use [`Self::save_as`]), the
    /// file changed on disk since it was opened, or writing failed.
    pub fn save(&mut self) -> Result<(), SaveError> {
        self.check_lock()?;
        self.stamp_provenance();
        let Source::File(file) = &mut self.source else {
            return Err(SaveError::Io {
                path: PathBuf::from(tr!("state-title-sample")),
                source: std::io::Error::other(tr!("dialogs-sample-has-no-file")),
            });
        };
        if let Err(e) = file.save(&self.corpus) {
            self.save_conflict = matches!(e, SaveError::ChangedOnDisk { .. });
            return Err(e);
        }
        crate::app::state::recovery::remove_recovery(file.path());
        self.autosave_pending = false;
        self.history.mark_saved();
        let saved = tr!(
            "dialogs-saved",
            path = path_unit(&file.path().display().to_string())
        );
        self.say(saved);
        Ok(())
    }

    /// Resolves a save conflict by writing our version over the changed file (theirs is kept as `.bak`).
    ///
    /// # Errors
    /// When writing fails.
    pub fn overwrite_theirs(&mut self) -> Result<(), SaveError> {
        self.check_lock()?;
        self.stamp_provenance();
        let Source::File(file) = &mut self.source else {
            return Ok(());
        };
        file.overwrite(&self.corpus)?;
        crate::app::state::recovery::remove_recovery(file.path());
        self.save_conflict = false;
        self.autosave_pending = false;
        self.history.mark_saved();
        self.say(tr!("dialogs-saved-over-theirs"));
        Ok(())
    }

    /// Resolves a save conflict by dropping our changes and loading the file as it is now.
    ///
    /// # Errors
    /// When the file cannot be loaded (our changes are kept then).
    pub fn reload_theirs(&mut self) -> Result<(), String> {
        let Some(path) = self.source.path() else {
            return Ok(());
        };
        let mut fresh = self.open_next(&path).map_err(|e| e.worded())?;
        if let Some(mut review) = self.review.take() {
            // Their gold file may hold other texts or labels: check it against the annotators again.
            match review.session.attach_gold(&mut fresh.corpus) {
                Ok(true) => fresh.history.mark_unsaved(),
                Ok(false) => {}
                Err(e) => {
                    self.review = Some(review);
                    self.take_back_lock(&mut fresh);
                    return Err(e.worded());
                }
            }
            fresh.review = Some(review);
        }
        // The same file again: its project's frozen documents stay frozen.
        fresh.frozen = std::mem::take(&mut self.frozen);
        fresh.recovery = None;
        self.replace_session(fresh);
        self.say(tr!("dialogs-reloaded"));
        Ok(())
    }

    /// Sets who is annotating; a corpus that names nobody takes the name.
    pub fn set_user(&mut self, name: &str) {
        let name = name.trim();
        if name.is_empty() {
            return;
        }
        self.prefs.user = Some(name.to_owned());
        if self.corpus.annotator.is_none() && !self.is_read_only() {
            self.corpus.annotator = Some(name.to_owned());
            self.history.mark_unsaved();
            self.autosave_pending = true;
        }
    }

    /// Saves to a new file, which from then on is the corpus's file.
    ///
    /// # Errors
    /// When the file exists and `overwrite` is false, another window has it open
    /// ([`SaveError::Locked`]), or writing failed.
    pub fn save_as(&mut self, path: &Path, overwrite: bool) -> Result<(), SaveError> {
        let access = self.lock_for_save_as(path)?;
        self.stamp_provenance();
        let file = CorpusFile::create(path, &self.corpus, overwrite)?;
        if let Some(old) = self.recovery_target()
            && !self.is_read_only()
        {
            crate::app::state::recovery::remove_recovery(&old);
        }
        self.source = Source::File(file);
        if let Some(access) = access {
            // The old file's lock (if any) is released here; the new one's is ours.
            self.access = access;
        }
        self.autosave_pending = false;
        self.history.mark_saved();
        self.say(tr!(
            "dialogs-saved",
            path = path_unit(&path.display().to_string())
        ));
        Ok(())
    }
}
