//! The review mode's decisions on relations and document labels: the annotators' relation
//! candidates picked, accepted and rejected like span candidates (the same keys), and their
//! document-label choices put into gold or left out — each one undoable step.

use crate::annotate::pick::Pick;
use crate::annotate::selection::Selection;
use crate::app::AppState;
use crate::app::i18n::tr;
use crate::review::session::{LabelChoice, RelationCandidate};

impl AppState {
    /// The relation candidates of the open document (none outside the review mode).
    pub fn review_relation_candidates(&self) -> &[RelationCandidate] {
        self.review
            .as_ref()
            .map_or(&[], |r| r.session.relation_candidates(self.selected))
    }

    /// The picked relation candidate, if any.
    pub fn picked_relation_candidate(&self) -> Option<RelationCandidate> {
        self.review_relation_candidates()
            .get(self.pick.as_relation_candidate()?)
            .cloned()
    }

    /// Picks relation candidate `index` of the open document and selects the span it leaves from.
    pub fn pick_relation_candidate(&mut self, index: usize) {
        let Some(candidate) = self.review_relation_candidates().get(index).cloned() else {
            return;
        };
        self.pick = Pick::RelationCandidate(index);
        let from = candidate.from.range;
        self.selection = Selection::new(from.start(), from.end());
    }

    /// Accepts the picked relation candidate (with its spans, if gold lacks them), then
    /// picks the next pending candidate.
    pub(crate) fn accept_picked_relation(&mut self) {
        self.decide_picked_relation(true);
    }

    /// Rejects the picked relation candidate (taking it out of gold if it was in), then
    /// picks the next pending candidate.
    pub(crate) fn reject_picked_relation(&mut self) {
        self.decide_picked_relation(false);
    }

    fn decide_picked_relation(&mut self, accept: bool) {
        let (Some(candidate), Some(review), Some(doc)) = (
            self.picked_relation_candidate(),
            self.review.as_ref(),
            self.corpus.documents.get(self.selected),
        ) else {
            return;
        };
        let session = &review.session;
        let label = candidate.label.as_str();
        let (edits, message) = if accept {
            (
                session.accept_relation(self.selected, doc, &candidate),
                tr!("review-relation-accepted", label = label),
            )
        } else {
            (
                session.reject_relation(self.selected, doc, &candidate),
                tr!("review-relation-rejected", label = label),
            )
        };
        self.apply_review_edits(edits, message);
        self.pick_after_decision();
    }

    /// Puts `choice` of document label `name` into gold; its other pending choices are rejected.
    pub fn accept_label_choice(&mut self, name: &str, choice: &LabelChoice) {
        self.decide_label_choice(name, choice, true);
    }

    /// Leaves `choice` of document label `name` out of gold (clearing it if it was gold's).
    pub fn reject_label_choice(&mut self, name: &str, choice: &LabelChoice) {
        self.decide_label_choice(name, choice, false);
    }

    fn decide_label_choice(&mut self, name: &str, choice: &LabelChoice, accept: bool) {
        let (Some(review), Some(doc)) = (
            self.review.as_ref(),
            self.corpus.documents.get(self.selected),
        ) else {
            return;
        };
        let session = &review.session;
        let values = choice.values.join(", ");
        let (edits, message) = if accept {
            (
                session.accept_label_choice(self.selected, doc, name, choice),
                tr!("review-choice-accepted", label = name, values = values),
            )
        } else {
            (
                session.reject_label_choice(self.selected, doc, name, choice),
                tr!("review-choice-rejected", label = name, values = values),
            )
        };
        self.apply_review_edits(edits, message);
    }
}
