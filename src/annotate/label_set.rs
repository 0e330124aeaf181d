//! Edits of a corpus's label set: checked (names, hotkeys), a rename carried into every
//! span and relation type, and no label removed while anything still uses it.

use super::edit::EditError;
use crate::model::{Corpus, Label, Span};

/// Checks a label set: non-empty unique names, unique hotkeys.
fn check_labels(labels: &[Label]) -> Result<(), EditError> {
    let mut names = std::collections::HashSet::new();
    let mut keys = std::collections::HashSet::new();
    for label in labels {
        if label.name.trim().is_empty() {
            return Err(EditError::Labels("a label needs a name".to_owned()));
        }
        if !names.insert(label.name.as_str()) {
            return Err(EditError::Labels(format!(
                "two labels are called {}",
                label.name
            )));
        }
        if let Some(key) = label.key
            && !keys.insert(key)
        {
            return Err(EditError::Labels(format!(
                "two labels have the hotkey {key}"
            )));
        }
    }
    Ok(())
}

/// Renames every span labelled `old` in every document to `new` (a name no span has), and
/// the label in the relation types that name it.
fn rename_spans(corpus: &mut Corpus, old: &str, new: &str) {
    for kind in &mut corpus.relation_labels {
        for name in kind.from.iter_mut().chain(kind.to.iter_mut()) {
            if name == old {
                new.clone_into(name);
            }
        }
    }
    for doc in &mut corpus.documents {
        let renamed: Vec<Span> = doc
            .spans()
            .iter()
            .filter(|s| s.label == old)
            .cloned()
            .collect();
        for span in renamed {
            if let Some(index) = doc.find_span(span.range, old) {
                let mut span = doc.remove_span(index);
                new.clone_into(&mut span.label);
                // The new name is unused, so no (range, label) can clash.
                let _ = doc.add_span(span);
            }
        }
        doc.rename_suggestion_label(old, new);
    }
}

/// Replaces the corpus's label set, renaming spans (and relation types) on the way, unless
/// something would be left with a label the set no longer has.
pub(super) fn apply_labels(
    corpus: &mut Corpus,
    after: &[Label],
    renamed: Option<&(String, String)>,
) -> Result<(), EditError> {
    check_labels(after)?;
    if let Some(label) = after.iter().find(|l| {
        l.key
            .is_some_and(|k| corpus.relation_labels.iter().any(|r| r.key == Some(k)))
    }) {
        return Err(EditError::Labels(format!(
            "label {} has the hotkey of a relation type",
            label.name
        )));
    }
    if let Some((old, new)) = renamed {
        if corpus
            .documents
            .iter()
            .any(|d| d.spans().iter().any(|s| &s.label == new))
        {
            return Err(EditError::Labels(format!(
                "spans already use the name {new}"
            )));
        }
        rename_spans(corpus, old, new);
    }
    // No span may be left with a label the set no longer has.
    // Suggestions and rejections count too: a file with their label missing would not load.
    let used: std::collections::BTreeSet<&str> = corpus
        .documents
        .iter()
        .flat_map(|d| {
            let spans = d.spans().iter().map(|s| s.label.as_str());
            let suggested = d.suggestions().iter().map(|s| s.label.as_str());
            let rejected = d.rejected_suggestions().iter().map(|r| r.label.as_str());
            spans.chain(suggested).chain(rejected)
        })
        // A relation type naming a label would not load without it either.
        .chain(
            corpus
                .relation_labels
                .iter()
                .flat_map(|r| r.from.iter().chain(&r.to).map(String::as_str)),
        )
        .filter(|name| !after.iter().any(|l| l.name == *name))
        .collect();
    if let Some(name) = used.first() {
        let message = format!(
            "spans, suggestions or relation types still use {name}: relabel or delete them first"
        );
        if let Some((old, new)) = renamed {
            rename_spans(corpus, new, old);
        }
        return Err(EditError::Labels(message));
    }
    after.clone_into(&mut corpus.labels);
    Ok(())
}
