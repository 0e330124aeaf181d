//! The window's claim on its file: the lock taken when a file is opened, read-only when
//! another window holds it, and taking it over when the user insists.

use crate::app::i18n::{Worded, errors, tr};
use crate::text::isolates::path_unit;
use std::path::Path;

use crate::app::AppState;
use crate::app::state::Source;
use crate::format::{CorpusFile, CorpusLock, LoadError, LockInfo, Locking, SaveError, read_lock};

/// Seconds between two looks of a read-only window at the lock, to notice its holder left.
pub const LOCK_CHECK_SECONDS: f64 = 2.0;

/// Whether this window may write its file.
#[derive(Debug, Default)]
pub enum FileAccess {
    /// No file to guard (the bundled sample, imported text), or the folder refused a lock
    /// file (then saving is not guarded, as before locks existed).
    #[default]
    Unguarded,
    /// This window holds the file's lock.
    Owner(CorpusLock),
    /// Another window holds the lock: the file is open read-only.
    ReadOnly(LockInfo),
}

impl AppState {
    /// State on the corpus file at `path`, locked for this window (read-only when another
    /// holds it), with unsaved work of an earlier session offered back.
    ///
    /// # Errors
    /// When the file cannot be read or is not a valid corpus.
    pub fn open(path: &Path) -> Result<Self, LoadError> {
        let mut unlocked = Self::new(crate::model::Corpus::default(), Source::Untitled);
        unlocked.open_next(path)
    }

    /// Loads `path` as the next state of this window. A file this window holds already
    /// keeps its lock (reopening or reloading it does not find it held by ourselves); the
    /// lock is taken from `self` only once the file loaded.
    ///
    /// # Errors
    /// When the file cannot be read or is not a valid corpus; `self` keeps its lock then.
    pub(crate) fn open_next(&mut self, path: &Path) -> Result<Self, LoadError> {
        let (file, corpus) = CorpusFile::open(path)?;
        let mut next = self.successor(corpus, Source::File(file));
        if matches!(&self.access, FileAccess::Owner(lock) if lock.guards(path)) {
            next.access = std::mem::take(&mut self.access);
        } else {
            next.claim_file();
        }
        if !next.is_read_only() {
            // A read-only window must not offer (or discard) the holder's autosave.
            next.recovery = crate::app::state::recovery::find_recovery(path);
        }
        Ok(next)
    }

    /// Takes back this window's lock from `next`, a state that [`Self::open_next`] made but
    /// that will not replace this one after all (the file stays open here, so does its lock).
    pub(crate) fn take_back_lock(&mut self, next: &mut Self) {
        let ours = self.source.path().is_some_and(
            |path| matches!(&next.access, FileAccess::Owner(lock) if lock.guards(&path)),
        );
        if ours {
            self.access = std::mem::take(&mut next.access);
        }
    }

    /// Locks the open file for this window, or opens it read-only when another holds it.
    pub(crate) fn claim_file(&mut self) {
        let Some(path) = self.source.path() else {
            self.access = FileAccess::Unguarded;
            return;
        };
        let owner = self.lock_owner();
        self.access = match CorpusLock::acquire(&path, &owner) {
            Ok(Locking::Acquired(lock)) => FileAccess::Owner(lock),
            Ok(Locking::TookOver { lock, from }) => {
                if let Some(from) = from {
                    self.say(tr!(
                        "state-took-over-stale-lock",
                        path = path_unit(&path.display().to_string()),
                        holder = errors::lock_holder(&from)
                    ));
                }
                FileAccess::Owner(lock)
            }
            Ok(Locking::Busy(holder)) => {
                self.say(tr!(
                    "state-read-only",
                    holder = errors::lock_holder(&holder)
                ));
                FileAccess::ReadOnly(holder)
            }
            Err(e) => {
                self.say(tr!(
                    "state-could-not-lock",
                    path = path_unit(&path.display().to_string()),
                    error = e.worded()
                ));
                FileAccess::Unguarded
            }
        };
    }

    /// The name a lock of this window carries: the annotator, else the login name.
    fn lock_owner(&self) -> String {
        self.prefs
            .user
            .clone()
            .or_else(|| self.corpus.annotator.clone())
            .unwrap_or_else(crate::format::login_name)
    }

    /// Whether the file is open read-only because another window holds it.
    pub fn is_read_only(&self) -> bool {
        matches!(self.access, FileAccess::ReadOnly(_))
    }

    /// Who holds the file when it is open read-only.
    pub fn lock_holder(&self) -> Option<&LockInfo> {
        match &self.access {
            FileAccess::ReadOnly(holder) => Some(holder),
            _ => None,
        }
    }

    /// Refuses a change to a read-only file, saying why; true when the change may go ahead.
    pub(crate) fn may_edit(&mut self) -> bool {
        if let FileAccess::ReadOnly(holder) = &self.access {
            let holder = errors::lock_holder(holder);
            self.say(tr!("state-read-only", holder = holder));
            return false;
        }
        true
    }

    /// Checks that this window still holds its file's lock before writing it; a lock lost to
    /// someone who took the file over makes the window read-only. A lock file that vanished
    /// is taken again.
    ///
    /// # Errors
    /// [`SaveError::Locked`] when another window holds the file.
    pub(crate) fn check_lock(&mut self) -> Result<(), SaveError> {
        let lost = match &self.access {
            FileAccess::Unguarded => false,
            FileAccess::ReadOnly(_) => true,
            // A lock file we cannot read right now is no proof that someone else holds it.
            FileAccess::Owner(lock) => !lock.is_held().unwrap_or(true),
        };
        if lost && matches!(self.access, FileAccess::Owner(_)) {
            self.claim_file();
        }
        match (&self.access, self.source.path()) {
            (FileAccess::ReadOnly(holder), Some(path)) => Err(SaveError::Locked {
                path,
                holder: Box::new(holder.clone()),
            }),
            _ => Ok(()),
        }
    }

    /// Takes the file's lock from whoever holds it (the user insisted): their later saves
    /// are refused. What they saved meanwhile is loaded (a read-only window has no edits
    /// of its own to lose).
    pub fn take_over_file(&mut self) {
        let Some(path) = self.source.path() else {
            return;
        };
        match CorpusLock::take_over(&path, &self.lock_owner()) {
            Ok(lock) => {
                self.access = FileAccess::Owner(lock);
                let reloaded = self.load_their_saves();
                self.say(tr!(
                    "state-took-file-over",
                    path = path_unit(&path.display().to_string()),
                    reloaded = reloaded
                ));
            }
            Err(e) => self.say(tr!("state-could-not-take-over", error = e.worded())),
        }
    }

    /// A read-only window looks at the lock every [`LOCK_CHECK_SECONDS`] (`now` in seconds):
    /// once its holder has let go (closed its window, or died), the file is this window's,
    /// with what the holder saved loaded. Returns whether the window became writable.
    pub fn watch_lock(&mut self, now: f64) -> bool {
        if !self.is_read_only() || now - self.last_lock_check < LOCK_CHECK_SECONDS {
            return false;
        }
        self.last_lock_check = now;
        let Some(path) = self.source.path() else {
            return false;
        };
        // Only a look: nothing is written while the lock stays someone else's.
        let free = match read_lock(&path) {
            Ok(None) => true,
            Ok(Some(holder)) => holder.is_stale(),
            Err(e) => e.kind() == std::io::ErrorKind::InvalidData,
        };
        if !free {
            return false;
        }
        self.claim_file();
        if self.is_read_only() {
            return false;
        }
        let reloaded = self.load_their_saves();
        if self.recovery.is_none() {
            // A holder that died, or closed with unsaved work, left it here.
            self.recovery = crate::app::state::recovery::find_recovery(&path);
        }
        self.say(tr!(
            "state-other-window-let-go",
            path = path_unit(&path.display().to_string()),
            reloaded = reloaded
        ));
        true
    }

    /// Whether the open file was changed on disk since it was loaded or saved here.
    pub fn file_changed_on_disk(&self) -> bool {
        match &self.source {
            Source::File(file) => file.changed_on_disk().unwrap_or(false),
            _ => false,
        }
    }

    /// After a read-only spell: loads the file again if its holder saved it meanwhile,
    /// keeping the open document. Says what happened, for a message: `nothing`, `loaded`
    /// or `failed` (the messages choose their words by it).
    fn load_their_saves(&mut self) -> &'static str {
        if !self.file_changed_on_disk() || self.history.is_dirty() {
            return "nothing";
        }
        let selected = self.selected;
        match self.reload_theirs() {
            Ok(()) => {
                self.open_document(selected);
                "loaded"
            }
            Err(_) => "failed",
        }
    }

    /// Locks `path` for a Save As, unless another window holds it: `None` when this window
    /// holds it already.
    ///
    /// # Errors
    /// [`SaveError::Locked`] when another window holds `path`; nothing is written then.
    pub(crate) fn lock_for_save_as(&self, path: &Path) -> Result<Option<FileAccess>, SaveError> {
        if matches!(&self.access, FileAccess::Owner(lock) if lock.guards(path)) {
            return Ok(None);
        }
        Ok(Some(match CorpusLock::acquire(path, &self.lock_owner()) {
            Ok(Locking::Acquired(lock) | Locking::TookOver { lock, .. }) => FileAccess::Owner(lock),
            Ok(Locking::Busy(holder)) => {
                return Err(SaveError::Locked {
                    path: path.to_path_buf(),
                    holder: Box::new(holder),
                });
            }
            Err(_) => FileAccess::Unguarded,
        }))
    }

    /// Lets go of the file's lock (on closing the window).
    pub fn release_file(&mut self) {
        self.access = FileAccess::Unguarded;
    }
}
