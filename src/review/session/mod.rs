//! A review in progress: several annotators' corpora over the same documents, and the
//! decisions that turn them into a gold corpus.
//!
//! The gold corpus itself is an ordinary corpus the caller owns and edits through
//! [`crate::annotate::history`]: every decision here returns the [`Edit`]s to apply, so that
//! accepting, rejecting and editing are undoable like any other change. Accepted candidates
//! are the gold document's spans; rejected ones are listed in its [`REJECTED`] field.

use std::cell::OnceCell;
use std::collections::{HashMap, HashSet};
use std::ops::Range;

mod errors;
mod labels;
mod links;

pub use errors::{OpenReviewError, ReviewError};
pub use labels::{LABEL_PROVENANCE, LabelChoice, REJECTED_LABELS};
pub use links::{
    AgreedCounts, AgreedEdits, End, FlatKey, REJECTED_RELATIONS, RelationCandidate,
    relation_candidates,
};

use super::gold::{self, Candidate};
use super::{AlignError, Report};
use crate::annotate::history::Edit;
use crate::model::{CharRange, Corpus, Document, Relation, Span, Status};

/// What the reviewer made of a candidate.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Decision {
    /// Not decided yet.
    Pending,
    /// In the gold document.
    Accepted,
    /// Left out of the gold document (or replaced by an edited span).
    Rejected,
}

/// Several annotators' corpora lined up against a gold corpus.
#[derive(Debug)]
pub struct ReviewSession {
    names: Vec<String>,
    corpora: Vec<Corpus>,
    report: Report,
    /// For each gold document, its version's index in every annotator's corpus (`None`: not
    /// held by all of them, so nothing to review there).
    versions: Vec<Option<Vec<usize>>>,
    /// Candidates of each gold document, found when first asked for.
    candidates: Vec<OnceCell<Vec<Candidate>>>,
    /// Relation candidates of each gold document, found when first asked for.
    relation_candidates: Vec<OnceCell<Vec<RelationCandidate>>>,
}

impl ReviewSession {
    /// Lines up the annotators' corpora (named, in the order given) and measures their agreement.
    ///
    /// # Errors
    /// Fewer than two corpora, a document whose text differs between them, or no document
    /// that all of them hold.
    pub fn new(annotators: Vec<(String, Corpus)>) -> Result<Self, ReviewError> {
        let (names, corpora): (Vec<String>, Vec<Corpus>) = annotators.into_iter().unzip();
        let report = super::agree(&corpora, &names).map_err(|e| match e {
            AlignError::TooFew(n) => ReviewError::TooFew(n),
            AlignError::TextDiffers {
                id,
                first,
                other,
                offset,
            } => ReviewError::TextDiffers {
                id,
                first: names[first].clone(),
                other: names[other].clone(),
                offset,
            },
        })?;
        if report.documents == 0 {
            return Err(ReviewError::NothingInCommon);
        }
        Ok(Self {
            names,
            corpora,
            report,
            versions: Vec::new(),
            candidates: Vec::new(),
            relation_candidates: Vec::new(),
        })
    }

    /// Loads the annotators' corpus files (in tier order) for a review into `gold`, and
    /// lines them up, naming each annotator by [`annotator_names`].
    ///
    /// # Errors
    /// Naming the gold file when it is one of the annotators' files, the file that cannot
    /// be read or is invalid, or the files whose texts of a document differ.
    pub fn open(
        files: &[std::path::PathBuf],
        gold: &std::path::Path,
    ) -> Result<Self, OpenReviewError> {
        if files.iter().any(|f| crate::format::same_file(f, gold)) {
            return Err(OpenReviewError::GoldIsAnnotators {
                gold: gold.to_path_buf(),
            });
        }
        let mut corpora = Vec::with_capacity(files.len());
        for path in files {
            corpora.push(crate::format::load(path)?);
        }
        let files_and_corpora: Vec<(&std::path::Path, &Corpus)> = files
            .iter()
            .map(std::path::PathBuf::as_path)
            .zip(&corpora)
            .collect();
        let names = annotator_names(&files_and_corpora);
        let file_of = |name: &str| {
            names
                .iter()
                .position(|n| n == name)
                .map_or_else(std::path::PathBuf::new, |i| files[i].clone())
                .into_boxed_path()
        };
        Self::new(names.iter().cloned().zip(corpora).collect()).map_err(|e| match e {
            ReviewError::TextDiffers {
                id,
                first,
                other,
                offset,
            } => OpenReviewError::TextDiffers {
                id,
                first_file: file_of(&first),
                other_file: file_of(&other),
                first,
                other,
                offset,
            },
            e => OpenReviewError::Review(e),
        })
    }

    /// A new gold corpus: every document all annotators hold, without spans, and every label
    /// any of them declared; the annotators are recorded under `"review"`.
    pub fn blank_gold(&self) -> Corpus {
        let others: Vec<HashSet<&str>> = self.corpora[1..]
            .iter()
            .map(|c| c.documents.iter().map(|d| d.id.as_str()).collect())
            .collect();
        let mut gold = Corpus {
            documents: self.corpora[0]
                .documents
                .iter()
                .filter(|d| others.iter().all(|ids| ids.contains(d.id.as_str())))
                .map(gold::blank_copy)
                .collect(),
            ..Corpus::default()
        };
        self.add_missing_labels(&mut gold);
        gold.extra.insert(
            "review".to_owned(),
            serde_json::json!({ "annotators": self.names }),
        );
        gold
    }

    /// Ties the session to the gold corpus: finds each gold document's versions and gives the
    /// gold corpus any label the annotators use that it lacks. Returns whether it added labels.
    ///
    /// # Errors
    /// When a gold document's text differs from the annotators' text of the same id.
    pub fn attach_gold(&mut self, gold: &mut Corpus) -> Result<bool, ReviewError> {
        let positions: Vec<HashMap<&str, usize>> = self
            .corpora
            .iter()
            .map(|c| {
                c.documents
                    .iter()
                    .enumerate()
                    .map(|(i, d)| (d.id.as_str(), i))
                    .collect()
            })
            .collect();
        let mut versions = Vec::with_capacity(gold.documents.len());
        for doc in &gold.documents {
            let found: Option<Vec<usize>> = positions
                .iter()
                .map(|p| p.get(doc.id.as_str()).copied())
                .collect();
            if let Some(found) = &found {
                let theirs = self.corpora[0].documents[found[0]].text();
                if let Some(offset) = super::align::first_difference(theirs, doc.text()) {
                    return Err(ReviewError::GoldTextDiffers {
                        id: doc.id.clone(),
                        offset,
                    });
                }
            }
            versions.push(found);
        }
        self.candidates = (0..versions.len()).map(|_| OnceCell::new()).collect();
        self.relation_candidates = (0..versions.len()).map(|_| OnceCell::new()).collect();
        self.versions = versions;
        Ok(self.add_missing_labels(gold))
    }

    fn add_missing_labels(&self, gold: &mut Corpus) -> bool {
        let before = gold.labels.len();
        for label in self.corpora.iter().flat_map(|c| &c.labels) {
            if gold.label(&label.name).is_none() {
                let mut label = label.clone();
                // A hotkey another label already has would make the label set invalid.
                if gold
                    .labels
                    .iter()
                    .any(|l| l.key.is_some() && l.key == label.key)
                {
                    label.key = None;
                }
                gold.labels.push(label);
            }
        }
        let declared = (gold.relation_labels.len(), gold.document_labels.len());
        self.add_missing_declarations(gold);
        gold.labels.len() != before
            || declared != (gold.relation_labels.len(), gold.document_labels.len())
    }

    /// Gives the gold corpus the relation types and document labels the annotators declare
    /// (a document label's values merged), so their choices can be accepted into it.
    fn add_missing_declarations(&self, gold: &mut Corpus) {
        for corpus in &self.corpora {
            gold.add_missing_declarations(corpus);
        }
    }

    /// The annotators' names, in the order given: annotator `i` is drawn on tier `i`.
    pub fn names(&self) -> &[String] {
        &self.names
    }

    /// The agreement of the annotators over the documents they all hold.
    pub fn report(&self) -> &Report {
        &self.report
    }

    /// Every annotator's version of gold document `doc`, when all of them hold it.
    pub fn versions(&self, doc: usize) -> Option<Vec<&Document>> {
        let indices = self.versions.get(doc)?.as_ref()?;
        Some(
            indices
                .iter()
                .zip(&self.corpora)
                .map(|(&i, c)| &c.documents[i])
                .collect(),
        )
    }

    /// The distinct (range, label)s the annotators made in gold document `doc`, in document order.
    pub fn candidates(&self, doc: usize) -> &[Candidate] {
        let Some(cell) = self.candidates.get(doc) else {
            return &[];
        };
        cell.get_or_init(|| {
            self.versions(doc).map_or_else(Vec::new, |versions| {
                let named: Vec<(&str, &Document)> = self
                    .names
                    .iter()
                    .map(String::as_str)
                    .zip(versions)
                    .collect();
                gold::candidates(&named)
            })
        })
    }

    /// The candidates of `doc` in groups of overlapping ones, as index ranges into
    /// [`Self::candidates`]: the unit a reviewer decides on.
    pub fn groups(&self, doc: usize) -> Vec<Range<usize>> {
        let candidates = self.candidates(doc);
        let mut groups = Vec::new();
        let mut start = 0;
        let mut end_of_group = 0;
        for (i, c) in candidates.iter().enumerate() {
            if i > start && c.range.start() >= end_of_group {
                groups.push(start..i);
                start = i;
            }
            end_of_group = if i == start {
                c.range.end()
            } else {
                end_of_group.max(c.range.end())
            };
        }
        if start < candidates.len() {
            groups.push(start..candidates.len());
        }
        groups
    }

    /// Whether the annotators disagree on a group: several candidates, or one not all made.
    pub fn is_conflict(&self, doc: usize, group: Range<usize>) -> bool {
        let candidates = &self.candidates(doc)[group];
        candidates.len() > 1 || candidates[0].annotators.len() < self.names.len()
    }

    /// What the reviewer made of `candidate` so far, given the gold version of its document.
    ///
    /// To decide on many candidates, [`Self::decisions`] reads the rejections once.
    pub fn decision(&self, gold_doc: &Document, candidate: &Candidate) -> Decision {
        decide(gold_doc, &read_rejected(gold_doc), candidate)
    }

    /// The decision on every candidate of `doc`, in [`Self::candidates`] order.
    pub fn decisions(&self, doc: usize, gold_doc: &Document) -> Vec<Decision> {
        let rejected = read_rejected(gold_doc);
        self.candidates(doc)
            .iter()
            .map(|c| decide(gold_doc, &rejected, c))
            .collect()
    }

    /// Candidates of `doc` not decided yet: spans, relations and document-label choices.
    pub fn pending(&self, doc: usize, gold_doc: &Document) -> usize {
        let spans = self.decisions(doc, gold_doc);
        let relations = self.relation_decisions(doc, gold_doc);
        let choices = self.document_label_candidates(doc);
        let labels = choices.iter().flat_map(|(name, choices)| {
            choices
                .iter()
                .map(|choice| Self::label_decision(gold_doc, name, choice))
        });
        spans
            .into_iter()
            .chain(relations)
            .chain(labels)
            .filter(|d| *d == Decision::Pending)
            .count()
    }

    /// Of the pending candidates of `doc` (see [`Self::pending`]), how many the annotators
    /// disagree on: spans of a conflict group (see [`Self::is_conflict`]), relations not all
    /// made, and document-label choices where they chose differently.
    pub fn pending_conflicts(&self, doc: usize, gold_doc: &Document) -> usize {
        let everyone = self.names.len();
        let decisions = self.decisions(doc, gold_doc);
        let spans: usize = self
            .groups(doc)
            .into_iter()
            .filter(|group| self.is_conflict(doc, group.clone()))
            .map(|group| {
                decisions[group]
                    .iter()
                    .filter(|d| **d == Decision::Pending)
                    .count()
            })
            .sum();
        let relations = self
            .relation_candidates(doc)
            .iter()
            .zip(self.relation_decisions(doc, gold_doc))
            .filter(|(c, d)| *d == Decision::Pending && c.annotators.len() < everyone)
            .count();
        let labels: usize = self
            .document_label_candidates(doc)
            .iter()
            .map(|(name, choices)| {
                choices
                    .iter()
                    .filter(|choice| {
                        (choices.len() > 1 || choice.annotators.len() < everyone)
                            && Self::label_decision(gold_doc, name, choice) == Decision::Pending
                    })
                    .count()
            })
            .sum();
        spans + relations + labels
    }

    /// The annotators whose version of `doc` has exactly this range and label.
    pub fn provenance(&self, doc: usize, range: CharRange, label: &str) -> Vec<String> {
        self.versions(doc).map_or_else(Vec::new, |versions| {
            self.names
                .iter()
                .zip(versions)
                .filter(|(_, v)| v.find_span(range, label).is_some())
                .map(|(name, _)| name.clone())
                .collect()
        })
    }

    /// Accepts a candidate into the gold document: the edits to apply.
    ///
    /// The pending alternatives to it are rejected: the candidates that overlap it with the
    /// same range (a label conflict) or the same label (a boundary conflict). Nested spans
    /// of other labels stay pending.
    pub fn accept(&self, doc: usize, gold_doc: &Document, candidate: &Candidate) -> Vec<Edit> {
        self.put(doc, gold_doc, None, candidate.range, &candidate.label)
    }

    /// Rejects a candidate: the edits that list it as rejected and take it out of the gold
    /// document if it was in.
    pub fn reject(&self, doc: usize, gold_doc: &Document, candidate: &Candidate) -> Vec<Edit> {
        let mut rejected = read_rejected(gold_doc);
        rejected.insert((candidate.range, candidate.label.clone()));
        let (mut edits, relations_listed) = gold_doc
            .find_span(candidate.range, &candidate.label)
            .map(|i| self.take_out_span(doc, gold_doc, i))
            .unwrap_or_default();
        edits.extend(self.set_rejected(doc, gold_doc, &rejected));
        edits.extend(relations_listed);
        edits
    }

    /// Edits a candidate: the reviewer's range and label go into the gold document in its
    /// place, and the candidate counts as rejected (unless the edit left it as it was).
    pub fn replace(
        &self,
        doc: usize,
        gold_doc: &Document,
        candidate: &Candidate,
        range: CharRange,
        label: &str,
    ) -> Vec<Edit> {
        let replaced = (candidate.range != range || candidate.label != label).then_some(candidate);
        self.put(doc, gold_doc, replaced, range, label)
    }

    /// Accepts every candidate of `doc` that all annotators made and the reviewer has not
    /// decided on: spans, then the relations between them, then document labels.
    pub fn accept_all_agreed(&self, doc: usize, gold_doc: &Document) -> AgreedEdits {
        let everyone = self.names.len();
        let mut spans: Vec<Edit> = self
            .candidates(doc)
            .iter()
            .zip(self.decisions(doc, gold_doc))
            .filter(|(c, d)| c.annotators.len() == everyone && *d == Decision::Pending)
            // A candidate's annotators are its provenance: who made exactly it.
            .map(|(c, _)| Edit::AddSpan(gold::gold_span(c.range, &c.label, &c.annotators)))
            .collect();
        let mut agreed = AgreedEdits {
            counts: AgreedCounts {
                spans: spans.len(),
                ..AgreedCounts::default()
            },
            ..AgreedEdits::default()
        };
        // The relations' edits may give the added spans ids: the spans go in first.
        self.accept_agreed_relations(doc, gold_doc, &mut spans, &mut agreed);
        spans.append(&mut agreed.edits);
        agreed.edits = spans;
        self.accept_agreed_labels(doc, gold_doc, &mut agreed);
        agreed
    }

    /// Rejects every candidate of `doc` still pending (spans, relations, document-label
    /// choices), as when the document is marked reviewed: what is not in the gold by then
    /// was left out on purpose. Returns the edits and how many candidates they reject.
    pub fn reject_pending(&self, doc: usize, gold_doc: &Document) -> (Vec<Edit>, usize) {
        let mut rejected = read_rejected(gold_doc);
        let before = rejected.len();
        for (c, d) in self
            .candidates(doc)
            .iter()
            .zip(self.decisions(doc, gold_doc))
        {
            if d == Decision::Pending {
                rejected.insert((c.range, c.label.clone()));
            }
        }
        let spans = rejected.len() - before;
        let (relations_listed, relations) = self.reject_pending_relations(doc, gold_doc);
        let (labels_listed, labels) = self.reject_pending_labels(doc, gold_doc);
        let edits = self
            .set_rejected(doc, gold_doc, &rejected)
            .into_iter()
            .chain(relations_listed)
            .chain(labels_listed)
            .collect();
        (edits, spans + relations + labels)
    }

    /// The pending candidates that are alternatives to (range, label) — overlapping it with
    /// the same range (a label conflict) or the same label (a boundary conflict) — listed
    /// in `rejected`.
    fn reject_alternatives(
        &self,
        doc: usize,
        gold_doc: &Document,
        range: CharRange,
        label: &str,
        rejected: &mut HashSet<(CharRange, String)>,
    ) {
        let decisions = self.decisions(doc, gold_doc);
        for (c, d) in self.candidates(doc).iter().zip(decisions) {
            let alternative = c.range.overlaps(range)
                && (c.range == range || c.label == label)
                && !(c.range == range && c.label == label);
            if alternative && d == Decision::Pending {
                rejected.insert((c.range, c.label.clone()));
            }
        }
    }

    /// Puts (range, label) into the gold document in place of `replaced` (rejected, and taken
    /// out if it was in: the relations using it then use the new span), rejecting the
    /// pending alternatives to it.
    fn put(
        &self,
        doc: usize,
        gold_doc: &Document,
        replaced: Option<&Candidate>,
        range: CharRange,
        label: &str,
    ) -> Vec<Edit> {
        let mut edits = Vec::new();
        let mut rejected = read_rejected(gold_doc);
        let mut carried: Option<(Span, Vec<Relation>)> = None;
        if let Some(old) = replaced {
            rejected.insert((old.range, old.label.clone()));
            if let Some(i) = gold_doc.find_span(old.range, &old.label) {
                let relations = links::relations_using(gold_doc, i);
                edits.extend(relations.iter().cloned().map(Edit::RemoveRelation));
                edits.push(Edit::RemoveSpan(gold_doc.spans()[i].clone()));
                carried = Some((gold_doc.spans()[i].clone(), relations));
            }
        }
        self.reject_alternatives(doc, gold_doc, range, label, &mut rejected);
        rejected.remove(&(range, label.to_owned()));
        match gold_doc.find_span(range, label) {
            None => {
                let annotators = self.provenance(doc, range, label);
                let span = gold::gold_span(range, label, &annotators);
                edits.push(Edit::AddSpan(match &carried {
                    Some((old, _)) => links::successor(span, old),
                    None => span,
                }));
            }
            Some(i) => {
                if let Some((old, relations)) = &mut carried {
                    edits.extend(links::repoint(gold_doc, i, old, relations));
                }
            }
        }
        if let Some((_, relations)) = carried {
            edits.extend(relations.into_iter().map(Edit::AddRelation));
        }
        edits.extend(self.set_rejected(doc, gold_doc, &rejected));
        edits
    }

    /// The edit that makes `rejected` the gold document's list of rejections (none if it is already).
    fn set_rejected(
        &self,
        doc: usize,
        gold_doc: &Document,
        rejected: &HashSet<(CharRange, String)>,
    ) -> Option<Edit> {
        let before = gold_doc.extra.get(REJECTED).cloned();
        let after = (!rejected.is_empty()).then(|| {
            let mut sorted: Vec<&(CharRange, String)> = rejected.iter().collect();
            sorted.sort_by_key(|(range, label)| {
                (range.start(), std::cmp::Reverse(range.end()), label)
            });
            serde_json::Value::Array(
                sorted
                    .into_iter()
                    .map(|(range, label)| {
                        serde_json::json!({
                            "start": range.start(),
                            "end": range.end(),
                            "label": label,
                            "annotators": self.provenance(doc, *range, label),
                        })
                    })
                    .collect(),
            )
        });
        (before != after).then(|| Edit::SetField {
            key: REJECTED.to_owned(),
            before,
            after,
        })
    }

    /// Writes on every span of the gold corpus the annotators who made exactly it, so that
    /// relabelled and reviewer-made spans carry the right provenance when saved.
    pub fn stamp(&self, gold: &mut Corpus) {
        for (i, doc) in gold.documents.iter_mut().enumerate() {
            if self.versions.get(i).is_none_or(Option::is_none) {
                continue;
            }
            for s in 0..doc.spans().len() {
                let span = &doc.spans()[s];
                let annotators = self.provenance(i, span.range, &span.label);
                gold::set_provenance(doc.span_extra_mut(s), &annotators);
            }
            self.stamp_relations(i, doc);
            self.stamp_labels(i, doc);
        }
    }

    /// Documents of the gold corpus reviewed so far, and how many there are.
    pub fn progress(gold: &Corpus) -> (usize, usize) {
        let reviewed = gold
            .documents
            .iter()
            .filter(|d| d.status == Status::Reviewed)
            .count();
        (reviewed, gold.documents.len())
    }
}

/// The field of a gold document listing the candidates the reviewer rejected, each as
/// `{"start", "end", "label", "annotators"}`.
pub const REJECTED: &str = "rejected";

/// The rejections saved with a gold document; entries that are not a range and a label are skipped.
fn read_rejected(doc: &Document) -> HashSet<(CharRange, String)> {
    let Some(entries) = doc
        .extra
        .get(REJECTED)
        .and_then(serde_json::Value::as_array)
    else {
        return HashSet::new();
    };
    entries
        .iter()
        .filter_map(|e| {
            let offset = |key: &str| e.get(key)?.as_u64().and_then(|n| usize::try_from(n).ok());
            let range = CharRange::new(offset("start")?, offset("end")?)?;
            Some((range, e.get("label")?.as_str()?.to_owned()))
        })
        .collect()
}

/// The decision on one candidate, given the rejections read from its gold document.
fn decide(
    gold_doc: &Document,
    rejected: &HashSet<(CharRange, String)>,
    candidate: &Candidate,
) -> Decision {
    if gold_doc
        .find_span(candidate.range, &candidate.label)
        .is_some()
    {
        Decision::Accepted
    } else if rejected.contains(&(candidate.range, candidate.label.clone())) {
        Decision::Rejected
    } else {
        Decision::Pending
    }
}

/// A name for each annotator's corpus: the annotator it names, else its file's name, made
/// unique with the file's name when two corpora name the same person.
pub fn annotator_names(corpora: &[(&std::path::Path, &Corpus)]) -> Vec<String> {
    let stem = |path: &std::path::Path| {
        path.file_stem().map_or_else(
            || path.display().to_string(),
            |s| s.to_string_lossy().into_owned(),
        )
    };
    let first: Vec<String> = corpora
        .iter()
        .map(|(path, c)| c.annotator.clone().unwrap_or_else(|| stem(path)))
        .collect();
    first
        .iter()
        .zip(corpora)
        .map(|(name, (path, _))| {
            if first.iter().filter(|n| *n == name).count() > 1 {
                format!("{name} ({})", stem(path))
            } else {
                name.clone()
            }
        })
        .collect()
}

#[cfg(test)]
mod tests;
