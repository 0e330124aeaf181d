//! Exact-match scores (conlleval semantics: start, end and label must all match), K-fold
//! cross-validation over contiguous folds ([`super::folds`]) and learning curves.

use std::collections::{BTreeMap, HashSet};
use std::sync::atomic::AtomicBool;

use serde::Serialize;

use super::folds::{self, Folds, Scheme};
use super::sentences::{self, GoldStats, OUTSIDE, Sentence};
use super::train::{Progress, Resources, TrainError, TrainOptions, train_sentences};
use crate::model::{CharRange, Document};
use crate::suggest::Prediction;

/// Counts of one label.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Counts {
    /// Predicted spans that are in the gold.
    pub true_positives: usize,
    /// Predicted spans that are not.
    pub false_positives: usize,
    /// Gold spans not predicted.
    pub false_negatives: usize,
}

/// Precision, recall and F1 of some counts.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize)]
pub struct Prf {
    /// Precision.
    pub precision: f64,
    /// Recall.
    pub recall: f64,
    /// F1.
    pub f1: f64,
}

impl Counts {
    /// Its precision, recall and F1 (0 where undefined).
    pub fn prf(&self) -> Prf {
        let ratio = |a: usize, b: usize| if b == 0 { 0.0 } else { a as f64 / b as f64 };
        let precision = ratio(
            self.true_positives,
            self.true_positives + self.false_positives,
        );
        let recall = ratio(
            self.true_positives,
            self.true_positives + self.false_negatives,
        );
        let f1 = if precision + recall == 0.0 {
            0.0
        } else {
            2.0 * precision * recall / (precision + recall)
        };
        Prf {
            precision,
            recall,
            f1,
        }
    }

    fn add(&mut self, other: Counts) {
        self.true_positives += other.true_positives;
        self.false_positives += other.false_positives;
        self.false_negatives += other.false_negatives;
    }
}

/// Exact-match scores by label.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Scores {
    /// Counts by label.
    pub labels: BTreeMap<String, Counts>,
}

impl Scores {
    /// Compares predicted spans with gold spans of the same text.
    pub fn add(&mut self, gold: &[(CharRange, &str)], predicted: &[(CharRange, &str)]) {
        let gold_set: HashSet<(CharRange, &str)> = gold.iter().copied().collect();
        let predicted_set: HashSet<(CharRange, &str)> = predicted.iter().copied().collect();
        for &(range, label) in &predicted_set {
            let c = self.labels.entry(label.to_owned()).or_default();
            if gold_set.contains(&(range, label)) {
                c.true_positives += 1;
            } else {
                c.false_positives += 1;
            }
        }
        for &(range, label) in &gold_set {
            if !predicted_set.contains(&(range, label)) {
                self.labels
                    .entry(label.to_owned())
                    .or_default()
                    .false_negatives += 1;
            }
        }
    }

    /// Adds another set of scores.
    pub fn merge(&mut self, other: &Scores) {
        for (label, c) in &other.labels {
            self.labels.entry(label.clone()).or_default().add(*c);
        }
    }

    /// Compares a document's spans with predictions for it.
    pub fn add_document(&mut self, gold: &Document, predicted: &[Prediction]) {
        let g: Vec<(CharRange, &str)> = gold
            .spans()
            .iter()
            .map(|s| (s.range, s.label.as_str()))
            .collect();
        let p: Vec<(CharRange, &str)> = predicted
            .iter()
            .map(|p| (p.range, p.label.as_str()))
            .collect();
        self.add(&g, &p);
    }

    /// All labels' counts summed.
    pub fn total(&self) -> Counts {
        let mut total = Counts::default();
        for c in self.labels.values() {
            total.add(*c);
        }
        total
    }

    /// Micro-averaged figures (over all spans).
    pub fn micro(&self) -> Prf {
        self.total().prf()
    }

    /// Macro-averaged figures (the mean over labels).
    pub fn macro_average(&self) -> Prf {
        let n = self.labels.len().max(1) as f64;
        let mut m = Prf::default();
        for c in self.labels.values() {
            let p = c.prf();
            m.precision += p.precision / n;
            m.recall += p.recall / n;
            m.f1 += p.f1 / n;
        }
        m
    }

    /// A table: one row per label, then micro and macro.
    pub fn table(&self) -> String {
        use std::fmt::Write as _;
        let mut out = String::new();
        let _ = writeln!(
            out,
            "{:<10}{:>10}{:>10}{:>10}{:>8}{:>8}{:>8}",
            "label", "precision", "recall", "f1", "gold", "found", "right"
        );
        let row = |out: &mut String, name: &str, p: Prf, c: Option<Counts>| {
            let _ = write!(
                out,
                "{name:<10}{:>10.4}{:>10.4}{:>10.4}",
                p.precision, p.recall, p.f1
            );
            if let Some(c) = c {
                let _ = write!(
                    out,
                    "{:>8}{:>8}{:>8}",
                    c.true_positives + c.false_negatives,
                    c.true_positives + c.false_positives,
                    c.true_positives
                );
            }
            out.push('\n');
        };
        for (label, c) in &self.labels {
            row(&mut out, label, c.prf(), Some(*c));
        }
        row(&mut out, "micro", self.micro(), Some(self.total()));
        row(&mut out, "macro", self.macro_average(), None);
        out
    }
}

/// The gold spans of each sentence: the document's spans that start inside it.
fn gold_of<'a>(docs: &[&'a Document], sentence: &Sentence) -> Vec<(CharRange, &'a str)> {
    let (Some(first), Some(last)) = (sentence.ranges.first(), sentence.ranges.last()) else {
        return Vec::new();
    };
    docs[sentence.doc]
        .spans()
        .iter()
        .filter(|s| s.range.start() >= first.start() && s.range.start() < last.end())
        .map(|s| (s.range, s.label.as_str()))
        .collect()
}

/// Trains on `train` and scores the tagger on `test`.
#[allow(
    clippy::too_many_arguments,
    reason = "one fold's inputs, passed through from two callers"
)]
fn score_split(
    docs: &[&Document],
    stats: &GoldStats,
    train: &[Sentence],
    test: &[Sentence],
    resources: &Resources<'_>,
    options: &TrainOptions,
    progress: &dyn Fn(Progress),
    cancel: &AtomicBool,
) -> Result<Scores, TrainError> {
    let tagger = train_sentences(train, stats, resources, options, progress, cancel)?;
    Ok(score_sentences(docs, test, &tagger.predict(test)))
}

/// Scores predictions for sentences (`predicted[i]` for `test[i]`; none where missing).
fn score_sentences(docs: &[&Document], test: &[Sentence], predicted: &[Vec<Prediction>]) -> Scores {
    let mut scores = Scores::default();
    for (i, sentence) in test.iter().enumerate() {
        let p: Vec<(CharRange, &str)> = predicted
            .get(i)
            .into_iter()
            .flatten()
            .map(|p| (p.range, p.label.as_str()))
            .collect();
        scores.add(&gold_of(docs, sentence), &p);
    }
    scores
}

/// What K-fold cross-validation measured: how the folds were made and each fold's scores.
#[derive(Debug, Clone, PartialEq)]
pub struct CrossValidation {
    /// The folds.
    pub folds: Folds,
    /// Each fold's scores, in fold order.
    pub scores: Vec<Scores>,
}

impl CrossValidation {
    /// Every fold's counts pooled.
    pub fn pooled(&self) -> Scores {
        let mut total = Scores::default();
        for fold in &self.scores {
            total.merge(fold);
        }
        total
    }

    /// The mean of the folds' micro F1 (0 without folds).
    pub fn mean_f1(&self) -> f64 {
        let n = self.scores.len().max(1) as f64;
        self.scores.iter().map(|s| s.micro().f1).sum::<f64>() / n
    }
}

/// K-fold cross-validation over folds of contiguous documents in corpus order, or of
/// contiguous sentence blocks when there are fewer documents than folds (see
/// [`folds::assign`]): trains a tagger per fold on the others and scores it on that fold.
///
/// A fold without a span outside it scores as a tagger that finds nothing.
///
/// # Errors
/// As [`super::train`]; [`TrainError::TooFewSentences`] with fewer than two sentences.
pub fn cross_validate(
    docs: &[&Document],
    resources: &Resources<'_>,
    options: &TrainOptions,
    folds: usize,
    progress: &dyn Fn(Progress),
    cancel: &AtomicBool,
) -> Result<CrossValidation, TrainError> {
    let mut stats = GoldStats::default();
    let sents = sentences::sentences(docs, Some(&mut stats));
    let ids: Vec<usize> = sents.iter().map(|s| s.doc).collect();
    if sents.iter().all(|s| s.gold.iter().all(|t| t == OUTSIDE)) {
        return Err(TrainError::NoSpans);
    }
    let folds = folds::assign(&ids, folds.max(2));
    if folds.count() < 2 {
        return Err(TrainError::TooFewSentences {
            sentences: sents.len(),
        });
    }
    // Each fold's tagger learns its clusters from its own training text and the unlabelled
    // text, never from the held-out fold's: a tagger used on new text has not clustered it.
    let resources = Resources {
        clusters: None,
        ..*resources
    };
    let scores = score_folds(
        docs, &stats, &sents, &folds.of, &resources, options, progress, cancel,
    )?;
    Ok(CrossValidation { folds, scores })
}

/// Scores of each fold of sentences assigned to folds by `fold_of` (`0..K`, each fold
/// non-empty): a tagger trained on the other folds, scored on it.
#[allow(
    clippy::too_many_arguments,
    reason = "cross-validation's inputs, passed through to each split"
)]
pub(super) fn score_folds(
    docs: &[&Document],
    stats: &GoldStats,
    sents: &[Sentence],
    fold_of: &[usize],
    resources: &Resources<'_>,
    options: &TrainOptions,
    progress: &dyn Fn(Progress),
    cancel: &AtomicBool,
) -> Result<Vec<Scores>, TrainError> {
    let count = fold_of.iter().max().map_or(0, |f| f + 1);
    let mut all = Vec::with_capacity(count);
    for fold in 0..count {
        let (mut train, mut test) = (Vec::new(), Vec::new());
        for (s, &f) in sents.iter().zip(fold_of) {
            if f == fold {
                test.push(s.clone());
            } else {
                train.push(s.clone());
            }
        }
        let report = |p: Progress| {
            progress(Progress {
                fraction: (fold as f32 + p.fraction) / count as f32,
                fold: Some((fold + 1, count)),
                ..p
            });
        };
        let scores = match score_split(
            docs, stats, &train, &test, resources, options, &report, cancel,
        ) {
            // No span outside this fold: a tagger that learnt nothing finds nothing.
            Err(TrainError::NoSpans) => score_sentences(docs, &test, &[]),
            scores => scores?,
        };
        progress(Progress {
            fraction: (fold + 1) as f32 / count as f32,
            stage: "fold scored",
            fold: Some((fold + 1, count)),
            fold_f1: Some(scores.micro().f1),
            ..Progress::default()
        });
        all.push(scores);
    }
    Ok(all)
}

/// One point of a learning curve: how well a tagger trained on part of the data does.
#[derive(Debug, Clone, PartialEq)]
pub struct CurvePoint {
    /// The share of the training documents (or sentence blocks) used, 0 to 1.
    pub fraction: f32,
    /// Documents trained on (with a sentence in the training share).
    pub documents: usize,
    /// Sentences trained on.
    pub sentences: usize,
    /// Scores on the held-out fold.
    pub scores: Scores,
}

/// A learning curve: the data cut into `folds` folds as [`cross_validate`] cuts it, the
/// last fold (the text labelled last) held out; for each of `fractions`, a tagger trained
/// on that share of the other folds' documents — whole documents, the first in corpus
/// order, or sentences when the folds are sentence blocks — and scored on the held-out
/// fold. A share holding no span gives no point; too little text for two folds, none.
///
/// # Errors
/// [`TrainError::Cancelled`] when cancelled.
pub fn learning_curve(
    docs: &[&Document],
    resources: &Resources<'_>,
    options: &TrainOptions,
    fractions: &[f32],
    folds: usize,
    progress: &dyn Fn(Progress),
    cancel: &AtomicBool,
) -> Result<Vec<CurvePoint>, TrainError> {
    let mut stats = GoldStats::default();
    let sents = sentences::sentences(docs, Some(&mut stats));
    let ids: Vec<usize> = sents.iter().map(|s| s.doc).collect();
    let folds = folds::assign(&ids, folds.max(2));
    if folds.count() < 2 {
        return Ok(Vec::new());
    }
    // As in cross-validation: clusters of each training share and the unlabelled text only.
    let resources = &Resources {
        clusters: None,
        ..*resources
    };
    let held_out = folds.count() - 1;
    let mut train = Vec::new();
    let mut test = Vec::new();
    for (s, &fold) in sents.into_iter().zip(&folds.of) {
        if fold == held_out {
            test.push(s);
        } else {
            train.push(s);
        }
    }
    // Where each unit (a document, or a sentence for sentence blocks) of the training part starts.
    let unit_starts: Vec<usize> = (0..train.len())
        .filter(|&i| {
            folds.scheme == Scheme::SentenceBlocks || i == 0 || train[i - 1].doc != train[i].doc
        })
        .collect();
    let mut points = Vec::with_capacity(fractions.len());
    for (i, &fraction) in fractions.iter().enumerate() {
        #[allow(
            clippy::cast_sign_loss,
            clippy::cast_possible_truncation,
            reason = "a share in 0..=1 of a unit count"
        )]
        let keep = ((unit_starts.len() as f32 * fraction.clamp(0.0, 1.0)).ceil() as usize).max(1);
        let end = unit_starts.get(keep).copied().unwrap_or(train.len());
        let part = &train[..end];
        let report = |p: Progress| {
            progress(Progress {
                fraction: (i as f32 + p.fraction) / fractions.len() as f32,
                ..p
            });
        };
        match score_split(
            docs, &stats, part, &test, resources, options, &report, cancel,
        ) {
            Ok(scores) => points.push(CurvePoint {
                fraction,
                documents: part
                    .iter()
                    .enumerate()
                    .filter(|&(j, s)| j == 0 || part[j - 1].doc != s.doc)
                    .count(),
                sentences: part.len(),
                scores,
            }),
            Err(TrainError::NoSpans) => {}
            Err(e) => return Err(e),
        }
    }
    Ok(points)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exact_match_needs_start_end_and_label() {
        let mut s = Scores::default();
        let r = |a, b| CharRange::between(a, b);
        s.add(
            &[(r(0, 5), "PER"), (r(6, 10), "LOC"), (r(11, 14), "ORG")],
            &[(r(0, 5), "PER"), (r(6, 9), "LOC"), (r(11, 14), "LOC")],
        );
        assert_eq!(s.labels["PER"].true_positives, 1);
        assert_eq!(s.labels["LOC"].false_positives, 2);
        assert_eq!(s.labels["LOC"].false_negatives, 1);
        assert_eq!(s.labels["ORG"].false_negatives, 1);
        let micro = s.micro();
        assert!((micro.precision - 1.0 / 3.0).abs() < 1e-12);
        assert!((micro.recall - 1.0 / 3.0).abs() < 1e-12);
        let macro_f1 = s.macro_average().f1;
        assert!((macro_f1 - 1.0 / 3.0).abs() < 1e-12, "PER 1, LOC 0, ORG 0");
    }
}
