//! `hf`: the shape of Hugging Face token-classification datasets — JSONL rows of
//! `{"id", "document", "tokens", "ner_tags"}`, one row per sentence, with integer tags whose
//! names are in `labels.json`.
//!
//! Tokens, sentences and losses are those of the [`conll`](super::conll) export.

use std::collections::HashMap;

use serde_json::{Value, json};

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
    let index: HashMap<String, usize> = tag_names(corpus, options.scheme)
        .into_iter()
        .enumerate()
        .map(|(i, name)| (name, i))
        .collect();
    let mut out = String::new();
    let mut losses = Vec::new();
    for doc in documents {
        let (sentences, lost) = tag_document(doc, options);
        losses.extend(lost);
        for (n, sentence) in sentences.iter().enumerate() {
            let tokens: Vec<&str> = sentence.iter().map(|t| t.text).collect();
            // Spans always name a label of the corpus (the loader checks), so the tag is known.
            let tags: Vec<usize> = sentence
                .iter()
                .map(|t| {
                    if t.prefix == Prefix::O {
                        0
                    } else {
                        index.get(&t.tag()).copied().unwrap_or(0)
                    }
                })
                .collect();
            let row: Value = json!({"id": format!("{}-{n}", doc.id), "document": doc.id, "tokens": tokens, "ner_tags": tags});
            out.push_str(&row.to_string());
            out.push('\n');
        }
    }
    (out, losses)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{CharRange, Span};

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
