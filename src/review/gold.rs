//! Adjudication: from several annotators' versions of a document to one gold document
//! whose spans record which annotators had them.
//!
//! Spans are grouped by (range, label) across annotators into [`Candidate`]s; a reviewer
//! accepts or rejects each (the review window will drive this), and the spans every
//! annotator agreed on can be accepted in one step.

use std::collections::HashMap;

use serde_json::Value;

use crate::model::{CharRange, Document, Span, SpanError, Status};

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

/// The candidates every one of `annotators` made: what "accept all agreed" takes.
pub fn agreed(candidates: &[Candidate], annotators: usize) -> Vec<&Candidate> {
    candidates
        .iter()
        .filter(|c| c.annotators.len() == annotators)
        .collect()
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

/// A gold document: the text of `base` with the accepted candidates as spans, each carrying
/// `"annotators": [...]`, and status `reviewed`. Metadata and unknown fields of `base` are kept.
///
/// # Errors
/// When an accepted candidate is not a valid span of the text (it came from another text).
pub fn gold_document<'a>(
    base: &Document,
    accepted: impl IntoIterator<Item = &'a Candidate>,
) -> Result<Document, SpanError> {
    let mut gold = blank_copy(base);
    gold.status = Status::Reviewed;
    for candidate in accepted {
        let span = gold_span(candidate.range, &candidate.label, &candidate.annotators);
        match gold.add_span(span) {
            Ok(_) | Err(SpanError::Duplicate { .. }) => {}
            Err(e) => return Err(e),
        }
    }
    Ok(gold)
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
    fn accept_all_agreed_then_one_conflict_gives_gold_with_provenance() {
        // amal and omar agree on الكرملين and بوتين; sara puts the quotes in and calls بوتين ORG.
        let amal = doc(&[(5, 13, "ORG"), (18, 23, "PER"), (28, 33, "LOC")]);
        let omar = doc(&[(5, 13, "ORG"), (18, 23, "PER")]);
        let sara = doc(&[(4, 14, "ORG"), (18, 23, "ORG"), (5, 13, "ORG")]);
        let versions = [("amal", &amal), ("omar", &omar), ("sara", &sara)];
        let all = candidates(&versions);
        assert_eq!(all.len(), 5);
        let agreed_spans = agreed(&all, 3);
        assert_eq!(
            agreed_spans.len(),
            1,
            "only الكرملين without quotes has all three"
        );
        // The reviewer also takes amal's and omar's PER on بوتين over sara's ORG.
        let per = all.iter().find(|c| c.label == "PER").unwrap();
        assert_eq!(per.annotators, ["amal", "omar"]);
        let gold = gold_document(&amal, agreed_spans.into_iter().chain([per])).unwrap();
        assert_eq!(gold.status, Status::Reviewed);
        let spans: Vec<(usize, usize, &str)> = gold
            .spans()
            .iter()
            .map(|s| (s.range.start(), s.range.end(), s.label.as_str()))
            .collect();
        assert_eq!(spans, [(5, 13, "ORG"), (18, 23, "PER")]);
        assert_eq!(
            gold.spans()[0].extra["annotators"],
            serde_json::json!(["amal", "omar", "sara"])
        );
        assert_eq!(
            gold.spans()[1].extra["annotators"],
            serde_json::json!(["amal", "omar"])
        );
        // The gold document saves as a valid corpus that keeps the provenance.
        let mut corpus = crate::model::Corpus::with_default_labels();
        corpus.documents.push(gold);
        let json = crate::format::write_corpus(&corpus, crate::format::Form::Json);
        assert!(json.contains(r#""annotators": ["amal", "omar"]"#), "{json}");
        let back = crate::format::parse_corpus(json.as_bytes(), crate::format::Form::Json).unwrap();
        assert_eq!(back, corpus);
    }
}
