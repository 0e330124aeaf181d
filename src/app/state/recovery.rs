//! Autosave to a recovery file beside the corpus, so that a crash costs no work.
//!
//! The recovery file is a full corpus in the corpus's own form, written atomically; it is
//! written every [`AUTOSAVE_SECONDS`] while there are unsaved changes, on exit, and when the
//! window panics ([`crate::app::crash`]); it is removed after a successful save, and offered back
//! on start when it is newer than the corpus.

use crate::app::i18n::{Worded, tr};
use crate::text::isolates::path_unit;
use std::path::{Path, PathBuf};
use std::time::SystemTime;

use crate::annotate::history::History;
use crate::app::AppState;
use crate::format::{self, Form, write_atomic_mode_of, write_corpus};
use crate::model::Corpus;

/// Seconds between autosaves while there are unsaved changes.
pub const AUTOSAVE_SECONDS: f64 = 30.0;

/// `NAME.recovery.EXT` beside the corpus `NAME.EXT` (beside the file a symbolic link
/// points to, so that every path to one corpus finds the same recovery file).
pub fn recovery_path(corpus_path: &Path) -> PathBuf {
    let corpus_path =
        &format::resolve_symlinks(corpus_path).unwrap_or_else(|_| corpus_path.to_path_buf());
    let stem = corpus_path
        .file_stem()
        .unwrap_or_default()
        .to_string_lossy();
    let extension = corpus_path
        .extension()
        .map_or_else(|| "json".into(), |e| e.to_string_lossy());
    corpus_path.with_file_name(format!("{stem}.recovery.{extension}"))
}

/// Writes the corpus to the recovery file of `corpus_path`, as private as the corpus file.
///
/// # Errors
/// When the file cannot be written.
pub fn write_recovery(corpus_path: &Path, corpus: &Corpus) -> std::io::Result<()> {
    let bytes = write_corpus(corpus, Form::from_path(corpus_path)).into_bytes();
    write_atomic_mode_of(
        &recovery_path(corpus_path),
        &bytes,
        false,
        Some(corpus_path),
    )
}

/// Removes the recovery file (after a save made it pointless); a missing file is fine.
pub fn remove_recovery(corpus_path: &Path) {
    let _ = std::fs::remove_file(recovery_path(corpus_path));
}

/// Unsaved work found beside a corpus on start.
#[derive(Debug)]
pub struct Recovery {
    /// The recovery file.
    pub path: PathBuf,
    /// When it was written.
    pub modified: SystemTime,
    /// What it holds.
    pub corpus: Corpus,
}

/// The recovery file of `corpus_path` if it is newer than the corpus and a valid corpus.
pub fn find_recovery(corpus_path: &Path) -> Option<Recovery> {
    let path = recovery_path(corpus_path);
    let modified = std::fs::metadata(&path).and_then(|m| m.modified()).ok()?;
    let corpus_modified = std::fs::metadata(corpus_path)
        .and_then(|m| m.modified())
        .ok();
    if corpus_modified.is_some_and(|c| c > modified) {
        return None;
    }
    let corpus = format::load(&path).ok()?;
    Some(Recovery {
        path,
        modified,
        corpus,
    })
}

impl AppState {
    /// Writes the recovery file if there are changes it lacks and `AUTOSAVE_SECONDS` have
    /// passed since the last autosave (`now` in seconds; `force` skips the wait, as on exit).
    pub fn autosave(&mut self, now: f64, force: bool) {
        if !self.autosave_pending || !(force || now - self.last_autosave >= AUTOSAVE_SECONDS) {
            return;
        }
        match self.flush_recovery() {
            Ok(_) => self.last_autosave = now,
            Err(e) => self.say(tr!("state-autosave-failed", error = e.worded())),
        }
    }

    /// Writes the changes the recovery file lacks to it now, and says where the unsaved
    /// work is: `Ok(Some(path))` when that recovery file holds it all (written now or by an
    /// earlier autosave), `Ok(None)` when nothing is unsaved or there is nowhere to write.
    ///
    /// # Errors
    /// When writing fails, or another window took the file over (its recovery file is theirs).
    pub fn flush_recovery(&mut self) -> Result<Option<PathBuf>, crate::format::SaveError> {
        use crate::format::SaveError;
        let Some(target) = self.recovery_target() else {
            return Ok(None);
        };
        if !self.autosave_pending {
            return Ok(self.history.is_dirty().then(|| recovery_path(&target)));
        }
        self.check_lock()?;
        self.stamp_provenance();
        if let Some(folder) = target.parent().filter(|f| !f.as_os_str().is_empty()) {
            std::fs::create_dir_all(folder).map_err(|source| SaveError::Io {
                path: folder.to_path_buf(),
                source,
            })?;
        }
        write_recovery(&target, &self.corpus).map_err(|source| SaveError::Io {
            path: recovery_path(&target),
            source,
        })?;
        self.autosave_pending = false;
        Ok(Some(recovery_path(&target)))
    }

    /// The corpus path whose recovery file autosave writes: the corpus's own file, or
    /// `untitled.json` in [`crate::app::state::Preferences::untitled_home`] for a corpus without one.
    pub fn recovery_target(&self) -> Option<PathBuf> {
        self.source.path().or_else(|| {
            self.prefs
                .untitled_home
                .as_ref()
                .map(|home| home.join("untitled.json"))
        })
    }

    /// Drops the unsaved changes on the way out (the user chose "discard" on quitting): the
    /// recovery file goes, and nothing is autosaved again.
    pub fn discard_changes(&mut self) {
        if let Some(target) = self.recovery_target()
            && !self.is_read_only()
        {
            remove_recovery(&target);
        }
        self.autosave_pending = false;
        self.history.mark_saved();
    }

    /// Looks for unsaved work of an earlier session on this corpus and offers it back.
    pub fn look_for_recovery(&mut self) {
        self.recovery = self.recovery_target().and_then(|path| find_recovery(&path));
    }

    /// Takes back the work of the recovery file: its corpus replaces the loaded one (unsaved).
    pub fn restore_recovery(&mut self) {
        if !self.may_edit() {
            return;
        }
        if let Some(mut recovery) = self.recovery.take() {
            if let Some(review) = self.review.as_mut() {
                // The recovered gold must fit the annotators' texts, and may lack their labels.
                if let Err(e) = review.session.attach_gold(&mut recovery.corpus) {
                    self.say(tr!("state-recovery-does-not-fit", error = e.worded()));
                    self.recovery = Some(recovery);
                    return;
                }
            }
            self.corpus = recovery.corpus;
            self.generation += 1;
            self.history = History::default();
            // The recovered corpus differs from the file: make Ctrl+S meaningful and autosave keep it.
            self.history.mark_unsaved();
            self.autosave_pending = true;
            self.open_document(0);
            self.say(tr!(
                "state-restored",
                path = path_unit(&recovery.path.display().to_string())
            ));
        }
    }

    /// Drops the recovery file's work for good.
    pub fn discard_recovery(&mut self) {
        if let Some(recovery) = self.recovery.take() {
            let _ = std::fs::remove_file(&recovery.path);
            self.say(tr!("state-discarded-recovery"));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recovery_sits_beside_the_corpus_in_the_same_form() {
        assert_eq!(
            recovery_path(Path::new("/d/amal.json")),
            PathBuf::from("/d/amal.recovery.json")
        );
        assert_eq!(
            recovery_path(Path::new("big.jsonl")),
            PathBuf::from("big.recovery.jsonl")
        );
    }

    #[cfg(unix)]
    #[test]
    fn the_recovery_file_is_as_private_as_its_corpus() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let corpus_path = dir.path().join("سري.json");
        let corpus = crate::synth::corpus(2, 300, 3, 1);
        crate::format::CorpusFile::create(&corpus_path, &corpus, false).unwrap();
        for mode in [0o600, 0o640] {
            std::fs::set_permissions(&corpus_path, std::fs::Permissions::from_mode(mode)).unwrap();
            write_recovery(&corpus_path, &corpus).unwrap();
            let written = std::fs::metadata(recovery_path(&corpus_path)).unwrap();
            assert_eq!(written.permissions().mode() & 0o777, mode, "{mode:o}");
        }
    }
}
