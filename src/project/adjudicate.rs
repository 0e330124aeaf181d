//! `project adjudicate`: the spans all of a document's annotators agree on, into `gold.json`,
//! for every document finished by all its annotators, without a window.
//!
//! Documents are reviewed among the annotators they were assigned to: those sharing the
//! same annotators form one review session (taliq's review compares annotators over the
//! documents they all hold), and each session's gold documents go back into the one gold.

use std::collections::{BTreeMap, HashMap};
use std::path::Path;

use super::GOLD_FILE;
use super::config::{ProjectConfig, ProjectError};
use super::review::{group_corpora, lock_gold, new_gold, review_groups, sort_in_project_order};
use super::status::{compute, load_annotations};
use crate::annotate::history::Change;
use crate::format::CorpusFile;
use crate::model::{Corpus, Document};
use crate::review::session::{AgreedCounts, ReviewSession};

/// What an adjudication did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Adjudicated {
    /// Agreed spans, relations and document labels accepted into gold.
    pub accepted: AgreedCounts,
    /// Documents of gold that gained spans.
    pub documents: usize,
    /// Candidates left for a reviewer (disagreements), over all finished documents.
    pub pending: usize,
    /// Documents now in gold.
    pub in_gold: usize,
}

/// Accepts every agreed span of the documents finished by all their annotators into the
/// project's `gold.json` (created when missing); documents already reviewed are left alone.
///
/// # Errors
/// An unreadable project or corpus, a gold file open in a review window, or a write failure.
pub fn adjudicate(dir: &Path) -> Result<Adjudicated, ProjectError> {
    let config = ProjectConfig::load(dir)?;
    let ordered = load_annotations(dir, &config.annotators)?;
    let corpora: BTreeMap<&str, &Corpus> = config
        .annotators
        .iter()
        .zip(&ordered)
        .filter_map(|(name, corpus)| Some((name.as_str(), corpus.as_ref()?)))
        .collect();
    let gold_path = dir.join(GOLD_FILE);
    let _lock = lock_gold(&gold_path, "taliq project adjudicate")?;
    let (file, mut gold) = if gold_path.exists() {
        let (file, gold) = CorpusFile::open(&gold_path)?;
        (Some(file), gold)
    } else {
        (None, new_gold(&config))
    };

    let status = compute(&config, &ordered, Some(&gold));
    let mut report = Adjudicated {
        accepted: AgreedCounts::default(),
        documents: 0,
        pending: 0,
        in_gold: 0,
    };
    for group in review_groups(&status, false) {
        let annotators = group_corpora(&group, |name| corpora.get(name).copied());
        let part = adjudicate_group(annotators, &group.documents, &mut gold, &mut report)?;
        merge_into_gold(&mut gold, part);
    }
    sort_in_project_order(&config, &mut gold);
    report.in_gold = gold.documents.len();
    let saved = match file {
        Some(mut file) => file.save(&gold),
        None => CorpusFile::create(&gold_path, &gold, false).map(drop),
    };
    saved?;
    Ok(report)
}

/// One review session over the documents `ids` that the `annotators` (their corpora cut
/// to those documents) all finished: their gold documents (existing ones taken out of
/// `gold`, the others blank) with the agreed spans accepted.
fn adjudicate_group(
    annotators: Vec<(String, Corpus)>,
    ids: &[String],
    gold: &mut Corpus,
    report: &mut Adjudicated,
) -> Result<Corpus, ProjectError> {
    let wanted: std::collections::HashSet<&str> = ids.iter().map(String::as_str).collect();
    let mut session = ReviewSession::new(annotators)?;
    let mut part = session.blank_gold();
    // Gold's declarations first; attaching the session adds the annotators' others.
    part.labels.clone_from(&gold.labels);
    part.relation_labels.clone_from(&gold.relation_labels);
    part.document_labels.clone_from(&gold.document_labels);
    // Documents already in gold (begun in a review window) keep the reviewer's work.
    let mut existing: HashMap<String, Document> = HashMap::new();
    gold.documents.retain(|d| {
        if wanted.contains(d.id.as_str()) {
            existing.insert(d.id.clone(), d.clone());
            false
        } else {
            true
        }
    });
    for doc in &mut part.documents {
        if let Some(kept) = existing.remove(&doc.id) {
            *doc = kept;
        }
    }
    session.attach_gold(&mut part)?;
    for i in 0..part.documents.len() {
        let agreed = session.accept_all_agreed(i, &part.documents[i]);
        let edits = agreed.edits;
        if !edits.is_empty() {
            report.accepted.add(agreed.counts);
            report.documents += 1;
            (Change { document: i, edits }).apply(&mut part)?;
        }
        report.pending += session.pending(i, &part.documents[i]);
    }
    session.stamp(&mut part);
    Ok(part)
}

/// Moves a session's gold documents (and any label it added) into the project's gold.
fn merge_into_gold(gold: &mut Corpus, mut part: Corpus) {
    gold.add_missing_declarations(&part);
    for label in std::mem::take(&mut part.labels) {
        if gold.label(&label.name).is_none() {
            gold.labels.push(label);
        }
    }
    gold.documents.extend(part.documents);
}
