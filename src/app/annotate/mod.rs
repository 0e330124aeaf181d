//! Annotating the open document: labelling the selection, find and label-all.

pub mod palette;
pub mod search;
pub mod search_bar;
pub mod state;

use crate::annotate::history::{Change, Edit};
use crate::annotate::pick::Pick;
use crate::annotate::selection::{Selection, snap};
use crate::app::AppState;
use crate::app::i18n::tr;
use crate::app::state::pick::PickAction;
use crate::model::Span;

impl AppState {
    /// The label key of `label` was pressed (or a palette entry clicked): what it does
    /// depends on the pick ([`AppState::act_on_pick`]).
    pub fn apply_label(&mut self, label: &str) {
        self.act_on_pick(PickAction::Label(label));
    }

    /// Gives the picked span `label` instead of its own (one undo step).
    pub(crate) fn relabel_picked_span(&mut self, label: &str) {
        let Some((range, from)) = self.pick.as_span() else {
            return;
        };
        if from == label {
            return;
        }
        let edit = Edit::Relabel {
            range,
            from: from.to_owned(),
            to: label.to_owned(),
        };
        if self.apply(Change::one(self.selected, edit)) {
            self.pick = Pick::span(range, label);
            self.say(tr!("annotate-relabelled", label = label));
        }
    }

    /// Turns the selection (snapped to words, trimmed) into a span of `label`, picked then.
    pub(crate) fn label_selection(&mut self, label: &str) {
        let Some(doc) = self.corpus.documents.get(self.selected) else {
            return;
        };
        let Some(range) = snap(doc.text(), self.selection, self.prefs.snap) else {
            self.say(tr!("annotate-select-text-first"));
            return;
        };
        if self.apply(Change::one(
            self.selected,
            Edit::AddSpan(Span::new(range, label)),
        )) {
            self.pick = Pick::span(range, label);
            self.selection = Selection::caret(range.end());
            self.say(tr!("annotate-span-added", label = label));
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
            self.say(tr!(
                "annotate-all-matches-labelled",
                count = added,
                label = label
            ));
            return added;
        }
        0
    }

    /// Removes the picked span, with the relations that use it.
    pub fn delete_selected_span(&mut self) {
        let Some((range, label)) = self.pick.as_span().map(|(r, l)| (r, l.to_owned())) else {
            return;
        };
        self.pick = Pick::None;
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
                0 => tr!("annotate-span-removed", label = label),
                n => tr!(
                    "annotate-span-removed-with-relations",
                    label = label,
                    count = n
                ),
            });
        }
    }
}
