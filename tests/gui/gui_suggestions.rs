//! Suggestions in the window, driven headless with `egui_kittest`: Tab through them, Enter
//! accepts, Delete rejects, a label key accepts as that label, accept-all above the threshold
//! is one undo step, the tagger trains on a worker and the panel shows its figures.

#![allow(
    clippy::unwrap_used,
    reason = "fixture helpers fail the test that calls them"
)]

use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use taliq::app::{AppState, Source, TaliqApp};
use taliq::format::CorpusFile;
use taliq::model::{CharRange, Corpus, Document, Span, Status};

use crate::support;

/// The first mention of each name labelled; the matcher offers the others (one after a
/// proclitic: روسيا in لروسيا).
const TEXT: &str =
    "قال بوتين إن روسيا مستعدة.\nوزار بوتين أنقرة، ثم عاد لروسيا.\nوأكد بوتين أن أنقرة شريك.";

/// Code-point range of the `nth` (0-based) occurrence of `needle` in `text`.
fn nth(text: &str, needle: &str, n: usize) -> CharRange {
    let byte = text
        .match_indices(needle)
        .nth(n)
        .expect("needle in the text")
        .0;
    let start = text[..byte].chars().count();
    CharRange::between(start, start + needle.chars().count())
}

fn corpus() -> Corpus {
    let mut corpus = Corpus::with_default_labels();
    let mut doc = Document::new("d1", TEXT);
    doc.status = Status::InProgress;
    for (needle, label) in [("بوتين", "PER"), ("روسيا", "LOC"), ("أنقرة", "LOC")] {
        doc.add_span(Span::new(nth(TEXT, needle, 0), label))
            .unwrap();
    }
    corpus.documents.push(doc);
    corpus
}

fn harness_on(state: AppState) -> Harness<'static, TaliqApp> {
    support::window(state, 1300.0, 800.0)
}

/// (start, label, source) of the spans of the open document that came from suggestions.
fn accepted(harness: &Harness<'_, TaliqApp>) -> Vec<(usize, String, String)> {
    harness.state().state.corpus.documents[0]
        .spans()
        .iter()
        .filter_map(|s| {
            s.source
                .as_ref()
                .map(|src| (s.range.start(), s.label.clone(), src.clone()))
        })
        .collect()
}

fn picked(harness: &Harness<'_, TaliqApp>) -> Option<(CharRange, String)> {
    harness
        .state()
        .state
        .pick
        .as_suggestion()
        .map(|s| (s.range, s.label.clone()))
}

#[test]
fn tab_enter_delete_and_label_keys_decide_suggestions_and_undo_takes_each_back() {
    let mut harness = harness_on(AppState::new(corpus(), Source::Untitled));
    harness.run();
    let offered: Vec<(CharRange, String)> = harness
        .state()
        .state
        .suggest
        .offered
        .iter()
        .map(|s| (s.range, s.label.clone()))
        .collect();
    let expected = vec![
        (nth(TEXT, "بوتين", 1), "PER".to_owned()),
        (nth(TEXT, "روسيا", 1), "LOC".to_owned()),
        (nth(TEXT, "بوتين", 2), "PER".to_owned()),
        (nth(TEXT, "أنقرة", 1), "LOC".to_owned()),
    ];
    // روسيا in لروسيا starts after the lam.
    assert_eq!(TEXT.chars().nth(expected[1].0.start() - 1), Some('ل'));
    assert_eq!(offered, expected, "the other mentions, in text order");
    // Offering changes nothing in the corpus: no undo step, nothing to save.
    assert!(!harness.state().state.history.is_dirty());
    let frame = harness.state().document_view.as_ref().unwrap().last_frame;
    assert!(frame.suggestions >= 4, "{frame:?}");

    harness.key_press(Key::Tab);
    harness.run();
    assert_eq!(picked(&harness), Some(expected[0].clone()));
    harness.key_press(Key::Tab);
    harness.run();
    assert_eq!(picked(&harness), Some(expected[1].clone()));
    harness.key_press_modifiers(Modifiers::SHIFT, Key::Tab);
    harness.run();
    assert_eq!(picked(&harness), Some(expected[0].clone()));

    // Enter accepts the picked one and picks the next.
    harness.key_press(Key::Enter);
    harness.run();
    assert_eq!(
        accepted(&harness),
        [(expected[0].0.start(), "PER".into(), "matcher".into())]
    );
    assert_eq!(picked(&harness), Some(expected[1].clone()));
    // Delete rejects it: remembered, never offered again.
    harness.key_press(Key::Delete);
    harness.run();
    let doc = &harness.state().state.corpus.documents[0];
    assert!(doc.find_rejected(expected[1].0, "LOC").is_some());
    assert!(doc.find_span(expected[1].0, "LOC").is_none());
    assert_eq!(picked(&harness), Some(expected[2].clone()));
    // The ORG key accepts the third بوتين as ORG instead.
    let org_key = harness
        .state()
        .state
        .corpus
        .labels
        .iter()
        .find(|l| l.name == "ORG")
        .and_then(|l| l.key)
        .unwrap();
    harness.event(egui::Event::Text(org_key.to_string()));
    harness.run();
    let doc = &harness.state().state.corpus.documents[0];
    let i = doc
        .find_span(expected[2].0, "ORG")
        .expect("accepted as ORG");
    assert_eq!(doc.spans()[i].source.as_deref(), Some("matcher"));
    assert!(doc.find_rejected(expected[2].0, "PER").is_some());
    let offered = harness.state().state.suggest.offered.len();
    assert_eq!(offered, 1, "one left");

    // Three decisions, three undo steps.
    for _ in 0..3 {
        harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
        harness.run();
    }
    let state = &harness.state().state;
    assert_eq!(state.corpus, corpus());
    assert_eq!(state.suggest.offered.len(), 4, "all offered again");
}

#[test]
fn accept_all_above_the_threshold_is_one_undo_step_and_the_file_keeps_sources_and_rejections() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("c.json");
    CorpusFile::create(&path, &corpus(), false).unwrap();
    let mut harness = harness_on(AppState::open(&path).unwrap());
    harness.run();
    // Reject one first, then take every other one scoring at least the threshold.
    harness.key_press(Key::Tab);
    harness.run();
    harness.key_press(Key::Delete);
    harness.run();
    harness.state_mut().state.prefs.suggest.threshold = 0.5;
    harness.get_by_label("accept 3 at or above it").click();
    harness.run();
    assert_eq!(accepted(&harness).len(), 3);
    assert!(harness.state().state.suggest.offered.is_empty());
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    assert_eq!(
        accepted(&harness).len(),
        0,
        "one Ctrl+Z takes all three back"
    );
    assert_eq!(harness.state().state.suggest.offered.len(), 3);
    harness.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::A);
    harness.run();
    assert_eq!(accepted(&harness).len(), 3, "Ctrl+Shift+A does the same");

    harness.key_press_modifiers(Modifiers::COMMAND, Key::S);
    harness.run();
    let saved = taliq::format::load(&path).unwrap();
    let doc = &saved.documents[0];
    assert_eq!(doc.spans().len(), 6);
    assert_eq!(
        doc.spans()
            .iter()
            .filter(|s| s.source.as_deref() == Some("matcher"))
            .count(),
        3
    );
    assert_eq!(doc.rejected_suggestions().len(), 1);
    assert!(
        doc.suggestions().is_empty(),
        "offered ones are never written"
    );
    let json = std::fs::read_to_string(&path).unwrap();
    assert!(json.contains("\"source\": \"matcher\"") || json.contains("\"source\":\"matcher\""));
}

#[test]
fn turning_suggestions_off_hides_them_and_frees_the_keys() {
    let mut harness = harness_on(AppState::new(corpus(), Source::Untitled));
    harness.run();
    assert_eq!(harness.state().state.suggest.offered.len(), 4);
    harness.get_by_label("show suggestions").click();
    harness.run();
    let app = harness.state();
    assert!(app.state.suggest.offered.is_empty());
    assert_eq!(
        app.document_view.as_ref().unwrap().last_frame.suggestions,
        0
    );
    harness.key_press(Key::Tab);
    harness.run();
    assert_eq!(picked(&harness), None);
    harness.get_by_label("show suggestions").click();
    harness.run();
    assert_eq!(harness.state().state.suggest.offered.len(), 4);
}

/// Many documents of generated news sentences, some finished, for the tagger to learn from.
fn tagger_corpus() -> Corpus {
    let mut corpus = taliq::synth::ner_corpus(24, 8, false, 5);
    for (i, doc) in corpus.documents.iter_mut().enumerate() {
        doc.status = if i < 20 { Status::Done } else { Status::New };
        if i >= 20 {
            *doc = Document::new(doc.id.clone(), doc.text());
        }
    }
    // A city only an unlabelled document names.
    let last = corpus.documents.len() - 1;
    let text = format!(
        "{}\nزار الوفد زنجبار أمس.\nوصل الوزير إلى زنجبار.",
        corpus.documents[last].text()
    );
    corpus.documents[last] = Document::new(corpus.documents[last].id.clone(), text);
    corpus
}

#[test]
fn training_runs_on_a_worker_and_the_panel_shows_progress_model_and_quality() {
    let mut harness = harness_on(AppState::new(tagger_corpus(), Source::Untitled));
    harness.run();
    harness.get_by_label("tagger: not trained yet");
    harness.get_by_label("train now").click();
    harness.run();
    assert!(harness.state().state.suggest.training.is_some());
    harness.get_by_label("cancel training");
    harness.get_by_label_contains("training: ");
    let started = std::time::Instant::now();
    // Frames keep coming while the worker trains (no frame waits for it).
    let mut frames = 0;
    while harness.state().state.suggest.training.is_some() {
        harness.run();
        frames += 1;
        std::thread::sleep(std::time::Duration::from_millis(20));
        assert!(started.elapsed().as_secs() < 600, "training never ended");
    }
    assert!(frames > 1);
    let state = &harness.state().state;
    assert!(state.suggest.model.is_some(), "{}", state.message);
    let quality = state.suggest.quality.as_ref().expect("quality measured");
    assert!(quality.folds >= 2);
    assert!(
        quality.scores.micro().f1 > 0.5,
        "{:?}",
        quality.scores.micro()
    );
    assert_eq!(quality.curve.len(), 4);
    assert_eq!(
        state.suggest.uncertainty.len(),
        4,
        "the four unfinished documents"
    );
    harness.get_by_label_contains("tagger (CRF): trained");
    // Word clusters come from every document's text, the unlabelled ones too.
    let model = state.suggest.model.as_ref().unwrap();
    assert!(model.tagger.clusters().classes.contains_key("زنجبار"));
    harness.get_by_label(&format!(
        "word clusters: {} words",
        model.tagger.clusters().len()
    ));
    harness.get_by_label("micro");
    // 20 finished documents: five folds of four whole documents each.
    assert_eq!(quality.folds, 5);
    harness.get_by_label("quality: 5-fold CV, contiguous documents");
    harness.get_by_label("learning curve: F1 against labelled documents");
    // The curve holds out the last four documents and trains on whole ones of the other 16.
    let trained: Vec<f64> = quality.curve.iter().map(|p| p[0]).collect();
    assert_eq!(trained, [4.0, 8.0, 12.0, 16.0]);

    // Open an unlabelled document: the tagger offers its names.
    harness.state_mut().state.open_document(20);
    harness.run();
    let offered = &harness.state().state.suggest.offered;
    assert!(offered.iter().any(|s| s.source == "tagger"), "{offered:?}");

    // Active learning: Ctrl+Enter opens the unfinished document the tagger is least sure of.
    harness.state_mut().state.prefs.suggest.order_by_uncertainty = true;
    let state = &harness.state().state;
    let most_unsure = (21..24)
        .max_by(|a, b| state.suggest.uncertainty[a].total_cmp(&state.suggest.uncertainty[b]))
        .unwrap();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Enter);
    harness.run();
    let state = &harness.state().state;
    assert_eq!(state.corpus.documents[20].status, Status::Done);
    assert_eq!(state.selected, most_unsure);
    assert_eq!(state.visible_documents()[0], most_unsure);
}

#[test]
fn a_model_file_and_a_gazetteer_join_the_suggestions_and_wrong_labels_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let model = dir.path().join("m.model");
    let train = taliq::synth::ner_corpus(20, 6, false, 5);
    let docs: Vec<&Document> = train.documents.iter().collect();
    let options = taliq::suggest::tagger::TrainOptions {
        max_iterations: 40,
        ..Default::default()
    };
    let never = std::sync::atomic::AtomicBool::new(false);
    // An unlabelled article of names the model never saw, whose text the model's word
    // clusters learned from (as `taliq train --unlabelled` does): the loaded tagger proposes
    // its names.
    let article = &taliq::synth::ner_corpus(1, 8, true, 9).documents[0];
    let texts: Vec<&str> = docs
        .iter()
        .map(|d| d.text())
        .chain([article.text()])
        .collect();
    let clusters = taliq::suggest::tagger::clusters::Clusters::learn_stream(
        &taliq::suggest::tagger::clusters::WordStream::of_texts(&texts, 1),
        &|_| {},
        &never,
    );
    taliq::suggest::tagger::train(
        &docs,
        &taliq::suggest::tagger::Resources {
            gazetteer: &[],
            clusters: clusters.as_ref(),
            unlabelled: None,
        },
        &options,
        &|_| {},
        &never,
    )
    .unwrap()
    .save(&model)
    .unwrap();

    let mut corpus = Corpus::with_default_labels();
    corpus.documents.push(Document::new(
        "a",
        format!("{}\nزار الوفد ودمشق.", article.text()),
    ));
    let mut harness = harness_on(AppState::new(corpus, Source::Untitled));
    harness.run();
    assert!(harness.state().state.suggest.offered.is_empty());
    harness.state_mut().state.load_model(&model).unwrap();
    harness.run();
    harness.get_by_label_contains("loaded 0 s ago from m.model");
    let tagged = harness
        .state()
        .state
        .suggest
        .offered
        .iter()
        .filter(|s| s.source == "tagger" && article.find_span(s.range, &s.label).is_some())
        .count();
    assert!(
        tagged * 2 > article.spans().len(),
        "{tagged} of {}",
        article.spans().len()
    );

    // Saved from the window, the model is the same file, byte for byte.
    let saved = dir.path().join("again.model");
    harness.state_mut().state.save_model(&saved).unwrap();
    assert!(std::fs::read(&saved).unwrap() == std::fs::read(&model).unwrap());

    // A gazetteer's names are offered by the matcher, after proclitics too.
    let gazetteer = dir.path().join("places.txt");
    std::fs::write(&gazetteer, "# places\nLOC\tدمشق\n").unwrap();
    harness.state_mut().state.add_gazetteer(&gazetteer).unwrap();
    harness.run();
    let text = harness.state().state.corpus.documents[0].text().to_owned();
    let damascus = nth(&text, "دمشق", 0);
    assert!(
        harness
            .state()
            .state
            .suggest
            .offered
            .iter()
            .any(|s| s.range == damascus && s.label == "LOC" && s.source == "matcher")
    );
    harness.get_by_label("gazetteer places.txt: 1 name");
    std::fs::write(&gazetteer, "LOC دمشق without a tab\n").unwrap();
    let err = harness
        .state_mut()
        .state
        .add_gazetteer(&gazetteer)
        .unwrap_err();
    // The path is one unit of the line (isolated), the line after it.
    let err = taliq::text::isolates::without_ordering_marks(&err);
    assert!(err.contains("places.txt:1"), "{err}");

    // A corpus without the model's ORG refuses it, naming the label.
    let mut no_org = Corpus::with_default_labels();
    no_org.labels.retain(|l| l.name != "ORG");
    no_org.documents.push(Document::new("x", "نص"));
    let mut state = AppState::new(no_org, Source::Untitled);
    let err = taliq::text::isolates::without_ordering_marks(&state.load_model(&model).unwrap_err());
    assert!(err.contains("m.model") && err.contains("ORG"), "{err}");
    assert!(state.suggest.model.is_none());
}
