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
use super::status::{WorkState, compute, load_annotations};
use crate::annotate::history::Change;
use crate::format::{CorpusFile, CorpusLock, Locking, login_name};
use crate::model::{Corpus, Document};
use crate::review::session::ReviewSession;

/// What an adjudication did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Adjudicated {
    /// Agreed spans accepted into gold.
    pub accepted: usize,
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
    let owner = format!("{} (taliq project adjudicate)", login_name());
    let _lock = match CorpusLock::acquire(&gold_path, &owner) {
        Ok(Locking::Busy(holder)) => {
            return Err(ProjectError::Refused(format!(
                "{} is open in a review window: {}; close it first",
                gold_path.display(),
                holder.describe()
            )));
        }
        Ok(Locking::Acquired(lock) | Locking::TookOver { lock, .. }) => Some(lock),
        Err(_) => None,
    };
    let (file, mut gold) = if gold_path.exists() {
        let (file, gold) = CorpusFile::open(&gold_path)?;
        (Some(file), gold)
    } else {
        let mut gold = config.empty_corpus(None);
        gold.extra.insert(
            "review".to_owned(),
            serde_json::json!({ "annotators": config.annotators }),
        );
        (None, gold)
    };

    // Finished documents, grouped by their annotators.
    let status = compute(&config, &ordered, Some(&gold));
    let mut groups: BTreeMap<Vec<String>, Vec<String>> = BTreeMap::new();
    for doc in &status.per_document {
        let finished =
            !doc.annotators.is_empty() && doc.annotators.iter().all(|(_, s)| *s == WorkState::Done);
        if finished && !doc.reviewed && doc.annotators.len() >= 2 {
            let who = doc.annotators.iter().map(|(a, _)| a.clone()).collect();
            groups.entry(who).or_default().push(doc.id.clone());
        }
    }

    let mut report = Adjudicated {
        accepted: 0,
        documents: 0,
        pending: 0,
        in_gold: 0,
    };
    for (who, ids) in groups {
        let part = adjudicate_group(&who, &ids, &corpora, &mut gold, &mut report)?;
        merge_into_gold(&mut gold, part);
    }
    // Gold in project order, documents not in the project (none, normally) last.
    let order: HashMap<&str, usize> = config
        .assignment
        .iter()
        .enumerate()
        .map(|(i, (id, _))| (id.as_str(), i))
        .collect();
    gold.documents
        .sort_by_key(|d| order.get(d.id.as_str()).copied().unwrap_or(usize::MAX));
    report.in_gold = gold.documents.len();
    let saved = match file {
        Some(mut file) => file.save(&gold),
        None => CorpusFile::create(&gold_path, &gold, false).map(drop),
    };
    saved.map_err(|e| ProjectError::Refused(e.to_string()))?;
    Ok(report)
}

/// One review session over the documents `ids` that the annotators `who` all finished:
/// their gold documents (existing ones taken out of `gold`, the others blank) with the
/// agreed spans accepted.
fn adjudicate_group(
    who: &[String],
    ids: &[String],
    corpora: &BTreeMap<&str, &Corpus>,
    gold: &mut Corpus,
    report: &mut Adjudicated,
) -> Result<Corpus, ProjectError> {
    let wanted: std::collections::HashSet<&str> = ids.iter().map(String::as_str).collect();
    let mut annotators = Vec::with_capacity(who.len());
    for name in who {
        let Some(corpus) = corpora.get(name.as_str()) else {
            continue;
        };
        // The header and this group's documents only, not a copy of the whole corpus.
        let part = Corpus {
            annotator: corpus.annotator.clone(),
            labels: corpus.labels.clone(),
            documents: corpus
                .documents
                .iter()
                .filter(|d| wanted.contains(d.id.as_str()))
                .cloned()
                .collect(),
            extra: corpus.extra.clone(),
        };
        annotators.push((name.clone(), part));
    }
    let mut session =
        ReviewSession::new(annotators).map_err(|e| ProjectError::Refused(e.to_string()))?;
    let mut part = session.blank_gold();
    part.labels.clone_from(&gold.labels);
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
    session
        .attach_gold(&mut part)
        .map_err(|e| ProjectError::Refused(e.to_string()))?;
    for i in 0..part.documents.len() {
        let edits = session.accept_all_agreed(i, &part.documents[i]);
        if !edits.is_empty() {
            report.accepted += edits.len();
            report.documents += 1;
            (Change { document: i, edits })
                .apply(&mut part)
                .map_err(|e| ProjectError::Refused(e.to_string()))?;
        }
        report.pending += session.pending(i, &part.documents[i]);
    }
    session.stamp(&mut part);
    Ok(part)
}

/// Moves a session's gold documents (and any label it added) into the project's gold.
fn merge_into_gold(gold: &mut Corpus, part: Corpus) {
    for label in part.labels {
        if gold.label(&label.name).is_none() {
            gold.labels.push(label);
        }
    }
    gold.documents.extend(part.documents);
}
