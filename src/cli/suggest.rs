//! `taliq suggest`: a copy of a corpus with each document's suggestions (or, with
//! `--as-spans`, with them as spans that record their source), from the recommenders.
//!
//! Today the recommender is the matcher, learned from the corpus's own spans and the
//! gazetteers given; a trained tagger joins the list of recommenders the same way.

use std::process::ExitCode;
use std::time::Instant;

use super::SuggestArgs;
use crate::format::CorpusFile;
use crate::suggest::gazetteer::Gazetteer;
use crate::suggest::matcher::Matcher;
use crate::suggest::{Recommender, suggest_corpus, suggestions_to_spans};

pub(super) fn run(args: &SuggestArgs) -> ExitCode {
    if !(0.0..=1.0).contains(&args.min_score) {
        eprintln!(
            "taliq: --min-score must be from 0 to 1, not {}",
            args.min_score
        );
        return ExitCode::from(2);
    }
    if let Some(refused) = super::refuse_to_overwrite(&args.out, args.force) {
        return refused;
    }
    let mut corpus = match crate::format::load(&args.corpus) {
        Ok(c) => c,
        Err(e) => return super::fail(&e),
    };
    let started = Instant::now();
    let mut matcher = Matcher::from_corpus(&corpus);
    let labels: Vec<&str> = corpus.labels.iter().map(|l| l.name.as_str()).collect();
    for path in &args.gazetteer {
        let gazetteer = match Gazetteer::load(path).and_then(|g| {
            g.check_labels(&labels)?;
            Ok(g)
        }) {
            Ok(g) => g,
            Err(e) => return super::fail(&e),
        };
        matcher.learn_gazetteer(&gazetteer);
    }
    let recommenders: Vec<&dyn Recommender> = vec![&matcher];
    let suggested = suggest_corpus(&mut corpus, &recommenders, args.min_score);
    let elapsed = started.elapsed();
    let what = if args.as_spans {
        let added = suggestions_to_spans(&mut corpus);
        format!("{added} spans marked \"source\"")
    } else {
        format!("{suggested} suggestions")
    };
    if let Err(e) = CorpusFile::create(&args.out, &corpus, args.force) {
        return super::fail(&e);
    }
    eprintln!(
        "taliq: {what} in {} documents ({} forms learned, {:.0} ms) written to {}",
        corpus.documents.len(),
        matcher.len(),
        elapsed.as_secs_f64() * 1000.0,
        args.out.display()
    );
    ExitCode::SUCCESS
}
