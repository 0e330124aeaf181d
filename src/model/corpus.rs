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

    /// The document with this id.
    pub fn document(&self, id: &str) -> Option<&Document> {
        self.documents.iter().find(|d| d.id == id)
    }

    /// Who made a span of this corpus: the span's own annotator, else the corpus's.
    pub fn annotator_of<'a>(&'a self, span: &'a super::Span) -> Option<&'a str> {
        span.annotator.as_deref().or(self.annotator.as_deref())
    }
}
