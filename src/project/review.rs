//! `project review`: what a reviewer works through. taliq's review compares annotators over
//! the documents they all hold, so a project's finished documents are reviewed in groups,
//! one group for each set of annotators that shares documents; every group's gold
//! documents live in the project's one `gold.json`.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::Path;

use super::config::{ProjectConfig, ProjectError};
use super::status::{ProjectStatus, WorkState, compute, load_annotations};
use super::{GOLD_FILE, annotation_path};
use crate::format::{CorpusFile, CorpusLock, Locking, login_name};
use crate::model::Corpus;

/// Documents finished by the same annotators: one review session.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReviewGroup {
    /// The annotators, in project order.
    pub annotators: Vec<String>,
    /// The documents' ids, in project order.
    pub documents: Vec<String>,
    /// How many of them are reviewed in gold already.
    pub reviewed: usize,
}

/// The review groups of a project's status: documents finished by all their annotators
/// (two or more), grouped by those annotators (in project order), ordered by their first
/// document; with
/// `reviewed_too`, documents already reviewed in gold are kept in their groups.
pub fn review_groups(status: &ProjectStatus, reviewed_too: bool) -> Vec<ReviewGroup> {
    let mut groups: Vec<ReviewGroup> = Vec::new();
    let mut index: HashMap<Vec<String>, usize> = HashMap::new();
    let position: HashMap<&str, usize> = status
        .annotators
        .iter()
        .enumerate()
        .map(|(i, a)| (a.name.as_str(), i))
        .collect();
    for doc in &status.per_document {
        let finished =
            doc.annotators.len() >= 2 && doc.annotators.iter().all(|(_, s)| *s == WorkState::Done);
        if !finished || (doc.reviewed && !reviewed_too) {
            continue;
        }
        // In project order: the same annotators are one group whatever order they got the
        // document in.
        let mut who: Vec<String> = doc.annotators.iter().map(|(a, _)| a.clone()).collect();
        who.sort_by_key(|a| position.get(a.as_str()).copied().unwrap_or(usize::MAX));
        let slot = *index.entry(who.clone()).or_insert_with(|| {
            groups.push(ReviewGroup {
                annotators: who,
                documents: Vec::new(),
                reviewed: 0,
            });
            groups.len() - 1
        });
        groups[slot].documents.push(doc.id.clone());
        groups[slot].reviewed += usize::from(doc.reviewed);
    }
    groups
}

/// The corpora of a group's annotators, each holding only the group's documents (the
/// header kept), named by annotator: what a [`crate::review::session::ReviewSession`] takes.
pub fn group_corpora<'a>(
    group: &ReviewGroup,
    corpora: impl Fn(&str) -> Option<&'a Corpus>,
) -> Vec<(String, Corpus)> {
    let wanted: HashSet<&str> = group.documents.iter().map(String::as_str).collect();
    group
        .annotators
        .iter()
        .filter_map(|name| {
            let corpus = corpora(name)?;
            let part = Corpus {
                annotator: corpus.annotator.clone(),
                labels: corpus.labels.clone(),
                relation_labels: corpus.relation_labels.clone(),
                document_labels: corpus.document_labels.clone(),
                documents: corpus
                    .documents
                    .iter()
                    .filter(|d| wanted.contains(d.id.as_str()))
                    .cloned()
                    .collect(),
                extra: corpus.extra.clone(),
            };
            Some((name.clone(), part))
        })
        .collect()
}

/// A project made ready for the review window: the gold file holds a document for every
/// finished one, and the groups say who compares with whom.
#[derive(Debug)]
pub struct PreparedReview {
    /// The groups, those with documents left to review first.
    pub groups: Vec<ReviewGroup>,
    /// Each annotator's corpus, by name (those who have a file).
    pub corpora: BTreeMap<String, Corpus>,
    /// Documents added to gold (blank) by this preparation.
    pub added: usize,
}

/// Makes the project in `dir` ready to review in the window: `gold.json` (created when
/// missing, with the project's labels) gains a blank copy of every document finished by all
/// its annotators that it lacks, in project order, and the review groups are worked out.
///
/// # Errors
/// An unreadable project, corpus or gold, a gold open in another window, nothing finished
/// to review, or a write failure.
pub fn prepare_review(dir: &Path) -> Result<PreparedReview, ProjectError> {
    let config = ProjectConfig::load(dir)?;
    let ordered = load_annotations(dir, &config.annotators)?;
    let gold_path = dir.join(GOLD_FILE);
    let existing = if gold_path.exists() {
        Some(CorpusFile::open(&gold_path)?)
    } else {
        None
    };
    let status = compute(&config, &ordered, existing.as_ref().map(|(_, g)| g));
    let mut groups = review_groups(&status, true);
    if groups.is_empty() {
        return Err(ProjectError::NothingToReview {
            documents: status.documents,
        });
    }
    // Groups with work left first; a stable sort keeps project order otherwise.
    groups.sort_by_key(|g| g.reviewed == g.documents.len());
    let corpora: BTreeMap<String, Corpus> = config
        .annotators
        .iter()
        .cloned()
        .zip(ordered)
        .filter_map(|(name, corpus)| Some((name, corpus?)))
        .collect();
    let (file, mut gold) = existing.map_or_else(
        || (None, new_gold(&config)),
        |(file, gold)| (Some(file), gold),
    );
    let added = add_finished_documents(&config, &groups, &corpora, &mut gold);
    if added > 0 || file.is_none() {
        let _lock = lock_gold(&gold_path, "taliq project review")?;
        let saved = match file {
            Some(mut file) => file.save(&gold),
            None => CorpusFile::create(&gold_path, &gold, false).map(drop),
        };
        saved?;
    }
    Ok(PreparedReview {
        groups,
        corpora,
        added,
    })
}

/// Adds to `gold` a blank copy of every grouped document it lacks (taken from the group's
/// first annotator), then puts gold in project order. Returns how many were added.
fn add_finished_documents(
    config: &ProjectConfig,
    groups: &[ReviewGroup],
    corpora: &BTreeMap<String, Corpus>,
    gold: &mut Corpus,
) -> usize {
    let mut have: HashSet<String> = gold.documents.iter().map(|d| d.id.clone()).collect();
    let before = gold.documents.len();
    for group in groups {
        let Some(first) = group.annotators.iter().find_map(|a| corpora.get(a)) else {
            continue;
        };
        let wanted: HashSet<&str> = group.documents.iter().map(String::as_str).collect();
        for doc in &first.documents {
            if wanted.contains(doc.id.as_str()) && have.insert(doc.id.clone()) {
                gold.documents.push(crate::review::gold::blank_copy(doc));
            }
        }
    }
    let added = gold.documents.len() - before;
    if added > 0 {
        sort_in_project_order(config, gold);
    }
    added
}

/// Gold's documents in project order, any not in the project (none, normally) last.
pub(super) fn sort_in_project_order(config: &ProjectConfig, gold: &mut Corpus) {
    let order: HashMap<&str, usize> = config
        .assignment
        .iter()
        .enumerate()
        .map(|(i, (id, _))| (id.as_str(), i))
        .collect();
    gold.documents
        .sort_by_key(|d| order.get(d.id.as_str()).copied().unwrap_or(usize::MAX));
}

/// The annotators' files of a group, in its order (for the review window's tier tooltips).
pub fn group_files(dir: &Path, group: &ReviewGroup) -> Vec<std::path::PathBuf> {
    group
        .annotators
        .iter()
        .map(|a| annotation_path(dir, a))
        .collect()
}

/// Takes the gold file's lock for a command that writes it (`what` names the command in
/// the lock); a lock that cannot be written at all (a read-only folder) is no lock.
///
/// # Errors
/// The gold is open in a review window.
pub(super) fn lock_gold(path: &Path, what: &str) -> Result<Option<CorpusLock>, ProjectError> {
    match CorpusLock::acquire(path, &format!("{} ({what})", login_name())) {
        Ok(Locking::Busy(holder)) => Err(ProjectError::ReviewOpen {
            path: path.to_owned(),
            holder: Box::new(holder),
        }),
        Ok(Locking::Acquired(lock) | Locking::TookOver { lock, .. }) => Ok(Some(lock)),
        Err(_) => Ok(None),
    }
}

/// A project's gold before any review: its labels, no documents, and its annotators
/// recorded as the review's.
pub(super) fn new_gold(config: &ProjectConfig) -> Corpus {
    let mut gold = config.empty_corpus(None);
    gold.extra.insert(
        "review".to_owned(),
        serde_json::json!({ "annotators": config.annotators }),
    );
    gold
}
