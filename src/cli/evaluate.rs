//! `taliq evaluate`: exact-match P/R/F1 of a tagger model against a gold corpus.

use std::path::Path;
use std::process::ExitCode;

use crate::model::Document;
use crate::suggest::BATCH_DOCUMENTS;
use crate::suggest::tagger::{Scores, Tagger};

pub(super) fn run(gold: &Path, model: &Path, json: bool) -> ExitCode {
    let corpus = match super::train::load_corpus(gold) {
        Ok(c) => c,
        Err(e) => return super::fail(&e),
    };
    let tagger = match Tagger::load(model) {
        Ok(t) => t,
        Err(e) => return super::fail(&e),
    };
    let labels: Vec<&str> = corpus.labels.iter().map(|l| l.name.as_str()).collect();
    if let Err(e) = tagger.check_labels(&labels) {
        return super::fail(&format_args!("{}: {e}", gold.display()));
    }
    let docs: Vec<&Document> = corpus.documents.iter().collect();
    let started = std::time::Instant::now();
    // In batches, as `taliq suggest` tags: a gold corpus of many documents tagged at once
    // would hold every word's features at once.
    let predicted: Vec<_> = docs
        .chunks(BATCH_DOCUMENTS)
        .flat_map(|batch| tagger.tag_many(batch))
        .collect();
    let seconds = started.elapsed().as_secs_f64();
    let mut scores = Scores::default();
    for (doc, predictions) in docs.iter().zip(&predicted) {
        scores.add_document(doc, predictions);
    }
    if json {
        let labels: serde_json::Map<String, serde_json::Value> = scores
            .labels
            .iter()
            .map(|(l, c)| {
                let value = serde_json::json!({ "counts": c, "scores": c.prf() });
                (l.clone(), value)
            })
            .collect();
        let out = serde_json::json!({
            "labels": labels,
            "micro": scores.micro(),
            "macro": scores.macro_average(),
            "documents": docs.len(),
            "seconds": seconds,
        });
        match serde_json::to_string_pretty(&out) {
            Ok(s) => println!("{s}"),
            Err(e) => return super::fail(&e),
        }
    } else {
        println!(
            "{} against {} ({} documents, exact match):",
            model.display(),
            gold.display(),
            docs.len()
        );
        print!("{}", scores.table());
        println!("tagging took {seconds:.2} s");
    }
    ExitCode::SUCCESS
}
