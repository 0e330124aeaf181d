//! Agreement on what links spans and labels whole documents: relations, compared with
//! exact endpoints (both spans' ranges and labels, and the type, must agree), and each
//! document label, compared per document by Cohen's kappa (each pair, then the mean) and
//! Krippendorff's nominal alpha (all annotators).

use std::collections::{BTreeMap, HashSet};

use serde::Serialize;

use super::alpha::AlphaTally;
use super::kappa::cohen;
use super::prf::Prf;
use crate::model::{CharRange, Document};

/// Relation agreement of one pair of annotators.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RelationPair {
    /// Index of the reference annotator.
    pub reference: usize,
    /// Index of the other one.
    pub other: usize,
    /// Relations both made.
    pub matched: u64,
    /// Relations of the reference.
    pub reference_relations: u64,
    /// Relations of the other.
    pub other_relations: u64,
    /// Precision, recall and F1 of the other against the reference.
    pub figures: Prf,
}

/// Agreement on one document label over the documents every annotator holds.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DocumentLabelAgreement {
    /// The document label.
    pub name: String,
    /// Documents compared.
    pub documents: usize,
    /// Cohen's kappa of each pair (a document's category: its set of values, or none),
    /// averaged over pairs.
    pub cohen_kappa: Option<f64>,
    /// Krippendorff's nominal alpha over all annotators.
    pub krippendorff_alpha: Option<f64>,
}

/// Relation and document-label agreement of several annotators.
#[derive(Debug, Clone, PartialEq, Serialize, Default)]
pub struct LinkAgreement {
    /// Relations, per pair; empty when nobody made one.
    pub relation_pairs: Vec<RelationPair>,
    /// Relations over every pair together.
    pub relations: Option<Prf>,
    /// Per declared document label that someone used.
    pub document_labels: Vec<DocumentLabelAgreement>,
}

/// A relation by what it links: both spans' ranges and labels, and its type.
type RelationKey = (CharRange, String, CharRange, String, String);

fn relation_keys(doc: &Document) -> HashSet<RelationKey> {
    doc.relations()
        .iter()
        .zip(doc.relation_ends())
        .filter_map(|(r, ends)| {
            let (a, b) = ends?;
            Some((
                a.range,
                a.label.clone(),
                b.range,
                b.label.clone(),
                r.label.clone(),
            ))
        })
        .collect()
}

/// Compares the annotators' versions of the documents they all hold (`common[d][a]`:
/// annotator `a`'s version of document `d`) on relations and on the document labels
/// `labels`.
pub fn link_agreement(common: &[Vec<&Document>], labels: &[String]) -> LinkAgreement {
    let annotators = common.first().map_or(0, Vec::len);
    let mut out = LinkAgreement::default();
    let per_document: Vec<Vec<HashSet<RelationKey>>> = common
        .iter()
        .map(|versions| versions.iter().map(|d| relation_keys(d)).collect())
        .collect();
    let (mut matched, mut references, mut others) = (0, 0, 0);
    for a in 0..annotators {
        for b in a + 1..annotators {
            let (mut m, mut ra, mut rb) = (0, 0, 0);
            for keys in &per_document {
                m += keys[a].intersection(&keys[b]).count() as u64;
                ra += keys[a].len() as u64;
                rb += keys[b].len() as u64;
            }
            if ra + rb == 0 {
                continue;
            }
            matched += m;
            references += ra;
            others += rb;
            out.relation_pairs.push(RelationPair {
                reference: a,
                other: b,
                matched: m,
                reference_relations: ra,
                other_relations: rb,
                figures: Prf::of(m, ra, rb),
            });
        }
    }
    if references + others > 0 {
        // Summed over pairs: F1 is 2 × matched over all relations counted.
        out.relations = Some(Prf::of(matched, references, others));
    }
    for name in labels {
        if let Some(agreement) = document_label(common, name, annotators) {
            out.document_labels.push(agreement);
        }
    }
    out
}

/// Agreement on document label `name`, or `None` when no annotator gave it anywhere.
fn document_label(
    common: &[Vec<&Document>],
    name: &str,
    annotators: usize,
) -> Option<DocumentLabelAgreement> {
    // A document's category for an annotator: its values, sorted and joined ("" for none).
    let category = |doc: &Document| {
        let mut values: Vec<&str> = doc
            .labels
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.iter().map(String::as_str).collect())
            .unwrap_or_default();
        values.sort_unstable();
        values.join("|")
    };
    let table: Vec<Vec<String>> = common
        .iter()
        .map(|versions| versions.iter().map(|d| category(d)).collect())
        .collect();
    if table.iter().flatten().all(String::is_empty) {
        return None;
    }
    let mut index: BTreeMap<&str, usize> = BTreeMap::new();
    for c in table.iter().flatten() {
        let next = index.len();
        index.entry(c.as_str()).or_insert(next);
    }
    let n = index.len();
    let mut kappas = Vec::new();
    for a in 0..annotators {
        for b in a + 1..annotators {
            let mut confusion = vec![vec![0_u64; n]; n];
            for row in &table {
                confusion[index[row[a].as_str()]][index[row[b].as_str()]] += 1;
            }
            kappas.push(cohen(&confusion));
        }
    }
    let mut alpha = AlphaTally::new(n);
    for row in &table {
        let mut counts = vec![0_u64; n];
        for c in row {
            counts[index[c.as_str()]] += 1;
        }
        alpha.add_unit(&counts);
    }
    let defined: Vec<f64> = kappas.iter().flatten().copied().collect();
    Some(DocumentLabelAgreement {
        name: name.to_owned(),
        documents: table.len(),
        cohen_kappa: (!defined.is_empty())
            .then(|| defined.iter().sum::<f64>() / defined.len() as f64),
        krippendorff_alpha: alpha.alpha(),
    })
}
