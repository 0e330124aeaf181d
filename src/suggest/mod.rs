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

pub mod external;
pub mod gazetteer;
pub mod matcher;
pub mod tagger;

use crate::model::{Corpus, Document, Suggestion};

/// Anything that proposes labelled ranges for a document: the matcher, the trained tagger,
/// predictions imported from another tool.
pub trait Recommender {
    /// The name its suggestions carry as `source`, e.g. `"matcher"` or `"tagger"`.
    fn source(&self) -> &str;

    /// Its predictions for a document, on grapheme boundaries inside the text.
    fn predict(&self, doc: &Document) -> Vec<Prediction>;
}

/// The suggestions a document may be offered from several recommenders' predictions: those
/// scoring at least `min_score`, not already spans, never rejected there, on grapheme
/// boundaries, one per range and label (of two recommenders giving the same, the higher score).
pub fn merge(
    doc: &Document,
    predictions: &[(&str, Vec<Prediction>)],
    min_score: f32,
) -> Vec<Suggestion> {
    let candidates = predictions
        .iter()
        .flat_map(|(source, list)| {
            list.iter()
                .filter(|p| p.score >= min_score)
                .map(|p| Suggestion::new(p.range, &p.label, p.score, source))
        })
        .collect();
    doc.offerable(candidates)
}

/// Runs every recommender on every document and makes what they propose (see [`merge`])
/// the suggestions of their sources: a document's earlier suggestions from those sources are
/// replaced, those from other sources kept (merged, the higher score winning). Labels the
/// corpus does not define are left out (the file would not load). Returns how many
/// suggestions the corpus holds afterwards.
pub fn suggest_corpus(
    corpus: &mut Corpus,
    recommenders: &[&dyn Recommender],
    min_score: f32,
) -> usize {
    let labels: std::collections::HashSet<String> =
        corpus.labels.iter().map(|l| l.name.clone()).collect();
    let sources: Vec<&str> = recommenders.iter().map(|r| r.source()).collect();
    let mut total = 0;
    for doc in &mut corpus.documents {
        let predictions: Vec<(&str, Vec<Prediction>)> = recommenders
            .iter()
            .map(|r| {
                let mut list = r.predict(doc);
                list.retain(|p| labels.contains(&p.label));
                (r.source(), list)
            })
            .collect();
        let mut candidates = merge(doc, &predictions, min_score);
        candidates.extend(
            doc.suggestions()
                .iter()
                .filter(|s| !sources.contains(&s.source.as_str()))
                .cloned(),
        );
        let suggestions = doc.offerable(candidates);
        total += suggestions.len();
        // `offerable` keeps only valid, distinct ranges, which `set_suggestions` accepts.
        let _ = doc.set_suggestions(suggestions);
    }
    total
}

/// Turns every suggestion of the corpus into a span that records its source (a
/// pre-annotation workflow: annotators correct spans instead of deciding suggestions).
/// Returns how many spans were added.
pub fn suggestions_to_spans(corpus: &mut Corpus) -> usize {
    let mut added = 0;
    for doc in &mut corpus.documents {
        let suggestions = doc.set_suggestions(Vec::new()).unwrap_or_default();
        for s in suggestions {
            let mut span = crate::model::Span::new(s.range, &s.label);
            span.source = Some(s.source);
            // A suggestion equal to a span was never offered; the check is the model's anyway.
            if doc.add_span(span).is_ok() {
                added += 1;
            }
        }
    }
    added
}
