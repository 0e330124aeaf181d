//! Links between spans and labels of whole documents: a document's relations (directed,
//! typed, from one span to another by the spans' ids), the relation types a corpus
//! declares, and the document labels it declares.

use super::{Color, Extra};

/// A directed link of a type from one span to another of the same document.
#[derive(Debug, Clone, PartialEq)]
pub struct Relation {
    /// Unique within its document.
    pub id: String,
    /// The relation type's name, declared in the corpus's `relation_labels`.
    pub label: String,
    /// The id of the span it leaves from.
    pub from: String,
    /// The id of the span it points to.
    pub to: String,
    /// Fields taliq does not know, kept as read.
    pub extra: Extra,
}

impl Relation {
    /// A relation with no extra fields.
    pub fn new(id: &str, label: &str, from: &str, to: &str) -> Self {
        Self {
            id: id.to_owned(),
            label: label.to_owned(),
            from: from.to_owned(),
            to: to.to_owned(),
            extra: Extra::new(),
        }
    }
}

/// A relation type of a corpus.
#[derive(Debug, Clone, PartialEq)]
pub struct RelationLabel {
    /// Unique name, e.g. `met`.
    pub name: String,
    /// Colour of its arcs.
    pub color: Color,
    /// Hotkey that starts a relation of this type from the picked span.
    pub key: Option<char>,
    /// Span labels a relation of this type may leave from; empty: any.
    pub from: Vec<String>,
    /// Span labels it may point to; empty: any.
    pub to: Vec<String>,
    /// Fields taliq does not know, kept as read.
    pub extra: Extra,
}

impl RelationLabel {
    /// A relation type allowed between any labels.
    pub fn new(name: &str, color: Color) -> Self {
        Self {
            name: name.to_owned(),
            color,
            key: None,
            from: Vec::new(),
            to: Vec::new(),
            extra: Extra::new(),
        }
    }

    /// Whether a relation of this type may go from a span labelled `from` to one labelled `to`.
    pub fn allows(&self, from: &str, to: &str) -> bool {
        (self.from.is_empty() || self.from.iter().any(|l| l == from))
            && (self.to.is_empty() || self.to.iter().any(|l| l == to))
    }
}

/// A label of whole documents (a topic, a country), with the values it may take.
#[derive(Debug, Clone, PartialEq)]
pub struct DocumentLabel {
    /// Unique name, e.g. `topic`.
    pub name: String,
    /// The values it may take, in the order offered.
    pub values: Vec<String>,
    /// Whether a document may have several of them (checkboxes) or at most one (radio).
    pub multiple: bool,
    /// Fields taliq does not know, kept as read.
    pub extra: Extra,
}

impl DocumentLabel {
    /// A document label with these values and no extra fields.
    pub fn new(name: &str, values: &[&str], multiple: bool) -> Self {
        Self {
            name: name.to_owned(),
            values: values.iter().map(|v| (*v).to_owned()).collect(),
            multiple,
            extra: Extra::new(),
        }
    }
}

/// A document's values of its document labels, in the order first set: `[("topic",
/// ["politics"])]`.
pub type DocumentLabels = Vec<(String, Vec<String>)>;
