//! Edits to a corpus as data, applied and inverted, with undo and redo.
//!
//! The GUI never changes the corpus in place: it builds a [`Change`] and applies it through
//! [`History`], so that every change can be undone exactly (helix's transactions, egui's commands).

use crate::model::{
    CharRange, Corpus, DocumentLabel, Label, RejectedSuggestion, Relation, RelationLabel, Span,
    SpanError, Status, Suggestion,
};

/// One elementary edit of one document.
#[derive(Debug, Clone, PartialEq)]
pub enum Edit {
    /// Add this span.
    AddSpan(Span),
    /// Remove the span equal to this one (same range and label).
    RemoveSpan(Span),
    /// Give the span with this range and label another label.
    Relabel {
        /// The span's range.
        range: CharRange,
        /// Its label before.
        from: String,
        /// Its label after.
        to: String,
    },
    /// Add this suggestion.
    AddSuggestion(Suggestion),
    /// Remove the suggestion with this one's range and label.
    RemoveSuggestion(Suggestion),
    /// Remember this rejection.
    AddRejected(RejectedSuggestion),
    /// Forget the rejection with this one's range and label.
    RemoveRejected(RejectedSuggestion),
    /// Replace every suggestion of the document at once (a recommender ran). Undoable, because
    /// accepts and rejects refer to suggestions by value: a refresh outside the history would
    /// leave their undo nothing to find, or bring back suggestions the refresh dropped.
    SetSuggestions {
        /// The suggestions before.
        before: Vec<Suggestion>,
        /// The suggestions after.
        after: Vec<Suggestion>,
    },
    /// Change the document's status.
    SetStatus {
        /// Status before.
        from: Status,
        /// Status after.
        to: Status,
    },
    /// Set (or, with `None`, remove) a field of the document that taliq keeps but does not
    /// interpret, such as a review's list of rejected candidates.
    SetField {
        /// The field's name.
        key: String,
        /// Its value before.
        before: Option<serde_json::Value>,
        /// Its value after.
        after: Option<serde_json::Value>,
    },
    /// Add this relation (its spans' ids already given).
    AddRelation(Relation),
    /// Remove the relation with this one's id.
    RemoveRelation(Relation),
    /// Set (or clear) a span's id or note.
    SetSpanField {
        /// The span's range.
        range: CharRange,
        /// Its label.
        label: String,
        /// Which field.
        field: SpanField,
        /// Its value before.
        before: Option<String>,
        /// Its value after.
        after: Option<String>,
    },
    /// Set (or, with `None`, clear) the values of one of the document's document labels.
    SetDocumentLabel {
        /// The document label's name.
        name: String,
        /// Its values before.
        before: Option<Vec<String>>,
        /// Its values after.
        after: Option<Vec<String>>,
    },
    /// Replace the corpus's label set (any document); a rename also renames every span.
    Labels {
        /// The label set before.
        before: Vec<Label>,
        /// The label set after.
        after: Vec<Label>,
        /// A label renamed on the way, old name then new.
        renamed: Option<(String, String)>,
    },
    /// Replace the corpus's relation types and document labels (any document); renames
    /// follow into every document's relations and document labels.
    Declarations {
        /// The relation types and document labels before.
        before: Declarations,
        /// The relation types and document labels after.
        after: Declarations,
        /// Relation types renamed on the way, old name then new.
        renamed_relations: Vec<(String, String)>,
        /// Document labels renamed on the way, old name then new.
        renamed_document_labels: Vec<(String, String)>,
    },
}

/// A corpus's relation types and document labels, as one edit replaces them.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Declarations {
    /// The relation types.
    pub relation_labels: Vec<RelationLabel>,
    /// The document labels.
    pub document_labels: Vec<DocumentLabel>,
}

/// A span field an edit sets.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SpanField {
    /// The id relations refer to it by.
    Id,
    /// The annotator's note.
    Note,
}

impl Edit {
    fn inverse(&self) -> Self {
        match self {
            Self::AddRelation(r) => Self::RemoveRelation(r.clone()),
            Self::RemoveRelation(r) => Self::AddRelation(r.clone()),
            Self::SetSpanField {
                range,
                label,
                field,
                before,
                after,
            } => Self::SetSpanField {
                range: *range,
                label: label.clone(),
                field: *field,
                before: after.clone(),
                after: before.clone(),
            },
            Self::SetDocumentLabel {
                name,
                before,
                after,
            } => Self::SetDocumentLabel {
                name: name.clone(),
                before: after.clone(),
                after: before.clone(),
            },
            Self::AddSpan(s) => Self::RemoveSpan(s.clone()),
            Self::RemoveSpan(s) => Self::AddSpan(s.clone()),
            Self::Relabel { range, from, to } => Self::Relabel {
                range: *range,
                from: to.clone(),
                to: from.clone(),
            },
            Self::AddSuggestion(s) => Self::RemoveSuggestion(s.clone()),
            Self::RemoveSuggestion(s) => Self::AddSuggestion(s.clone()),
            Self::AddRejected(r) => Self::RemoveRejected(r.clone()),
            Self::RemoveRejected(r) => Self::AddRejected(r.clone()),
            Self::SetSuggestions { before, after } => Self::SetSuggestions {
                before: after.clone(),
                after: before.clone(),
            },
            Self::SetStatus { from, to } => Self::SetStatus {
                from: *to,
                to: *from,
            },
            Self::SetField { key, before, after } => Self::SetField {
                key: key.clone(),
                before: after.clone(),
                after: before.clone(),
            },
            Self::Labels {
                before,
                after,
                renamed,
            } => Self::Labels {
                before: after.clone(),
                after: before.clone(),
                renamed: renamed
                    .as_ref()
                    .map(|(old, new)| (new.clone(), old.clone())),
            },
            Self::Declarations {
                before,
                after,
                renamed_relations,
                renamed_document_labels,
            } => {
                let back = |renames: &[(String, String)]| {
                    renames
                        .iter()
                        .rev()
                        .map(|(old, new)| (new.clone(), old.clone()))
                        .collect()
                };
                Self::Declarations {
                    before: after.clone(),
                    after: before.clone(),
                    renamed_relations: back(renamed_relations),
                    renamed_document_labels: back(renamed_document_labels),
                }
            }
        }
    }
}

/// Why a change could not be applied; the corpus is then as it was.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum EditError {
    /// No such document.
    #[error("no document #{0}")]
    NoDocument(usize),
    /// A span to add is not valid there.
    #[error(transparent)]
    Span(#[from] SpanError),
    /// A label set that is not valid (empty or duplicate names, duplicate hotkeys).
    #[error("{0}")]
    Labels(String),
    /// A span to remove or relabel is not there.
    #[error("no span {range} labelled {label}")]
    NoSpan {
        /// Its range.
        range: CharRange,
        /// Its label.
        label: String,
    },
    /// A relation that does not fit (missing spans, a taken id, an undeclared type, span
    /// labels the type does not allow), or a span edit that would break one.
    #[error("{0}")]
    Relation(String),
    /// A document label or value the corpus does not declare, or several values for one
    /// that takes one.
    #[error("{0}")]
    DocumentLabel(String),
    /// A suggestion (or rejection) to remove is not there.
    #[error("no suggestion {range} labelled {label}")]
    NoSuggestion {
        /// Its range.
        range: CharRange,
        /// Its label.
        label: String,
    },
}

/// A group of edits of one document that is done and undone as one step.
#[derive(Debug, Clone, PartialEq)]
pub struct Change {
    /// Index of the document edited.
    pub document: usize,
    /// The edits, applied in order.
    pub edits: Vec<Edit>,
}

impl Change {
    /// A change of one edit.
    pub fn one(document: usize, edit: Edit) -> Self {
        Self {
            document,
            edits: vec![edit],
        }
    }

    /// The change that undoes this one.
    #[must_use]
    pub fn inverse(&self) -> Self {
        Self {
            document: self.document,
            edits: self.edits.iter().rev().map(Edit::inverse).collect(),
        }
    }

    /// Applies every edit, or none of them.
    ///
    /// # Errors
    /// The first edit that does not fit; the edits before it are rolled back.
    pub fn apply(&self, corpus: &mut Corpus) -> Result<(), EditError> {
        for (i, edit) in self.edits.iter().enumerate() {
            if let Err(e) = apply_edit(corpus, self.document, edit) {
                for done in self.edits[..i].iter().rev() {
                    // Undoing edits that just succeeded cannot fail.
                    let _ = apply_edit(corpus, self.document, &done.inverse());
                }
                return Err(e);
            }
        }
        Ok(())
    }
}

fn apply_edit(corpus: &mut Corpus, document: usize, edit: &Edit) -> Result<(), EditError> {
    if let Edit::Labels { after, renamed, .. } = edit {
        return super::label_set::apply_labels(corpus, after, renamed.as_ref());
    }
    if let Edit::Declarations {
        after,
        renamed_relations,
        renamed_document_labels,
        ..
    } = edit
    {
        return super::declarations::apply_declarations(
            corpus,
            after,
            renamed_relations,
            renamed_document_labels,
        );
    }
    let (relation_labels, document_labels) = (&corpus.relation_labels, &corpus.document_labels);
    let doc = corpus
        .documents
        .get_mut(document)
        .ok_or(EditError::NoDocument(document))?;
    match edit {
        Edit::AddSpan(span) => {
            doc.add_span(span.clone())?;
        }
        Edit::RemoveSpan(span) => {
            let index =
                doc.find_span(span.range, &span.label)
                    .ok_or_else(|| EditError::NoSpan {
                        range: span.range,
                        label: span.label.clone(),
                    })?;
            if let Some(id) = &doc.spans()[index].id
                && let Some(r) = doc.relations_of(id).next()
            {
                return Err(EditError::Relation(format!(
                    "relation {} uses this span: delete it first",
                    r.id
                )));
            }
            doc.remove_span(index);
        }
        Edit::AddRelation(_)
        | Edit::RemoveRelation(_)
        | Edit::SetSpanField { .. }
        | Edit::SetDocumentLabel { .. } => {
            super::links::apply_link_edit(doc, relation_labels, document_labels, edit)?;
        }
        Edit::Relabel { range, from, to } => {
            let index = doc
                .find_span(*range, from)
                .ok_or_else(|| EditError::NoSpan {
                    range: *range,
                    label: from.clone(),
                })?;
            super::links::check_relabel(doc, relation_labels, index, to)?;
            let mut span = doc.remove_span(index);
            span.label.clone_from(to);
            if let Err(e) = doc.add_span(span.clone()) {
                span.label.clone_from(from);
                let _ = doc.add_span(span);
                return Err(e.into());
            }
        }
        Edit::AddSuggestion(_)
        | Edit::RemoveSuggestion(_)
        | Edit::AddRejected(_)
        | Edit::RemoveRejected(_)
        | Edit::SetSuggestions { .. } => apply_suggestion_edit(doc, edit)?,
        Edit::SetStatus { to, .. } => doc.status = *to,
        Edit::SetField { key, after, .. } => match after {
            Some(value) => {
                doc.extra.insert(key.clone(), value.clone());
            }
            None => {
                doc.extra.remove(key);
            }
        },
        Edit::Labels { .. } | Edit::Declarations { .. } => {
            unreachable!("label sets and declarations are applied above")
        }
    }
    Ok(())
}

/// Applies an edit of a document's suggestions or rejections.
fn apply_suggestion_edit(doc: &mut crate::model::Document, edit: &Edit) -> Result<(), EditError> {
    match edit {
        Edit::AddSuggestion(s) => {
            doc.add_suggestion(s.clone())?;
        }
        Edit::RemoveSuggestion(s) => {
            let index =
                doc.find_suggestion(s.range, &s.label)
                    .ok_or_else(|| EditError::NoSuggestion {
                        range: s.range,
                        label: s.label.clone(),
                    })?;
            doc.remove_suggestion(index);
        }
        Edit::AddRejected(r) => {
            doc.add_rejected(r.clone())?;
        }
        Edit::RemoveRejected(r) => {
            let index =
                doc.find_rejected(r.range, &r.label)
                    .ok_or_else(|| EditError::NoSuggestion {
                        range: r.range,
                        label: r.label.clone(),
                    })?;
            doc.remove_rejected(index);
        }
        Edit::SetSuggestions { after, .. } => {
            doc.set_suggestions(after.clone())?;
        }
        _ => {}
    }
    Ok(())
}

/// Undo and redo stacks over a corpus.
#[derive(Debug, Default)]
pub struct History {
    undo: Vec<Change>,
    redo: Vec<Change>,
    /// Changes applied since the corpus was last saved (negative after undoing past a save).
    unsaved: isize,
    /// Counts every apply, undo and redo: what was computed from the corpus at one revision
    /// holds until it changes.
    revision: u64,
}

impl History {
    /// Applies a change and records it for undo; clears redo.
    ///
    /// # Errors
    /// When the change does not fit the corpus (nothing is changed or recorded then).
    pub fn apply(&mut self, corpus: &mut Corpus, change: Change) -> Result<(), EditError> {
        change.apply(corpus)?;
        self.undo.push(change);
        self.redo.clear();
        self.unsaved += 1;
        self.revision += 1;
        Ok(())
    }

    /// Undoes the last change; returns it, or `None` when there is nothing to undo.
    pub fn undo(&mut self, corpus: &mut Corpus) -> Option<Change> {
        let change = self.undo.pop()?;
        change.inverse().apply(corpus).ok()?;
        self.unsaved -= 1;
        self.revision += 1;
        self.redo.push(change.clone());
        Some(change)
    }

    /// Redoes the last undone change; returns it, or `None` when there is nothing to redo.
    pub fn redo(&mut self, corpus: &mut Corpus) -> Option<Change> {
        let change = self.redo.pop()?;
        change.apply(corpus).ok()?;
        self.unsaved += 1;
        self.revision += 1;
        self.undo.push(change.clone());
        Some(change)
    }

    /// How many changes were applied, undone or redone so far.
    pub fn revision(&self) -> u64 {
        self.revision
    }

    /// Whether the corpus differs from what was last saved.
    pub fn is_dirty(&self) -> bool {
        self.unsaved != 0
    }

    /// Notes that the corpus was just saved.
    pub fn mark_saved(&mut self) {
        self.unsaved = 0;
    }

    /// Notes that the corpus differs from its file for a reason outside this history
    /// (work restored from a recovery file).
    pub fn mark_unsaved(&mut self) {
        if self.unsaved == 0 {
            self.unsaved = 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Document;

    fn corpus() -> Corpus {
        let mut corpus = Corpus::with_default_labels();
        corpus
            .documents
            .push(Document::new("d", "قال الكرملين إن بوتين زار أنقرة"));
        corpus
    }

    fn span(a: usize, b: usize, label: &str) -> Span {
        Span::new(CharRange::new(a, b).unwrap(), label)
    }

    #[test]
    fn add_relabel_delete_status_undo_and_redo_restore_exact_states() {
        let mut c = corpus();
        let mut h = History::default();
        let states = |c: &Corpus| c.clone();
        let s0 = states(&c);
        h.apply(&mut c, Change::one(0, Edit::AddSpan(span(4, 12, "PER"))))
            .unwrap();
        let s1 = states(&c);
        h.apply(
            &mut c,
            Change::one(
                0,
                Edit::Relabel {
                    range: CharRange::new(4, 12).unwrap(),
                    from: "PER".into(),
                    to: "ORG".into(),
                },
            ),
        )
        .unwrap();
        let s2 = states(&c);
        assert_eq!(c.documents[0].spans()[0].label, "ORG");
        h.apply(
            &mut c,
            Change::one(
                0,
                Edit::SetStatus {
                    from: Status::New,
                    to: Status::Done,
                },
            ),
        )
        .unwrap();
        let s3 = states(&c);
        h.apply(&mut c, Change::one(0, Edit::RemoveSpan(span(4, 12, "ORG"))))
            .unwrap();
        let s4 = states(&c);
        assert!(c.documents[0].spans().is_empty());
        for expected in [&s3, &s2, &s1, &s0] {
            h.undo(&mut c).unwrap();
            assert_eq!(&c, expected);
        }
        assert!(h.undo(&mut c).is_none());
        assert!(!h.is_dirty());
        for expected in [&s1, &s2, &s3, &s4] {
            h.redo(&mut c).unwrap();
            assert_eq!(&c, expected);
        }
        assert!(h.is_dirty());
    }

    #[test]
    fn a_change_that_does_not_fit_changes_nothing() {
        let mut c = corpus();
        let mut h = History::default();
        let before = c.clone();
        // The second span duplicates the first: the whole change is refused and rolled back.
        let change = Change {
            document: 0,
            edits: vec![
                Edit::AddSpan(span(16, 21, "PER")),
                Edit::AddSpan(span(16, 21, "PER")),
            ],
        };
        assert!(matches!(
            h.apply(&mut c, change),
            Err(EditError::Span(SpanError::Duplicate { .. }))
        ));
        assert_eq!(c, before);
        assert!(h.undo(&mut c).is_none());
        // Relabelling onto an existing (range, label) is refused and keeps the old label.
        h.apply(
            &mut c,
            Change {
                document: 0,
                edits: vec![
                    Edit::AddSpan(span(16, 21, "PER")),
                    Edit::AddSpan(span(16, 21, "LOC")),
                ],
            },
        )
        .unwrap();
        let clash = Change::one(
            0,
            Edit::Relabel {
                range: CharRange::new(16, 21).unwrap(),
                from: "LOC".into(),
                to: "PER".into(),
            },
        );
        let before = c.clone();
        assert!(h.apply(&mut c, clash).is_err());
        assert_eq!(c, before);
    }

    #[test]
    fn renaming_a_label_renames_its_spans_everywhere_and_undoes() {
        let mut c = corpus();
        c.documents.push(Document::new("e", "زار بوتين أنقرة"));
        let mut h = History::default();
        h.apply(&mut c, Change::one(0, Edit::AddSpan(span(16, 21, "PER"))))
            .unwrap();
        h.apply(&mut c, Change::one(1, Edit::AddSpan(span(4, 9, "PER"))))
            .unwrap();
        let before_labels = c.labels.clone();
        let mut after = before_labels.clone();
        after[0].name = "PERSON".to_owned();
        after[0].description = Some("اسم شخص".to_owned());
        let rename = Edit::Labels {
            before: before_labels.clone(),
            after,
            renamed: Some(("PER".into(), "PERSON".into())),
        };
        h.apply(&mut c, Change::one(0, rename)).unwrap();
        assert!(
            c.documents
                .iter()
                .all(|d| d.spans().iter().all(|s| s.label == "PERSON"))
        );
        assert_eq!(c.labels[0].name, "PERSON");
        h.undo(&mut c).unwrap();
        assert!(
            c.documents
                .iter()
                .all(|d| d.spans().iter().all(|s| s.label == "PER"))
        );
        assert_eq!(c.labels, before_labels);
        // A duplicate hotkey is refused and changes nothing.
        let mut clash = before_labels.clone();
        clash[1].key = clash[0].key;
        let before = c.clone();
        assert!(matches!(
            h.apply(
                &mut c,
                Change::one(
                    0,
                    Edit::Labels {
                        before: before_labels,
                        after: clash,
                        renamed: None
                    }
                )
            ),
            Err(EditError::Labels(_))
        ));
        assert_eq!(c, before);
    }

    #[test]
    fn many_spans_in_one_change_undo_as_one_step() {
        let mut c = corpus();
        let mut h = History::default();
        let all = Change {
            document: 0,
            edits: vec![
                Edit::AddSpan(span(4, 12, "ORG")),
                Edit::AddSpan(span(16, 21, "PER")),
                Edit::AddSpan(span(26, 31, "LOC")),
            ],
        };
        h.apply(&mut c, all).unwrap();
        assert_eq!(c.documents[0].spans().len(), 3);
        h.undo(&mut c).unwrap();
        assert!(c.documents[0].spans().is_empty());
    }
}
