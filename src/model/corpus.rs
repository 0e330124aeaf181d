//! A corpus: the label set and documents of one annotator's file.

use super::{Document, DocumentLabel, Extra, Label, RelationLabel};

/// Everything one corpus file holds.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Corpus {
    /// Default annotator of every span that names none.
    pub annotator: Option<String>,
    /// The label set, in palette order.
    pub labels: Vec<Label>,
    /// The relation types spans may be linked by.
    pub relation_labels: Vec<RelationLabel>,
    /// The labels of whole documents.
    pub document_labels: Vec<DocumentLabel>,
    /// The documents, in file order.
    pub documents: Vec<Document>,
    /// Top-level fields taliq does not know, kept as read.
    pub extra: Extra,
}

impl Corpus {
    /// A corpus with the default label set and no documents.
    pub fn with_default_labels() -> Self {
        Self {
            labels: Label::default_set(),
            ..Self::default()
        }
    }

    /// The label with this name.
    pub fn label(&self, name: &str) -> Option<&Label> {
        self.labels.iter().find(|l| l.name == name)
    }

    /// The relation type with this name.
    pub fn relation_label(&self, name: &str) -> Option<&RelationLabel> {
        self.relation_labels.iter().find(|l| l.name == name)
    }

    /// The document label with this name.
    pub fn document_label(&self, name: &str) -> Option<&DocumentLabel> {
        self.document_labels.iter().find(|l| l.name == name)
    }

    /// Takes `other`'s relation types and document labels that this corpus lacks (a
    /// document label's values merged into its own), so that documents made against either
    /// fit here: as when a gold corpus gathers annotators' work. A relation type's hotkey
    /// is dropped when a label or relation type here has it already.
    pub fn add_missing_declarations(&mut self, other: &Self) {
        for kind in &other.relation_labels {
            if self.relation_label(&kind.name).is_some() {
                continue;
            }
            let mut kind = kind.clone();
            let taken = |k: char| {
                self.labels.iter().any(|l| l.key == Some(k))
                    || self.relation_labels.iter().any(|r| r.key == Some(k))
            };
            if kind.key.is_some_and(taken) {
                kind.key = None;
            }
            self.relation_labels.push(kind);
        }
        for label in &other.document_labels {
            match self
                .document_labels
                .iter_mut()
                .find(|d| d.name == label.name)
            {
                Some(mine) => {
                    for value in &label.values {
                        if !mine.values.contains(value) {
                            mine.values.push(value.clone());
                        }
                    }
                    mine.multiple |= label.multiple;
                }
                None => self.document_labels.push(label.clone()),
            }
        }
    }

    /// The document with this id.
    pub fn document(&self, id: &str) -> Option<&Document> {
        self.documents.iter().find(|d| d.id == id)
    }

    /// Who made a span of this corpus: the span's own annotator, else the corpus's.
    pub fn annotator_of<'a>(&'a self, span: &'a super::Span) -> Option<&'a str> {
        span.annotator.as_deref().or(self.annotator.as_deref())
    }
}
