//! Suggestions: recommenders that pre-label text from what annotators labelled (issue #10).
//!
//! Every recommender gives [`Prediction`]s for a document: a code-point range on grapheme
//! boundaries, a label and a score. Predictions become the document's suggestions, which an
//! annotator accepts (they become spans that say where they came from) or rejects; they never
//! reach exports, agreement or review on their own.

use crate::model::CharRange;

/// One recommendation for a document: label `label` on `range`, with a confidence in `0..=1`.
#[derive(Debug, Clone, PartialEq)]
pub struct Prediction {
    /// The code points to label, half-open, on grapheme-cluster boundaries.
    pub range: CharRange,
    /// The label's name.
    pub label: String,
    /// How sure the recommender is, from 0 (a guess) to 1 (certain).
    pub score: f32,
}

pub mod tagger;
