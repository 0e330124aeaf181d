//! Annotating the open document: labelling the selection, find and label-all.

pub mod palette;
pub mod search;
pub mod search_bar;

use crate::annotate::history::{Change, Edit};
use crate::annotate::selection::{Selection, snap};
use crate::app::AppState;
use crate::model::Span;

impl AppState {
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
}
