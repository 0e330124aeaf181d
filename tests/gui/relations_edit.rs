//! Editing relations, span notes and document labels (issue #14) through the window's state:
//! each a single undoable step, never leaving a document the reader would refuse.

#![allow(
    clippy::unwrap_used,
    reason = "fixture helpers fail the test that calls them"
)]

use taliq::annotate::history::{Change, Edit};
use taliq::app::{AppState, Source};
use taliq::format::{Form, parse_corpus, write_corpus};
use taliq::model::Label;

/// Two people, a place and an agency (no ids yet), relation types with constraints, and a
/// topic and a country as document labels.
const CORPUS: &str = include_str!("../fixtures/relations.json");

fn state() -> AppState {
    let corpus = parse_corpus(CORPUS.as_bytes(), Form::Json).unwrap();
    AppState::new(corpus, Source::Untitled)
}

/// The open document as written to a file, read back: what a save would keep.
fn saved(state: &AppState) -> taliq::model::Document {
    let text = write_corpus(&state.corpus, Form::Json);
    parse_corpus(text.as_bytes(), Form::Json)
        .expect("every edit leaves a valid corpus")
        .documents
        .remove(0)
}

fn pick(state: &mut AppState, index: usize) {
    let span = &state.corpus.documents[0].spans()[index];
    state.pick = taliq::annotate::pick::Pick::span(span.range, &span.label);
}

#[test]
fn a_relation_gives_its_spans_ids_and_one_undo_takes_all_of_it_back() {
    let mut state = state();
    let id = state.add_relation("met", 0, 1).unwrap();
    assert_eq!(id, "R1");
    let doc = saved(&state);
    assert_eq!(doc.spans()[0].id.as_deref(), Some("T1"));
    assert_eq!(doc.spans()[1].id.as_deref(), Some("T2"));
    let r = &doc.relations()[0];
    assert_eq!(
        (r.label.as_str(), r.from.as_str(), r.to.as_str()),
        ("met", "T1", "T2")
    );
    // A second relation reuses T2 and gives the agency T3.
    assert_eq!(state.add_relation("related", 1, 3).as_deref(), Some("R2"));
    assert_eq!(saved(&state).spans()[3].id.as_deref(), Some("T3"));

    state.undo();
    let doc = saved(&state);
    assert_eq!(doc.relations().len(), 1);
    assert_eq!(doc.spans()[3].id, None, "the id went with its relation");
    state.undo();
    let doc = saved(&state);
    assert!(doc.relations().is_empty() && doc.spans().iter().all(|s| s.id.is_none()));
    state.redo();
    assert_eq!(saved(&state).relations().len(), 1);
}

#[test]
fn relations_that_do_not_fit_are_refused_and_change_nothing() {
    let mut state = state();
    let before = state.corpus.clone();
    assert!(state.add_relation("met", 0, 2).is_none(), "PER met LOC");
    assert!(
        state.message.contains("met does not go from PER to LOC"),
        "{}",
        state.message
    );
    assert!(state.add_relation("cites", 0, 1).is_none());
    assert!(
        state.add_relation("met", 0, 0).is_none(),
        "a span with itself"
    );
    assert_eq!(state.corpus, before, "not even an id was given");
    assert!(!state.history.is_dirty());
}

#[test]
fn deleting_a_span_takes_its_relations_and_undo_brings_both_back() {
    let mut state = state();
    state.add_relation("met", 0, 1).unwrap();
    state.add_relation("based_in", 3, 4).unwrap();
    state.add_relation("related", 1, 3).unwrap();
    let with_all = saved(&state);
    // The agency takes part in two relations.
    pick(&mut state, 3);
    state.delete_selected_span();
    assert!(
        state.message.contains("with its 2 relation(s)"),
        "{}",
        state.message
    );
    let doc = saved(&state);
    assert_eq!(doc.spans().len(), 4);
    let left: Vec<&str> = doc.relations().iter().map(|r| r.id.as_str()).collect();
    assert_eq!(left, ["R1"]);
    state.undo();
    let back = saved(&state);
    assert_eq!(back.spans(), with_all.spans());
    let mut ids: Vec<&str> = back.relations().iter().map(|r| r.id.as_str()).collect();
    ids.sort_unstable();
    assert_eq!(ids, ["R1", "R2", "R3"]);
    // A span in no relation goes alone.
    pick(&mut state, 2);
    state.delete_selected_span();
    assert_eq!(state.message, "LOC removed");
}

#[test]
fn relabelling_and_deleting_relations_and_spans_keep_every_relation_valid() {
    let mut state = state();
    state.add_relation("met", 0, 1).unwrap();
    assert!(state.relabel_relation("R1", "related"));
    assert_eq!(saved(&state).relations()[0].label, "related");
    assert!(!state.relabel_relation("R1", "based_in"), "PER to PER");
    assert!(state.relabel_relation("R1", "met"));
    // Relabelling a span whose relation would no longer fit is refused.
    let range = state.corpus.documents[0].spans()[1].range;
    let change = Change::one(
        0,
        Edit::Relabel {
            range,
            from: "PER".into(),
            to: "ORG".into(),
        },
    );
    let err = change.apply(&mut state.corpus).unwrap_err();
    assert!(err.to_string().contains("relation R1 (met)"), "{err}");
    // Removing the span directly, outside the window's deletion, is refused too.
    let span = state.corpus.documents[0].spans()[1].clone();
    let err = Change::one(0, Edit::RemoveSpan(span))
        .apply(&mut state.corpus)
        .unwrap_err();
    assert!(
        err.to_string().contains("relation R1 uses this span"),
        "{err}"
    );
    assert!(state.delete_relation("R1"));
    assert!(saved(&state).relations().is_empty());
    state.undo();
    assert_eq!(saved(&state).relations().len(), 1);
}

#[test]
fn notes_and_document_labels_are_undoable_and_checked() {
    let mut state = state();
    pick(&mut state, 1);
    assert!(state.set_span_note("  هل هو الرئيس؟ "));
    assert_eq!(
        saved(&state).spans()[1].note.as_deref(),
        Some("هل هو الرئيس؟")
    );
    assert!(state.set_span_note(""), "an empty note clears it");
    assert_eq!(saved(&state).spans()[1].note, None);
    state.undo();
    assert_eq!(
        saved(&state).spans()[1].note.as_deref(),
        Some("هل هو الرئيس؟")
    );

    assert!(state.set_document_label("topic", vec!["politics".into(), "economy".into()]));
    assert!(state.set_document_label("country", vec!["TR".into()]));
    assert!(!state.set_document_label("country", vec!["TR".into(), "RU".into()]));
    assert!(
        state.message.contains("country takes one value"),
        "{}",
        state.message
    );
    assert!(!state.set_document_label("country", vec!["EG".into()]));
    assert!(!state.set_document_label("genre", vec!["news".into()]));
    assert_eq!(
        saved(&state).labels,
        [
            (
                "topic".to_owned(),
                vec!["politics".to_owned(), "economy".to_owned()]
            ),
            ("country".to_owned(), vec!["TR".to_owned()])
        ]
    );
    assert!(state.set_document_label("topic", Vec::new()));
    assert_eq!(saved(&state).labels.len(), 1);
    state.undo();
    assert_eq!(saved(&state).labels.len(), 2);
}

#[test]
fn renaming_a_label_renames_it_in_the_relation_types_and_removing_one_they_use_is_refused() {
    let mut state = state();
    state.add_relation("based_in", 3, 4).unwrap();
    let mut drafts: Vec<(Option<String>, Label)> = state
        .corpus
        .labels
        .iter()
        .map(|l| (Some(l.name.clone()), l.clone()))
        .collect();
    "ORGANISATION".clone_into(&mut drafts[1].1.name);
    state.label_drafts = Some(drafts);
    state.apply_label_drafts().unwrap();
    assert_eq!(state.corpus.relation_labels[1].from, ["ORGANISATION"]);
    let doc = saved(&state);
    assert_eq!(doc.spans()[3].label, "ORGANISATION");
    assert_eq!(doc.relations().len(), 1, "still fits");

    // LOC has no spans left once both are deleted, but based_in still names it.
    for index in [4, 2] {
        pick(&mut state, index);
        state.delete_selected_span();
    }
    let drafts: Vec<(Option<String>, Label)> = state
        .corpus
        .labels
        .iter()
        .filter(|l| l.name != "LOC")
        .map(|l| (Some(l.name.clone()), l.clone()))
        .collect();
    state.label_drafts = Some(drafts);
    let err = state.apply_label_drafts().unwrap_err();
    assert!(err.contains("relation types still use LOC"), "{err}");
    assert!(state.corpus.label("LOC").is_some());
}

#[test]
fn the_label_editor_renames_relation_types_and_document_labels_into_the_documents_in_one_step() {
    let mut state = state();
    state.add_relation("met", 0, 1).unwrap();
    assert!(state.set_document_label("topic", vec!["politics".to_owned()]));
    let before = state.corpus.clone();
    state.edit_labels();
    {
        let links = state.link_drafts.as_mut().unwrap();
        "لقاء".clone_into(&mut links.relations[0].1.name);
        let topic = &mut links.document_labels[0];
        "الموضوع".clone_into(&mut topic.name);
        // An Arabic comma separates values too.
        topic.values = "politics، economy، رياضة".to_owned();
    }
    // A new label and a type to it, in the same step: the label goes in first.
    state.label_drafts.as_mut().unwrap().push((
        None,
        Label::new("EVENT", taliq::model::Color([9, 9, 9]), Some('9'), None),
    ));
    let mut held = taliq::model::RelationLabel::new("held", taliq::model::Color([1, 1, 1]));
    held.from = vec!["ORG".to_owned()];
    held.to = vec!["EVENT".to_owned()];
    held.key = Some('h');
    state
        .link_drafts
        .as_mut()
        .unwrap()
        .relations
        .push((None, held));
    state.apply_label_drafts().unwrap();
    assert!(state.label_drafts.is_none() && state.link_drafts.is_none());
    let names: Vec<&str> = state
        .corpus
        .relation_labels
        .iter()
        .map(|r| r.name.as_str())
        .collect();
    assert_eq!(names, ["لقاء", "based_in", "related", "held"]);
    assert_eq!(state.corpus.label("EVENT").unwrap().key, Some('9'));
    let doc = saved(&state);
    assert_eq!(doc.relations()[0].label, "لقاء");
    assert_eq!(
        doc.labels,
        [("الموضوع".to_owned(), vec!["politics".to_owned()])]
    );
    assert_eq!(
        state.corpus.document_labels[0].values,
        ["politics", "economy", "رياضة"]
    );
    // One undo takes all of it back.
    state.undo();
    assert_eq!(state.corpus, before);
}

#[test]
fn the_label_editor_refuses_to_drop_what_documents_use_and_removes_a_label_with_its_last_type() {
    let mut state = state();
    state.add_relation("met", 0, 1).unwrap();
    state.edit_labels();
    state.link_drafts.as_mut().unwrap().relations.remove(0);
    let err = state.apply_label_drafts().unwrap_err();
    assert!(err.contains("has met relations"), "{err}");
    assert!(state.corpus.relation_label("met").is_some());
    assert!(state.label_drafts.is_some(), "the editor stays open");
    state.cancel_label_drafts();

    // LOC goes, and so does based_in, the one type naming it (its spans deleted first).
    for index in [4, 2] {
        pick(&mut state, index);
        state.delete_selected_span();
    }
    state.edit_labels();
    state
        .label_drafts
        .as_mut()
        .unwrap()
        .retain(|(_, l)| l.name != "LOC");
    state
        .link_drafts
        .as_mut()
        .unwrap()
        .relations
        .retain(|(_, r)| r.name != "based_in");
    state.apply_label_drafts().unwrap();
    assert!(state.corpus.label("LOC").is_none());
    assert!(state.corpus.relation_label("based_in").is_none());
    // Written and read back: a valid file.
    let json = write_corpus(&state.corpus, Form::Json);
    parse_corpus(json.as_bytes(), Form::Json).unwrap();
}
