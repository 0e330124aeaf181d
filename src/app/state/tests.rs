//! The state's own tests: swaps of the corpus keep preferences and autosave.

use std::path::{Path, PathBuf};

use super::*;
use crate::annotate::pick::Pick;
use crate::annotate::selection::Selection;
use crate::format::Form;
use pick::PickAction;

/// The window's state as `taliq` starts it with no argument: the bundled sample, its
/// recovery file in the data folder, an annotator remembered from the last run.
fn started_on_the_sample(home: &Path) -> AppState {
    let mut state = AppState::sample().expect("the bundled sample is valid");
    state.prefs.untitled_home = Some(home.to_path_buf());
    state.prefs.user = Some("أمل".to_owned());
    state
}

#[test]
fn text_imported_into_an_open_window_is_autosaved() {
    let home = tempfile::tempdir().unwrap();
    let texts = tempfile::tempdir().unwrap();
    let txt = texts.path().join("خبر.txt");
    std::fs::write(&txt, "قالَ بوتين في موسكو إنّ المحادثات مستمرة 2022.\n").unwrap();
    let mut earlier = crate::synth::corpus(1, 120, 2, 7);
    earlier.documents[0].id = "من قبل".to_owned();
    crate::app::state::recovery::write_recovery(&home.path().join("untitled.json"), &earlier)
        .unwrap();
    let mut state = started_on_the_sample(home.path());
    state.look_for_recovery();
    assert!(state.recovery.is_some());
    state.open_paths(&[txt]).expect("the text file imports");
    assert!(
        state.recovery.is_some(),
        "the earlier work is still offered after the import"
    );
    assert!(matches!(state.source, Source::Untitled));
    state.selection = Selection::new(5, 10);
    state.apply_label("PER");
    assert!(state.history.is_dirty(), "{}", state.message);
    state.autosave(crate::app::state::recovery::AUTOSAVE_SECONDS + 1.0, false);
    let recovery = home.path().join("untitled.recovery.json");
    let saved = format::load(&recovery).expect("the imported work is in the recovery file");
    let doc = &saved.documents[0];
    assert_eq!(doc.id, "خبر");
    assert_eq!(
        doc.spans()
            .iter()
            .map(|s| doc.span_text(s))
            .collect::<Vec<_>>(),
        ["بوتين"]
    );
    // The annotator named before the import signs the new corpus too.
    assert_eq!(state.prefs.user.as_deref(), Some("أمل"));
}

#[test]
fn every_swap_of_the_corpus_keeps_the_preferences_and_drops_old_views() {
    let home = tempfile::tempdir().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let txt = dir.path().join("نص.txt");
    std::fs::write(&txt, "قالت أمل إن الكرملين ردّ 😀 على أنقرة.\n").unwrap();
    let corpus_path = dir.path().join("c.json");
    let corpus = crate::synth::corpus(3, 200, 3, 4);
    format::CorpusFile::create(&corpus_path, &corpus, false).unwrap();
    let mut state = started_on_the_sample(home.path());
    state.prefs.snap.words = false;
    state.prefs.suggest.threshold = 0.55;
    state.prefs.suggest.order_by_uncertainty = true;
    let prefs = state.prefs.clone();
    let mut generation = state.generation;
    let mut swapped = |state: &AppState, what: &str| {
        assert_eq!(state.prefs, prefs, "{what}");
        assert!(state.generation > generation, "{what}");
        generation = state.generation;
    };
    state.open_paths(&[txt]).unwrap();
    swapped(&state, "text import");
    state
        .open_paths(std::slice::from_ref(&corpus_path))
        .unwrap();
    swapped(&state, "open");
    assert!(!state.is_read_only(), "{}", state.message);
    let mut theirs = corpus.clone();
    theirs.documents[0].status = Status::Done;
    std::thread::sleep(std::time::Duration::from_millis(20));
    std::fs::write(&corpus_path, format::write_corpus(&theirs, Form::Json)).unwrap();
    state.reload_theirs().unwrap();
    swapped(&state, "reload");
    assert_eq!(state.corpus.documents[0].status, Status::Done);
    let annotators =
        ["a", "b"].map(|n| PathBuf::from(format!("tests/fixtures/agreement_{n}.json")));
    state
        .open_review(&annotators, &dir.path().join("gold.json"))
        .unwrap();
    swapped(&state, "review");
    assert!(state.review.is_some());
}

#[test]
fn label_keys_and_delete_act_on_the_one_pick() {
    let bytes = std::fs::read("tests/fixtures/relations.json").unwrap();
    let corpus = format::parse_corpus(&bytes, Form::Json).unwrap();
    let mut state = AppState::new(corpus, Source::Untitled);
    let span = |state: &AppState, i: usize| state.corpus.documents[0].spans()[i].clone();
    let labels = |state: &AppState| -> Vec<String> {
        let doc = &state.corpus.documents[0];
        doc.spans().iter().map(|s| s.label.clone()).collect()
    };

    // Nothing picked: Delete does nothing, a label key labels the selection (2022).
    state.act_on_pick(PickAction::Remove);
    assert_eq!(state.corpus.documents[0].spans().len(), 5);
    state.selection = Selection::new(31, 35);
    state.act_on_pick(PickAction::Label("ORG"));
    assert_eq!(
        state.corpus.documents[0].spans().len(),
        6,
        "{}",
        state.message
    );
    assert!(
        matches!(state.pick, Pick::Span { .. }),
        "the new span is picked"
    );

    // A picked span: a label key relabels it, a relation type's key starts a relation.
    let putin = span(&state, 0);
    state.pick = Pick::span(putin.range, &putin.label);
    state.act_on_pick(PickAction::Label("ORG"));
    assert_eq!(labels(&state)[0], "ORG");
    state.act_on_pick(PickAction::Label("PER"));
    state.act_on_pick(PickAction::RelationType("met"));
    assert_eq!(state.pick.as_draft().map(|d| d.from), Some(0));
    state.step_relation_target(true);
    let id = state.finish_relation(None).expect("met from PER to PER");
    assert_eq!(state.pick, Pick::Relation(id.clone()));

    // A picked relation: a relation type's key retypes it, Delete removes it.
    state.act_on_pick(PickAction::RelationType("related"));
    assert_eq!(state.corpus.documents[0].relations()[0].label, "related");
    state.act_on_pick(PickAction::Remove);
    assert!(state.corpus.documents[0].relations().is_empty());
    assert!(state.pick.is_none());

    // A picked span again: Delete removes it (and only it).
    let reuters = span(&state, 3);
    state.pick = Pick::span(reuters.range, &reuters.label);
    state.act_on_pick(PickAction::Remove);
    assert!(!labels(&state).is_empty());
    assert!(
        state.corpus.documents[0]
            .spans()
            .iter()
            .all(|s| s.range != reuters.range)
    );
}
