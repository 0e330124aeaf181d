//! Spans: labelled code-point ranges of a document's text.

use super::{CharRange, Extra};

/// A labelled range of a document's text. Its text is derived from the document, never stored.
#[derive(Debug, Clone, PartialEq)]
pub struct Span {
    /// The covered code points, half-open and non-empty.
    pub range: CharRange,
    /// Name of the span's label.
    pub label: String,
    /// Who made the span, when it differs from the corpus annotator.
    pub annotator: Option<String>,
    /// Which recommender proposed it, for a span made by accepting a suggestion; `None` by hand.
    pub source: Option<String>,
    /// A stable id, unique within its document; given when a relation needs one.
    pub id: Option<String>,
    /// A free-text note (a doubt, a question to the reviewer).
    pub note: Option<String>,
    /// Fields taliq does not know, kept as read.
    pub extra: Extra,
}

impl Span {
    /// Builds a span with no annotator override and no extra fields.
    pub fn new(range: CharRange, label: &str) -> Self {
        Self {
            range,
            label: label.to_owned(),
            annotator: None,
            source: None,
            id: None,
            note: None,
            extra: Extra::new(),
        }
    }

    /// The order spans are kept and saved in: by start, outer spans before the spans they nest, then label.
    pub fn order_key(&self) -> (usize, std::cmp::Reverse<usize>, &str) {
        (
            self.range.start(),
            std::cmp::Reverse(self.range.end()),
            &self.label,
        )
    }
}
