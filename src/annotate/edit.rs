//! Edits to a corpus as data: each elementary [`Edit`] of one document, a [`Change`] made
//! of them (done and undone as one step), and its inverse. Applying them is
//! [`super::apply`]'s; undo and redo [`super::history`]'s.

use crate::model::{
    CharRange, DocumentLabel, Label, RejectedSuggestion, Relation, RelationLabel, Span, SpanError,
    Status, Suggestion,
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
    /// The edit that undoes this one.
    #[must_use]
    pub fn inverse(&self) -> Self {
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
}
