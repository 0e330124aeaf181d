//! The label-set editor's state: drafts of the labels, relation types and document labels,
//! each with the name it had, applied together as one undoable step (renames follow into
//! the spans, relations and documents).

use crate::annotate::history::Declarations;
use crate::model::{DocumentLabel, RelationLabel};

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
    pub(crate) fn declarations(&self, label_renames: &[(String, String)]) -> Declarations {
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
    pub(crate) fn renames(&self) -> (Vec<Rename>, Vec<Rename>) {
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
