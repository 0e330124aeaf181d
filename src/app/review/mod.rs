//! The review mode's state: the open corpus is the gold corpus, adjudicated from the
//! annotators' corpora of a [`ReviewSession`]. Every decision goes through the history.

pub mod agreement;
pub mod links;
pub mod links_panel;
pub mod mark_question;
pub mod opener;
pub mod panel;
pub mod state;

pub use state::{ProjectReview, Review, ReviewOpener};

use std::path::{Path, PathBuf};

use crate::annotate::history::{Change, Edit};
use crate::annotate::pick::Pick;
use crate::annotate::selection::{Selection, snap};
use crate::app::AppState;
use crate::app::i18n::{Worded, tr};
use crate::app::state::Source;
use crate::app::state::dialogs::Dialog;

use crate::format::CorpusFile;
use crate::model::Status;
use crate::project::review::{ReviewGroup, group_files};
use crate::review::gold::Candidate;
use crate::review::session::{Decision, ReviewSession};

/// `5 candidates are pending, 2 of them in unresolved conflicts`, for the question.
pub fn describe_pending(pending: usize, conflicts: usize) -> String {
    match conflicts {
        0 => tr!("review-pending", pending = pending),
        _ if conflicts == pending => tr!("review-pending-all-in-conflict", pending = pending),
        _ => tr!(
            "review-pending-some-in-conflict",
            pending = pending,
            conflicts = conflicts
        ),
    }
}

/// What "accept all agreed" accepted: "3 agreed spans, 1 relation and 1 document label
/// accepted", naming relations and document labels when there are any.
fn describe_agreed(counts: crate::review::session::AgreedCounts) -> String {
    let mut parts = vec![tr!("review-agreed-spans", count = counts.spans)];
    if counts.relations > 0 {
        parts.push(tr!("review-agreed-relations", count = counts.relations));
    }
    if counts.labels > 0 {
        parts.push(tr!("review-agreed-document-labels", count = counts.labels));
    }
    let last = parts.pop().unwrap_or_default();
    let all = if parts.is_empty() {
        last
    } else {
        tr!(
            "review-list-and",
            first = parts.join(&tr!("review-list-comma")),
            last = last
        )
    };
    tr!("review-accepted-agreed", parts = all)
}

impl AppState {
    /// Starts reviewing `annotators`' corpora into the gold corpus at `gold`: opened if it
    /// exists (to go on with a review), else created with the documents they all hold.
    ///
    /// # Errors
    /// A message for the status bar: unsaved changes, a file that cannot be read, texts that
    /// differ, or a gold path that is one of the annotators' files. Nothing changes then.
    pub fn open_review(&mut self, annotators: &[PathBuf], gold: &Path) -> Result<(), String> {
        if self.history.is_dirty() {
            return Err(tr!("review-unsaved-first"));
        }
        let session = ReviewSession::open(annotators, gold).map_err(|e| e.worded())?;
        let next = if gold.exists() {
            self.open_next(gold).map_err(|e| e.worded())?
        } else {
            let mut corpus = session.blank_gold();
            corpus.annotator.clone_from(&self.prefs.user);
            let file = CorpusFile::create(gold, &corpus, false).map_err(|e| e.worded())?;
            let mut next = self.successor(corpus, Source::File(file));
            next.claim_file();
            next
        };
        self.enter_review(next, session, annotators.to_vec(), None)?;
        let (reviewed, total) = ReviewSession::progress(&self.corpus);
        self.say(tr!(
            "review-started",
            annotators = annotators.len(),
            gold = crate::text::isolates::path_unit(&gold.display().to_string()),
            reviewed = reviewed,
            total = total
        ));
        Ok(())
    }

    /// Ties `session` to the gold corpus of `next` and makes `next` this window's state, in
    /// review mode.
    fn enter_review(
        &mut self,
        mut next: Self,
        mut session: ReviewSession,
        files: Vec<PathBuf>,
        project: Option<ProjectReview>,
    ) -> Result<(), String> {
        match session.attach_gold(&mut next.corpus) {
            Ok(true) => next.history.mark_unsaved(),
            Ok(false) => {}
            Err(e) => {
                self.take_back_lock(&mut next);
                return Err(e.worded());
            }
        }
        next.review = Some(Review {
            session,
            files,
            listed_pick: None,
            list_rows: 0..0,
            heat_map_pair: None,
            project,
        });
        self.replace_session(next);
        Ok(())
    }

    /// Starts reviewing the team project in `dir` into its `gold.json`, one group of
    /// annotators at a time (the first with documents left to review first); see
    /// [`crate::project::prepare_review`].
    ///
    /// # Errors
    /// A message for the status bar: unsaved changes, nothing finished to review, or a file
    /// that cannot be read. Nothing changes then.
    pub fn open_project_review(&mut self, dir: &Path) -> Result<(), String> {
        if self.history.is_dirty() {
            return Err(tr!("review-unsaved-first"));
        }
        let prepared = crate::project::prepare_review(dir).map_err(|e| e.worded())?;
        let project = ProjectReview {
            dir: dir.to_path_buf(),
            groups: prepared.groups,
            current: 0,
            corpora: prepared.corpora,
        };
        let session = project.session(0)?;
        let files = group_files(dir, &project.groups[0]);
        let next = self
            .open_next(&dir.join(crate::project::GOLD_FILE))
            .map_err(|e| e.worded())?;
        self.enter_review(next, session, files, Some(project))?;
        self.open_first_of_group();
        self.say_group();
        Ok(())
    }

    /// Reviews the project's group `index` next; the gold corpus and its history stay.
    pub fn switch_review_group(&mut self, index: usize) {
        let Some(project) = self.review.as_ref().and_then(|r| r.project.as_ref()) else {
            return;
        };
        let session = project.session(index);
        let files = project
            .groups
            .get(index)
            .map(|g| group_files(&project.dir, g));
        let (Ok(mut session), Some(files)) = (session, files) else {
            self.say(tr!("review-group-unavailable"));
            return;
        };
        match session.attach_gold(&mut self.corpus) {
            Ok(added) => {
                if added {
                    self.history.mark_unsaved();
                }
            }
            Err(e) => {
                self.say(e.worded());
                return;
            }
        }
        // Another session's candidates: what the view worked out from the last one is stale.
        self.generation += 1;
        self.pick = Pick::None;
        if let Some(review) = self.review.as_mut() {
            review.session = session;
            review.files = files;
            if let Some(project) = review.project.as_mut() {
                project.current = index;
            }
        }
        self.open_first_of_group();
        self.say_group();
    }

    /// Opens the group's first document still to review (else its first).
    fn open_first_of_group(&mut self) {
        let Some(review) = &self.review else {
            return;
        };
        let in_group = |i: &usize| review.session.versions(*i).is_some();
        let docs = &self.corpus.documents;
        let first = (0..docs.len())
            .filter(in_group)
            .find(|&i| docs[i].status != Status::Reviewed)
            .or_else(|| (0..docs.len()).find(in_group));
        if let Some(index) = first {
            self.open_document(index);
        }
    }

    /// Says which group is under review and how far it is.
    fn say_group(&mut self) {
        let Some(project) = self.review.as_ref().and_then(|r| r.project.as_ref()) else {
            return;
        };
        let Some(group) = project.groups.get(project.current) else {
            return;
        };
        let reviewed = self
            .corpus
            .documents
            .iter()
            .filter(|d| d.status == Status::Reviewed && group.documents.contains(&d.id))
            .count();
        let text = tr!(
            "review-project-group",
            number = project.current + 1,
            total = project.groups.len(),
            group = group_text(group, reviewed)
        );
        self.say(text);
    }

    /// Leaves the review mode; the gold corpus stays open as an ordinary corpus.
    pub fn close_review(&mut self) {
        if self.review.take().is_some() {
            self.say(tr!("review-closed"));
        }
    }

    /// In the review mode, the review and the open gold document.
    pub fn review_and_gold(&self) -> Option<(&Review, &crate::model::Document)> {
        Some((
            self.review.as_ref()?,
            self.corpus.documents.get(self.selected)?,
        ))
    }

    /// The candidates of the open document (none outside the review mode).
    pub fn review_candidates(&self) -> &[Candidate] {
        self.review
            .as_ref()
            .map_or(&[], |r| r.session.candidates(self.selected))
    }

    /// The picked candidate, if any.
    pub fn picked_candidate(&self) -> Option<Candidate> {
        self.review_candidates()
            .get(self.pick.as_candidate()?)
            .cloned()
    }

    /// Picks candidate `index` of the open document and selects its text.
    pub fn pick_candidate(&mut self, index: usize) {
        let Some(candidate) = self.review_candidates().get(index).cloned() else {
            return;
        };
        self.pick = Pick::Candidate(index);
        self.selection = Selection::new(candidate.range.start(), candidate.range.end());
    }

    /// The next (or previous) candidate still pending after the picked one, wrapping
    /// around: the span candidates first, then the relation candidates.
    fn next_pending(&self, forward: bool) -> Option<Pick> {
        let review = self.review.as_ref()?;
        let doc = self.corpus.documents.get(self.selected)?;
        let mut decisions = review.session.decisions(self.selected, doc);
        let spans = decisions.len();
        decisions.extend(review.session.relation_decisions(self.selected, doc));
        let n = decisions.len();
        let from = self
            .pick
            .as_candidate()
            .or(self.pick.as_relation_candidate().map(|r| spans + r))
            .unwrap_or(if forward { n.saturating_sub(1) } else { 0 });
        (1..=n)
            .map(|k| {
                if forward {
                    (from + k) % n
                } else {
                    (from + n - k % n) % n
                }
            })
            .find(|&i| decisions[i] == Decision::Pending)
            .map(|i| {
                if i < spans {
                    Pick::Candidate(i)
                } else {
                    Pick::RelationCandidate(i - spans)
                }
            })
    }

    /// Picks a review candidate as [`Self::next_pending`] found it, selecting its text.
    fn pick_pending(&mut self, pick: &Pick) {
        match *pick {
            Pick::Candidate(i) => self.pick_candidate(i),
            Pick::RelationCandidate(i) => self.pick_relation_candidate(i),
            _ => {}
        }
    }

    /// Picks the next (or previous) candidate still pending, wrapping around the document.
    pub fn pick_next_pending(&mut self, forward: bool) {
        match self.next_pending(forward) {
            Some(pick) => self.pick_pending(&pick),
            None => self.say(tr!("review-none-pending")),
        }
    }

    /// After a decision: on to the next pending candidate, or nothing picked when all are decided.
    pub(crate) fn pick_after_decision(&mut self) {
        match self.next_pending(true) {
            Some(pick) => self.pick_pending(&pick),
            None => self.pick = Pick::None,
        }
    }

    pub(crate) fn apply_review_edits(&mut self, edits: Vec<Edit>, message: String) {
        if edits.is_empty() {
            self.say(message);
            return;
        }
        let change = Change {
            document: self.selected,
            edits,
        };
        if self.apply(change) {
            self.say(message);
        }
    }

    /// Accepts the picked candidate; if the selection was changed since it was picked, the
    /// selected range goes into the gold instead (an edit). Then picks the next pending one.
    pub fn accept_picked(&mut self) {
        if self.picked_relation_candidate().is_some() {
            self.accept_picked_relation();
            return;
        }
        let Some(candidate) = self.picked_candidate() else {
            self.say(tr!("review-pick-first"));
            return;
        };
        self.replace_picked(&candidate.label);
    }

    /// Puts the selection into the gold with `label` in place of the picked candidate.
    pub(crate) fn replace_picked(&mut self, label: &str) {
        let Some(candidate) = self.picked_candidate() else {
            return;
        };
        let Some(doc) = self.corpus.documents.get(self.selected) else {
            return;
        };
        let range = if self.selection.range() == candidate.range {
            candidate.range
        } else if let Some(range) = snap(doc.text(), self.selection, self.prefs.snap) {
            range
        } else {
            self.say(tr!("review-select-text-first"));
            return;
        };
        let Some(review) = self.review.as_mut() else {
            return;
        };
        let edits = review
            .session
            .replace(self.selected, doc, &candidate, range, label);
        let message = if range == candidate.range && label == candidate.label {
            tr!("review-label-accepted", label = label)
        } else {
            tr!(
                "review-label-accepted-instead",
                range = range.to_string(),
                label = label,
                candidate = candidate.label.as_str()
            )
        };
        self.apply_review_edits(edits, message);
        self.pick_after_decision();
    }

    /// Rejects the picked candidate (taking it out of the gold if it was in), then picks the
    /// next pending one.
    pub fn reject_picked(&mut self) {
        if self.picked_relation_candidate().is_some() {
            self.reject_picked_relation();
            return;
        }
        let Some(candidate) = self.picked_candidate() else {
            self.say(tr!("review-pick-first"));
            return;
        };
        let Some(doc) = self.corpus.documents.get(self.selected) else {
            return;
        };
        let Some(review) = self.review.as_mut() else {
            return;
        };
        let edits = review.session.reject(self.selected, doc, &candidate);
        let message = tr!("review-label-rejected", label = candidate.label.as_str());
        self.apply_review_edits(edits, message);
        self.pick_after_decision();
    }

    /// Accepts every candidate of the open document that all annotators made.
    pub fn accept_all_agreed(&mut self) {
        let Some(doc) = self.corpus.documents.get(self.selected) else {
            return;
        };
        let Some(review) = self.review.as_mut() else {
            return;
        };
        let agreed = review.session.accept_all_agreed(self.selected, doc);
        self.apply_review_edits(agreed.edits, describe_agreed(agreed.counts));
    }

    /// Marks the open document reviewed and opens the next one not reviewed yet. While
    /// candidates are pending, which this rejects, it asks first (the question names how
    /// many, and how many are in conflicts); asked again while the question is open (Ctrl+Enter
    /// twice, or its button), it goes ahead.
    pub fn mark_reviewed(&mut self) {
        let Some((pending, conflicts)) = self.pending_at_mark() else {
            return;
        };
        // Any pending candidate, not only conflicts: one all annotators made would be lost
        // from the gold just the same, and a question is cheap next to that.
        if pending > 0 && !self.dialogs.is_open(Dialog::MarkReviewed) {
            self.dialogs.open(Dialog::MarkReviewed);
            self.say(tr!(
                "review-mark-asks",
                pending = describe_pending(pending, conflicts)
            ));
            return;
        }
        self.dialogs.close(Dialog::MarkReviewed);
        self.reject_pending_and_mark_reviewed();
    }

    /// The open document's pending candidates in review, and how many of them are in
    /// conflicts; `None` outside a review.
    pub fn pending_at_mark(&self) -> Option<(usize, usize)> {
        let review = self.review.as_ref()?;
        let doc = self.corpus.documents.get(self.selected)?;
        Some((
            review.session.pending(self.selected, doc),
            review.session.pending_conflicts(self.selected, doc),
        ))
    }

    /// Rejects the open document's pending candidates, marks it reviewed (one undo step)
    /// and opens the next document not reviewed yet.
    fn reject_pending_and_mark_reviewed(&mut self) {
        let (Some(review), Some(doc)) = (
            self.review.as_mut(),
            self.corpus.documents.get(self.selected),
        ) else {
            return;
        };
        self.pick = Pick::None;
        let (mut edits, pending) = review.session.reject_pending(self.selected, doc);
        if doc.status != Status::Reviewed {
            edits.push(Edit::SetStatus {
                from: doc.status,
                to: Status::Reviewed,
            });
        }
        // One step: undoing it brings back the status and the pending candidates together.
        if !edits.is_empty()
            && !self.apply(Change {
                document: self.selected,
                edits,
            })
        {
            return;
        }
        let n = self.corpus.documents.len();
        // In a project's review, the next one of the group under review.
        let in_review = |i: usize| {
            self.review
                .as_ref()
                .is_none_or(|r| r.project.is_none() || r.session.versions(i).is_some())
        };
        let next = (1..n)
            .map(|k| (self.selected + k) % n)
            .find(|&i| self.corpus.documents[i].status != Status::Reviewed && in_review(i));
        if let Some(next) = next {
            self.open_document(next);
        }
        let (reviewed, total) = ReviewSession::progress(&self.corpus);
        let message = if pending > 0 {
            tr!(
                "review-marked-rejecting",
                pending = pending,
                reviewed = reviewed,
                total = total
            )
        } else {
            tr!("review-marked", reviewed = reviewed, total = total)
        };
        self.say(message);
    }

    /// Writes the provenance of every gold span before the corpus is written anywhere.
    pub(crate) fn stamp_provenance(&mut self) {
        if let Some(review) = &self.review {
            review.session.stamp(&mut self.corpus);
        }
    }
}

/// A review group as the window names it, given how many of its documents are reviewed:
/// "amal + سارة: 3 of 5 reviewed" (each name kept apart from the figures that follow).
pub fn group_text(group: &ReviewGroup, reviewed: usize) -> String {
    let names: Vec<String> = group
        .annotators
        .iter()
        .map(|a| crate::app::widgets::embedded(a))
        .collect();
    tr!(
        "review-group",
        names = names.join(" + "),
        reviewed = reviewed,
        total = group.documents.len()
    )
}
