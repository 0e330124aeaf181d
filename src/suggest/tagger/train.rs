//! Training: features with a cross-fold lexicon, then the CRF's weights by L-BFGS on all
//! cores, with progress reports and a cancel flag for a worker thread.

use std::collections::{BTreeSet, HashMap};
use std::sync::atomic::{AtomicBool, Ordering};

use super::clusters::{Clusters, WordStream};
use super::crf::{Crf, Lattice};
use super::features::{Vocabulary, WordInfo};
use super::lbfgs;
use super::lexicon::Lexicon;
use super::model::{FeatureIndex, Stage, Tagger, TrainingSummary};
use super::second_stage;
use super::sentences::{self, GoldStats, OUTSIDE, Sentence};
use crate::model::Document;

/// How to train.
#[derive(Debug, Clone, Copy)]
#[allow(clippy::struct_excessive_bools)] // independent switches, each its own CLI flag
pub struct TrainOptions {
    /// L-BFGS iterations at most.
    pub max_iterations: usize,
    /// L2 penalty `c2` (the objective adds `c2 · |w|²`, as crfsuite does).
    pub c2: f64,
    /// Folds for the lexicon features of the training sentences (each sentence sees a
    /// lexicon built without its own fold).
    pub lexicon_folds: usize,
    /// Features seen fewer times than this in training are dropped.
    pub min_feature_count: u32,
    /// After training, features whose weights are all below this in magnitude are dropped
    /// ([`super::prune`]; 0 keeps every feature). A model with a second stage keeps all.
    pub min_weight: f64,
    /// Threads for the optimiser (0: all cores).
    pub threads: usize,
    /// Learn word clusters from the training text and use them as features.
    pub word_clusters: bool,
    /// Suggest a name found once at its other mentions in the document.
    pub propagate: bool,
    /// Let each token see the neighbours of its stem's other mentions in its document
    /// ([`super::aggregate`]).
    pub aggregate: bool,
    /// Train a second stage that sees the first stage's predictions for the same stem
    /// elsewhere in the document ([`super::second_stage`]).
    pub second_stage: bool,
    /// Folds of the jackknife: each of its first-stage models predicts one fold of the
    /// training sentences (contiguous documents or sentence blocks) for the second stage,
    /// trained on the others.
    pub jackknife_folds: usize,
    /// L-BFGS iterations of each jackknife first-stage model that predicts the training
    /// sentences for the second stage.
    pub jackknife_iterations: usize,
    /// L-BFGS iterations of the second stage (it starts from the first stage's weights).
    pub second_stage_iterations: usize,
}

impl Default for TrainOptions {
    fn default() -> Self {
        Self {
            max_iterations: 150,
            c2: 0.1,
            lexicon_folds: 5,
            min_feature_count: 1,
            min_weight: 0.01,
            threads: 0,
            word_clusters: true,
            propagate: true,
            aggregate: true,
            // Off until it trains within the time goal: about twice the training time for
            // +0.5 F1 in the honest CV (docs/suggestions.md).
            second_stage: false,
            jackknife_folds: 5,
            jackknife_iterations: 40,
            second_stage_iterations: 30,
        }
    }
}

/// Where training is, for a progress bar.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Progress {
    /// Share done, 0 to 1.
    pub fraction: f32,
    /// What it is doing.
    pub stage: &'static str,
    /// The L-BFGS iteration done and the most there will be, while training.
    pub iteration: Option<(usize, usize)>,
    /// The fold being trained (from 1) and how many, while cross-validating.
    pub fold: Option<(usize, usize)>,
    /// The micro F1 of the fold just scored (once per fold, while cross-validating).
    pub fold_f1: Option<f64>,
}

/// Why training gave no model.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TrainError {
    /// The cancel flag was raised.
    #[error("training was cancelled")]
    Cancelled,
    /// Nothing to learn from.
    #[error("no spans to learn from: label some text first")]
    NoSpans,
    /// Too little text to cut into folds.
    #[error("{sentences} sentences are too few to cross-validate")]
    TooFewSentences {
        /// The sentences there were.
        sentences: usize,
    },
}

/// What training may use besides the labelled documents.
#[derive(Debug, Clone, Copy, Default)]
pub struct Resources<'a> {
    /// User gazetteer entries as `(label, name)`.
    pub gazetteer: &'a [(String, String)],
    /// Word clusters learned beforehand (from the training text and unlabelled text, e.g.
    /// read from a cache); without them, training learns clusters from its own text and
    /// [`Self::unlabelled`] when [`TrainOptions::word_clusters`] is on. Cross-validation and
    /// learning curves never use these: each of their taggers learns its own clusters, so
    /// that no held-out text was clustered.
    pub clusters: Option<&'a Clusters>,
    /// Unlabelled text to learn word clusters from, besides the training text.
    pub unlabelled: Option<&'a WordStream>,
}

impl<'a> Resources<'a> {
    /// Only user gazetteer entries.
    pub fn gazetteer(gazetteer: &'a [(String, String)]) -> Self {
        Self {
            gazetteer,
            clusters: None,
            unlabelled: None,
        }
    }
}

/// Trains a tagger on every span of `docs`.
///
/// Call it from a worker thread: `progress` is told how far it is, and raising `cancel`
/// stops it within one optimiser iteration.
///
/// # Errors
/// [`TrainError::NoSpans`] without spans; [`TrainError::Cancelled`] when cancelled.
pub fn train(
    docs: &[&Document],
    resources: &Resources<'_>,
    options: &TrainOptions,
    progress: &dyn Fn(Progress),
    cancel: &AtomicBool,
) -> Result<Tagger, TrainError> {
    let mut stats = GoldStats::default();
    let sents = sentences::sentences(docs, Some(&mut stats));
    let mut tagger = train_sentences(&sents, &stats, resources, options, progress, cancel)?;
    tagger.summary.documents = docs.len();
    Ok(tagger)
}

/// Trains on sentences with gold tags (what [`train`] and cross-validation share).
#[allow(clippy::too_many_lines)] // one pipeline: lexicon per fold, features, CRF
pub(super) fn train_sentences(
    sents: &[Sentence],
    stats: &GoldStats,
    resources: &Resources<'_>,
    options: &TrainOptions,
    progress: &dyn Fn(Progress),
    cancel: &AtomicBool,
) -> Result<Tagger, TrainError> {
    progress(Progress {
        fraction: 0.0,
        stage: "features",
        ..Progress::default()
    });
    let tag_names: BTreeSet<&str> = sents
        .iter()
        .flat_map(|s| s.gold.iter().map(String::as_str))
        .filter(|t| *t != OUTSIDE)
        .collect();
    if tag_names.is_empty() {
        return Err(TrainError::NoSpans);
    }
    let mut tags = vec![OUTSIDE.to_owned()];
    tags.extend(tag_names.iter().map(|t| (*t).to_owned()));
    let tag_id: HashMap<&str, u16> = tags
        .iter()
        .enumerate()
        .map(|(i, t)| (t.as_str(), i as u16))
        .collect();
    let labels: Vec<String> = tag_names
        .iter()
        .filter_map(|t| t.split_once('-').map(|(_, l)| l.to_owned()))
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect();

    let vocab = Vocabulary::of(sents);
    let clusters = match resources.clusters {
        Some(clusters) => clusters.clone(),
        None if options.word_clusters => {
            let report = |fraction: f32| {
                progress(Progress {
                    fraction: 0.05 * fraction,
                    stage: "word clusters",
                    ..Progress::default()
                });
            };
            learn_clusters(sents, resources.unlabelled, &report, cancel)
                .ok_or(TrainError::Cancelled)?
        }
        None => Clusters::default(),
    };
    // The lexicon's folds are contiguous, as cross-validation's are: a sentence must not see
    // a lexicon built from its neighbours, which share its names.
    let doc_ids: Vec<usize> = sents.iter().map(|s| s.doc).collect();
    let lexicon_fold = super::folds::assign(&doc_ids, options.lexicon_folds.max(2));
    let folds = lexicon_fold.count();
    let aggregated = options
        .aggregate
        .then(|| super::aggregate::features(sents, &vocab, &clusters));
    let mut hashes_per_sentence: Vec<Vec<u64>> = vec![Vec::new(); sents.len()];
    let mut starts_per_sentence: Vec<Vec<usize>> = vec![Vec::new(); sents.len()];
    let mut lex = Vec::new();
    for fold in 0..folds {
        if cancel.load(Ordering::Relaxed) {
            return Err(TrainError::Cancelled);
        }
        let mut lexicon = Lexicon::from_sentences(sents, &vocab.ids, &vocab.infos, |s| {
            lexicon_fold.of[s] != fold
        });
        lexicon.add_gazetteer(resources.gazetteer);
        for s in 0..sents.len() {
            if lexicon_fold.of[s] != fold {
                continue;
            }
            let words = vocab.words(s);
            lexicon.features(&words, &mut lex);
            clusters.features(&words, &mut lex);
            let hashes = &mut hashes_per_sentence[s];
            let token_starts = &mut starts_per_sentence[s];
            token_starts.push(0);
            for t in 0..words.len() {
                let own = aggregated.as_ref().map(|a| a[s].as_slice());
                super::window::token_features(&words, &lex, own, t, |f| hashes.push(f));
                token_starts.push(hashes.len());
            }
        }
    }
    let mut counts: HashMap<u64, u32, std::hash::BuildHasherDefault<super::model::PassThrough>> =
        HashMap::default();
    for hashes in &hashes_per_sentence {
        for &h in hashes {
            *counts.entry(h).or_default() += 1;
        }
    }
    let mut kept: Vec<u64> = counts
        .iter()
        .filter(|(_, n)| **n >= options.min_feature_count)
        .map(|(h, _)| *h)
        .collect();
    kept.sort_unstable();
    let index: FeatureIndex = kept
        .iter()
        .enumerate()
        .map(|(i, h)| (*h, i as u32))
        .collect();
    drop(counts);
    let mut sentence_of = Vec::with_capacity(sents.len());
    let data: Vec<TrainSentence> = hashes_per_sentence
        .into_iter()
        .zip(starts_per_sentence)
        .zip(sents)
        .enumerate()
        .filter(|(_, (_, s))| !s.words.is_empty())
        .map(|(i, ((hashes, starts), s))| {
            sentence_of.push(i);
            let mut rows = Vec::with_capacity(hashes.len());
            let mut row_starts = Vec::with_capacity(starts.len());
            row_starts.push(0);
            for w in starts.windows(2) {
                rows.extend(
                    hashes[w[0]..w[1]]
                        .iter()
                        .filter_map(|h| index.get(h).copied()),
                );
                row_starts.push(rows.len());
            }
            TrainSentence {
                rows,
                starts: row_starts,
                gold: s.gold.iter().map(|t| tag_id[t.as_str()]).collect(),
            }
        })
        .collect();

    // The second stage needs honest first-stage predictions: at least two folds.
    let jackknife = super::folds::assign(&doc_ids, options.jackknife_folds.max(2));
    let second_stage = options.second_stage && jackknife.count() >= 2;
    let first_end = if second_stage { 0.45 } else { 1.0 };
    let mut crf = Crf::new(tags.len(), kept.len());
    let refs: Vec<&TrainSentence> = data.iter().collect();
    let iterations = fit(
        &mut crf,
        &refs,
        options,
        &FitSpan {
            stage: "training",
            from: 0.05,
            to: first_end,
            max_iterations: options.max_iterations,
        },
        progress,
        cancel,
    )?;
    drop(refs);
    let second = if second_stage {
        let words: Vec<Vec<&WordInfo>> = (0..sents.len()).map(|s| vocab.words(s)).collect();
        let first = second_stage::FirstStage {
            sents,
            words: &words,
            data: &data,
            sentence_of: &sentence_of,
            fold_of: &jackknife.of,
            folds: jackknife.count(),
            crf: &crf,
            tags: &tags,
        };
        Some(second_stage::train(
            &first,
            options,
            progress,
            (first_end, 1.0),
            cancel,
        )?)
    } else {
        None
    };
    let mut lexicon = Lexicon::from_sentences(sents, &vocab.ids, &vocab.infos, |_| true);
    lexicon.add_gazetteer(resources.gazetteer);
    let spans = sents
        .iter()
        .map(|s| {
            s.gold
                .iter()
                .filter(|t| t.starts_with("B-") || t.starts_with("P-"))
                .count()
        })
        .sum();
    progress(Progress {
        fraction: 1.0,
        stage: "done",
        ..Progress::default()
    });
    let mut stage = Stage::new(index, crf);
    if second.is_none() && options.min_weight > 0.0 {
        stage = stage.without_weak_rows(options.min_weight);
    }
    let features = stage.crf.features;
    Ok(Tagger {
        labels,
        tags,
        stage,
        second,
        lexicon,
        clusters,
        propagate: options.propagate,
        aggregate: options.aggregate,
        cuts: stats.cuts.clone(),
        summary: TrainingSummary {
            documents: 0,
            spans,
            skipped_spans: stats.unrepresentable,
            tokens: data.iter().map(|s| s.gold.len()).sum(),
            features,
            iterations,
        },
    })
}

/// Clusters learned from the words of some sentences and, if given, unlabelled text.
/// `None` when `cancel` rises.
fn learn_clusters(
    sents: &[Sentence],
    unlabelled: Option<&WordStream>,
    progress: &dyn Fn(f32),
    cancel: &AtomicBool,
) -> Option<Clusters> {
    let mut stream = unlabelled.cloned().unwrap_or_default();
    for s in sents {
        stream.add_sentence(
            s.words
                .iter()
                .map(|w| crate::annotate::search::fold_word(w)),
        );
    }
    Clusters::learn_stream(&stream, progress, cancel)
}

/// A training sentence as emission rows and gold tag indices.
pub(super) struct TrainSentence {
    /// Every token's emission rows, concatenated.
    pub rows: Vec<u32>,
    /// Where each token's rows start in `rows` (one more entry than tokens).
    pub starts: Vec<usize>,
    /// The gold tag of each token.
    pub gold: Vec<u16>,
}

impl TrainSentence {
    /// Token slices of the rows.
    pub fn tokens(&self) -> Vec<&[u32]> {
        self.starts
            .windows(2)
            .map(|w| &self.rows[w[0]..w[1]])
            .collect()
    }
}

/// Contiguous parts of about equal token counts, one per thread.
fn split_by_tokens<'a, 'b>(
    data: &'a [&'b TrainSentence],
    threads: usize,
) -> Vec<&'a [&'b TrainSentence]> {
    let total: usize = data.iter().map(|s| s.gold.len()).sum();
    let mut parts: Vec<&[&TrainSentence]> = Vec::new();
    let mut begin = 0;
    let mut acc = 0;
    for (i, s) in data.iter().enumerate() {
        acc += s.gold.len();
        if acc * threads >= total * (parts.len() + 1) && parts.len() + 1 < threads {
            parts.push(&data[begin..=i]);
            begin = i + 1;
        }
    }
    parts.push(&data[begin..]);
    parts
}

/// Which fit this is, for the progress bar: its stage name, the share of the bar it runs
/// over, and its iterations at most.
pub(super) struct FitSpan {
    /// What the bar says.
    pub stage: &'static str,
    /// Where on the bar the fit starts.
    pub from: f32,
    /// Where it ends.
    pub to: f32,
    /// L-BFGS iterations at most.
    pub max_iterations: usize,
}

/// Fits the CRF's weights (starting from the ones it has) to the data by L-BFGS; returns
/// the iterations done.
pub(super) fn fit(
    crf: &mut Crf,
    data: &[&TrainSentence],
    options: &TrainOptions,
    span: &FitSpan,
    progress: &dyn Fn(Progress),
    cancel: &AtomicBool,
) -> Result<usize, TrainError> {
    let threads = if options.threads == 0 {
        std::thread::available_parallelism().map_or(1, std::num::NonZero::get)
    } else {
        options.threads
    }
    .clamp(1, data.len().max(1));
    let parts = split_by_tokens(data, threads);
    let (tags, features) = (crf.tags, crf.features);
    let mut buffers: Vec<Vec<f64>> = vec![vec![0.0; crf.weights.len()]; parts.len()];
    let c2 = options.c2;
    let par = lbfgs::Parallel { threads };
    let objective = |weights: &[f64], grad: &mut [f64]| -> f64 {
        let model = Crf {
            tags,
            features,
            weights: Vec::new(),
        };
        let exp_trans = model.exp_transitions(weights);
        let values: Vec<f64> = std::thread::scope(|scope| {
            let handles: Vec<_> = parts
                .iter()
                .zip(buffers.iter_mut())
                .map(|(part, buffer)| {
                    let (model, exp_trans) = (&model, &exp_trans);
                    scope.spawn(move || {
                        buffer.fill(0.0);
                        let mut lattice = Lattice::default();
                        let mut value = 0.0;
                        for s in *part {
                            let tokens = s.tokens();
                            model.emissions(weights, &tokens, &mut lattice);
                            model.forward_backward(weights, exp_trans, &mut lattice);
                            value += model.accumulate_gradient(
                                weights, exp_trans, &tokens, &s.gold, &lattice, buffer,
                            );
                        }
                        value
                    })
                })
                .collect();
            handles
                .into_iter()
                .map(|h| h.join().unwrap_or(f64::NAN))
                .collect()
        });
        let value: f64 = values.iter().sum();
        let buffers = &buffers;
        par.for_parts(grad, |at, part| {
            let end = at + part.len();
            part.copy_from_slice(&buffers[0][at..end]);
            for buffer in &buffers[1..] {
                for (g, b) in part.iter_mut().zip(&buffer[at..end]) {
                    *g += b;
                }
            }
            for (g, w) in part.iter_mut().zip(&weights[at..end]) {
                *g += 2.0 * c2 * w;
            }
        });
        value
            + par.sum(weights.len(), |r| {
                c2 * weights[r].iter().map(|w| w * w).sum::<f64>()
            })
    };
    let settings = lbfgs::Settings {
        memory: 6,
        max_iterations: span.max_iterations,
        delta: 1e-5,
        threads,
    };
    let mut cancelled = false;
    let iterations = lbfgs::minimize(&mut crf.weights, settings, objective, |iteration, _| {
        let done = iteration as f32 / span.max_iterations.max(1) as f32;
        progress(Progress {
            fraction: span.from + (span.to - span.from) * done.min(1.0),
            stage: span.stage,
            iteration: Some((iteration, span.max_iterations)),
            ..Progress::default()
        });
        cancelled = cancel.load(Ordering::Relaxed);
        !cancelled
    });
    if cancelled {
        return Err(TrainError::Cancelled);
    }
    // The model file keeps f32 weights: round now so a loaded model tags exactly as this one.
    for w in &mut crf.weights {
        *w = f64::from(*w as f32);
    }
    Ok(iterations)
}
