//! Exact-match scores (conlleval semantics: start, end and label must all match) and K-fold
//! cross-validation.

use std::collections::{BTreeMap, HashSet};
use std::sync::atomic::AtomicBool;

use serde::Serialize;

use super::sentences::{self, GoldStats, Sentence};
use super::train::{Progress, TrainError, TrainOptions, train_sentences};
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
    gazetteer: &[(String, String)],
    options: &TrainOptions,
    progress: &dyn Fn(Progress),
    cancel: &AtomicBool,
) -> Result<Scores, TrainError> {
    let tagger = train_sentences(train, stats, gazetteer, options, progress, cancel)?;
    let predicted = tagger.predict(test);
    let mut scores = Scores::default();
    for (sentence, predictions) in test.iter().zip(&predicted) {
        let p: Vec<(CharRange, &str)> = predictions
            .iter()
            .map(|p| (p.range, p.label.as_str()))
            .collect();
        scores.add(&gold_of(docs, sentence), &p);
    }
    Ok(scores)
}

/// K-fold cross-validation over runs of sentences (every [`sentences::GROUP_SENTENCES`]
/// sentences of a document form a unit, fold = unit mod K): trains K taggers, each scored
/// on the units it did not see.
///
/// # Errors
/// As [`super::train`].
pub fn cross_validate(
    docs: &[&Document],
    gazetteer: &[(String, String)],
    options: &TrainOptions,
    folds: usize,
    progress: &dyn Fn(Progress),
    cancel: &AtomicBool,
) -> Result<Vec<Scores>, TrainError> {
    let mut stats = GoldStats::default();
    let sents = sentences::sentences(docs, Some(&mut stats));
    let folds = folds.max(2);
    let mut all = Vec::with_capacity(folds);
    for fold in 0..folds {
        let (train, test): (Vec<Sentence>, Vec<Sentence>) =
            sents.iter().cloned().partition(|s| s.group % folds != fold);
        let report = |p: Progress| {
            progress(Progress {
                fraction: (fold as f32 + p.fraction) / folds as f32,
                stage: p.stage,
            });
        };
        all.push(score_split(
            docs, &stats, &train, &test, gazetteer, options, &report, cancel,
        )?);
    }
    Ok(all)
}

/// One point of a learning curve: how well a tagger trained on part of the data does.
#[derive(Debug, Clone, PartialEq)]
pub struct CurvePoint {
    /// The share of the training units used, 0 to 1.
    pub fraction: f32,
    /// Sentences trained on.
    pub sentences: usize,
    /// Scores on the held-out fold.
    pub scores: Scores,
}

/// A learning curve: for each of `fractions`, a tagger trained on that share of the units
/// outside the first of `folds` folds (the first units in text order: the documents labelled
/// first), scored on that fold. A share holding no span gives no point.
///
/// # Errors
/// [`TrainError::Cancelled`] when cancelled.
pub fn learning_curve(
    docs: &[&Document],
    gazetteer: &[(String, String)],
    options: &TrainOptions,
    fractions: &[f32],
    folds: usize,
    progress: &dyn Fn(Progress),
    cancel: &AtomicBool,
) -> Result<Vec<CurvePoint>, TrainError> {
    let mut stats = GoldStats::default();
    let sents = sentences::sentences(docs, Some(&mut stats));
    let folds = folds.max(2);
    let (train, test): (Vec<Sentence>, Vec<Sentence>) =
        sents.into_iter().partition(|s| s.group % folds != 0);
    let units: Vec<usize> = {
        let mut g: Vec<usize> = train.iter().map(|s| s.group).collect();
        g.dedup();
        g
    };
    let mut points = Vec::with_capacity(fractions.len());
    for (i, &fraction) in fractions.iter().enumerate() {
        #[allow(
            clippy::cast_sign_loss,
            clippy::cast_possible_truncation,
            reason = "a share in 0..=1 of a unit count"
        )]
        let keep = ((units.len() as f32 * fraction.clamp(0.0, 1.0)).ceil() as usize).max(1);
        let Some(&last) = units.get(keep - 1) else {
            continue;
        };
        let part: Vec<Sentence> = train.iter().filter(|s| s.group <= last).cloned().collect();
        let report = |p: Progress| {
            progress(Progress {
                fraction: (i as f32 + p.fraction) / fractions.len() as f32,
                stage: p.stage,
            });
        };
        match score_split(
            docs, &stats, &part, &test, gazetteer, options, &report, cancel,
        ) {
            Ok(scores) => points.push(CurvePoint {
                fraction,
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
