//! Undo and redo: the GUI never changes the corpus in place, it builds a [`Change`] and
//! applies it through [`History`], so that every change can be undone exactly (helix's
//! transactions, egui's commands).

pub use super::edit::{Change, Declarations, Edit, EditError, SpanField};
use crate::model::Corpus;

/// Undo and redo stacks over a corpus.
#[derive(Debug, Default)]
pub struct History {
    undo: Vec<Change>,
    redo: Vec<Change>,
    /// Changes applied since the corpus was last saved (negative after undoing past a save).
    unsaved: isize,
    /// Counts every apply, undo and redo: what was computed from the corpus at one revision
    /// holds until it changes.
    revision: u64,
}

impl History {
    /// Applies a change and records it for undo; clears redo.
    ///
    /// # Errors
    /// When the change does not fit the corpus (nothing is changed or recorded then).
    pub fn apply(&mut self, corpus: &mut Corpus, change: Change) -> Result<(), EditError> {
        change.apply(corpus)?;
        self.undo.push(change);
        self.redo.clear();
        self.unsaved += 1;
        self.revision += 1;
        Ok(())
    }

    /// Undoes the last change; returns it, or `None` when there is nothing to undo.
    pub fn undo(&mut self, corpus: &mut Corpus) -> Option<Change> {
        let change = self.undo.pop()?;
        change.inverse().apply(corpus).ok()?;
        self.unsaved -= 1;
        self.revision += 1;
        self.redo.push(change.clone());
        Some(change)
    }

    /// Redoes the last undone change; returns it, or `None` when there is nothing to redo.
    pub fn redo(&mut self, corpus: &mut Corpus) -> Option<Change> {
        let change = self.redo.pop()?;
        change.apply(corpus).ok()?;
        self.unsaved += 1;
        self.revision += 1;
        self.undo.push(change.clone());
        Some(change)
    }

    /// How many changes were applied, undone or redone so far.
    pub fn revision(&self) -> u64 {
        self.revision
    }

    /// Whether the corpus differs from what was last saved.
    pub fn is_dirty(&self) -> bool {
        self.unsaved != 0
    }

    /// Notes that the corpus was just saved.
    pub fn mark_saved(&mut self) {
        self.unsaved = 0;
    }

    /// Notes that the corpus differs from its file for a reason outside this history
    /// (work restored from a recovery file).
    pub fn mark_unsaved(&mut self) {
        if self.unsaved == 0 {
            self.unsaved = 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{CharRange, Document, Span, SpanError, Status};

    fn corpus() -> Corpus {
        let mut corpus = Corpus::with_default_labels();
        corpus
            .documents
            .push(Document::new("d", "قال الكرملين إن بوتين زار أنقرة"));
        corpus
    }

    fn span(a: usize, b: usize, label: &str) -> Span {
        Span::new(CharRange::new(a, b).unwrap(), label)
    }

    #[test]
    fn add_relabel_delete_status_undo_and_redo_restore_exact_states() {
        let mut c = corpus();
        let mut h = History::default();
        let states = |c: &Corpus| c.clone();
        let s0 = states(&c);
        h.apply(&mut c, Change::one(0, Edit::AddSpan(span(4, 12, "PER"))))
            .unwrap();
        let s1 = states(&c);
        h.apply(
            &mut c,
            Change::one(
                0,
                Edit::Relabel {
                    range: CharRange::new(4, 12).unwrap(),
                    from: "PER".into(),
                    to: "ORG".into(),
                },
            ),
        )
        .unwrap();
        let s2 = states(&c);
        assert_eq!(c.documents[0].spans()[0].label, "ORG");
        h.apply(
            &mut c,
            Change::one(
                0,
                Edit::SetStatus {
                    from: Status::New,
                    to: Status::Done,
                },
            ),
        )
        .unwrap();
        let s3 = states(&c);
        h.apply(&mut c, Change::one(0, Edit::RemoveSpan(span(4, 12, "ORG"))))
            .unwrap();
        let s4 = states(&c);
        assert!(c.documents[0].spans().is_empty());
        for expected in [&s3, &s2, &s1, &s0] {
            h.undo(&mut c).unwrap();
            assert_eq!(&c, expected);
        }
        assert!(h.undo(&mut c).is_none());
        assert!(!h.is_dirty());
        for expected in [&s1, &s2, &s3, &s4] {
            h.redo(&mut c).unwrap();
            assert_eq!(&c, expected);
        }
        assert!(h.is_dirty());
    }

    #[test]
    fn a_change_that_does_not_fit_changes_nothing() {
        let mut c = corpus();
        let mut h = History::default();
        let before = c.clone();
        // The second span duplicates the first: the whole change is refused and rolled back.
        let change = Change {
            document: 0,
            edits: vec![
                Edit::AddSpan(span(16, 21, "PER")),
                Edit::AddSpan(span(16, 21, "PER")),
            ],
        };
        assert!(matches!(
            h.apply(&mut c, change),
            Err(EditError::Span(SpanError::Duplicate { .. }))
        ));
        assert_eq!(c, before);
        assert!(h.undo(&mut c).is_none());
        // Relabelling onto an existing (range, label) is refused and keeps the old label.
        h.apply(
            &mut c,
            Change {
                document: 0,
                edits: vec![
                    Edit::AddSpan(span(16, 21, "PER")),
                    Edit::AddSpan(span(16, 21, "LOC")),
                ],
            },
        )
        .unwrap();
        let clash = Change::one(
            0,
            Edit::Relabel {
                range: CharRange::new(16, 21).unwrap(),
                from: "LOC".into(),
                to: "PER".into(),
            },
        );
        let before = c.clone();
        assert!(h.apply(&mut c, clash).is_err());
        assert_eq!(c, before);
    }

    #[test]
    fn renaming_a_label_renames_its_spans_everywhere_and_undoes() {
        let mut c = corpus();
        c.documents.push(Document::new("e", "زار بوتين أنقرة"));
        let mut h = History::default();
        h.apply(&mut c, Change::one(0, Edit::AddSpan(span(16, 21, "PER"))))
            .unwrap();
        h.apply(&mut c, Change::one(1, Edit::AddSpan(span(4, 9, "PER"))))
            .unwrap();
        let before_labels = c.labels.clone();
        let mut after = before_labels.clone();
        after[0].name = "PERSON".to_owned();
        after[0].description = Some("اسم شخص".to_owned());
        let rename = Edit::Labels {
            before: before_labels.clone(),
            after,
            renamed: Some(("PER".into(), "PERSON".into())),
        };
        h.apply(&mut c, Change::one(0, rename)).unwrap();
        assert!(
            c.documents
                .iter()
                .all(|d| d.spans().iter().all(|s| s.label == "PERSON"))
        );
        assert_eq!(c.labels[0].name, "PERSON");
        h.undo(&mut c).unwrap();
        assert!(
            c.documents
                .iter()
                .all(|d| d.spans().iter().all(|s| s.label == "PER"))
        );
        assert_eq!(c.labels, before_labels);
        // A duplicate hotkey is refused and changes nothing.
        let mut clash = before_labels.clone();
        clash[1].key = clash[0].key;
        let before = c.clone();
        assert!(matches!(
            h.apply(
                &mut c,
                Change::one(
                    0,
                    Edit::Labels {
                        before: before_labels,
                        after: clash,
                        renamed: None
                    }
                )
            ),
            Err(EditError::Labels(_))
        ));
        assert_eq!(c, before);
    }

    #[test]
    fn many_spans_in_one_change_undo_as_one_step() {
        let mut c = corpus();
        let mut h = History::default();
        let all = Change {
            document: 0,
            edits: vec![
                Edit::AddSpan(span(4, 12, "ORG")),
                Edit::AddSpan(span(16, 21, "PER")),
                Edit::AddSpan(span(26, 31, "LOC")),
            ],
        };
        h.apply(&mut c, all).unwrap();
        assert_eq!(c.documents[0].spans().len(), 3);
        h.undo(&mut c).unwrap();
        assert!(c.documents[0].spans().is_empty());
    }
}
