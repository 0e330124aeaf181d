//! Applying edits to a corpus: the one place that dispatches each kind of [`Edit`] to the
//! code that checks and makes it (spans and statuses here; the label set, the relation
//! types and document labels, and relations and notes in their own files).

use super::edit::{Change, Edit, EditError};
use crate::model::Corpus;

impl Change {
    /// Applies every edit, or none of them.
    ///
    /// # Errors
    /// The first edit that does not fit; the edits before it are rolled back.
    pub fn apply(&self, corpus: &mut Corpus) -> Result<(), EditError> {
        for (i, edit) in self.edits.iter().enumerate() {
            if let Err(e) = apply_edit(corpus, self.document, edit) {
                for done in self.edits[..i].iter().rev() {
                    // Undoing edits that just succeeded cannot fail.
                    let _ = apply_edit(corpus, self.document, &done.inverse());
                }
                return Err(e);
            }
        }
        Ok(())
    }
}

fn apply_edit(corpus: &mut Corpus, document: usize, edit: &Edit) -> Result<(), EditError> {
    if let Edit::Labels { after, renamed, .. } = edit {
        return super::label_set::apply_labels(corpus, after, renamed.as_ref());
    }
    if let Edit::Declarations {
        after,
        renamed_relations,
        renamed_document_labels,
        ..
    } = edit
    {
        return super::declarations::apply_declarations(
            corpus,
            after,
            renamed_relations,
            renamed_document_labels,
        );
    }
    let (relation_labels, document_labels) = (&corpus.relation_labels, &corpus.document_labels);
    let doc = corpus
        .documents
        .get_mut(document)
        .ok_or(EditError::NoDocument(document))?;
    match edit {
        Edit::AddSpan(span) => {
            doc.add_span(span.clone())?;
        }
        Edit::RemoveSpan(span) => {
            let index =
                doc.find_span(span.range, &span.label)
                    .ok_or_else(|| EditError::NoSpan {
                        range: span.range,
                        label: span.label.clone(),
                    })?;
            if let Some(id) = &doc.spans()[index].id
                && let Some(r) = doc.relations_of(id).next()
            {
                return Err(EditError::Relation(format!(
                    "relation {} uses this span: delete it first",
                    r.id
                )));
            }
            doc.remove_span(index);
        }
        Edit::AddRelation(_)
        | Edit::RemoveRelation(_)
        | Edit::SetSpanField { .. }
        | Edit::SetDocumentLabel { .. } => {
            super::links::apply_link_edit(doc, relation_labels, document_labels, edit)?;
        }
        Edit::Relabel { range, from, to } => {
            let index = doc
                .find_span(*range, from)
                .ok_or_else(|| EditError::NoSpan {
                    range: *range,
                    label: from.clone(),
                })?;
            super::links::check_relabel(doc, relation_labels, index, to)?;
            let mut span = doc.remove_span(index);
            span.label.clone_from(to);
            if let Err(e) = doc.add_span(span.clone()) {
                span.label.clone_from(from);
                let _ = doc.add_span(span);
                return Err(e.into());
            }
        }
        Edit::AddSuggestion(_)
        | Edit::RemoveSuggestion(_)
        | Edit::AddRejected(_)
        | Edit::RemoveRejected(_)
        | Edit::SetSuggestions { .. } => apply_suggestion_edit(doc, edit)?,
        Edit::SetStatus { to, .. } => doc.status = *to,
        Edit::SetField { key, after, .. } => match after {
            Some(value) => {
                doc.extra.insert(key.clone(), value.clone());
            }
            None => {
                doc.extra.remove(key);
            }
        },
        Edit::Labels { .. } | Edit::Declarations { .. } => {
            unreachable!("label sets and declarations are applied above")
        }
    }
    Ok(())
}

/// Applies an edit of a document's suggestions or rejections.
fn apply_suggestion_edit(doc: &mut crate::model::Document, edit: &Edit) -> Result<(), EditError> {
    match edit {
        Edit::AddSuggestion(s) => {
            doc.add_suggestion(s.clone())?;
        }
        Edit::RemoveSuggestion(s) => {
            let index =
                doc.find_suggestion(s.range, &s.label)
                    .ok_or_else(|| EditError::NoSuggestion {
                        range: s.range,
                        label: s.label.clone(),
                    })?;
            doc.remove_suggestion(index);
        }
        Edit::AddRejected(r) => {
            doc.add_rejected(r.clone())?;
        }
        Edit::RemoveRejected(r) => {
            let index =
                doc.find_rejected(r.range, &r.label)
                    .ok_or_else(|| EditError::NoSuggestion {
                        range: r.range,
                        label: r.label.clone(),
                    })?;
            doc.remove_rejected(index);
        }
        Edit::SetSuggestions { after, .. } => {
            doc.set_suggestions(after.clone())?;
        }
        _ => {}
    }
    Ok(())
}
