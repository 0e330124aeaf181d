//! What the window shows, apart from how it is drawn.

use std::path::{Path, PathBuf};

use crate::annotate::history::{Change, Edit, History};
use crate::annotate::selection::{Selection, SnapOptions, snap};
use crate::format::{self, CorpusFile, Diagnostic, Form, SaveError};
use crate::model::{CharRange, Corpus, Span, Status};

/// Where the open corpus came from.
#[derive(Debug)]
pub enum Source {
    /// The sample built into the binary; saving it needs a new name.
    BundledSample,
    /// Text files imported in this session; saving needs a name.
    Untitled,
    /// A file on disk that loaded successfully.
    File(CorpusFile),
}

impl Source {
    /// A short name for the title and status bar.
    pub fn name(&self) -> String {
        match self {
            Self::BundledSample => "bundled sample".to_owned(),
            Self::Untitled => "untitled (imported text)".to_owned(),
            Self::File(file) => file.path().display().to_string(),
        }
    }

    /// The file path, when the corpus came from one.
    pub fn path(&self) -> Option<PathBuf> {
        match self {
            Self::BundledSample | Self::Untitled => None,
            Self::File(file) => Some(file.path().to_path_buf()),
        }
    }
}

/// The search bar's state.
#[derive(Debug, Clone, Default)]
pub struct Search {
    /// Whether the bar is shown.
    pub open: bool,
    /// What is searched for.
    pub query: String,
    /// Matching rules.
    pub options: crate::annotate::search::SearchOptions,
    /// Matches of the query in the open document.
    pub matches: Vec<CharRange>,
    /// Search every document, not only the open one.
    pub whole_corpus: bool,
    /// With `whole_corpus`: documents holding matches, with how many.
    pub documents: Vec<(usize, usize)>,
    /// Set by Ctrl+F: the next frame focuses the field with its text selected.
    pub focus_field: bool,
    /// A match the view should scroll to (its first code point), set by Enter in the field.
    pub reveal: Option<usize>,
    /// The key of an Alt+label just pressed, whose typed text must not reach the field.
    pub swallow: Option<char>,
}

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
    pub suggest: super::suggest::SuggestSettings,
}

/// The window's state: the preferences, and the session on the open corpus (the corpus,
/// where it came from, its history and what is picked in it).
#[derive(Debug)]
pub struct AppState {
    /// Kept across every swap of the corpus.
    pub prefs: Preferences,
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
    /// The span picked by a click (its range and label), which label keys then relabel.
    pub selected_span: Option<(CharRange, String)>,
    /// Undo and redo of every change to the corpus.
    pub history: History,
    /// The last thing that happened, for the status bar.
    pub message: String,
    /// Counts corpus replacements (open, restore, reload), so views of the old one are dropped.
    pub generation: u64,
    /// The search bar (Ctrl+F).
    pub search: Search,
    /// Set when a save found the file changed on disk by someone else.
    pub save_conflict: bool,
    /// The label-set editor's drafts while it is open: each label and the name it had.
    pub label_drafts: Option<Vec<(Option<String>, crate::model::Label)>>,
    /// The label-set editor's drafts of relation types and document labels.
    pub link_drafts: Option<super::label_drafts::LinkDrafts>,
    /// Unsaved work found beside the corpus on start, offered back until taken or dropped.
    pub recovery: Option<super::recovery::Recovery>,
    /// The review mode, when the open corpus is a gold corpus being adjudicated.
    pub review: Option<super::review_state::Review>,
    /// Why the last file could not be opened (every located problem), shown in a window
    /// until closed; the open corpus stays as it was.
    pub problems: Option<String>,
    /// Suggestions: what is offered in the open document, the tagger and its training.
    pub suggest: super::suggest::SuggestState,
    /// Whether this window holds its file's lock, or has it open read-only.
    pub(super) access: super::access::FileAccess,
    /// When a read-only window last looked at the lock (seconds on the caller's clock).
    pub(super) last_lock_check: f64,
    /// When the last autosave ran (seconds on the caller's clock).
    pub(super) last_autosave: f64,
    /// Whether there are changes the recovery file does not hold yet.
    pub(super) autosave_pending: bool,
    /// A relation being made, while its target is picked.
    pub relation_draft: Option<super::links_state::RelationDraft>,
    /// The relation picked in the side panel (its id), which Delete removes.
    pub picked_relation: Option<String>,
    /// A relation being dragged out with Alt from span to span.
    pub relation_drag: Option<super::document_view::LinkDrag>,
    /// Ids of documents closed to edits: in a team project, those reviewed into its gold,
    /// whose annotators' versions are final.
    pub frozen: std::collections::HashSet<String>,
}

impl AppState {
    /// State on a loaded corpus.
    pub fn new(corpus: Corpus, source: Source) -> Self {
        Self {
            prefs: Preferences::default(),
            corpus,
            source,
            selected: 0,
            status_filter: None,
            selection: Selection::default(),
            selected_span: None,
            history: History::default(),
            message: String::new(),
            generation: 0,
            search: Search::default(),
            label_drafts: None,
            link_drafts: None,
            save_conflict: false,
            recovery: None,
            review: None,
            suggest: super::suggest::SuggestState::default(),
            problems: None,
            access: super::access::FileAccess::Unguarded,
            last_lock_check: 0.0,
            last_autosave: 0.0,
            autosave_pending: false,
            frozen: std::collections::HashSet::new(),
            relation_draft: None,
            picked_relation: None,
            relation_drag: None,
        }
    }

    /// State on the bundled sample corpus.
    ///
    /// # Errors
    /// The sample's diagnostics, should it ever be invalid (a test keeps it valid).
    pub fn sample() -> Result<Self, Vec<Diagnostic>> {
        let corpus = format::parse_corpus(super::SAMPLE_CORPUS.as_bytes(), Form::Json)?;
        Ok(Self::new(corpus, Source::BundledSample))
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
            let first = e.lines().next().unwrap_or_default().to_owned();
            self.problems = Some(e);
            first
        })
    }

    fn try_open_paths(&mut self, paths: &[PathBuf]) -> Result<(), String> {
        if self.history.is_dirty() {
            return Err(
                "there are unsaved changes: save them (Ctrl+S) before opening another corpus"
                    .to_owned(),
            );
        }
        let all_txt = !paths.is_empty()
            && paths.iter().all(|p| {
                p.is_dir() || p.extension().is_some_and(|e| e.eq_ignore_ascii_case("txt"))
            });
        let next = if all_txt {
            let corpus = crate::import::txt::import_txt(paths).map_err(|e| e.to_string())?;
            self.successor(corpus, Source::Untitled)
        } else if let [path] = paths {
            self.open_next(path).map_err(|e| e.to_string())?
        } else {
            return Err("open one corpus file, or any number of .txt files".to_owned());
        };
        self.replace_session(next);
        let name = self.source.name();
        // Opening read-only or taking over a stale lock has its own message.
        if self.message.is_empty() {
            self.say(format!("opened {name}"));
        }
        Ok(())
    }

    /// A state on `corpus` from `source` that would follow this one: the same preferences
    /// (so a lock it takes carries the annotator's name), a session of its own. It only
    /// becomes the window's state through [`Self::replace_session`].
    pub(super) fn successor(&self, corpus: Corpus, source: Source) -> Self {
        let mut next = Self::new(corpus, source);
        next.prefs = self.prefs.clone();
        next
    }

    /// Makes `next`'s session the window's: the one way the open corpus is swapped (open,
    /// import, reload, review, project), so that every swap keeps the preferences whole
    /// and drops every view of the old corpus.
    pub(super) fn replace_session(&mut self, mut next: Self) {
        let same_recovery_file = next.recovery_target() == self.recovery_target();
        next.prefs = std::mem::take(&mut self.prefs);
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
    /// Shows a message in the status bar.
    pub fn say(&mut self, message: impl Into<String>) {
        self.message = message.into();
    }

    /// Opens document `index`: a fresh caret at its start, no span picked.
    pub fn open_document(&mut self, index: usize) {
        if index < self.corpus.documents.len() {
            self.selected = index;
            self.selection = Selection::default();
            self.selected_span = None;
            self.suggest.picked = None;
            self.relation_draft = None;
            self.picked_relation = None;
            if let Some(review) = self.review.as_mut() {
                review.unpick();
            }
            // Matches belong to a document: find them again in this one.
            self.refresh_search();
        }
    }

    pub(super) fn apply(&mut self, change: Change) -> bool {
        if let Some(doc) = self.corpus.documents.get(change.document)
            && self.frozen.contains(&doc.id)
        {
            let id = doc.id.clone();
            self.say(format!(
                "{id} was reviewed into the project's gold: it is read-only now"
            ));
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
                self.say(e.to_string());
                false
            }
        }
    }

    /// The label key `key` was pressed (or a palette entry clicked): relabel the picked span,
    /// or turn the selection into a span of that label.
    pub fn apply_label(&mut self, label: &str) {
        if self.corpus.label(label).is_none() {
            return;
        }
        if self.picked_candidate().is_some() {
            self.replace_picked(label);
            return;
        }
        if self.suggest.picked.is_some() && self.suggestions_active() {
            self.accept_picked_suggestion(Some(label));
            return;
        }
        if let Some((range, from)) = self.selected_span.clone() {
            if from != label {
                let edit = Edit::Relabel {
                    range,
                    from,
                    to: label.to_owned(),
                };
                if self.apply(Change::one(self.selected, edit)) {
                    self.selected_span = Some((range, label.to_owned()));
                    self.say(format!("relabelled as {label}"));
                }
            }
            return;
        }
        let Some(doc) = self.corpus.documents.get(self.selected) else {
            return;
        };
        let Some(range) = snap(doc.text(), self.selection, self.prefs.snap) else {
            self.say("select some text first");
            return;
        };
        if self.apply(Change::one(
            self.selected,
            Edit::AddSpan(Span::new(range, label)),
        )) {
            self.selected_span = Some((range, label.to_owned()));
            self.selection = Selection::caret(range.end());
            self.say(format!("{label} added"));
        }
    }

    /// Labels every match of `query` in the open document with `label`, as one undoable
    /// step; matches already labelled so are skipped. Returns how many spans were added.
    pub fn label_all_matches(
        &mut self,
        query: &str,
        label: &str,
        options: crate::annotate::search::SearchOptions,
    ) -> usize {
        let Some(doc) = self.corpus.documents.get(self.selected) else {
            return 0;
        };
        if self.corpus.label(label).is_none() {
            return 0;
        }
        let edits: Vec<Edit> = crate::annotate::search::find_all(doc.text(), query, options)
            .into_iter()
            .filter(|range| {
                doc.find_span(*range, label).is_none() && doc.check_range(*range).is_ok()
            })
            .map(|range| Edit::AddSpan(Span::new(range, label)))
            .collect();
        let added = edits.len();
        if added > 0
            && self.apply(Change {
                document: self.selected,
                edits,
            })
        {
            self.say(format!("{added} × {label} added"));
            return added;
        }
        0
    }

    /// Finds the search query in the open document again (after the query, options or text changed).
    pub fn refresh_search(&mut self) {
        let search = &mut self.search;
        if search.query.is_empty() {
            search.matches.clear();
            search.documents.clear();
            return;
        }
        let find =
            |text: &str| crate::annotate::search::find_all(text, &search.query, search.options);
        let matches = self
            .corpus
            .documents
            .get(self.selected)
            .map(|d| find(d.text()))
            .unwrap_or_default();
        let documents = if search.whole_corpus {
            self.corpus
                .documents
                .iter()
                .enumerate()
                // The open document was just searched: count its matches, do not search again.
                .map(|(i, d)| {
                    (
                        i,
                        if i == self.selected {
                            matches.len()
                        } else {
                            find(d.text()).len()
                        },
                    )
                })
                .filter(|(_, n)| *n > 0)
                .collect()
        } else {
            Vec::new()
        };
        search.matches = matches;
        search.documents = documents;
    }

    /// Opens the find bar (Ctrl+F) and puts the caret in its field, its text selected.
    pub fn open_search(&mut self) {
        self.search.open = true;
        self.search.focus_field = true;
        self.refresh_search();
    }

    /// Closes the find bar and forgets its matches.
    pub fn close_search(&mut self) {
        self.search.open = false;
        self.search.matches.clear();
    }

    /// Selects the next match after the selection (or with `forward` false the one before),
    /// wrapping around, and asks the view to show it.
    pub fn select_next_match(&mut self, forward: bool) {
        let matches = &self.search.matches;
        if matches.is_empty() {
            self.say("no matches");
            return;
        }
        let range = self.selection.range();
        let index = if forward {
            matches
                .iter()
                .position(|m| m.start() > range.start())
                .unwrap_or(0)
        } else {
            matches
                .iter()
                .rposition(|m| m.start() < range.start())
                .unwrap_or(matches.len() - 1)
        };
        let m = matches[index];
        self.selection = Selection::new(m.start(), m.end());
        self.selected_span = None;
        self.search.reveal = Some(m.start());
        self.say(format!("match {} of {}", index + 1, matches.len()));
    }

    /// Removes the picked span.
    pub fn delete_selected_span(&mut self) {
        let Some((range, label)) = self.selected_span.take() else {
            return;
        };
        let Some(doc) = self.corpus.documents.get(self.selected) else {
            return;
        };
        let Some(index) = doc.find_span(range, &label) else {
            return;
        };
        // With the relations that use it, in one step: one undo brings all of them back.
        let edits = self.span_deletion(index);
        let relations = edits.len() - 1;
        let change = Change {
            document: self.selected,
            edits,
        };
        if self.apply(change) {
            self.say(match relations {
                0 => format!("{label} removed"),
                n => format!("{label} removed with its {n} relation(s)"),
            });
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
        match self.history.undo(&mut self.corpus) {
            Some(change) => {
                if change.document != self.selected {
                    self.open_document(change.document);
                }
                self.selected_span = None;
                self.say("undone");
            }
            None => self.say("nothing to undo"),
        }
    }

    /// Redoes the last undone change, showing the document it touched.
    pub fn redo(&mut self) {
        match self.history.redo(&mut self.corpus) {
            Some(change) => {
                if change.document != self.selected {
                    self.open_document(change.document);
                }
                self.selected_span = None;
                self.say("redone");
            }
            None => self.say("nothing to redo"),
        }
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
                path: PathBuf::from("(bundled sample)"),
                source: std::io::Error::other(
                    "the bundled sample has no file: save it under a name",
                ),
            });
        };
        if let Err(e) = file.save(&self.corpus) {
            self.save_conflict = matches!(e, SaveError::ChangedOnDisk { .. });
            return Err(e);
        }
        super::recovery::remove_recovery(file.path());
        self.autosave_pending = false;
        self.history.mark_saved();
        let saved = format!("saved {}", file.path().display());
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
        super::recovery::remove_recovery(file.path());
        self.save_conflict = false;
        self.autosave_pending = false;
        self.history.mark_saved();
        self.say("saved over the changed file; their version is in the .bak file");
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
        let mut fresh = self.open_next(&path).map_err(|e| e.to_string())?;
        if let Some(mut review) = self.review.take() {
            // Their gold file may hold other texts or labels: check it against the annotators again.
            match review.session.attach_gold(&mut fresh.corpus) {
                Ok(true) => fresh.history.mark_unsaved(),
                Ok(false) => {}
                Err(e) => {
                    self.review = Some(review);
                    self.take_back_lock(&mut fresh);
                    return Err(e.to_string());
                }
            }
            review.unpick();
            fresh.review = Some(review);
        }
        // The same file again: its project's frozen documents stay frozen.
        fresh.frozen = std::mem::take(&mut self.frozen);
        fresh.recovery = None;
        self.replace_session(fresh);
        self.say("reloaded the file from disk");
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
            super::recovery::remove_recovery(&old);
        }
        self.source = Source::File(file);
        if let Some(access) = access {
            // The old file's lock (if any) is released here; the new one's is ours.
            self.access = access;
        }
        self.autosave_pending = false;
        self.history.mark_saved();
        self.say(format!("saved {}", path.display()));
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The window's state as `taliq` starts it with no argument: the bundled sample, its
    /// recovery file in the data folder, an annotator remembered from the last run.
    fn started_on_the_sample(home: &Path) -> AppState {
        let mut state = AppState::sample().expect("the bundled sample is valid");
        state.prefs.untitled_home = Some(home.to_path_buf());
        state.prefs.user = Some("أمل".to_owned());
        state
    }

    #[test]
    fn text_imported_into_an_open_window_is_autosaved() {
        let home = tempfile::tempdir().unwrap();
        let texts = tempfile::tempdir().unwrap();
        let txt = texts.path().join("خبر.txt");
        std::fs::write(&txt, "قالَ بوتين في موسكو إنّ المحادثات مستمرة 2022.\n").unwrap();
        let mut earlier = crate::synth::corpus(1, 120, 2, 7);
        earlier.documents[0].id = "من قبل".to_owned();
        super::super::recovery::write_recovery(&home.path().join("untitled.json"), &earlier)
            .unwrap();
        let mut state = started_on_the_sample(home.path());
        state.look_for_recovery();
        assert!(state.recovery.is_some());
        state.open_paths(&[txt]).expect("the text file imports");
        assert!(
            state.recovery.is_some(),
            "the earlier work is still offered after the import"
        );
        assert!(matches!(state.source, Source::Untitled));
        state.selection = Selection::new(5, 10);
        state.apply_label("PER");
        assert!(state.history.is_dirty(), "{}", state.message);
        state.autosave(super::super::recovery::AUTOSAVE_SECONDS + 1.0, false);
        let recovery = home.path().join("untitled.recovery.json");
        let saved = format::load(&recovery).expect("the imported work is in the recovery file");
        let doc = &saved.documents[0];
        assert_eq!(doc.id, "خبر");
        assert_eq!(
            doc.spans()
                .iter()
                .map(|s| doc.span_text(s))
                .collect::<Vec<_>>(),
            ["بوتين"]
        );
        // The annotator named before the import signs the new corpus too.
        assert_eq!(state.prefs.user.as_deref(), Some("أمل"));
    }

    #[test]
    fn every_swap_of_the_corpus_keeps_the_preferences_and_drops_old_views() {
        let home = tempfile::tempdir().unwrap();
        let dir = tempfile::tempdir().unwrap();
        let txt = dir.path().join("نص.txt");
        std::fs::write(&txt, "قالت أمل إن الكرملين ردّ 😀 على أنقرة.\n").unwrap();
        let corpus_path = dir.path().join("c.json");
        let corpus = crate::synth::corpus(3, 200, 3, 4);
        format::CorpusFile::create(&corpus_path, &corpus, false).unwrap();
        let mut state = started_on_the_sample(home.path());
        state.prefs.snap.words = false;
        state.prefs.suggest.threshold = 0.55;
        state.prefs.suggest.order_by_uncertainty = true;
        let prefs = state.prefs.clone();
        let mut generation = state.generation;
        let mut swapped = |state: &AppState, what: &str| {
            assert_eq!(state.prefs, prefs, "{what}");
            assert!(state.generation > generation, "{what}");
            generation = state.generation;
        };
        state.open_paths(&[txt]).unwrap();
        swapped(&state, "text import");
        state
            .open_paths(std::slice::from_ref(&corpus_path))
            .unwrap();
        swapped(&state, "open");
        assert!(!state.is_read_only(), "{}", state.message);
        let mut theirs = corpus.clone();
        theirs.documents[0].status = Status::Done;
        std::thread::sleep(std::time::Duration::from_millis(20));
        std::fs::write(&corpus_path, format::write_corpus(&theirs, Form::Json)).unwrap();
        state.reload_theirs().unwrap();
        swapped(&state, "reload");
        assert_eq!(state.corpus.documents[0].status, Status::Done);
        let annotators =
            ["a", "b"].map(|n| PathBuf::from(format!("tests/fixtures/agreement_{n}.json")));
        state
            .open_review(&annotators, &dir.path().join("gold.json"))
            .unwrap();
        swapped(&state, "review");
        assert!(state.review.is_some());
    }
}
