//! `hf`: the shape of Hugging Face token-classification datasets — JSONL rows of
//! `{"id", "document", "tokens", "ner_tags"}`, one row per sentence, with integer tags whose
//! names are in `labels.json`. A corpus with document labels adds one column per label
//! (`"topic": ["politics"]`, empty where a document has none), in every row, so that every
//! row has the same columns as a dataset needs.
//!
//! Tokens, sentences and losses are those of the [`conll`](super::conll) export.

use std::collections::HashMap;
use std::fmt::Write as _;

use super::conll::{Prefix, tag_document};
use super::{Loss, Options, Scheme};
use crate::model::{Corpus, Document};

/// Name of the file of tag names written beside the rows.
pub const LABELS_FILE: &str = "labels.json";

/// Tag names in index order: `O`, then per label of the corpus `B-`, `I-` (and `E-`, `S-` for BIOES).
pub fn tag_names(corpus: &Corpus, scheme: Scheme) -> Vec<String> {
    let prefixes: &[&str] = match scheme {
        Scheme::Iob2 => &["B", "I"],
        Scheme::Bioes => &["B", "I", "E", "S"],
    };
    std::iter::once("O".to_owned())
        .chain(
            corpus
                .labels
                .iter()
                .flat_map(|l| prefixes.iter().map(move |p| format!("{p}-{}", l.name))),
        )
        .collect()
}

/// `labels.json`: the tag names as a JSON array, index = integer tag.
pub fn labels_json(corpus: &Corpus, scheme: Scheme) -> String {
    let mut text = serde_json::to_string_pretty(&tag_names(corpus, scheme)).unwrap_or_default();
    text.push('\n');
    text
}

/// Writes one row per sentence, returning the rows and the spans not kept exactly.
pub fn export(corpus: &Corpus, documents: &[Document], options: &Options) -> (String, Vec<Loss>) {
    let mut out = Vec::new();
    let losses = write(&mut out, corpus, documents, *options);
    (String::from_utf8(out).unwrap_or_default(), losses)
}

/// Appends one row per sentence to `out`, returning the spans not kept exactly.
///
/// Rows are `{"id","document","tokens","ner_tags"}` objects as `serde_json` writes them, put
/// together here so that no vector of tokens or tags is built per sentence; every string and
/// number goes through `serde_json`, so escapes are its own.
pub(super) fn write(
    out: &mut Vec<u8>,
    corpus: &Corpus,
    documents: &[Document],
    options: Options,
) -> Vec<Loss> {
    // Tag numbers follow `tag_names`: 1 + label index × prefixes per label + prefix offset.
    let per_label = match options.scheme {
        Scheme::Iob2 => 2,
        Scheme::Bioes => 4,
    };
    let label_index: HashMap<&str, usize> = corpus
        .labels
        .iter()
        .enumerate()
        .map(|(i, l)| (l.name.as_str(), i))
        .collect();
    let number = |prefix: Prefix, label: &str| -> usize {
        let offset = match prefix {
            Prefix::O => return 0,
            Prefix::B => 0,
            Prefix::I => 1,
            Prefix::E => 2,
            Prefix::S => 3,
        };
        // Spans always name a label of the corpus (the loader checks that).
        label_index
            .get(label)
            .map_or(0, |i| 1 + i * per_label + offset)
    };
    // Writing to a Vec cannot fail, and strings and numbers always serialise.
    let string = |out: &mut Vec<u8>, text: &str| {
        let _ = serde_json::to_writer(out, text);
    };
    let mut losses = Vec::new();
    let mut id = String::new();
    for doc in documents {
        let (sentences, lost) = tag_document(doc, &options);
        losses.extend(lost);
        for (n, sentence) in sentences.iter().enumerate() {
            id.clear();
            let _ = write!(id, "{}-{n}", doc.id);
            out.extend_from_slice(b"{\"id\":");
            string(out, &id);
            out.extend_from_slice(b",\"document\":");
            string(out, &doc.id);
            out.extend_from_slice(b",\"tokens\":[");
            for (i, token) in sentence.iter().enumerate() {
                if i > 0 {
                    out.push(b',');
                }
                string(out, token.text);
            }
            out.extend_from_slice(b"],\"ner_tags\":[");
            for (i, token) in sentence.iter().enumerate() {
                if i > 0 {
                    out.push(b',');
                }
                let _ = serde_json::to_writer(&mut *out, &number(token.prefix, token.label));
            }
            out.push(b']');
            for label in &corpus.document_labels {
                out.push(b',');
                string(out, &label.name);
                out.push(b':');
                let values = doc
                    .labels
                    .iter()
                    .find(|(name, _)| *name == label.name)
                    .map_or(&[][..], |(_, v)| v.as_slice());
                let _ = serde_json::to_writer(&mut *out, values);
            }
            out.extend_from_slice(b"}\n");
        }
    }
    losses
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{CharRange, Span};
    use serde_json::{Value, json};

    #[test]
    fn tags_index_labels_json_and_sentences_become_rows() {
        let corpus = Corpus::with_default_labels();
        let mut doc = Document::new("d", "زار بوتين لموسكو. ثم عاد");
        doc.add_span(Span::new(CharRange::new(4, 9).unwrap(), "PER"))
            .unwrap();
        doc.add_span(Span::new(CharRange::new(11, 16).unwrap(), "LOC"))
            .unwrap();
        let names = tag_names(&corpus, Scheme::Iob2);
        assert_eq!(names[..5], ["O", "B-PER", "I-PER", "B-ORG", "I-ORG"]);
        let (rows, losses) = export(&corpus, &[doc], &Options::default());
        assert!(losses.is_empty());
        let rows: Vec<Value> = rows
            .lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect();
        assert_eq!(rows.len(), 2);
        assert_eq!(
            rows[0]["tokens"],
            json!(["زار", "بوتين", "ل", "موسكو", "."])
        );
        let b_loc = names.iter().position(|n| n == "B-LOC").unwrap();
        assert_eq!(rows[0]["ner_tags"], json!([0, 1, 0, b_loc, 0]));
        assert_eq!(rows[1]["id"], "d-1");
        assert_eq!(rows[1]["tokens"], json!(["ثم", "عاد"]));
    }
}
