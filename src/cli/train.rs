//! `taliq train`: a suggestion tagger from every span of some corpora, optionally
//! cross-validated.

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::atomic::AtomicBool;
use std::time::Instant;

use super::progress::Reporter;
use crate::model::{Corpus, Document};
use crate::suggest::gazetteer::Gazetteer;
use crate::suggest::tagger::{self, CrossValidation, TrainOptions};

/// Options of `taliq train`.
#[derive(Debug, clap::Args)]
pub struct TrainArgs {
    /// Corpus files (.json or .jsonl), or CoNLL files (.conll, .bio, .iob: token and tag per
    /// line, as `ANERcorp`) read with `taliq import --format conll`'s reader.
    #[arg(required = true)]
    pub corpora: Vec<PathBuf>,
    /// Model file to write.
    #[arg(long)]
    pub out: Option<PathBuf>,
    /// Also cross-validate with K folds of contiguous documents (of contiguous sentence blocks
    /// when there are fewer documents than K) and print each fold's F1 and the pooled P/R/F1
    /// per label.
    #[arg(long, value_name = "K")]
    pub folds: Option<usize>,
    /// Gazetteer files: one `LABEL<TAB>name` per line, UTF-8.
    #[arg(long, value_name = "FILE")]
    pub gazetteer: Vec<PathBuf>,
    /// L-BFGS iterations at most.
    #[arg(long, default_value_t = TrainOptions::default().max_iterations)]
    pub iterations: usize,
    /// L2 penalty.
    #[arg(long, default_value_t = TrainOptions::default().c2)]
    pub c2: f64,
    /// Drop features seen fewer times than this in training (a smaller, faster model).
    #[arg(long, default_value_t = TrainOptions::default().min_feature_count)]
    pub min_count: u32,
    /// Leave out the word clusters learned from the training text.
    #[arg(long)]
    pub no_clusters: bool,
    /// Do not copy a name found once to its other mentions in a document.
    #[arg(long)]
    pub no_propagation: bool,
}

/// Reads a corpus file, or a CoNLL file through the CoNLL importer.
pub(super) fn load_corpus(path: &Path) -> Result<Corpus, String> {
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .unwrap_or("")
        .to_ascii_lowercase();
    if matches!(ext.as_str(), "conll" | "bio" | "iob") {
        crate::interchange::conll::import(&[path.to_path_buf()]).map_err(|e| e.to_string())
    } else {
        crate::format::load(path).map_err(|e| e.to_string())
    }
}

/// The `(label, name)` entries of gazetteer files, every label checked against nothing:
/// the tagger learns whatever labels its gazetteers name.
pub(super) fn read_gazetteers(paths: &[PathBuf]) -> Result<Vec<(String, String)>, String> {
    let mut entries = Vec::new();
    for path in paths {
        let gazetteer = Gazetteer::load(path).map_err(|e| e.to_string())?;
        entries.extend(gazetteer.entries.into_iter().map(|e| (e.label, e.name)));
    }
    Ok(entries)
}

pub(super) fn run(args: &TrainArgs) -> ExitCode {
    if args.out.is_none() && args.folds.is_none() {
        eprintln!("taliq: train needs --out MODEL, --folds K or both");
        return ExitCode::from(2);
    }
    let mut corpora = Vec::new();
    for path in &args.corpora {
        match load_corpus(path) {
            Ok(c) => corpora.push(c),
            Err(e) => return super::fail(&e),
        }
    }
    let gazetteer = match read_gazetteers(&args.gazetteer) {
        Ok(entries) => entries,
        Err(e) => return super::fail(&e),
    };
    let docs: Vec<&Document> = corpora.iter().flat_map(|c| &c.documents).collect();
    let options = TrainOptions {
        max_iterations: args.iterations,
        c2: args.c2,
        min_feature_count: args.min_count,
        word_clusters: !args.no_clusters,
        propagate: !args.no_propagation,
        ..TrainOptions::default()
    };
    let cancel = AtomicBool::new(false);
    if let Some(k) = args.folds {
        if k < 2 {
            eprintln!("taliq: --folds needs at least 2");
            return ExitCode::from(2);
        }
        let started = Instant::now();
        let reporter = Reporter::new("cross-validating");
        let cv = tagger::cross_validate(
            &docs,
            &gazetteer,
            &options,
            k,
            &|p| reporter.report(p),
            &cancel,
        );
        drop(reporter);
        let cv = match cv {
            Ok(cv) => cv,
            Err(e) => return super::fail(&e),
        };
        print!("{}", cross_validation_report(&cv));
        println!(
            "cross-validation took {:.1} s",
            started.elapsed().as_secs_f64()
        );
    }
    if let Some(out) = &args.out {
        let started = Instant::now();
        let reporter = Reporter::new("training");
        let trained = tagger::train(
            &docs,
            &gazetteer,
            &options,
            &|p| reporter.report(p),
            &cancel,
        );
        drop(reporter);
        let model = match trained {
            Ok(m) => m,
            Err(e) => return super::fail(&e),
        };
        let seconds = started.elapsed().as_secs_f64();
        if let Err(e) = model.save(out) {
            return super::fail(&e);
        }
        let s = model.summary();
        println!(
            "trained on {} spans ({} tokens, {} document{}; {} spans skipped), {} features, {} L-BFGS iterations in {seconds:.1} s; wrote {}",
            s.spans,
            s.tokens,
            s.documents,
            if s.documents == 1 { "" } else { "s" },
            s.skipped_spans,
            s.features,
            s.iterations,
            out.display()
        );
    }
    ExitCode::SUCCESS
}

/// How the folds were made, each fold's size and micro F1, the pooled table and the mean.
fn cross_validation_report(cv: &CrossValidation) -> String {
    use std::fmt::Write as _;
    let plural = |n: usize, one: &str| format!("{n} {one}{}", if n == 1 { "" } else { "s" });
    let mut out = String::new();
    let _ = writeln!(out, "cross-validation on {}", cv.folds);
    for (i, (scores, size)) in cv.scores.iter().zip(&cv.folds.sizes).enumerate() {
        let _ = writeln!(
            out,
            "fold {}: {}, {}: micro F1 {:.4}",
            i + 1,
            plural(size.documents, "document"),
            plural(size.sentences, "sentence"),
            scores.micro().f1
        );
    }
    let _ = writeln!(
        out,
        "{}-fold cross-validation (exact match, all folds pooled):",
        cv.folds.count()
    );
    out.push_str(&cv.pooled().table());
    let _ = writeln!(out, "mean of the folds' micro F1: {:.4}", cv.mean_f1());
    out
}
