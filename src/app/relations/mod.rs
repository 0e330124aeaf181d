//! The window's operations on relations, span notes and document labels: each one change
//! through the history, so that one undo takes it back whole (a span deleted with its
//! relations comes back with them).

pub mod panel;
pub mod state;

use crate::annotate::history::{Change, Edit, SpanField};
use crate::annotate::pick::{Pick, RelationDraft};
use crate::app::AppState;
use crate::app::i18n::tr;
use crate::model::Relation;

impl AppState {
    /// Links span `from` to span `to` (indices in the open document) by a relation of type
    /// `label`, giving either span an id first if it has none; one undoable step. Returns
    /// the relation's id.
    pub fn add_relation(&mut self, label: &str, from: usize, to: usize) -> Option<String> {
        let doc = self.corpus.documents.get(self.selected)?;
        let (a, b) = (doc.spans().get(from)?, doc.spans().get(to)?);
        if from == to {
            self.say(tr!("relations-two-different-spans"));
            return None;
        }
        let mut edits = Vec::new();
        // Fresh ids count up from the highest; a second one goes one further.
        let mut next = doc.next_id_number("T");
        let mut id_of = |span: &crate::model::Span| {
            if let Some(id) = &span.id {
                return id.clone();
            }
            let id = format!("T{next}");
            next += 1;
            edits.push(Edit::SetSpanField {
                range: span.range,
                label: span.label.clone(),
                field: SpanField::Id,
                before: None,
                after: Some(id.clone()),
            });
            id
        };
        let (from_id, to_id) = (id_of(a), id_of(b));
        let id = doc.fresh_id("R");
        edits.push(Edit::AddRelation(Relation::new(
            &id, label, &from_id, &to_id,
        )));
        let change = Change {
            document: self.selected,
            edits,
        };
        self.apply(change).then(|| {
            self.say(tr!("relations-added", label = label, id = &id));
            id
        })
    }

    /// Starts a relation of type `label` from the picked span (a relation type's hotkey).
    pub fn start_relation(&mut self, label: &str) -> bool {
        let Some((range, span_label)) = self.pick.as_span().map(|(r, l)| (r, l.to_owned())) else {
            self.say(tr!("relations-pick-span-first"));
            return false;
        };
        let Some(from) = self
            .corpus
            .documents
            .get(self.selected)
            .and_then(|d| d.find_span(range, &span_label))
        else {
            return false;
        };
        self.pick = Pick::RelationDraft(RelationDraft {
            label: label.to_owned(),
            from,
            target: None,
        });
        self.say(tr!(
            "relations-started",
            label = label,
            span_label = span_label
        ));
        true
    }

    /// Moves the draft's target to the next (or previous) span, skipping the one it leaves
    /// from, and names it in the status bar (it may be off screen); returns where the target
    /// starts, for the view to scroll to.
    pub fn step_relation_target(&mut self, forward: bool) -> Option<usize> {
        let count = self
            .corpus
            .documents
            .get(self.selected)
            .map_or(0, |d| d.spans().len());
        let Pick::RelationDraft(draft) = &mut self.pick else {
            return None;
        };
        if count < 2 {
            self.say(tr!("relations-no-other-span"));
            return None;
        }
        let mut at = draft.target.unwrap_or(draft.from);
        loop {
            at = if forward {
                (at + 1) % count
            } else {
                (at + count - 1) % count
            };
            if at != draft.from {
                break;
            }
        }
        draft.target = Some(at);
        let kind = draft.label.clone();
        // The target shows as the selection (the span it leaves from is drawn picked).
        let doc = self.corpus.documents.get(self.selected)?;
        let span = doc.spans().get(at)?;
        let text = crate::app::widgets::embedded(doc.span_text(span));
        let (label, range) = (span.label.clone(), span.range);
        self.selection = crate::annotate::selection::Selection::new(range.start(), range.end());
        self.say(tr!(
            "relations-target",
            kind = kind,
            text = text,
            label = label,
            number = at + 1,
            count = count,
        ));
        Some(range.start())
    }

    /// Links the draft to `target` (or its own target), ending it: the new relation is
    /// picked then (another type's key retypes it, Delete removes it); if none is made,
    /// the span it left from is picked again.
    pub fn finish_relation(&mut self, target: Option<usize>) -> Option<String> {
        let draft = self.pick.as_draft()?.clone();
        self.pick = self.span_pick(draft.from);
        let Some(to) = target.or(draft.target) else {
            self.say(tr!("relations-no-target"));
            return None;
        };
        let id = self.add_relation(&draft.label, draft.from, to)?;
        self.pick = Pick::Relation(id.clone());
        Some(id)
    }

    /// Gives up the relation being made (Escape); the span it left from stays picked.
    pub fn cancel_relation(&mut self) {
        if let Some(from) = self.pick.as_draft().map(|d| d.from) {
            self.pick = self.span_pick(from);
            self.say(tr!("relations-cancelled"));
        }
    }

    /// The pick of span `index` of the open document.
    pub(crate) fn span_pick(&self, index: usize) -> Pick {
        self.corpus
            .documents
            .get(self.selected)
            .and_then(|d| d.spans().get(index))
            .map_or(Pick::None, |s| Pick::span(s.range, &s.label))
    }

    /// Deletes the relation with this id from the open document (undoable).
    pub fn delete_relation(&mut self, id: &str) -> bool {
        let Some(relation) = self.relation(id) else {
            return false;
        };
        let done = self.apply(Change::one(self.selected, Edit::RemoveRelation(relation)));
        if done {
            self.say(tr!("relations-deleted", id = id));
        }
        done
    }

    /// Gives the relation with this id another type, keeping its id and spans (undoable).
    pub fn relabel_relation(&mut self, id: &str, label: &str) -> bool {
        let Some(old) = self.relation(id) else {
            return false;
        };
        let mut new = old.clone();
        label.clone_into(&mut new.label);
        let change = Change {
            document: self.selected,
            edits: vec![Edit::RemoveRelation(old), Edit::AddRelation(new)],
        };
        self.apply(change)
    }

    /// The relation with this id in the open document.
    fn relation(&self, id: &str) -> Option<Relation> {
        self.corpus
            .documents
            .get(self.selected)?
            .relations()
            .iter()
            .find(|r| r.id == id)
            .cloned()
    }

    /// The edits that delete the span at `index` of the open document with every relation
    /// that uses it (the relations first, so that undo brings the span back before them).
    pub(crate) fn span_deletion(&self, index: usize) -> Vec<Edit> {
        let Some(doc) = self.corpus.documents.get(self.selected) else {
            return Vec::new();
        };
        let span = doc.spans()[index].clone();
        let mut edits: Vec<Edit> = span
            .id
            .as_deref()
            .map(|id| {
                doc.relations_of(id)
                    .cloned()
                    .map(Edit::RemoveRelation)
                    .collect()
            })
            .unwrap_or_default();
        edits.push(Edit::RemoveSpan(span));
        edits
    }

    /// Sets (or, when empty, clears) the note of the picked span (undoable).
    pub fn set_span_note(&mut self, note: &str) -> bool {
        let Some((range, label)) = self.pick.as_span().map(|(r, l)| (r, l.to_owned())) else {
            return false;
        };
        let Some(doc) = self.corpus.documents.get(self.selected) else {
            return false;
        };
        let Some(index) = doc.find_span(range, &label) else {
            return false;
        };
        let before = doc.spans()[index].note.clone();
        let after = Some(note.trim().to_owned()).filter(|n| !n.is_empty());
        if before == after {
            return false;
        }
        let edit = Edit::SetSpanField {
            range,
            label,
            field: SpanField::Note,
            before,
            after,
        };
        self.apply(Change::one(self.selected, edit))
    }

    /// Sets the open document's values of document label `name` (none clears it; undoable).
    pub fn set_document_label(&mut self, name: &str, values: Vec<String>) -> bool {
        let Some(doc) = self.corpus.documents.get(self.selected) else {
            return false;
        };
        let before = doc
            .labels
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.clone());
        let after = Some(values).filter(|v| !v.is_empty());
        if before == after {
            return false;
        }
        let edit = Edit::SetDocumentLabel {
            name: name.to_owned(),
            before,
            after,
        };
        self.apply(Change::one(self.selected, edit))
    }
}
