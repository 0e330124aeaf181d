//! Edits of what links spans and labels whole documents — relations, span ids and notes,
//! document labels — checked against the corpus's declarations, so that no edit leaves a
//! document the reader would refuse.

use super::edit::{Edit, EditError, SpanField};
use crate::model::{CharRange, Document, DocumentLabel, Relation, RelationLabel};

/// Applies a relation, span-field or document-label edit to `doc`.
///
/// # Errors
/// An edit that does not fit: see [`EditError::Relation`] and [`EditError::DocumentLabel`].
pub(super) fn apply_link_edit(
    doc: &mut Document,
    relation_labels: &[RelationLabel],
    document_labels: &[DocumentLabel],
    edit: &Edit,
) -> Result<(), EditError> {
    match edit {
        Edit::AddRelation(relation) => {
            check_relation(doc, relation_labels, relation)?;
            doc.add_relation(relation.clone())
                .map_err(|e| EditError::Relation(e.to_string()))
        }
        Edit::RemoveRelation(relation) => doc
            .remove_relation(&relation.id)
            .map(drop)
            .map_err(|e| EditError::Relation(e.to_string())),
        Edit::SetSpanField {
            range,
            label,
            field,
            after,
            ..
        } => set_span_field(doc, *range, label, *field, after.as_deref()),
        Edit::SetDocumentLabel { name, after, .. } => {
            set_document_label(doc, document_labels, name, after.as_ref())
        }
        _ => Ok(()),
    }
}

/// Checks that `relation`'s type is declared and allows its spans' labels.
fn check_relation(
    doc: &Document,
    relation_labels: &[RelationLabel],
    relation: &Relation,
) -> Result<(), EditError> {
    let kind = relation_labels
        .iter()
        .find(|r| r.name == relation.label)
        .ok_or_else(|| {
            EditError::Relation(format!("no relation label is called {}", relation.label))
        })?;
    let label_of = |id: &str| {
        doc.span_by_id(id)
            .map(|i| doc.spans()[i].label.clone())
            .ok_or_else(|| EditError::Relation(format!("no span has the id {id}")))
    };
    let (from, to) = (label_of(&relation.from)?, label_of(&relation.to)?);
    if kind.allows(&from, &to) {
        Ok(())
    } else {
        Err(EditError::Relation(format!(
            "{} does not go from {from} to {to}",
            relation.label
        )))
    }
}

/// Refuses to relabel the span at `index` to `to` when a relation of it would no longer fit.
pub(super) fn check_relabel(
    doc: &Document,
    relation_labels: &[RelationLabel],
    index: usize,
    to: &str,
) -> Result<(), EditError> {
    let Some(id) = doc.spans()[index].id.as_deref() else {
        return Ok(());
    };
    let label_of = |span: &str| {
        if span == id {
            to.to_owned()
        } else {
            doc.span_by_id(span)
                .map_or_else(String::new, |i| doc.spans()[i].label.clone())
        }
    };
    for relation in doc.relations_of(id) {
        let fits = relation_labels
            .iter()
            .find(|r| r.name == relation.label)
            .is_some_and(|kind| kind.allows(&label_of(&relation.from), &label_of(&relation.to)));
        if !fits {
            return Err(EditError::Relation(format!(
                "relation {} ({}) would not fit a {to} span: change or delete it first",
                relation.id, relation.label
            )));
        }
    }
    Ok(())
}

fn set_span_field(
    doc: &mut Document,
    range: CharRange,
    label: &str,
    field: SpanField,
    value: Option<&str>,
) -> Result<(), EditError> {
    let index = doc
        .find_span(range, label)
        .ok_or_else(|| EditError::NoSpan {
            range,
            label: label.to_owned(),
        })?;
    match field {
        SpanField::Note => {
            doc.set_span_note(index, value.map(str::to_owned));
            Ok(())
        }
        SpanField::Id => {
            let current = doc.spans()[index].id.clone();
            if let Some(id) = &current
                && doc.relations_of(id).next().is_some()
            {
                return Err(EditError::Relation(format!(
                    "relations use the id {id}: it cannot change"
                )));
            }
            if let Some(id) = value
                && doc.span_by_id(id).is_some_and(|other| other != index)
            {
                return Err(EditError::Relation(format!(
                    "another span already has the id {id}"
                )));
            }
            doc.set_span_id(index, value.map(str::to_owned));
            Ok(())
        }
    }
}

fn set_document_label(
    doc: &mut Document,
    declared: &[DocumentLabel],
    name: &str,
    values: Option<&Vec<String>>,
) -> Result<(), EditError> {
    let Some(values) = values.filter(|v| !v.is_empty()) else {
        doc.labels.retain(|(n, _)| n != name);
        return Ok(());
    };
    let label = declared
        .iter()
        .find(|d| d.name == name)
        .ok_or_else(|| EditError::DocumentLabel(format!("no document label is called {name}")))?;
    if let Some(unknown) = values.iter().find(|v| !label.values.contains(v)) {
        return Err(EditError::DocumentLabel(format!(
            "{name} has no value {unknown}"
        )));
    }
    if !label.multiple && values.len() > 1 {
        return Err(EditError::DocumentLabel(format!("{name} takes one value")));
    }
    match doc.labels.iter_mut().find(|(n, _)| n == name) {
        Some((_, current)) => current.clone_from(values),
        None => doc.labels.push((name.to_owned(), values.clone())),
    }
    Ok(())
}
