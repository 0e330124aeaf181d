//! Suggestions: labelled ranges a recommender proposes, kept apart from spans until an
//! annotator accepts them, and the ones an annotator rejected, so they are not proposed again.

use super::{CharRange, Extra};

/// A range and label a recommender proposes for a document; not a span until accepted.
#[derive(Debug, Clone, PartialEq)]
pub struct Suggestion {
    /// The covered code points, half-open, non-empty, on grapheme boundaries.
    pub range: CharRange,
    /// Name of the proposed label.
    pub label: String,
    /// How sure the recommender is, in `0..=1`.
    pub score: f32,
    /// Who proposed it: `"matcher"`, `"tagger"`, `"external"` or a model's name.
    pub source: String,
    /// Fields taliq does not know, kept as read.
    pub extra: Extra,
}

impl Suggestion {
    /// Builds a suggestion with no extra fields.
    pub fn new(range: CharRange, label: &str, score: f32, source: &str) -> Self {
        Self {
            range,
            label: label.to_owned(),
            score,
            source: source.to_owned(),
            extra: Extra::new(),
        }
    }

    /// The order suggestions are kept and saved in: the order of spans (start, outer first, label).
    pub fn order_key(&self) -> (usize, std::cmp::Reverse<usize>, &str) {
        (
            self.range.start(),
            std::cmp::Reverse(self.range.end()),
            &self.label,
        )
    }
}

/// A suggestion an annotator turned down: never proposed again for its document.
#[derive(Debug, Clone, PartialEq)]
pub struct RejectedSuggestion {
    /// The rejected range.
    pub range: CharRange,
    /// The rejected label (the same range with another label may still be proposed).
    pub label: String,
    /// Fields taliq does not know, kept as read.
    pub extra: Extra,
}

impl RejectedSuggestion {
    /// Builds a rejection with no extra fields.
    pub fn new(range: CharRange, label: &str) -> Self {
        Self {
            range,
            label: label.to_owned(),
            extra: Extra::new(),
        }
    }

    /// The order rejections are kept and saved in: as spans.
    pub fn order_key(&self) -> (usize, std::cmp::Reverse<usize>, &str) {
        (
            self.range.start(),
            std::cmp::Reverse(self.range.end()),
            &self.label,
        )
    }
}

/// The key spans, suggestions and rejections are ordered by and looked up with.
pub(crate) fn key_of(range: CharRange, label: &str) -> (usize, std::cmp::Reverse<usize>, &str) {
    (range.start(), std::cmp::Reverse(range.end()), label)
}
