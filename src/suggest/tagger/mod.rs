//! The trained tagger: a linear-chain CRF over words that suggests spans like the ones the
//! annotators made.
//!
//! - [`sentences`]: documents to word sequences with BIO tags (and `P-` for a span that starts
//!   after a word's proclitics), and tags back to spans;
//! - [`features`]: what a word says (folded form, stem, clitics, affixes, shape);
//! - [`lexicon`]: the gazetteer the tagger builds from its training spans (cross-fold for
//!   training features) and user gazetteers;
//! - [`clusters`]: word classes learned from text (the training text, and unlabelled text
//!   when given) by a hierarchical exchange algorithm, cached by the text;
//! - [`aggregate`]: a token sees the neighbours of its stem's other mentions in the
//!   document (context aggregation);
//! - [`window`]: a token's features in its ±2 window;
//! - [`crf`] and [`lbfgs`]: the model and its optimiser; [`train`]: training with progress
//!   and cancel; [`model`]: the trained [`Tagger`] and tagging; [`scores`]: tagging's
//!   emission scores, summed once per distinct word;
//! - [`file`]: the versioned model file; [`parallel`]: work spread over the cores;
//! - [`folds`]: cross-validation's folds, contiguous documents (or sentence blocks);
//! - [`second_stage`]: a second CRF that also sees what the first predicted for the same
//!   stem elsewhere in the document, trained on honest (jackknife) first-stage predictions;
//! - [`consistency`]: a name found once is suggested at its other mentions in the document;
//! - [`metrics`]: exact-match P/R/F1, K-fold cross-validation and learning curves.
//!
//! ```
//! use std::sync::atomic::AtomicBool;
//! use taliq::model::{CharRange, Document, Span};
//! use taliq::suggest::tagger::{Resources, TrainOptions, train};
//!
//! let mut doc = Document::new("d", "زار الرئيس بوتين موسكو.\nقال بوتين إن موسكو مستعدة.");
//! doc.add_span(Span::new(CharRange::between(11, 16), "PER")).unwrap();
//! doc.add_span(Span::new(CharRange::between(17, 22), "LOC")).unwrap();
//! let tagger = train(&[&doc], &Resources::default(), &TrainOptions::default(), &|_| {}, &AtomicBool::new(false)).unwrap();
//! let suggestions = tagger.tag(&Document::new("x", "قال بوتين إن موسكو مستعدة."));
//! assert!(suggestions.iter().all(|p| (0.0..=1.0).contains(&p.score)));
//! ```

pub mod aggregate;
pub mod clusters;
pub mod consistency;
pub mod crf;
pub mod features;
pub mod file;
pub mod folds;
pub mod lbfgs;
pub mod lexicon;
pub mod metrics;
pub mod model;
pub mod parallel;
pub mod prune;
pub mod scores;
pub mod second_stage;
pub mod sentences;
pub mod train;
pub mod window;

pub use file::ModelError;
pub use folds::{Folds, Scheme};
pub use metrics::{
    Counts, CrossValidation, CurvePoint, Prf, Scores, cross_validate, learning_curve,
};
pub use model::{LabelMismatch, SOURCE, Tagger, TrainingSummary};
pub use train::{Progress, Resources, TrainError, TrainOptions, train};

#[cfg(test)]
mod tests;

/// A map keyed by words (or anything hashed per word while tagging), with a fast hasher:
/// its keys come from the model and the text, not from an attacker who could make them
/// collide.
pub type WordMap<K, V> = std::collections::HashMap<K, V, foldhash::fast::RandomState>;
/// A set of words, hashed as [`WordMap`]'s keys are.
pub type WordSet<K> = std::collections::HashSet<K, foldhash::fast::RandomState>;
