//! Counts over a corpus: documents by status, spans by label and by annotator.

use std::collections::BTreeMap;

use super::{Corpus, Status};

/// Summary counts of a corpus, as `taliq stats` prints them.
#[derive(Debug, Clone, PartialEq, Eq, Default, serde::Serialize)]
pub struct CorpusStats {
    /// Number of documents.
    pub documents: usize,
    /// Total code points over all texts.
    pub code_points: usize,
    /// Number of spans.
    pub spans: usize,
    /// Documents per status, every status listed.
    pub documents_by_status: BTreeMap<&'static str, usize>,
    /// Spans per label name, every label of the set listed.
    pub spans_by_label: BTreeMap<String, usize>,
    /// Spans per annotator; spans with none are counted under `(none)`.
    pub spans_by_annotator: BTreeMap<String, usize>,
}

impl CorpusStats {
    /// Counts everything in one pass over the corpus.
    pub fn of(corpus: &Corpus) -> Self {
        let mut stats = Self {
            documents: corpus.documents.len(),
            documents_by_status: Status::ALL.iter().map(|s| (s.as_str(), 0)).collect(),
            spans_by_label: corpus.labels.iter().map(|l| (l.name.clone(), 0)).collect(),
            ..Self::default()
        };
        for doc in &corpus.documents {
            stats.code_points += doc.char_len();
            *stats
                .documents_by_status
                .entry(doc.status.as_str())
                .or_default() += 1;
            for span in doc.spans() {
                stats.spans += 1;
                *stats.spans_by_label.entry(span.label.clone()).or_default() += 1;
                let who = corpus.annotator_of(span).unwrap_or("(none)");
                *stats.spans_by_annotator.entry(who.to_owned()).or_default() += 1;
            }
        }
        stats
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{CharRange, Document, Span};

    #[test]
    fn counts_by_status_label_and_annotator() {
        let mut corpus = Corpus::with_default_labels();
        corpus.annotator = Some("amal".into());
        let mut a = Document::new("a", "زار بوتين موسكو");
        a.status = Status::Done;
        a.add_span(Span::new(CharRange::new(4, 9).unwrap(), "PER"))
            .unwrap();
        let mut loc = Span::new(CharRange::new(10, 15).unwrap(), "LOC");
        loc.annotator = Some("omar".into());
        a.add_span(loc).unwrap();
        corpus.documents.push(a);
        corpus.documents.push(Document::new("b", "نص"));
        let stats = CorpusStats::of(&corpus);
        assert_eq!(stats.documents, 2);
        assert_eq!(stats.code_points, 17);
        assert_eq!(stats.documents_by_status["done"], 1);
        assert_eq!(stats.documents_by_status["new"], 1);
        assert_eq!(stats.documents_by_status["reviewed"], 0);
        assert_eq!(stats.spans_by_label["PER"], 1);
        assert_eq!(stats.spans_by_label["ORG"], 0);
        assert_eq!(stats.spans_by_annotator["amal"], 1);
        assert_eq!(stats.spans_by_annotator["omar"], 1);
    }
}
