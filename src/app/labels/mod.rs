//! The label set: the editor of labels, relation types and document labels, whose drafts
//! become one undoable change of the corpus's declarations.

pub mod drafts;
pub mod editor;

use crate::annotate::history::{Change, Declarations, Edit};
use crate::app::AppState;
use crate::app::state::dialogs::Dialog;
use crate::model::Label;
use drafts::{DocumentLabelDraft, LinkDrafts};

impl AppState {
    /// Opens the label-set editor on a copy of the labels, relation types and document labels.
    pub fn edit_labels(&mut self) {
        self.dialogs.open(Dialog::Labels);
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
        self.dialogs.close(Dialog::Labels);
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
                self.say(crate::app::i18n::tr!("labels-changed"));
                Ok(())
            }
            Err(e) => Err(crate::app::i18n::Worded::worded(&e)),
        }
    }
}
