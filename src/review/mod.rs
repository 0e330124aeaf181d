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
pub mod links;
pub mod prf;
pub mod report;
pub mod session;
pub mod spans;
pub mod tokens;
pub mod unitizing;

pub use align::{AlignError, Alignment, PartialDocument, align};
pub use prf::Prf;
pub use report::{Confusion, DocumentFigures, Figures, OnlyOne, PairFigures, PairReport, Report};

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

/// The document labels the corpora declare, in order of first appearance.
fn document_label_names(corpora: &[Corpus]) -> Vec<String> {
    let mut names: Vec<String> = Vec::new();
    for label in corpora.iter().flat_map(|c| &c.document_labels) {
        if !names.contains(&label.name) {
            names.push(label.name.clone());
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

/// The result of a scoped thread; a panic in it is passed on as if it had happened here.
fn rejoin<T>(handle: std::thread::ScopedJoinHandle<'_, T>) -> T {
    handle
        .join()
        .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
}

/// Documents from which [`agree`] tallies on two threads.
const PARALLEL_DOCUMENTS: usize = 256;

/// The summed tally of `documents` and each one's own figures.
fn tally_documents(
    documents: &[Vec<&Document>],
    annotators: usize,
    labels: &[String],
) -> (Tally, Vec<DocumentFigures>) {
    let mut total = Tally::new(annotators, labels.len());
    let mut per_document = Vec::with_capacity(documents.len());
    let mut tally = Tally::new(annotators, labels.len());
    for versions in documents {
        tally_document(versions, labels, &mut tally);
        total.merge(&tally);
        let (_, unitizing) =
            unitizing_alphas(std::iter::once(versions.as_slice()), annotators, labels);
        let overall = report::overall_figures(&tally, unitizing);
        per_document.push(DocumentFigures {
            id: versions[0].id.clone(),
            tokens: tally.tokens,
            overall,
        });
    }
    (total, per_document)
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
    let common = alignment.common.as_slice();
    // Documents are independent: past a few hundred, the second half is tallied on another
    // thread, and the continuum's alpha (over all documents at once) on a third.
    let ((mut total, mut per_document), second, unitizing) = std::thread::scope(|scope| {
        let split = if common.len() >= PARALLEL_DOCUMENTS {
            common.len() / 2
        } else {
            common.len()
        };
        let (first, rest) = common.split_at(split);
        let labels = labels.as_slice();
        let second = (!rest.is_empty())
            .then(|| scope.spawn(move || tally_documents(rest, corpora.len(), labels)));
        let whole = scope.spawn(move || {
            unitizing_alphas(common.iter().map(Vec::as_slice), corpora.len(), labels)
        });
        let first = tally_documents(first, corpora.len(), labels);
        let second = second.map(rejoin);
        (first, second, rejoin(whole))
    });
    if let Some((tally, documents)) = second {
        total.merge(&tally);
        per_document.extend(documents);
    }
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
        links: links::link_agreement(common, &document_label_names(corpora)),
        partial_documents: alignment.partial,
        per_label,
        overall,
        pairs,
        only_one,
        per_document,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn agreement_on_two_threads_sums_to_the_one_thread_tally() {
        // Past PARALLEL_DOCUMENTS, so half the documents are tallied on another thread.
        let a = crate::synth::corpus(PARALLEL_DOCUMENTS + 101, 600, 8, 3);
        let mut b = a.clone();
        for doc in &mut b.documents {
            if doc.spans().len() > 2 {
                doc.remove_span(1);
            }
        }
        let corpora = [a, b];
        let report = agree(&corpora, &["a".into(), "b".into()]).unwrap();
        let alignment = align(&corpora).unwrap();
        let labels = label_names(&corpora, &alignment);
        let (tally, per_document) = tally_documents(&alignment.common, 2, &labels);
        assert_eq!(report.per_document, per_document);
        assert_eq!(report.tokens, tally.tokens);
        let unitizing = unitizing_alphas(alignment.common.iter().map(Vec::as_slice), 2, &labels);
        let (per_label, overall) = report::figures(&tally, &labels, &unitizing);
        assert_eq!(report.per_label, per_label);
        assert_eq!(report.overall, overall);
        assert!(overall.exact.f1.is_some_and(|f| f < 1.0), "{overall:?}");
    }
}
