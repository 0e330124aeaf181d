//! What the window shows, apart from how it is drawn.

pub mod access;
pub mod context;
pub mod dialogs;
pub mod file_request;
mod files;
pub mod pick;
pub mod problems;
pub mod recovery;
mod source;

pub use source::{SAMPLE_CORPUS, Source};

use crate::app::i18n::tr;
use std::path::PathBuf;

use crate::annotate::history::{Change, Edit, History};
use crate::annotate::pick::Pick;
use crate::annotate::selection::{Selection, SnapOptions};
use crate::format::{self, Diagnostic, Form};
use crate::model::{Corpus, Status};

/// What belongs to the person at the window, not to the open corpus: every swap of the
/// corpus goes through [`AppState::replace_session`], which keeps this whole, so no swap
/// can forget a preference (the reading options and panels live on the app, which
/// outlives every corpus).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Preferences {
    /// The person annotating (remembered between runs), used when the corpus names nobody.
    pub user: Option<String>,
    /// Folder for the recovery file of a corpus without a file (the sample, imported text).
    pub untitled_home: Option<PathBuf>,
    /// How selections snap before they become spans.
    pub snap: SnapOptions,
    /// How suggestions are offered.
    pub suggest: crate::app::suggest::state::SuggestSettings,
    /// The annotator chosen in each project folder opened before (folder → name).
    pub project_annotators: std::collections::BTreeMap<String, String>,
    /// The interface's language (View → Language).
    pub language: crate::app::i18n::Language,
    /// The digits counts are written in (View → Reading options).
    pub digits: crate::app::i18n::Digits,
}

/// The window's state: the preferences, and the session on the open corpus (the corpus,
/// where it came from, its history and what is picked in it).
#[derive(Debug)]
pub struct AppState {
    /// Kept across every swap of the corpus.
    pub prefs: Preferences,
    /// The windows open over the document, kept across swaps of the corpus (but the label
    /// editor, whose drafts belong to the corpus).
    pub dialogs: dialogs::Dialogs,
    /// The team project the window is open on (`taliq DIR`, File → Open Project…), kept
    /// across every swap of the corpus.
    pub project: Option<crate::app::project::state::ProjectMode>,
    /// The open corpus.
    pub corpus: Corpus,
    /// Where it came from.
    pub source: Source,
    /// Index of the selected document.
    pub selected: usize,
    /// Show only documents with this status.
    pub status_filter: Option<Status>,
    /// The selection in the open document (code points).
    pub selection: Selection,
    /// The one thing picked in the open document (span, suggestion, review candidate,
    /// relation, relation draft), which label keys, Enter and Delete act on.
    pub pick: Pick,
    /// Undo and redo of every change to the corpus.
    pub history: History,
    /// The last thing that happened, for the status bar.
    pub message: String,
    /// Counts corpus replacements (open, restore, reload), so views of the old one are dropped.
    pub generation: u64,
    /// The search bar (Ctrl+F).
    pub search: crate::app::annotate::state::Search,
    /// Set when a save found the file changed on disk by someone else.
    pub save_conflict: bool,
    /// The label-set editor's drafts while it is open: each label and the name it had.
    pub label_drafts: Option<Vec<(Option<String>, crate::model::Label)>>,
    /// The label-set editor's drafts of relation types and document labels.
    pub link_drafts: Option<crate::app::labels::drafts::LinkDrafts>,
    /// Unsaved work found beside the corpus on start, offered back until taken or dropped.
    pub recovery: Option<crate::app::state::recovery::Recovery>,
    /// The review mode, when the open corpus is a gold corpus being adjudicated.
    pub review: Option<crate::app::review::state::Review>,
    /// Why the last file could not be opened (every located problem), shown in a window
    /// until closed; the open corpus stays as it was.
    pub problems: Option<crate::app::state::problems::Problems>,
    /// Suggestions: what is offered in the open document, the tagger and its training.
    pub suggest: crate::app::suggest::state::SuggestState,
    /// Whether this window holds its file's lock, or has it open read-only.
    pub(crate) access: crate::app::state::access::FileAccess,
    /// When a read-only window last looked at the lock (seconds on the caller's clock).
    pub(crate) last_lock_check: f64,
    /// When the last autosave ran (seconds on the caller's clock).
    pub(crate) last_autosave: f64,
    /// Whether there are changes the recovery file does not hold yet.
    pub(crate) autosave_pending: bool,
    /// The picked span's note while it is edited.
    pub note_field: crate::app::relations::state::NoteField,
    /// The fields of the window that starts a review.
    pub review_opener: crate::app::review::state::ReviewOpener,
    /// A file asked for during this frame, answered at its end (the system's dialog or
    /// taliq's chooser; see [`crate::app::file_chooser`]).
    pub file_request: Option<file_request::FilePurpose>,
    /// Ids of documents closed to edits: in a team project, those reviewed into its gold,
    /// whose annotators' versions are final.
    pub frozen: std::collections::HashSet<String>,
}

impl AppState {
    /// State on a loaded corpus.
    pub fn new(corpus: Corpus, source: Source) -> Self {
        Self {
            prefs: Preferences::default(),
            project: None,
            dialogs: dialogs::Dialogs::default(),
            corpus,
            source,
            selected: 0,
            status_filter: None,
            selection: Selection::default(),
            pick: Pick::None,
            history: History::default(),
            message: String::new(),
            generation: 0,
            search: crate::app::annotate::state::Search::default(),
            label_drafts: None,
            link_drafts: None,
            save_conflict: false,
            recovery: None,
            review: None,
            suggest: crate::app::suggest::state::SuggestState::default(),
            problems: None,
            access: crate::app::state::access::FileAccess::Unguarded,
            last_lock_check: 0.0,
            last_autosave: 0.0,
            autosave_pending: false,
            frozen: std::collections::HashSet::new(),
            note_field: crate::app::relations::state::NoteField::default(),
            review_opener: crate::app::review::state::ReviewOpener::default(),
            file_request: None,
        }
    }

    /// State on the bundled sample corpus.
    ///
    /// # Errors
    /// The sample's diagnostics, should it ever be invalid (a test keeps it valid).
    pub fn sample() -> Result<Self, Vec<Diagnostic>> {
        let corpus = format::parse_corpus(SAMPLE_CORPUS.as_bytes(), Form::Json)?;
        Ok(Self::new(corpus, Source::BundledSample))
    }

    /// A state on `corpus` from `source` that would follow this one: the same preferences
    /// (so a lock it takes carries the annotator's name), a session of its own. It only
    /// becomes the window's state through [`Self::replace_session`].
    pub(crate) fn successor(&self, corpus: Corpus, source: Source) -> Self {
        let mut next = Self::new(corpus, source);
        next.prefs = self.prefs.clone();
        next
    }

    /// Makes `next`'s session the window's: the one way the open corpus is swapped (open,
    /// import, reload, review, project), so that every swap keeps the preferences whole
    /// and drops every view of the old corpus.
    pub(crate) fn replace_session(&mut self, mut next: Self) {
        let same_recovery_file = next.recovery_target() == self.recovery_target();
        next.prefs = std::mem::take(&mut self.prefs);
        next.project = self.project.take();
        next.dialogs = std::mem::take(&mut self.dialogs);
        next.dialogs.close(dialogs::Dialog::Labels);
        next.generation = self.generation + 1;
        // Unsaved work offered back and not answered yet stays offered when the next
        // session autosaves to the same recovery file (the sample, then imported text):
        // the file will be overwritten, the offer keeps its corpus in memory.
        if next.recovery.is_none() && same_recovery_file {
            next.recovery = self.recovery.take();
        }
        *self = next;
    }

    /// Indices of the documents the list shows under the current filter (in a project's
    /// review, of the group under review); with active
    /// learning on, the unfinished ones the tagger is least sure of first.
    pub fn visible_documents(&self) -> Vec<usize> {
        let mut visible: Vec<usize> = self
            .corpus
            .documents
            .iter()
            .enumerate()
            .filter(|(_, d)| self.status_filter.is_none_or(|s| d.status == s))
            // A project's review shows the documents of the group under review.
            .filter(|(i, _)| {
                self.review
                    .as_ref()
                    .is_none_or(|r| r.project.is_none() || r.session.versions(*i).is_some())
            })
            .map(|(i, _)| i)
            .collect();
        let rated = &self.suggest.uncertainty;
        if self.prefs.suggest.order_by_uncertainty && !rated.is_empty() {
            // Stable: unrated and finished documents keep their order, after the rated ones.
            let rate = |i: &usize| match rated.get(i) {
                Some(u) if self.corpus.documents[*i].status < Status::Done => *u,
                _ => -1.0,
            };
            visible.sort_by(|a, b| rate(b).total_cmp(&rate(a)));
        }
        visible
    }
}

impl AppState {
    /// Speaks `language` from now on (the next frame is laid out in it, mirrored for
    /// Arabic), with its usual digits, and says so in it.
    pub fn set_language(&mut self, language: crate::app::i18n::Language) {
        self.prefs.language = language;
        self.prefs.digits = language.default_digits();
        crate::app::i18n::set_locale(language, self.prefs.digits);
        self.say(crate::app::i18n::tr!("status-language"));
    }

    /// Shows a message in the status bar.
    pub fn say(&mut self, message: impl Into<String>) {
        self.message = message.into();
    }

    /// Opens document `index`: a fresh caret at its start, nothing picked.
    pub fn open_document(&mut self, index: usize) {
        if index < self.corpus.documents.len() {
            self.selected = index;
            self.selection = Selection::default();
            self.pick = Pick::None;
            // Matches belong to a document: find them again in this one (the corpus-wide
            // counts hold: opening a document changes no text).
            self.refresh_matches_in_open_document();
        }
    }

    pub(crate) fn apply(&mut self, change: Change) -> bool {
        if let Some(doc) = self.corpus.documents.get(change.document)
            && self.frozen.contains(&doc.id)
        {
            let id = doc.id.clone();
            self.say(tr!("state-frozen-document", id = id));
            return false;
        }
        if !self.may_edit() {
            return false;
        }
        match self.history.apply(&mut self.corpus, change) {
            Ok(()) => {
                self.autosave_pending = true;
                true
            }
            Err(e) => {
                self.say(crate::app::i18n::Worded::worded(&e));
                false
            }
        }
    }

    /// Sets the status of the open document (undoable).
    pub fn set_status(&mut self, to: Status) {
        let Some(doc) = self.corpus.documents.get(self.selected) else {
            return;
        };
        let from = doc.status;
        if from != to {
            self.apply(Change::one(self.selected, Edit::SetStatus { from, to }));
        }
    }

    /// Undoes the last change, showing the document it touched.
    pub fn undo(&mut self) {
        let change = self.history.undo(&mut self.corpus);
        self.after_undo_or_redo(change, tr!("state-undone"), tr!("state-nothing-to-undo"));
    }

    /// Redoes the last undone change, showing the document it touched.
    pub fn redo(&mut self) {
        let change = self.history.redo(&mut self.corpus);
        self.after_undo_or_redo(change, tr!("state-redone"), tr!("state-nothing-to-redo"));
    }

    /// Shows the document an undone or redone `change` touched, and says so.
    fn after_undo_or_redo(&mut self, change: Option<Change>, done: String, nothing: String) {
        let Some(change) = change else {
            self.say(nothing);
            return;
        };
        if change.document != self.selected {
            self.open_document(change.document);
        }
        self.unpick_after_undo();
        self.say(done);
    }
}

impl AppState {
    /// Closes every open dialog, as Escape does (the label editor drops its drafts, as its
    /// cancel button does); whether one was open.
    pub fn close_dialogs(&mut self) -> bool {
        let closed = self.dialogs.close_all();
        if closed.contains(&dialogs::Dialog::Labels) {
            self.cancel_label_drafts();
        }
        if closed.contains(&dialogs::Dialog::MarkReviewed) {
            // The question's own message told of a second Ctrl+Enter: no longer so.
            self.say(gone_back_from_marking());
        }
        !closed.is_empty()
    }

    /// After an undo or redo: a picked span or relation may be gone, so it is no longer
    /// picked (a review candidate or suggestion keeps its pick: the lists follow the text).
    fn unpick_after_undo(&mut self) {
        if matches!(self.pick, Pick::Span { .. } | Pick::Relation(_)) {
            self.pick = Pick::None;
        }
    }
}

/// The status line after going back from "mark reviewed" while candidates were pending.
pub fn gone_back_from_marking() -> String {
    tr!("state-gone-back-from-marking")
}

#[cfg(test)]
mod tests;
