//! `taliq suggest`: a copy of a corpus with each document's suggestions (or, with
//! `--as-spans`, with them as spans that record their source), from the recommenders.
//!
//! The recommenders are the matcher, learned from the corpus's own spans and the gazetteers
//! given, and with `--model` a trained tagger; where both propose the same range and label,
//! the higher score stands.

use std::process::ExitCode;
use std::time::Instant;

use super::SuggestArgs;
use crate::format::CorpusFile;
use crate::suggest::gazetteer::Gazetteer;
use crate::suggest::matcher::Matcher;
use crate::suggest::tagger::Tagger;
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
    let owned: Vec<String> = corpus.labels.iter().map(|l| l.name.clone()).collect();
    let labels: Vec<&str> = owned.iter().map(String::as_str).collect();
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
    let tagger = match &args.model {
        Some(path) => match load_model(path, &labels) {
            Ok(t) => Some(t),
            Err(e) => return super::fail(&e),
        },
        None => None,
    };
    let mut recommenders: Vec<&dyn Recommender> = Vec::new();
    if !args.no_matcher {
        recommenders.push(&matcher);
    }
    if let Some(tagger) = &tagger {
        recommenders.push(tagger);
    }
    let suggested = suggest_corpus(&mut corpus, &recommenders, args.min_score);
    drop(recommenders);
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
        "taliq: {what} in {} documents ({}{}, {:.0} ms) written to {}",
        corpus.documents.len(),
        if args.no_matcher {
            String::new()
        } else {
            format!("matcher: {} forms learned", matcher.len())
        },
        tagger.as_ref().map_or_else(String::new, |t| format!(
            "{}tagger: {} labels, trained on {} spans",
            if args.no_matcher { "" } else { "; " },
            t.labels().len(),
            t.summary().spans
        )),
        elapsed.as_secs_f64() * 1000.0,
        args.out.display()
    );
    ExitCode::SUCCESS
}

/// Loads a tagger model and refuses it when it suggests labels the corpus lacks.
fn load_model(path: &std::path::Path, labels: &[&str]) -> Result<Tagger, String> {
    let tagger = Tagger::load(path).map_err(|e| e.to_string())?;
    tagger
        .check_labels(labels)
        .map_err(|e| format!("{}: {e}", path.display()))?;
    Ok(tagger)
}
