//! `taliq import-suggestions`: another tool's predictions (Label Studio `predictions` or
//! JSONL) into a copy of a corpus as suggestions; every bad span is listed and nothing is
//! written unless all are good.

use std::process::ExitCode;

use super::ImportSuggestionsArgs;
use crate::format::CorpusFile;
use crate::suggest::external::{External, PredictionFormat};
use crate::suggest::{Recommender, suggest_corpus};

pub(super) fn run(args: &ImportSuggestionsArgs) -> ExitCode {
    if args.source.trim().is_empty() {
        eprintln!("taliq: --source needs a name, e.g. external or arabert-v2");
        return ExitCode::from(2);
    }
    if let Some(refused) = super::refuse_to_overwrite(&args.out, args.force) {
        return refused;
    }
    let mut corpus = match crate::format::load(&args.corpus) {
        Ok(c) => c,
        Err(e) => return super::fail(&e),
    };
    let format = args.format.unwrap_or_else(|| {
        match args.predictions.extension().and_then(|e| e.to_str()) {
            Some("jsonl" | "ndjson") => PredictionFormat::Jsonl,
            _ => PredictionFormat::Ls,
        }
    });
    let external = match External::load(
        &args.predictions,
        format,
        args.offset_unit,
        &corpus,
        &args.source,
    ) {
        Ok(e) => e,
        Err(problems) => {
            for p in &problems {
                eprintln!("{p}");
            }
            eprintln!(
                "taliq: {} problem{} in the predictions; nothing written",
                problems.len(),
                if problems.len() == 1 { "" } else { "s" }
            );
            return ExitCode::FAILURE;
        }
    };
    let read: usize = external.by_id.values().map(Vec::len).sum();
    let recommenders: Vec<&dyn Recommender> = vec![&external];
    let total = suggest_corpus(&mut corpus, &recommenders, 0.0);
    if let Err(e) = CorpusFile::create(&args.out, &corpus, args.force) {
        return super::fail(&e);
    }
    eprintln!(
        "taliq: {read} predictions for {} documents read; the corpus now holds {total} suggestions; written to {}",
        external.by_id.len(),
        args.out.display()
    );
    ExitCode::SUCCESS
}
