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

    /// Its predictions for many documents, in their order: what [`Self::predict`] gives
    /// each, faster where a recommender shares work between documents (the tagger sums each
    /// distinct word's weights once for all of them).
    fn predict_many(&self, docs: &[&Document]) -> Vec<Vec<Prediction>> {
        docs.iter().map(|doc| self.predict(doc)).collect()
    }
}

/// Documents predicted together by [`suggest_corpus`] and the window's tagging of a whole
/// corpus: enough for the tagger to share its work between them (one document at a time,
/// 100 MB of news took 118 s; in batches 13 s), few enough to keep memory small.
pub const BATCH_DOCUMENTS: usize = 2048;

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

/// What every recommender proposes for a document (see [`merge`]), as the suggestions of
/// their sources: its earlier suggestions from those sources are dropped, those from other
/// sources kept (merged, the higher score winning). Labels not in `labels` are left out
/// (a file holding them would not load).
pub fn suggest_document(
    doc: &Document,
    recommenders: &[&dyn Recommender],
    labels: &[&str],
    min_score: f32,
) -> Vec<Suggestion> {
    let predictions = recommenders
        .iter()
        .map(|r| (r.source(), r.predict(doc)))
        .collect();
    offer(doc, predictions, recommenders, labels, min_score)
}

/// The suggestions `doc` may be offered from the recommenders' `predictions` (see
/// [`suggest_document`]).
fn offer(
    doc: &Document,
    mut predictions: Vec<(&str, Vec<Prediction>)>,
    recommenders: &[&dyn Recommender],
    labels: &[&str],
    min_score: f32,
) -> Vec<Suggestion> {
    for (_, list) in &mut predictions {
        list.retain(|p| labels.contains(&p.label.as_str()));
    }
    let sources: Vec<&str> = recommenders.iter().map(|r| r.source()).collect();
    let mut candidates = merge(doc, &predictions, min_score);
    candidates.extend(
        doc.suggestions()
            .iter()
            .filter(|s| !sources.contains(&s.source.as_str()))
            .cloned(),
    );
    doc.offerable(candidates)
}

/// Runs every recommender on every document and makes what they propose its suggestions
/// (see [`suggest_document`]), [`BATCH_DOCUMENTS`] documents at a time. Returns how many
/// suggestions the corpus holds afterwards.
pub fn suggest_corpus(
    corpus: &mut Corpus,
    recommenders: &[&dyn Recommender],
    min_score: f32,
) -> usize {
    let names: Vec<String> = corpus.labels.iter().map(|l| l.name.clone()).collect();
    let labels: Vec<&str> = names.iter().map(String::as_str).collect();
    let mut total = 0;
    for batch in corpus.documents.chunks_mut(BATCH_DOCUMENTS) {
        let mut predicted: Vec<std::vec::IntoIter<Vec<Prediction>>> = {
            let docs: Vec<&Document> = batch.iter().collect();
            recommenders
                .iter()
                .map(|r| r.predict_many(&docs).into_iter())
                .collect()
        };
        for doc in batch {
            let predictions = recommenders
                .iter()
                .zip(&mut predicted)
                .map(|(r, lists)| (r.source(), lists.next().unwrap_or_default()))
                .collect();
            let suggestions = offer(doc, predictions, recommenders, &labels, min_score);
            total += suggestions.len();
            // `offerable` keeps only valid, distinct ranges, which `set_suggestions` accepts.
            let _ = doc.set_suggestions(suggestions);
        }
    }
    total
}

/// The documents a tagger learns from while annotators work: finished ones (done or
/// reviewed) whole, and unfinished ones that have spans up to the end of the line holding
/// their last span (annotators work from the top, so what lies below is not yet labelled
/// and would teach that its names are not names). Returns copies, with their indices.
pub fn training_documents(corpus: &Corpus) -> Vec<(usize, Document)> {
    let mut out = Vec::new();
    for (i, doc) in corpus.documents.iter().enumerate() {
        if doc.status >= crate::model::Status::Done {
            out.push((i, doc.clone()));
            continue;
        }
        let Some(last) = doc.spans().iter().map(|s| s.range.end()).max() else {
            continue;
        };
        let text = doc.text();
        let byte = doc.byte_of(last).unwrap_or(text.len());
        let cut = text[byte..].find('\n').map_or(text.len(), |n| byte + n);
        let mut part = Document::new(doc.id.clone(), &text[..cut]);
        part.status = doc.status;
        for span in doc.spans() {
            // Every span ends at or before `last`, inside the part.
            let _ = part.add_span(span.clone());
        }
        out.push((i, part));
    }
    out
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{CharRange, Span, Status};

    #[test]
    fn training_takes_finished_documents_whole_and_unfinished_ones_down_to_their_last_span() {
        let mut corpus = Corpus::with_default_labels();
        let text = "زار بوتين أنقرة.\nوقال أردوغان إن تركيا مستعدة.\nثم غادر بوتين.";
        let mut done = Document::new("done", text);
        done.status = Status::Done;
        let mut open = Document::new("open", text);
        open.status = Status::InProgress;
        // أردوغان on the second line: the third line, with its unlabelled بوتين, is left out.
        open.add_span(Span::new(CharRange::between(4, 9), "PER"))
            .unwrap();
        open.add_span(Span::new(CharRange::between(22, 29), "PER"))
            .unwrap();
        let untouched = Document::new("new", text);
        corpus.documents.extend([done, open, untouched]);
        let docs = training_documents(&corpus);
        let ids: Vec<(usize, &str)> = docs.iter().map(|(i, d)| (*i, d.id.as_str())).collect();
        assert_eq!(ids, [(0, "done"), (1, "open")]);
        assert_eq!(docs[0].1.text(), text);
        assert_eq!(
            docs[1].1.text(),
            "زار بوتين أنقرة.\nوقال أردوغان إن تركيا مستعدة."
        );
        assert_eq!(docs[1].1.spans(), corpus.documents[1].spans());
    }
}
