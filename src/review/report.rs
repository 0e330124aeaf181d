//! The agreement figures, per label, overall, per pair and per document, ready for `--json`.

use serde::Serialize;

use super::align::PartialDocument;
use super::alpha::AlphaTally;
use super::kappa::{FleissTally, cohen, one_vs_rest};
use super::prf::{Prf, mean};
use super::spans::SpanCounts;

/// Running sums for one pair of annotators (reference first).
#[derive(Debug, Clone, PartialEq)]
pub(super) struct PairTally {
    pub spans: Vec<SpanCounts>,
    pub confusion: Vec<Vec<u64>>,
    pub tokens: Vec<Vec<u64>>,
}

/// Running sums from which every figure follows; additive over documents.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Tally {
    pub pairs: Vec<PairTally>,
    pub spans: Vec<Vec<u64>>,
    pub only: Vec<Vec<u64>>,
    pub fleiss: FleissTally,
    pub fleiss_per_label: Vec<FleissTally>,
    pub alpha: AlphaTally,
    pub alpha_per_label: Vec<AlphaTally>,
    pub tokens: u64,
}

impl Tally {
    pub fn new(annotators: usize, labels: usize) -> Self {
        let pairs = annotators * (annotators - 1) / 2;
        Self {
            pairs: vec![
                PairTally {
                    spans: vec![SpanCounts::default(); labels],
                    confusion: vec![vec![0; labels]; labels],
                    tokens: vec![vec![0; labels + 1]; labels + 1],
                };
                pairs
            ],
            spans: vec![vec![0; labels]; annotators],
            only: vec![vec![0; labels]; annotators],
            fleiss: FleissTally::new(labels + 1, annotators),
            fleiss_per_label: vec![FleissTally::new(2, annotators); labels],
            alpha: AlphaTally::new(labels + 1),
            alpha_per_label: vec![AlphaTally::new(2); labels],
            tokens: 0,
        }
    }

    /// Empties the tally, keeping its shape, so one can be filled again without allocating.
    pub fn clear(&mut self) {
        for p in &mut self.pairs {
            p.spans.fill(SpanCounts::default());
            p.confusion.iter_mut().for_each(|row| row.fill(0));
            p.tokens.iter_mut().for_each(|row| row.fill(0));
        }
        self.spans.iter_mut().for_each(|row| row.fill(0));
        self.only.iter_mut().for_each(|row| row.fill(0));
        self.fleiss.clear();
        self.fleiss_per_label
            .iter_mut()
            .for_each(FleissTally::clear);
        self.alpha.clear();
        self.alpha_per_label.iter_mut().for_each(AlphaTally::clear);
        self.tokens = 0;
    }

    pub fn merge(&mut self, o: &Self) {
        fn add(a: &mut [Vec<u64>], b: &[Vec<u64>]) {
            for (x, y) in a.iter_mut().flatten().zip(b.iter().flatten()) {
                *x += y;
            }
        }
        for (p, q) in self.pairs.iter_mut().zip(&o.pairs) {
            for (x, y) in p.spans.iter_mut().zip(&q.spans) {
                x.add(y);
            }
            add(&mut p.confusion, &q.confusion);
            add(&mut p.tokens, &q.tokens);
        }
        add(&mut self.spans, &o.spans);
        add(&mut self.only, &o.only);
        self.fleiss.merge(&o.fleiss);
        self.alpha.merge(&o.alpha);
        for (x, y) in self.fleiss_per_label.iter_mut().zip(&o.fleiss_per_label) {
            x.merge(y);
        }
        for (x, y) in self.alpha_per_label.iter_mut().zip(&o.alpha_per_label) {
            x.merge(y);
        }
        self.tokens += o.tokens;
    }
}

/// The figures of one label (or of all labels, overall), averaged over annotator pairs.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Figures {
    /// The label, or `"overall"`.
    pub label: String,
    /// Spans of the label per annotator.
    pub spans: Vec<u64>,
    /// Exact-match span precision, recall and F1, each the mean over pairs.
    pub exact: Prf,
    /// Partial-overlap span precision, recall and F1, each the mean over pairs.
    pub partial: Prf,
    /// Cohen's kappa on tokens, mean over pairs (per label: the label against the rest).
    pub cohen_kappa: Option<f64>,
    /// Fleiss' kappa on tokens over all annotators.
    pub fleiss_kappa: Option<f64>,
    /// Krippendorff's nominal alpha on tokens over all annotators.
    pub krippendorff_alpha: Option<f64>,
    /// Krippendorff's unitizing alpha on code points over all annotators.
    pub unitizing_alpha: Option<f64>,
}

/// One pair's figures for one label (or overall).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PairFigures {
    /// The label, or `"overall"`.
    pub label: String,
    /// Exact-match span figures with the first annotator of the pair as reference.
    pub exact: Prf,
    /// Partial-overlap span figures.
    pub partial: Prf,
    /// Cohen's kappa on tokens.
    pub cohen_kappa: Option<f64>,
}

/// Overlapping spans the two annotators labelled differently, matched one to one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Confusion {
    /// The reference's label.
    pub reference_label: String,
    /// The other annotator's label.
    pub other_label: String,
    /// Matched span pairs with these labels.
    pub count: u64,
}

/// Everything about one pair of annotators.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PairReport {
    /// Index of the reference annotator.
    pub reference: usize,
    /// Index of the other annotator.
    pub other: usize,
    /// Figures per label.
    pub per_label: Vec<PairFigures>,
    /// Figures over all labels.
    pub overall: PairFigures,
    /// The label confusion, non-zero cells only.
    pub confusion: Vec<Confusion>,
}

/// Spans one annotator made that overlap no other annotator's span.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct OnlyOne {
    /// Index of the annotator.
    pub annotator: usize,
    /// The spans' label.
    pub label: String,
    /// How many.
    pub count: u64,
}

/// The overall figures of one document.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DocumentFigures {
    /// The document id.
    pub id: String,
    /// Tokens in the document.
    pub tokens: u64,
    /// Overall figures on this document alone.
    pub overall: Figures,
}

/// The whole comparison of several annotators' corpora.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Report {
    /// The annotators' names (usually their files), in the order given.
    pub annotators: Vec<String>,
    /// The labels compared.
    pub labels: Vec<String>,
    /// Documents held by every corpus, which are the ones compared.
    pub documents: usize,
    /// Tokens in the compared documents.
    pub tokens: u64,
    /// Documents held by only some corpora (not compared).
    pub partial_documents: Vec<PartialDocument>,
    /// Figures per label.
    pub per_label: Vec<Figures>,
    /// Figures over all labels.
    pub overall: Figures,
    /// Figures per pair of annotators.
    pub pairs: Vec<PairReport>,
    /// Spans only one annotator made, non-zero counts only.
    pub only_one: Vec<OnlyOne>,
    /// Overall figures per document, in the first corpus's order.
    pub per_document: Vec<DocumentFigures>,
    /// Agreement on relations and document labels.
    pub links: super::links::LinkAgreement,
}

impl Report {
    /// The label confusion as a matrix in [`Report::labels`] order: rows are the first
    /// annotator's label of a pair, columns the second's; one pair, or every pair summed.
    pub fn confusion_matrix(&self, pair: Option<usize>) -> Vec<Vec<u64>> {
        let n = self.labels.len();
        let mut matrix = vec![vec![0; n]; n];
        let index = |name: &str| self.labels.iter().position(|l| l == name);
        let pairs = match pair {
            Some(p) => self.pairs.get(p..=p).unwrap_or(&[]),
            None => &self.pairs[..],
        };
        for cell in pairs.iter().flat_map(|p| &p.confusion) {
            if let (Some(r), Some(c)) = (index(&cell.reference_label), index(&cell.other_label)) {
                matrix[r][c] += cell.count;
            }
        }
        matrix
    }
}

/// Per-label and overall figures of a tally, with the unitizing alphas (per label, overall).
pub(super) fn figures(
    tally: &Tally,
    labels: &[String],
    unitizing: &(Vec<Option<f64>>, Option<f64>),
) -> (Vec<Figures>, Figures) {
    let per_label = labels
        .iter()
        .enumerate()
        .map(|(l, name)| {
            let pair: Vec<PairFigures> = tally
                .pairs
                .iter()
                .map(|p| pair_figures(p, Some(l), name))
                .collect();
            Figures {
                label: name.clone(),
                spans: tally.spans.iter().map(|s| s[l]).collect(),
                exact: Prf::mean(&pair.iter().map(|p| p.exact).collect::<Vec<_>>()),
                partial: Prf::mean(&pair.iter().map(|p| p.partial).collect::<Vec<_>>()),
                cohen_kappa: mean(pair.iter().map(|p| p.cohen_kappa)),
                fleiss_kappa: tally.fleiss_per_label[l].kappa(),
                krippendorff_alpha: tally.alpha_per_label[l].alpha(),
                unitizing_alpha: unitizing.0[l],
            }
        })
        .collect();
    (per_label, overall_figures(tally, unitizing.1))
}

/// The figures over all labels of a tally, with the overall unitizing alpha.
pub(super) fn overall_figures(tally: &Tally, unitizing: Option<f64>) -> Figures {
    let pair: Vec<PairFigures> = tally
        .pairs
        .iter()
        .map(|p| pair_figures(p, None, "overall"))
        .collect();
    Figures {
        label: "overall".into(),
        spans: tally.spans.iter().map(|s| s.iter().sum()).collect(),
        exact: Prf::mean(&pair.iter().map(|p| p.exact).collect::<Vec<_>>()),
        partial: Prf::mean(&pair.iter().map(|p| p.partial).collect::<Vec<_>>()),
        cohen_kappa: mean(pair.iter().map(|p| p.cohen_kappa)),
        fleiss_kappa: tally.fleiss.kappa(),
        krippendorff_alpha: tally.alpha.alpha(),
        unitizing_alpha: unitizing,
    }
}

/// One pair's figures for label `l`, or over all labels when `None`.
pub(super) fn pair_figures(p: &PairTally, l: Option<usize>, name: &str) -> PairFigures {
    let mut c = SpanCounts::default();
    match l {
        Some(l) => c = p.spans[l],
        None => p.spans.iter().for_each(|s| c.add(s)),
    }
    PairFigures {
        label: name.to_owned(),
        exact: Prf::of(c.exact, c.reference, c.other),
        partial: Prf::of(c.partial, c.reference, c.other),
        cohen_kappa: match l {
            Some(l) => cohen(&one_vs_rest(&p.tokens, l + 1)),
            None => cohen(&p.tokens),
        },
    }
}

/// The confusion cells of a pair that are not zero.
pub(super) fn confusion_cells(p: &PairTally, labels: &[String]) -> Vec<Confusion> {
    let mut cells = Vec::new();
    for (i, row) in p.confusion.iter().enumerate() {
        for (j, &count) in row.iter().enumerate() {
            if count > 0 {
                cells.push(Confusion {
                    reference_label: labels[i].clone(),
                    other_label: labels[j].clone(),
                    count,
                });
            }
        }
    }
    cells
}
