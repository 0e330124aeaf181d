//! Adjudication: from several annotators' versions of a document to one gold document
//! whose spans record which annotators had them.
//!
//! Spans are grouped by (range, label) across annotators into [`Candidate`]s; a reviewer
//! accepts or rejects each through [`super::session::ReviewSession`].

use std::collections::HashMap;

use serde_json::Value;

use crate::model::{CharRange, Document, Span};

/// One (range, label) that at least one annotator marked, with who did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Candidate {
    /// The span's range.
    pub range: CharRange,
    /// The span's label.
    pub label: String,
    /// The annotators who made exactly this span, in the order the versions were given.
    pub annotators: Vec<String>,
}

/// Every distinct (range, label) of the versions, in document order, with its annotators.
///
/// `versions` pairs each annotator's name with their version of the same document.
pub fn candidates(versions: &[(&str, &Document)]) -> Vec<Candidate> {
    let mut found: Vec<Candidate> = Vec::new();
    let mut index: HashMap<(CharRange, &str), usize> = HashMap::new();
    for (name, doc) in versions {
        for span in doc.spans() {
            if let Some(&i) = index.get(&(span.range, span.label.as_str())) {
                let annotators = &mut found[i].annotators;
                if !annotators.iter().any(|a| a == name) {
                    annotators.push((*name).to_owned());
                }
            } else {
                index.insert((span.range, span.label.as_str()), found.len());
                found.push(Candidate {
                    range: span.range,
                    label: span.label.clone(),
                    annotators: vec![(*name).to_owned()],
                });
            }
        }
    }
    found.sort_by(|a, b| {
        (a.range.start(), std::cmp::Reverse(a.range.end()), &a.label).cmp(&(
            b.range.start(),
            std::cmp::Reverse(b.range.end()),
            &b.label,
        ))
    });
    found
}

/// The field of a gold span naming the annotators who made exactly that span.
pub const PROVENANCE: &str = "annotators";

/// Sets a span's provenance: the annotators who made exactly its range and label (none when
/// the reviewer made it).
pub fn set_provenance(extra: &mut crate::model::Extra, annotators: &[String]) {
    let names = annotators.iter().cloned().map(Value::from).collect();
    extra.insert(PROVENANCE.to_owned(), Value::Array(names));
}

/// A gold span with its provenance.
pub fn gold_span(range: CharRange, label: &str, annotators: &[String]) -> Span {
    let mut span = Span::new(range, label);
    set_provenance(&mut span.extra, annotators);
    span
}

/// A copy of `document` without its spans, as the gold corpus starts from: id, text,
/// metadata and unknown fields kept, status `new`.
pub fn blank_copy(document: &Document) -> Document {
    let mut copy = Document::new(document.id.clone(), document.text());
    copy.meta.clone_from(&document.meta);
    copy.extra.clone_from(&document.extra);
    copy
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(spans: &[(usize, usize, &str)]) -> Document {
        let mut d = Document::new("d", "قال “الكرملين” إن بوتين زار أنقرة");
        for &(a, b, label) in spans {
            d.add_span(Span::new(CharRange::new(a, b).unwrap(), label))
                .unwrap();
        }
        d
    }

    #[test]
    fn candidates_name_who_made_each_span_and_gold_spans_keep_it_through_the_format() {
        // amal and omar agree on الكرملين and بوتين; sara puts the quotes in and calls بوتين ORG.
        let amal = doc(&[(5, 13, "ORG"), (18, 23, "PER"), (28, 33, "LOC")]);
        let omar = doc(&[(5, 13, "ORG"), (18, 23, "PER")]);
        let sara = doc(&[(4, 14, "ORG"), (18, 23, "ORG"), (5, 13, "ORG")]);
        let versions = [("amal", &amal), ("omar", &omar), ("sara", &sara)];
        let all = candidates(&versions);
        let listed: Vec<(usize, usize, &str, Vec<&str>)> = all
            .iter()
            .map(|c| {
                (
                    c.range.start(),
                    c.range.end(),
                    c.label.as_str(),
                    c.annotators.iter().map(String::as_str).collect(),
                )
            })
            .collect();
        assert_eq!(
            listed,
            [
                (4, 14, "ORG", vec!["sara"]),
                (5, 13, "ORG", vec!["amal", "omar", "sara"]),
                (18, 23, "ORG", vec!["sara"]),
                (18, 23, "PER", vec!["amal", "omar"]),
                (28, 33, "LOC", vec!["amal"]),
            ]
        );
        // A gold document of two of them saves as a valid corpus that keeps the provenance.
        let mut gold = blank_copy(&amal);
        for c in [&all[1], &all[3]] {
            gold.add_span(gold_span(c.range, &c.label, &c.annotators))
                .unwrap();
        }
        assert!(
            gold.spans()
                .iter()
                .all(|s| s.extra.contains_key(PROVENANCE))
        );
        let mut corpus = crate::model::Corpus::with_default_labels();
        corpus.documents.push(gold);
        let json = crate::format::write_corpus(&corpus, crate::format::Form::Json);
        assert!(json.contains(r#""annotators": ["amal", "omar"]"#), "{json}");
        let back = crate::format::parse_corpus(json.as_bytes(), crate::format::Form::Json).unwrap();
        assert_eq!(back, corpus);
    }
}
