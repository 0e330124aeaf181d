//! Review: compare several annotators' corpora and measure their agreement.
//!
//! [`agree`] lines the corpora up by document id ([`align`]), then compares spans
//! ([`spans`]: exact and partial P/R/F1, label confusion, spans only one annotator made)
//! and token labels ([`tokens`], tokens from [`crate::tokenize::tokenize`]: Cohen's and
//! Fleiss' kappa in [`kappa`], Krippendorff's nominal alpha in [`alpha`]) and the
//! code-point continuum (unitizing alpha, [`unitizing`]). The definitions
//! are in `docs/agreement.md`.

pub mod align;
pub mod alpha;
pub mod gold;
pub mod kappa;
pub mod report;
pub mod session;
pub mod spans;
pub mod tokens;
pub mod unitizing;

pub use align::{AlignError, Alignment, PartialDocument, align};
pub use report::{
    Confusion, DocumentFigures, Figures, OnlyOne, PairFigures, PairReport, Prf, Report,
};

use crate::model::{Corpus, Document, Span};
use report::Tally;

/// Label names of the corpora, in order of first appearance, with any span label not declared.
fn label_names(corpora: &[Corpus], alignment: &Alignment<'_>) -> Vec<String> {
    let mut names: Vec<String> = Vec::new();
    let declared = corpora
        .iter()
        .flat_map(|c| c.labels.iter().map(|l| l.name.as_str()));
    let used = alignment
        .common
        .iter()
        .flatten()
        .flat_map(|d| d.spans().iter().map(|s| s.label.as_str()));
    for name in declared.chain(used) {
        if !names.iter().any(|n| n == name) {
            names.push(name.to_owned());
        }
    }
    names
}

/// The tally of one document, given every annotator's version of it, into `tally` (emptied first).
fn tally_document(versions: &[&Document], labels: &[String], tally: &mut Tally) {
    let index = |name: &str| {
        labels
            .iter()
            .position(|l| l == name)
            .expect("every span label is in the label list")
    };
    let annotators = versions.len();
    tally.clear();
    let spans: Vec<&[Span]> = versions.iter().map(|d| d.spans()).collect();
    for (i, s) in spans.iter().enumerate() {
        for span in *s {
            tally.spans[i][index(&span.label)] += 1;
        }
    }
    spans::only_one(&spans, &index, &mut tally.only);

    let tokens = crate::tokenize::tokenize(versions[0].text());
    let token_labels: Vec<Vec<usize>> = spans
        .iter()
        .map(|s| tokens::token_labels(&tokens, s, &index))
        .collect();
    tally.tokens = tokens.len() as u64;
    let mut pair = 0;
    for a in 0..annotators {
        for b in a + 1..annotators {
            let p = &mut tally.pairs[pair];
            spans::compare(spans[a], spans[b], &index, &mut p.spans, &mut p.confusion);
            for (&x, &y) in token_labels[a].iter().zip(&token_labels[b]) {
                p.tokens[x][y] += 1;
            }
            pair += 1;
        }
    }
    let mut counts = vec![0_u64; labels.len() + 1];
    for t in 0..tokens.len() {
        counts.fill(0);
        for labels_of in &token_labels {
            counts[labels_of[t]] += 1;
        }
        tally.fleiss.add_unit(&counts);
        tally.alpha.add_unit(&counts);
        let m = annotators as u64;
        for l in 0..labels.len() {
            let binary = [counts[l + 1], m - counts[l + 1]];
            tally.fleiss_per_label[l].add_unit(&binary);
            tally.alpha_per_label[l].add_unit(&binary);
        }
    }
}

/// Unitizing alpha per label and over all labels, on the documents laid end to end.
///
/// Each document's offsets are shifted by the lengths of the documents before it, so the
/// corpus is one continuum, as in Krippendorff's definition.
fn unitizing_alphas<'a>(
    documents: impl Iterator<Item = &'a [&'a Document]> + Clone,
    annotators: usize,
    labels: &[String],
) -> (Vec<Option<f64>>, Option<f64>) {
    let len: u64 = documents.clone().map(|v| v[0].char_len() as u64).sum();
    let mut units = vec![vec![Vec::new(); annotators]; labels.len()];
    let mut shift = 0;
    for versions in documents {
        for (i, doc) in versions.iter().enumerate() {
            for s in doc.spans() {
                if let Some(l) = labels.iter().position(|n| *n == s.label) {
                    units[l][i]
                        .push((shift + s.range.start() as u64, shift + s.range.end() as u64));
                }
            }
        }
        shift += versions[0].char_len() as u64;
    }
    let mut total = unitizing::Disagreement::default();
    let per_label = units
        .into_iter()
        .map(|per_annotator| {
            let per_annotator: Vec<_> =
                per_annotator.into_iter().map(unitizing::disjoint).collect();
            let d = unitizing::disagreement(len, &per_annotator);
            total.observed += d.observed;
            total.expected += d.expected;
            d.alpha()
        })
        .collect();
    (per_label, total.alpha())
}

/// Compares the corpora of several annotators over the documents they all hold.
///
/// `names` names the annotators in reports (one per corpus, e.g. the file names).
///
/// # Errors
/// When fewer than two corpora are given or a document's text differs between them.
pub fn agree(corpora: &[Corpus], names: &[String]) -> Result<Report, AlignError> {
    let alignment = align(corpora)?;
    let labels = label_names(corpora, &alignment);
    let mut total = Tally::new(corpora.len(), labels.len());
    let mut per_document = Vec::with_capacity(alignment.common.len());
    let mut tally = Tally::new(corpora.len(), labels.len());
    for versions in &alignment.common {
        tally_document(versions, &labels, &mut tally);
        total.merge(&tally);
        let (_, unitizing) =
            unitizing_alphas(std::iter::once(versions.as_slice()), corpora.len(), &labels);
        let overall = report::overall_figures(&tally, unitizing);
        per_document.push(DocumentFigures {
            id: versions[0].id.clone(),
            tokens: tally.tokens,
            overall,
        });
    }
    let unitizing = unitizing_alphas(
        alignment.common.iter().map(Vec::as_slice),
        corpora.len(),
        &labels,
    );
    let (per_label, overall) = report::figures(&total, &labels, &unitizing);
    let mut pairs = Vec::new();
    let mut p = 0;
    for a in 0..corpora.len() {
        for b in a + 1..corpora.len() {
            let tally = &total.pairs[p];
            pairs.push(PairReport {
                reference: a,
                other: b,
                per_label: labels
                    .iter()
                    .enumerate()
                    .map(|(l, name)| report::pair_figures(tally, Some(l), name))
                    .collect(),
                overall: report::pair_figures(tally, None, "overall"),
                confusion: report::confusion_cells(tally, &labels),
            });
            p += 1;
        }
    }
    let only_one = total
        .only
        .iter()
        .enumerate()
        .flat_map(|(annotator, row)| {
            row.iter()
                .zip(&labels)
                .filter(|(n, _)| **n > 0)
                .map(move |(&count, label)| OnlyOne {
                    annotator,
                    label: label.clone(),
                    count,
                })
        })
        .collect();
    Ok(Report {
        annotators: names.to_vec(),
        labels,
        documents: alignment.common.len(),
        tokens: total.tokens,
        partial_documents: alignment.partial,
        per_label,
        overall,
        pairs,
        only_one,
        per_document,
    })
}
