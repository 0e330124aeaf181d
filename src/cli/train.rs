//! `taliq train`: a suggestion tagger from every span of some corpora, optionally
//! cross-validated.

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::atomic::AtomicBool;
use std::time::Instant;

use super::progress::Reporter;
use crate::model::{Corpus, Document};
use crate::suggest::gazetteer::Gazetteer;
use crate::suggest::tagger::clusters::cache::{Origin, cached_or_learned};
use crate::suggest::tagger::clusters::{Clusters, WordStream};
use crate::suggest::tagger::{self, CrossValidation, Resources, TrainOptions};

/// Options of `taliq train`.
#[derive(Debug, clap::Args)]
#[allow(clippy::struct_excessive_bools, reason = "on/off command-line flags")]
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
    /// After training, drop features whose weights are all below this in magnitude (a
    /// smaller model that tags faster; 0 keeps every feature).
    #[arg(long, value_name = "W", default_value_t = TrainOptions::default().min_weight)]
    pub min_weight: f64,
    /// Unlabelled text to learn word clusters from, besides the training text: corpora
    /// (.json, .jsonl; their spans are ignored), CoNLL files, or .txt files and folders of
    /// them. The model's clusters are cached beside it (MODEL.clusters), keyed by the text:
    /// training again on the same text reuses them. Cross-validation's taggers each learn
    /// theirs from their training folds and this text.
    #[arg(long, value_name = "FILE", num_args = 1..)]
    pub unlabelled: Vec<PathBuf>,
    /// Leave out the word clusters learned from the training (and unlabelled) text.
    #[arg(long, conflicts_with = "unlabelled")]
    pub no_clusters: bool,
    /// Do not copy a name found once to its other mentions in a document.
    #[arg(long)]
    pub no_propagation: bool,
    /// Leave out context aggregation: the neighbours of a word's other mentions in its
    /// document as features of the word.
    #[arg(long)]
    pub no_aggregation: bool,
    /// Train a second stage that also sees what the first predicted for the same word
    /// elsewhere in the document (first-stage predictions on the training text come from
    /// jackknife models that did not see it; training takes about twice as long).
    #[arg(long, overrides_with = "no_second_stage")]
    pub second_stage: bool,
    /// No second stage (the default): one CRF, trained in about half the time.
    #[arg(long)]
    pub no_second_stage: bool,
    /// Folds of the second stage's jackknife (a first-stage model per fold predicts it).
    #[arg(long, default_value_t = TrainOptions::default().jackknife_folds)]
    pub jackknife_folds: usize,
    /// L-BFGS iterations of each jackknife first-stage model of the second stage.
    #[arg(long, default_value_t = TrainOptions::default().jackknife_iterations)]
    pub jackknife_iterations: usize,
    /// L-BFGS iterations of the second stage.
    #[arg(long, default_value_t = TrainOptions::default().second_stage_iterations)]
    pub second_stage_iterations: usize,
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

/// Reads unlabelled text: a corpus or CoNLL file, or .txt files and folders of them.
fn load_unlabelled(path: &Path) -> Result<Corpus, String> {
    let is_txt = path
        .extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("txt"));
    if path.is_dir() || is_txt {
        crate::interchange::plain_text::import_txt(&[path.to_path_buf()])
            .map(|import| import.corpus)
            .map_err(|e| e.to_string())
    } else {
        load_corpus(path)
    }
}

/// Where the clusters of a model are cached: beside it, `MODEL.clusters`.
fn clusters_cache(out: &Path) -> PathBuf {
    let mut name = out.as_os_str().to_owned();
    name.push(".clusters");
    PathBuf::from(name)
}

/// Word clusters of the training and unlabelled text, from the cache or learned now; says
/// which on stderr.
fn word_clusters(
    docs: &[&Document],
    unlabelled: &[Corpus],
    out: &Path,
    cancel: &AtomicBool,
) -> Option<Clusters> {
    let texts: Vec<&str> = docs
        .iter()
        .map(|d| d.text())
        .chain(
            unlabelled
                .iter()
                .flat_map(|c| c.documents.iter().map(Document::text)),
        )
        .collect();
    let path = clusters_cache(out);
    let reporter = Reporter::new("word clusters");
    let report = |fraction: f32| {
        reporter.report(tagger::Progress {
            fraction,
            stage: "learning word clusters",
            ..tagger::Progress::default()
        });
    };
    let (clusters, origin) = cached_or_learned(&texts, &path, 0, &report, cancel)?;
    drop(reporter);
    match origin {
        Origin::Cache => eprintln!(
            "taliq: word clusters of {} words from the cache {}",
            clusters.len(),
            path.display()
        ),
        Origin::Learned {
            words,
            seconds,
            not_saved,
        } => {
            eprintln!(
                "taliq: word clusters of {} words learned from {words} words of {} texts in {seconds:.1} s ({:.0} words/s)",
                clusters.len(),
                texts.len(),
                words as f64 / seconds.max(1e-9)
            );
            match not_saved {
                None => eprintln!("taliq: cached them in {}", path.display()),
                Some(why) => eprintln!("taliq: could not cache them: {why}"),
            }
        }
    }
    Some(clusters)
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

/// Training corpora, unlabelled corpora and gazetteer entries: every file `taliq train` reads.
type Inputs = (Vec<Corpus>, Vec<Corpus>, Vec<(String, String)>);

fn read_inputs(args: &TrainArgs) -> Result<Inputs, String> {
    let corpora = args
        .corpora
        .iter()
        .map(|p| load_corpus(p))
        .collect::<Result<Vec<_>, _>>()?;
    let unlabelled = args
        .unlabelled
        .iter()
        .map(|p| load_unlabelled(p))
        .collect::<Result<Vec<_>, _>>()?;
    Ok((corpora, unlabelled, read_gazetteers(&args.gazetteer)?))
}

/// The training options the arguments ask for.
fn options_of(args: &TrainArgs) -> TrainOptions {
    TrainOptions {
        max_iterations: args.iterations,
        c2: args.c2,
        min_feature_count: args.min_count,
        min_weight: args.min_weight,
        word_clusters: !args.no_clusters,
        propagate: !args.no_propagation,
        aggregate: !args.no_aggregation,
        second_stage: if args.no_second_stage {
            false
        } else {
            args.second_stage || TrainOptions::default().second_stage
        },
        jackknife_folds: args.jackknife_folds,
        jackknife_iterations: args.jackknife_iterations,
        second_stage_iterations: args.second_stage_iterations,
        ..TrainOptions::default()
    }
}

pub(super) fn run(args: &TrainArgs) -> ExitCode {
    if args.out.is_none() && args.folds.is_none() {
        eprintln!("taliq: train needs --out MODEL, --folds K or both");
        return ExitCode::from(2);
    }
    let (corpora, unlabelled, gazetteer) = match read_inputs(args) {
        Ok(inputs) => inputs,
        Err(e) => return super::fail(&e),
    };
    let docs: Vec<&Document> = corpora.iter().flat_map(|c| &c.documents).collect();
    let options = options_of(args);
    let cancel = AtomicBool::new(false);
    // The model's clusters: of the training and the unlabelled text, cached by that text.
    let clusters = match &args.out {
        Some(out) if !args.no_clusters => word_clusters(&docs, &unlabelled, out, &cancel),
        _ => None,
    };
    // Cross-validation's taggers cluster their own training text and the unlabelled text.
    let unlabelled_texts: Vec<&str> = unlabelled
        .iter()
        .flat_map(|c| c.documents.iter().map(Document::text))
        .collect();
    let unlabelled_stream = (args.folds.is_some() && !unlabelled_texts.is_empty())
        .then(|| WordStream::of_texts(&unlabelled_texts, 0));
    let resources = Resources {
        gazetteer: &gazetteer,
        clusters: clusters.as_ref(),
        unlabelled: unlabelled_stream.as_ref(),
    };
    if let Some(k) = args.folds {
        if k < 2 {
            eprintln!("taliq: --folds needs at least 2");
            return ExitCode::from(2);
        }
        let started = Instant::now();
        let reporter = Reporter::new("cross-validating");
        let cv = tagger::cross_validate(
            &docs,
            &resources,
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
            &resources,
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
