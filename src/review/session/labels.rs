//! Review of document labels: each distinct set of values the annotators gave a label is a
//! choice, accepted into the gold document (the label's other pending choices rejected) or
//! rejected, with who gave it recorded either way.

use std::collections::HashSet;

use serde_json::{Value, json};

use super::links::{AgreedEdits, set_list};
use super::{Decision, ReviewSession};
use crate::annotate::history::Edit;
use crate::model::Document;

/// The field of a gold document listing the document-label choices the reviewer left out.
pub const REJECTED_LABELS: &str = "rejected_labels";
/// The field of a gold document naming, per document label, who gave exactly its values.
pub const LABEL_PROVENANCE: &str = "label_annotators";

/// One annotator's (or several agreeing annotators') values of a document label.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LabelChoice {
    /// The values, sorted.
    pub values: Vec<String>,
    /// Who gave exactly these, in annotator order.
    pub annotators: Vec<String>,
}

/// The document-label choices listed as rejected in a gold document: (label, sorted values).
fn read_rejected_labels(doc: &Document) -> HashSet<(String, Vec<String>)> {
    let entries = doc
        .extra
        .get(REJECTED_LABELS)
        .and_then(Value::as_array)
        .map_or(&[][..], Vec::as_slice);
    entries
        .iter()
        .filter_map(|e| {
            let mut values = crate::format::string_array(e.get("values")?)?;
            values.sort();
            Some((e.get("label")?.as_str()?.to_owned(), values))
        })
        .collect()
}

/// Gold's values of document label `name` as the document has them (none when it has none).
fn as_written(gold_doc: &Document, name: &str) -> Option<Vec<String>> {
    gold_doc
        .labels
        .iter()
        .find(|(n, _)| n == name)
        .map(|(_, v)| v.clone())
}

/// Gold's values of document label `name`, sorted (none when it has none).
fn gold_values(gold_doc: &Document, name: &str) -> Option<Vec<String>> {
    as_written(gold_doc, name).map(|mut v| {
        v.sort();
        v
    })
}

impl ReviewSession {
    /// For each document label the annotators gave gold document `doc`: the distinct sets
    /// of values, each with who gave it, in annotator order (an annotator who gave none is
    /// not counted).
    pub fn document_label_candidates(&self, doc: usize) -> Vec<(String, Vec<LabelChoice>)> {
        let Some(versions) = self.versions(doc) else {
            return Vec::new();
        };
        let mut out: Vec<(String, Vec<LabelChoice>)> = Vec::new();
        for (name, version) in self.names().iter().zip(versions) {
            for (label, values) in &version.labels {
                let slot = if let Some(slot) = out.iter().position(|(l, _)| l == label) {
                    slot
                } else {
                    out.push((label.clone(), Vec::new()));
                    out.len() - 1
                };
                let mut values = values.clone();
                values.sort();
                let choices = &mut out[slot].1;
                match choices.iter_mut().find(|c| c.values == values) {
                    Some(choice) => choice.annotators.push(name.clone()),
                    None => choices.push(LabelChoice {
                        values,
                        annotators: vec![name.clone()],
                    }),
                }
            }
        }
        out
    }

    /// What the reviewer made of document label `name`'s `choice`, given the gold document.
    pub fn label_decision(gold_doc: &Document, name: &str, choice: &LabelChoice) -> Decision {
        if gold_values(gold_doc, name).as_ref() == Some(&choice.values) {
            Decision::Accepted
        } else if read_rejected_labels(gold_doc).contains(&(name.to_owned(), choice.values.clone()))
        {
            Decision::Rejected
        } else {
            Decision::Pending
        }
    }

    /// The edit that makes `rejected` the gold document's list of rejected label choices.
    fn set_rejected_labels(
        &self,
        doc: usize,
        gold_doc: &Document,
        rejected: &HashSet<(String, Vec<String>)>,
    ) -> Option<Edit> {
        let mut sorted: Vec<&(String, Vec<String>)> = rejected.iter().collect();
        sorted.sort();
        let choices = self.document_label_candidates(doc);
        let who = |name: &str, values: &[String]| -> Vec<String> {
            choices
                .iter()
                .filter(|(n, _)| n == name)
                .flat_map(|(_, c)| c)
                .find(|c| c.values == values)
                .map_or_else(Vec::new, |c| c.annotators.clone())
        };
        let entries = sorted
            .into_iter()
            .map(|(name, values)| {
                json!({"label": name, "values": values, "annotators": who(name, values)})
            })
            .collect();
        set_list(gold_doc, REJECTED_LABELS, entries)
    }

    /// Puts `choice` of document label `name` into the gold document; the label's other
    /// choices still pending are rejected.
    pub fn accept_label_choice(
        &self,
        doc: usize,
        gold_doc: &Document,
        name: &str,
        choice: &LabelChoice,
    ) -> Vec<Edit> {
        let mut edits = Vec::new();
        let before = as_written(gold_doc, name);
        if gold_values(gold_doc, name).as_ref() != Some(&choice.values) {
            edits.push(Edit::SetDocumentLabel {
                name: name.to_owned(),
                before,
                after: Some(choice.values.clone()),
            });
        }
        let mut rejected = read_rejected_labels(gold_doc);
        for (label, others) in self.document_label_candidates(doc) {
            if label != name {
                continue;
            }
            for other in others {
                if other != *choice
                    && Self::label_decision(gold_doc, name, &other) == Decision::Pending
                {
                    rejected.insert((label.clone(), other.values));
                }
            }
        }
        rejected.remove(&(name.to_owned(), choice.values.clone()));
        edits.extend(self.set_rejected_labels(doc, gold_doc, &rejected));
        edits
    }

    /// Rejects `choice` of document label `name`: listed as rejected, and cleared from the
    /// gold document if it is gold's.
    pub fn reject_label_choice(
        &self,
        doc: usize,
        gold_doc: &Document,
        name: &str,
        choice: &LabelChoice,
    ) -> Vec<Edit> {
        let mut edits = Vec::new();
        if gold_values(gold_doc, name).as_ref() == Some(&choice.values) {
            let before = as_written(gold_doc, name);
            edits.push(Edit::SetDocumentLabel {
                name: name.to_owned(),
                before,
                after: None,
            });
        }
        let mut rejected = read_rejected_labels(gold_doc);
        rejected.insert((name.to_owned(), choice.values.clone()));
        edits.extend(self.set_rejected_labels(doc, gold_doc, &rejected));
        edits
    }

    /// Pending label choices of `doc` listed as rejected: the edit, and how many.
    pub(super) fn reject_pending_labels(
        &self,
        doc: usize,
        gold_doc: &Document,
    ) -> (Option<Edit>, usize) {
        let mut rejected = read_rejected_labels(gold_doc);
        let before = rejected.len();
        for (name, choices) in self.document_label_candidates(doc) {
            for choice in choices {
                if Self::label_decision(gold_doc, &name, &choice) == Decision::Pending {
                    rejected.insert((name.clone(), choice.values));
                }
            }
        }
        let n = rejected.len() - before;
        (self.set_rejected_labels(doc, gold_doc, &rejected), n)
    }

    /// Document labels every annotator gave the same values, set in gold where the reviewer
    /// has not decided on them.
    pub(super) fn accept_agreed_labels(
        &self,
        doc: usize,
        gold_doc: &Document,
        agreed: &mut AgreedEdits,
    ) {
        let everyone = self.names().len();
        for (name, choices) in self.document_label_candidates(doc) {
            let [choice] = choices.as_slice() else {
                continue;
            };
            let undecided = gold_values(gold_doc, &name).is_none()
                && Self::label_decision(gold_doc, &name, choice) == Decision::Pending;
            if choice.annotators.len() == everyone && undecided {
                agreed.edits.push(Edit::SetDocumentLabel {
                    name,
                    before: None,
                    after: Some(choice.values.clone()),
                });
                agreed.counts.labels += 1;
            }
        }
    }

    /// Writes in [`LABEL_PROVENANCE`] who gave exactly each of gold document `doc`'s
    /// document labels (the field only when it has labels).
    pub(super) fn stamp_labels(&self, doc: usize, gold_doc: &mut Document) {
        if gold_doc.labels.is_empty() {
            gold_doc.extra.remove(LABEL_PROVENANCE);
            return;
        }
        let choices = self.document_label_candidates(doc);
        let mut provenance = serde_json::Map::new();
        for (name, _) in &gold_doc.labels {
            let values = gold_values(gold_doc, name).unwrap_or_default();
            let who = choices
                .iter()
                .filter(|(n, _)| n == name)
                .flat_map(|(_, c)| c)
                .find(|c| c.values == values)
                .map_or_else(Vec::new, |c| c.annotators.clone());
            provenance.insert(name.clone(), json!(who));
        }
        gold_doc
            .extra
            .insert(LABEL_PROVENANCE.to_owned(), Value::Object(provenance));
    }
}
