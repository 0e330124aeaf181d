//! Edits of a corpus's relation types and document labels: checked (names, hotkeys, the
//! span labels a type links), renames carried into every document, and nothing removed or
//! narrowed while a document still uses it.

use super::edit::{Declarations, EditError};
use crate::model::Corpus;

/// Checks relation types and document labels against each other and the corpus's labels.
fn check(corpus: &Corpus, after: &Declarations) -> Result<(), EditError> {
    let bad = |message: String| Err(EditError::Labels(message));
    let mut names = std::collections::HashSet::new();
    let mut keys: std::collections::HashSet<char> =
        corpus.labels.iter().filter_map(|l| l.key).collect();
    for kind in &after.relation_labels {
        if kind.name.trim().is_empty() {
            return bad("a relation type needs a name".to_owned());
        }
        if !names.insert(kind.name.as_str()) {
            return bad(format!("two relation types are called {}", kind.name));
        }
        if let Some(key) = kind.key
            && !keys.insert(key)
        {
            return bad(format!(
                "the hotkey {key} of relation type {} is taken by a label or another type",
                kind.name
            ));
        }
        if let Some(unknown) = kind
            .from
            .iter()
            .chain(&kind.to)
            .find(|l| corpus.label(l).is_none())
        {
            return bad(format!(
                "relation type {} names the label {unknown}, which the corpus does not have",
                kind.name
            ));
        }
    }
    let mut names = std::collections::HashSet::new();
    for label in &after.document_labels {
        if label.name.trim().is_empty() {
            return bad("a document label needs a name".to_owned());
        }
        if !names.insert(label.name.as_str()) {
            return bad(format!("two document labels are called {}", label.name));
        }
        if label.values.is_empty() || label.values.iter().any(|v| v.trim().is_empty()) {
            return bad(format!("document label {} needs values", label.name));
        }
        let mut values = std::collections::HashSet::new();
        if let Some(twice) = label.values.iter().find(|v| !values.insert(v.as_str())) {
            return bad(format!("document label {} has {twice} twice", label.name));
        }
    }
    Ok(())
}

/// What a document uses that `after` would not allow, if anything: a relation of a type it
/// lacks or that no longer links those labels, a document label or value it lacks, several
/// values of a label that became single.
fn first_misuse(corpus: &Corpus, after: &Declarations) -> Option<String> {
    for doc in &corpus.documents {
        for (relation, ends) in doc.relations().iter().zip(doc.relation_ends()) {
            let Some(kind) = after
                .relation_labels
                .iter()
                .find(|k| k.name == relation.label)
            else {
                return Some(format!(
                    "document {} has {} relations: change or delete them first",
                    doc.id, relation.label
                ));
            };
            let (from, to) = ends.map_or(("", ""), |(a, b)| (a.label.as_str(), b.label.as_str()));
            if !kind.allows(from, to) {
                return Some(format!(
                    "document {} has a {} relation from {from} to {to}, which the type would no longer allow",
                    doc.id, relation.label
                ));
            }
        }
        for (name, values) in &doc.labels {
            let Some(label) = after.document_labels.iter().find(|l| &l.name == name) else {
                return Some(format!(
                    "document {} has the document label {name}: clear it first",
                    doc.id
                ));
            };
            if let Some(value) = values.iter().find(|v| !label.values.contains(v)) {
                return Some(format!(
                    "document {} has {name}: {value}: clear it first",
                    doc.id
                ));
            }
            if !label.multiple && values.len() > 1 {
                return Some(format!(
                    "document {} has several values of {name}, which would allow one",
                    doc.id
                ));
            }
        }
    }
    None
}

/// Renames relation types and document labels in every document.
fn rename(corpus: &mut Corpus, relations: &[(String, String)], labels: &[(String, String)]) {
    for doc in &mut corpus.documents {
        for (old, new) in relations {
            doc.rename_relation_label(old, new);
        }
        for (old, new) in labels {
            for (name, _) in &mut doc.labels {
                if name == old {
                    new.clone_into(name);
                }
            }
        }
    }
}

/// Replaces the corpus's relation types and document labels, renaming in documents on the
/// way, unless a document would be left using what they no longer declare.
pub(super) fn apply_declarations(
    corpus: &mut Corpus,
    after: &Declarations,
    renamed_relations: &[(String, String)],
    renamed_document_labels: &[(String, String)],
) -> Result<(), EditError> {
    check(corpus, after)?;
    rename(corpus, renamed_relations, renamed_document_labels);
    if let Some(message) = first_misuse(corpus, after) {
        let back = |renames: &[(String, String)]| -> Vec<(String, String)> {
            renames
                .iter()
                .rev()
                .map(|(old, new)| (new.clone(), old.clone()))
                .collect()
        };
        rename(
            corpus,
            &back(renamed_relations),
            &back(renamed_document_labels),
        );
        return Err(EditError::Labels(message));
    }
    after
        .relation_labels
        .clone_into(&mut corpus.relation_labels);
    after
        .document_labels
        .clone_into(&mut corpus.document_labels);
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::annotate::edit::{Change, Edit};
    use crate::model::{CharRange, Color, Document, DocumentLabel, Relation, RelationLabel, Span};

    /// بوتينُ and أردوغانَ (PER) linked by met; topic politics.
    fn corpus() -> Corpus {
        let mut c = Corpus::with_default_labels();
        c.relation_labels = vec![RelationLabel::new("met", Color([1, 2, 3]))];
        c.document_labels = vec![DocumentLabel::new("topic", &["politics", "economy"], false)];
        let mut d = Document::new("d", "التقى بوتينُ أردوغانَ");
        for (i, (a, b)) in [(6, 12), (13, 21)].into_iter().enumerate() {
            let mut s = Span::new(CharRange::new(a, b).unwrap(), "PER");
            s.id = Some(format!("T{i}"));
            d.add_span(s).unwrap();
        }
        d.add_relation(Relation::new("R1", "met", "T0", "T1"))
            .unwrap();
        d.labels = vec![("topic".into(), vec!["politics".into()])];
        c.documents.push(d);
        c
    }

    fn declarations(c: &Corpus) -> Declarations {
        Declarations {
            relation_labels: c.relation_labels.clone(),
            document_labels: c.document_labels.clone(),
        }
    }

    fn change(
        c: &Corpus,
        after: Declarations,
        relations: &[(&str, &str)],
        labels: &[(&str, &str)],
    ) -> Change {
        let own = |r: &[(&str, &str)]| {
            r.iter()
                .map(|(a, b)| ((*a).to_owned(), (*b).to_owned()))
                .collect()
        };
        Change::one(
            0,
            Edit::Declarations {
                before: declarations(c),
                after,
                renamed_relations: own(relations),
                renamed_document_labels: own(labels),
            },
        )
    }

    #[test]
    fn renames_follow_into_documents_and_undo_takes_them_back() {
        let mut c = corpus();
        let before = c.clone();
        let mut after = declarations(&c);
        after.relation_labels[0].name = "التقى".into();
        after.document_labels[0].name = "الموضوع".into();
        after.document_labels[0].values.push("sport".into());
        let edit = change(&c, after, &[("met", "التقى")], &[("topic", "الموضوع")]);
        edit.apply(&mut c).unwrap();
        assert_eq!(c.documents[0].relations()[0].label, "التقى");
        assert_eq!(c.documents[0].labels[0].0, "الموضوع");
        assert_eq!(c.document_labels[0].values.len(), 3);
        edit.inverse().apply(&mut c).unwrap();
        assert_eq!(c, before);
    }

    #[test]
    fn what_documents_use_cannot_go_and_nothing_changes_then() {
        let c = corpus();
        let refused = |after: Declarations| {
            let mut copy = c.clone();
            let err = change(&c, after, &[], &[]).apply(&mut copy).unwrap_err();
            assert_eq!(copy, c, "nothing changed");
            err.to_string()
        };
        let mut no_met = declarations(&c);
        no_met.relation_labels.clear();
        assert!(refused(no_met).contains("has met relations"));
        let mut org_only = declarations(&c);
        org_only.relation_labels[0].from = vec!["ORG".into()];
        assert!(refused(org_only).contains("would no longer allow"));
        let mut no_politics = declarations(&c);
        no_politics.document_labels[0].values = vec!["economy".into()];
        assert!(refused(no_politics).contains("topic: politics"));
        let mut unknown = declarations(&c);
        unknown.relation_labels[0].to = vec!["PERSON".into()];
        assert!(refused(unknown).contains("does not have"));
        let mut clash = declarations(&c);
        clash.relation_labels[0].key = Some('1');
        assert!(refused(clash).contains("hotkey 1"));
        let mut empty = declarations(&c);
        empty
            .document_labels
            .push(DocumentLabel::new("country", &[], false));
        assert!(refused(empty).contains("needs values"));
    }
}
