//! What the frames that start and end a training run do on the window's thread: they must
//! stay short on a large corpus (issue #21: one frame of 673 ms), so each test checks the
//! work is not done there, not how long it takes.

use std::collections::BTreeSet;
use std::time::{Duration, Instant};

use crate::annotate::selection::Selection;
use crate::app::state::{AppState, Source};
use crate::model::{Corpus, Document, Status};

/// Generated news: 20 done documents, then 4 new ones as a team imports them (metadata and
/// text, no spans), the last naming a city no labelled document names.
fn team_corpus() -> Corpus {
    let mut corpus = crate::synth::ner_corpus(24, 8, false, 5);
    for (i, doc) in corpus.documents.iter_mut().enumerate() {
        if i < 20 {
            doc.status = Status::Done;
            continue;
        }
        let mut text = doc.text().to_owned();
        if i == 23 {
            text.push_str("\nزار الوفد زنجبار أمس.");
        }
        *doc = Document::new(doc.id.clone(), text);
        doc.meta = Some(serde_json::json!({
            "source": "aawsat",
            "url": format!("http://aawsat.com/home/article/{i}/خبر"),
            "date": "2015-07-21 02:51:38",
        }));
    }
    corpus
}

#[test]
fn starting_a_training_run_copies_no_text() {
    let state = AppState::new(team_corpus(), Source::Untitled);
    let inputs = state.training_inputs();
    let shared = |(i, doc): &&(usize, Document)| {
        let original = &state.corpus.documents[*i];
        doc.id == original.id && std::ptr::eq(doc.text().as_ptr(), original.text().as_ptr())
    };
    let unfinished: Vec<usize> = inputs.unfinished.iter().map(|u| u.index).collect();
    assert_eq!(unfinished, [20, 21, 22, 23]);
    for u in &inputs.unfinished {
        let original = &state.corpus.documents[u.index];
        assert_eq!(u.id, original.id);
        assert!(std::ptr::eq(u.text.as_ptr(), original.text().as_ptr()));
    }
    let done: Vec<&(usize, Document)> = inputs.train.iter().filter(|(i, _)| *i < 20).collect();
    assert_eq!(done.len(), 20);
    assert!(done.iter().all(shared));
}

#[test]
fn a_trained_model_arrives_with_the_suggestions_of_every_document_the_done_ones_too() {
    let mut state = AppState::new(team_corpus(), Source::Untitled);
    // A done document is open: the frame the model arrives in offers its suggestions.
    state.open_document(3);
    state.train_tagger();
    let started = Instant::now();
    while state.suggest.model.is_none() {
        assert!(state.suggest.training.is_some(), "{}", state.message);
        assert!(started.elapsed().as_secs() < 600, "training never ended");
        std::thread::sleep(Duration::from_millis(20));
        state.poll_training();
    }
    // Quality is not needed here.
    state.suggest.training = None;
    let tagged: BTreeSet<usize> = state.suggest.tagged.keys().copied().collect();
    assert_eq!(
        tagged,
        (0..24).collect(),
        "tagged on the worker, not in a frame"
    );
}

#[test]
fn a_new_model_keeps_the_matcher_an_edit_renews_it() {
    let mut state = AppState::new(team_corpus(), Source::Untitled);
    state.open_document(23);
    state.refresh_suggestions();
    let knows_zanzibar = |state: &AppState| {
        let (_, matcher) = state.suggest.matcher.as_ref().expect("a matcher");
        !matcher
            .predict(&Document::new("x", "زار الوفد زنجبار أمس."))
            .is_empty()
    };
    assert!(!knows_zanzibar(&state));
    // Something only the matcher kept knows (no span of the corpus teaches it).
    let (_, matcher) = state.suggest.matcher.as_mut().unwrap();
    matcher.learn("زنجبار", "LOC");
    // A new model (as `use_model` marks it): the suggestions are made again, the matcher kept.
    state.suggest.model_version += 1;
    state.refresh_suggestions();
    assert!(knows_zanzibar(&state));
    // An edit changes what the matcher learns from: it learns the corpus again.
    let at = state.corpus.documents[23].text().find("زنجبار").unwrap();
    let start = state.corpus.documents[23].text()[..at].chars().count();
    state.selection = Selection::new(start, start + "زنجبار".chars().count());
    state.apply_label("PER");
    state.refresh_suggestions();
    let (_, matcher) = state.suggest.matcher.as_ref().unwrap();
    let learned = matcher.predict(&Document::new("x", "زار الوفد زنجبار أمس."));
    assert_eq!(learned.len(), 1);
    assert_eq!(
        learned[0].label, "PER",
        "learned from the corpus: {learned:?}"
    );
}

#[test]
fn a_new_model_is_merged_with_the_matchers_predictions_not_a_new_run_of_it() {
    let mut state = AppState::new(team_corpus(), Source::Untitled);
    state.open_document(23);
    state.refresh_suggestions();
    let made = |state: &AppState| {
        let (key, predictions) = state.suggest.matched.as_ref().expect("matcher predictions");
        (*key, predictions.as_ptr(), predictions.len())
    };
    let before = made(&state);
    assert!(
        before.2 > 0,
        "names the done documents label are found in a new one"
    );
    let offered = state.suggest.offered.clone();
    assert_eq!(offered.len(), before.2, "{offered:?}");
    // A new model (as `use_model` marks it): the same predictions, not the matcher again.
    state.suggest.model_version += 1;
    state.refresh_suggestions();
    assert_eq!(made(&state), before);
    assert_eq!(state.suggest.offered, offered);
    // An edit of the document: the matcher runs on what it is now.
    let at = state.corpus.documents[23].text().find("زنجبار").unwrap();
    let start = state.corpus.documents[23].text()[..at].chars().count();
    state.selection = Selection::new(start, start + "زنجبار".chars().count());
    state.apply_label("LOC");
    state.refresh_suggestions();
    let after_edit = made(&state);
    assert_eq!(
        after_edit.0.2,
        state.history.revision(),
        "made again for the edited text"
    );
    assert_ne!(after_edit.0, before.0);
    // Another document gets its own.
    state.open_document(22);
    state.refresh_suggestions();
    assert_eq!(made(&state).0.1, 22);
}
