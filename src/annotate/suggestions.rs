//! Decisions on suggestions as undoable changes: accept (as proposed or as another label),
//! reject, accept every one above a threshold, and replace them when a recommender runs.
//!
//! A suggestion decided on may be stored in the document (imported, or written by `taliq
//! suggest`) or only offered (the window's recommenders propose it live): either way
//! accepting makes a span that records its source, rejecting remembers the rejection, and a
//! stored suggestion leaves the document's list. Each function only builds a [`Change`]; the
//! window applies it through [`History`](super::edit::History), so every decision is one
//! undo step.

use super::edit::{Change, Edit};
use crate::model::{Corpus, Document, RejectedSuggestion, Span, Suggestion};

/// The edits that accept `suggestion` in `doc` as `label`: it leaves the stored suggestions
/// (if it is one) and becomes a span that records its source. Accepted as another label, the
/// proposed label is also remembered as rejected, so that it is not proposed there again.
fn accept_edits(doc: &Document, suggestion: &Suggestion, label: &str) -> Vec<Edit> {
    let mut edits = Vec::new();
    if let Some(i) = doc.find_suggestion(suggestion.range, &suggestion.label) {
        edits.push(Edit::RemoveSuggestion(doc.suggestions()[i].clone()));
    }
    if label != suggestion.label
        && doc
            .find_rejected(suggestion.range, &suggestion.label)
            .is_none()
    {
        edits.push(Edit::AddRejected(RejectedSuggestion::new(
            suggestion.range,
            &suggestion.label,
        )));
    }
    if doc.find_span(suggestion.range, label).is_none() {
        let mut span = Span::new(suggestion.range, label);
        span.source = Some(suggestion.source.clone());
        edits.push(Edit::AddSpan(span));
    }
    edits
}

/// Accepts `suggestion` in a document, as `as_label` when given (the annotator pressed
/// another label's key). `None` when there is no such document or nothing would change.
pub fn accept(
    corpus: &Corpus,
    document: usize,
    suggestion: &Suggestion,
    as_label: Option<&str>,
) -> Option<Change> {
    let doc = corpus.documents.get(document)?;
    let edits = accept_edits(doc, suggestion, as_label.unwrap_or(&suggestion.label));
    (!edits.is_empty()).then_some(Change { document, edits })
}

/// Rejects `suggestion` in a document: it goes to the document's rejected suggestions (and
/// leaves the stored ones) and is never offered there again. `None` when there is no such
/// document or it was rejected already.
pub fn reject(corpus: &Corpus, document: usize, suggestion: &Suggestion) -> Option<Change> {
    let doc = corpus.documents.get(document)?;
    let mut edits = Vec::new();
    if let Some(i) = doc.find_suggestion(suggestion.range, &suggestion.label) {
        edits.push(Edit::RemoveSuggestion(doc.suggestions()[i].clone()));
    }
    if doc
        .find_rejected(suggestion.range, &suggestion.label)
        .is_none()
    {
        edits.push(Edit::AddRejected(RejectedSuggestion::new(
            suggestion.range,
            &suggestion.label,
        )));
    }
    (!edits.is_empty()).then_some(Change { document, edits })
}

/// Accepts, as one change, every suggestion of `offered` (a document's) whose score is at
/// least `threshold`. `None` when none is.
pub fn accept_all(
    corpus: &Corpus,
    document: usize,
    offered: &[Suggestion],
    threshold: f32,
) -> Option<Change> {
    let doc = corpus.documents.get(document)?;
    let edits: Vec<Edit> = offered
        .iter()
        .filter(|s| s.score >= threshold)
        .flat_map(|s| accept_edits(doc, s, &s.label))
        .collect();
    (!edits.is_empty()).then_some(Change { document, edits })
}

/// Replaces a document's suggestions with those of `candidates` it may be offered (not a
/// span already, not rejected, on grapheme boundaries, one per range and label, the higher
/// score winning). `None` when that changes nothing.
pub fn replace(corpus: &Corpus, document: usize, candidates: Vec<Suggestion>) -> Option<Change> {
    let doc = corpus.documents.get(document)?;
    let after = doc.offerable(candidates);
    (after != doc.suggestions()).then(|| {
        Change::one(
            document,
            Edit::SetSuggestions {
                before: doc.suggestions().to_vec(),
                after,
            },
        )
    })
}

#[cfg(test)]
mod tests {
    use super::super::history::History;
    use super::*;

    use crate::model::CharRange;

    fn range(a: usize, b: usize) -> CharRange {
        CharRange::new(a, b).unwrap()
    }

    /// The stored suggestion of document 0 with this range and label.
    fn stored(c: &Corpus, a: usize, b: usize, label: &str) -> Suggestion {
        let doc = &c.documents[0];
        doc.suggestions()[doc.find_suggestion(range(a, b), label).unwrap()].clone()
    }

    /// "قال الكرملين إن بوتين زار أنقرة وبوتين" with the Kremlin as a span and three suggestions.
    fn corpus() -> Corpus {
        let mut corpus = Corpus::with_default_labels();
        let mut doc = Document::new("d", "قال الكرملين إن بوتين زار أنقرة وبوتين");
        doc.add_span(Span::new(range(4, 12), "ORG")).unwrap();
        for (a, b, label, score) in [
            (16, 21, "PER", 0.9),
            (26, 31, "LOC", 0.6),
            (33, 38, "PER", 0.95),
        ] {
            doc.add_suggestion(Suggestion::new(range(a, b), label, score, "matcher"))
                .unwrap();
        }
        corpus.documents.push(doc);
        corpus
    }

    #[test]
    fn accepting_makes_a_span_with_its_source_and_undo_brings_the_suggestion_back() {
        let mut c = corpus();
        let before = c.clone();
        let mut h = History::default();
        let change = accept(&c, 0, &stored(&c, 16, 21, "PER"), None).unwrap();
        h.apply(&mut c, change).unwrap();
        let doc = &c.documents[0];
        let i = doc.find_span(range(16, 21), "PER").unwrap();
        assert_eq!(doc.spans()[i].source.as_deref(), Some("matcher"));
        assert_eq!(doc.suggestions().len(), 2);
        assert!(doc.rejected_suggestions().is_empty());
        h.undo(&mut c).unwrap();
        assert_eq!(c, before);
        h.redo(&mut c).unwrap();
        assert!(c.documents[0].find_span(range(16, 21), "PER").is_some());
    }

    #[test]
    fn accepting_as_another_label_rejects_the_proposed_one() {
        let mut c = corpus();
        let before = c.clone();
        let mut h = History::default();
        let change = accept(&c, 0, &stored(&c, 26, 31, "LOC"), Some("ORG")).unwrap();
        h.apply(&mut c, change).unwrap();
        let doc = &c.documents[0];
        assert!(doc.find_span(range(26, 31), "ORG").is_some());
        assert!(doc.find_span(range(26, 31), "LOC").is_none());
        assert!(doc.find_rejected(range(26, 31), "LOC").is_some());
        assert!(!doc.could_suggest(range(26, 31), "LOC"));
        h.undo(&mut c).unwrap();
        assert_eq!(c, before);
    }

    #[test]
    fn rejecting_remembers_and_a_refresh_does_not_bring_it_back() {
        let mut c = corpus();
        let mut h = History::default();
        let before = c.clone();
        let change = reject(&c, 0, &stored(&c, 26, 31, "LOC")).unwrap();
        h.apply(&mut c, change).unwrap();
        assert_eq!(c.documents[0].suggestions().len(), 2);
        assert_eq!(c.documents[0].rejected_suggestions().len(), 1);
        // The recommender runs again and proposes the same three plus the Kremlin span.
        let again = vec![
            Suggestion::new(range(16, 21), "PER", 0.9, "matcher"),
            Suggestion::new(range(26, 31), "LOC", 0.7, "matcher"),
            Suggestion::new(range(33, 38), "PER", 0.95, "matcher"),
            Suggestion::new(range(4, 12), "ORG", 1.0, "matcher"),
        ];
        assert!(
            replace(&c, 0, again.clone()).is_none(),
            "nothing new to offer"
        );
        let mut more = again;
        more.push(Suggestion::new(range(0, 3), "MISC", 0.2, "tagger"));
        let change = replace(&c, 0, more).unwrap();
        h.apply(&mut c, change).unwrap();
        let labels: Vec<_> = c.documents[0]
            .suggestions()
            .iter()
            .map(|s| (s.range.start(), s.label.as_str()))
            .collect();
        assert_eq!(labels, [(0, "MISC"), (16, "PER"), (33, "PER")]);
        h.undo(&mut c).unwrap();
        h.undo(&mut c).unwrap();
        assert_eq!(c, before);
    }

    #[test]
    fn accept_all_above_a_threshold_is_one_undo_step() {
        let mut c = corpus();
        let before = c.clone();
        let mut h = History::default();
        let offered = c.documents[0].suggestions().to_vec();
        assert!(accept_all(&c, 0, &offered, 0.99).is_none());
        let change = accept_all(&c, 0, &offered, 0.9).unwrap();
        h.apply(&mut c, change).unwrap();
        let doc = &c.documents[0];
        assert_eq!(doc.spans().len(), 3);
        assert_eq!(
            doc.suggestions().len(),
            1,
            "the LOC at 0.6 stays a suggestion"
        );
        assert!(
            doc.spans()
                .iter()
                .filter(|s| s.label == "PER")
                .all(|s| s.source.as_deref() == Some("matcher"))
        );
        h.undo(&mut c).unwrap();
        assert_eq!(c, before);
        assert!(h.undo(&mut c).is_none());
    }

    #[test]
    fn offered_suggestions_are_decided_like_stored_ones() {
        // The window's recommenders offer suggestions the document does not store.
        let mut c = corpus();
        c.documents[0].set_suggestions(Vec::new()).unwrap();
        let before = c.clone();
        let mut h = History::default();
        let live = Suggestion::new(range(33, 38), "PER", 0.95, "tagger");
        let change = accept(&c, 0, &live, None).unwrap();
        h.apply(&mut c, change).unwrap();
        let doc = &c.documents[0];
        let i = doc.find_span(range(33, 38), "PER").unwrap();
        assert_eq!(doc.spans()[i].source.as_deref(), Some("tagger"));
        assert!(accept(&c, 0, &live, None).is_none(), "accepted already");
        let other = Suggestion::new(range(26, 31), "LOC", 0.6, "matcher");
        let change = reject(&c, 0, &other).unwrap();
        h.apply(&mut c, change).unwrap();
        assert!(!c.documents[0].could_suggest(range(26, 31), "LOC"));
        assert!(reject(&c, 0, &other).is_none(), "rejected already");
        assert!(c.documents[0].suggestions().is_empty());
        h.undo(&mut c).unwrap();
        h.undo(&mut c).unwrap();
        assert_eq!(c, before);
    }

    #[test]
    fn nothing_is_offered_inside_a_span_of_its_own_label() {
        let mut c = Corpus::with_default_labels();
        let mut doc = Document::new("d", "قال برند جوتشولك في السفارة الألمانية في برلين");
        doc.add_span(Span::new(range(4, 16), "PER")).unwrap();
        doc.add_span(Span::new(range(20, 46), "ORG")).unwrap();
        c.documents.push(doc);
        let candidates = vec![
            Suggestion::new(range(9, 16), "PER", 0.9, "matcher"),
            Suggestion::new(range(41, 46), "LOC", 0.9, "matcher"),
            Suggestion::new(range(28, 37), "ORG", 0.5, "tagger"),
            Suggestion::new(range(4, 8), "LOC", 0.3, "tagger"),
        ];
        let kept: Vec<(usize, String)> = c.documents[0]
            .offerable(candidates)
            .into_iter()
            .map(|s| (s.range.start(), s.label))
            .collect();
        assert_eq!(kept, [(4, "LOC".into()), (41, "LOC".into())]);
    }

    #[test]
    fn a_refresh_skips_spans_rejections_bad_boundaries_and_keeps_the_higher_score() {
        let mut c = Corpus::with_default_labels();
        // كَتَبَ: offset 1 lies between kaf and its fatha.
        let mut doc = Document::new("d", "كَتَبَ زيد لروسيا");
        doc.add_span(Span::new(range(7, 10), "PER")).unwrap();
        doc.add_rejected(RejectedSuggestion::new(range(12, 17), "ORG"))
            .unwrap();
        c.documents.push(doc);
        let candidates = vec![
            Suggestion::new(range(7, 10), "PER", 0.8, "matcher"),
            Suggestion::new(range(12, 17), "ORG", 0.8, "tagger"),
            Suggestion::new(range(1, 6), "MISC", 0.8, "tagger"),
            Suggestion::new(range(12, 17), "LOC", 0.6, "matcher"),
            Suggestion::new(range(12, 17), "LOC", 0.9, "tagger"),
            Suggestion::new(range(12, 30), "LOC", 0.9, "tagger"),
        ];
        let change = replace(&c, 0, candidates).unwrap();
        change.apply(&mut c).unwrap();
        let kept = c.documents[0].suggestions();
        assert_eq!(kept.len(), 1);
        assert_eq!(
            (
                kept[0].label.as_str(),
                kept[0].score,
                kept[0].source.as_str()
            ),
            ("LOC", 0.9, "tagger")
        );
    }
}
