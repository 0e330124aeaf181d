//! The label-set editor's state: drafts of the labels, relation types and document labels,
//! each with the name it had, applied together as one undoable step (renames follow into
//! the spans, relations and documents).

use crate::annotate::history::{Change, Declarations, Edit};
use crate::app::AppState;
use crate::model::{DocumentLabel, Label, RelationLabel};

/// A name changed in the editor: old, then new.
type Rename = (String, String);

/// A document label being edited, with its values as typed.
#[derive(Debug, Clone, PartialEq)]
pub struct DocumentLabelDraft {
    /// The name it had (none: a new one).
    pub original: Option<String>,
    /// Its name.
    pub name: String,
    /// Its values, comma-separated (an Arabic comma too).
    pub values: String,
    /// Whether a document may have several.
    pub multiple: bool,
}

impl DocumentLabelDraft {
    /// The values typed, trimmed, empty ones dropped.
    pub fn value_list(&self) -> Vec<String> {
        self.values
            .split([',', '،'])
            .map(str::trim)
            .filter(|v| !v.is_empty())
            .map(str::to_owned)
            .collect()
    }
}

/// The drafts of the relation types and document labels while the editor is open.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct LinkDrafts {
    /// Each relation type and the name it had (none: a new one).
    pub relations: Vec<(Option<String>, RelationLabel)>,
    /// Each document label.
    pub document_labels: Vec<DocumentLabelDraft>,
}

impl LinkDrafts {
    /// The relation types and document labels as they would be, a relation type's span
    /// labels named as after `label_renames`.
    fn declarations(&self, label_renames: &[(String, String)]) -> Declarations {
        let renamed = |name: &String| {
            label_renames.iter().fold(
                name.clone(),
                |n, (old, new)| if n == *old { new.clone() } else { n },
            )
        };
        Declarations {
            relation_labels: self
                .relations
                .iter()
                .map(|(_, kind)| {
                    let mut kind = kind.clone();
                    kind.from = kind.from.iter().map(renamed).collect();
                    kind.to = kind.to.iter().map(renamed).collect();
                    kind
                })
                .collect(),
            document_labels: self
                .document_labels
                .iter()
                .map(|d| DocumentLabel {
                    name: d.name.clone(),
                    values: d.value_list(),
                    multiple: d.multiple,
                    extra: crate::model::Extra::new(),
                })
                .collect(),
        }
    }

    /// Relation types and document labels renamed, old name then new.
    fn renames(&self) -> (Vec<Rename>, Vec<Rename>) {
        let relations = self
            .relations
            .iter()
            .filter_map(|(old, kind)| Some((old.clone()?, kind.name.clone())))
            .filter(|(old, new)| old != new)
            .collect();
        let labels = self
            .document_labels
            .iter()
            .filter_map(|d| Some((d.original.clone()?, d.name.clone())))
            .filter(|(old, new)| old != new)
            .collect();
        (relations, labels)
    }
}

impl AppState {
    /// Opens the label-set editor on a copy of the labels, relation types and document labels.
    pub fn edit_labels(&mut self) {
        self.label_drafts = Some(
            self.corpus
                .labels
                .iter()
                .map(|l| (Some(l.name.clone()), l.clone()))
                .collect(),
        );
        self.link_drafts = Some(LinkDrafts {
            relations: self
                .corpus
                .relation_labels
                .iter()
                .map(|r| (Some(r.name.clone()), r.clone()))
                .collect(),
            document_labels: self
                .corpus
                .document_labels
                .iter()
                .map(|d| DocumentLabelDraft {
                    original: Some(d.name.clone()),
                    name: d.name.clone(),
                    values: d.values.join(", "),
                    multiple: d.multiple,
                })
                .collect(),
        });
    }

    /// Closes the label-set editor without changing anything.
    pub fn cancel_label_drafts(&mut self) {
        self.label_drafts = None;
        self.link_drafts = None;
    }

    /// Applies the label-set editor's drafts as one undoable step (renames carry the spans,
    /// relations and document labels along).
    ///
    /// # Errors
    /// Why the drafts are not a valid label set; nothing changes then and the editor stays open.
    pub fn apply_label_drafts(&mut self) -> Result<(), String> {
        let Some(drafts) = self.label_drafts.clone() else {
            return Ok(());
        };
        if !self.may_edit() {
            return Err(self.message.clone());
        }
        let mut edits = Vec::new();
        let mut current = self.corpus.labels.clone();
        let mut label_renames = Vec::new();
        for (original, label) in &drafts {
            if let Some(old) = original.as_ref().filter(|old| **old != label.name) {
                let mut after = current.clone();
                if let Some(entry) = after.iter_mut().find(|l| &l.name == old) {
                    entry.name.clone_from(&label.name);
                }
                edits.push(Edit::Labels {
                    before: current.clone(),
                    after: after.clone(),
                    renamed: Some((old.clone(), label.name.clone())),
                });
                label_renames.push((old.clone(), label.name.clone()));
                current = after;
            }
        }
        let after: Vec<Label> = drafts.into_iter().map(|(_, label)| label).collect();
        if let Some(links) = &self.link_drafts {
            let before = Declarations {
                relation_labels: self.corpus.relation_labels.clone(),
                document_labels: self.corpus.document_labels.clone(),
            };
            let declared = links.declarations(&label_renames);
            let (renamed_relations, renamed_document_labels) = links.renames();
            if declared != before || !renamed_relations.is_empty() {
                // New labels go in first (without their keys, which the last step sets), so
                // that relation types may name them; labels removed go last, once no type
                // names them.
                let added: Vec<Label> = after
                    .iter()
                    .filter(|l| !current.iter().any(|c| c.name == l.name))
                    .map(|l| Label {
                        key: None,
                        ..l.clone()
                    })
                    .collect();
                if !added.is_empty() {
                    let widened: Vec<Label> = current.iter().cloned().chain(added).collect();
                    edits.push(Edit::Labels {
                        before: current.clone(),
                        after: widened.clone(),
                        renamed: None,
                    });
                    current = widened;
                }
                // The label renames have renamed them in the types already.
                let mut before = before;
                for kind in &mut before.relation_labels {
                    for name in kind.from.iter_mut().chain(kind.to.iter_mut()) {
                        if let Some((_, new)) = label_renames.iter().find(|(old, _)| old == name) {
                            name.clone_from(new);
                        }
                    }
                }
                edits.push(Edit::Declarations {
                    before,
                    after: declared,
                    renamed_relations,
                    renamed_document_labels,
                });
            }
        }
        edits.push(Edit::Labels {
            before: current,
            after,
            renamed: None,
        });
        let change = Change {
            document: self
                .selected
                .min(self.corpus.documents.len().saturating_sub(1)),
            edits,
        };
        match self.history.apply(&mut self.corpus, change) {
            Ok(()) => {
                self.autosave_pending = true;
                self.cancel_label_drafts();
                self.say("labels changed");
                Ok(())
            }
            Err(e) => Err(e.to_string()),
        }
    }
}
