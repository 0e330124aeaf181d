//! What is picked in the open document: at most one thing at a time, which a label key,
//! Enter or Delete then acts on. The selection (caret and extent) is apart from it: a pick
//! says which span, suggestion, candidate or relation, the selection which text.

use crate::model::{CharRange, Suggestion};

/// The one thing picked in the open document, if any.
#[derive(Debug, Clone, PartialEq, Default)]
pub enum Pick {
    /// Nothing is picked: a label key labels the selection.
    #[default]
    None,
    /// A span, by its range and label (a click on it, or the span just made): a label key
    /// relabels it, Delete removes it, a relation type's key starts a relation from it.
    Span {
        /// The span's range.
        range: CharRange,
        /// Its label.
        label: String,
    },
    /// A suggestion offered in the document (Tab, or a click): Enter or a label key
    /// accepts it, Delete rejects it.
    Suggestion(Suggestion),
    /// A review candidate span, by its index among the document's candidates.
    Candidate(usize),
    /// A review relation candidate, by its index among the document's relation candidates.
    RelationCandidate(usize),
    /// A relation of the document, by its id (a click on its arc, tag or row): another type
    /// retypes it, Delete removes it.
    Relation(String),
    /// A relation being made from a span while its target is chosen (Tab / Shift+Tab or a
    /// click; Enter links, Escape gives up).
    RelationDraft(RelationDraft),
}

/// A relation being made: its type and the span it leaves from, while the target is picked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RelationDraft {
    /// The relation type.
    pub label: String,
    /// Index of the span it leaves from, in the open document.
    pub from: usize,
    /// Index of the span it would point to, once one is chosen.
    pub target: Option<usize>,
}

impl Pick {
    /// A span picked by its range and label.
    pub fn span(range: CharRange, label: &str) -> Self {
        Self::Span {
            range,
            label: label.to_owned(),
        }
    }

    /// The picked span's range and label.
    pub fn as_span(&self) -> Option<(CharRange, &str)> {
        match self {
            Self::Span { range, label } => Some((*range, label)),
            _ => None,
        }
    }

    /// The picked suggestion.
    pub fn as_suggestion(&self) -> Option<&Suggestion> {
        match self {
            Self::Suggestion(s) => Some(s),
            _ => None,
        }
    }

    /// The picked review candidate's index.
    pub fn as_candidate(&self) -> Option<usize> {
        match self {
            Self::Candidate(i) => Some(*i),
            _ => None,
        }
    }

    /// The picked review relation candidate's index.
    pub fn as_relation_candidate(&self) -> Option<usize> {
        match self {
            Self::RelationCandidate(i) => Some(*i),
            _ => None,
        }
    }

    /// The picked relation's id.
    pub fn as_relation(&self) -> Option<&str> {
        match self {
            Self::Relation(id) => Some(id),
            _ => None,
        }
    }

    /// The relation being made.
    pub fn as_draft(&self) -> Option<&RelationDraft> {
        match self {
            Self::RelationDraft(draft) => Some(draft),
            _ => None,
        }
    }

    /// Whether nothing is picked.
    pub fn is_none(&self) -> bool {
        matches!(self, Self::None)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_pick_answers_only_for_its_own_kind() {
        let range = CharRange::new(3, 9).unwrap();
        let span = Pick::span(range, "PER");
        assert_eq!(span.as_span(), Some((range, "PER")));
        assert_eq!(span.as_candidate(), None);
        assert_eq!(span.as_relation(), None);
        let relation = Pick::Relation("R2".to_owned());
        assert_eq!(relation.as_relation(), Some("R2"));
        assert_eq!(relation.as_span(), None);
        assert!(Pick::default().is_none());
        assert!(!relation.is_none());
    }
}
