//! The window, driven headless with `egui_kittest`.

use egui::{Key, Modifiers, Pos2};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use taliq::app::{AppState, TaliqApp};
use taliq::model::CharRange;
use taliq::text::fonts;

use crate::support;
use support::drag;

const SAMPLE_ID: &str = "000_f13009966aefca6f";

fn harness() -> Harness<'static, TaliqApp> {
    let state = AppState::sample().expect("the bundled sample is valid");
    support::window(state, 1100.0, 800.0)
}

#[test]
fn sample_document_is_listed_with_its_counts() {
    let mut harness = harness();
    harness.run();
    harness.get_by_label(SAMPLE_ID);
    let spans = harness.state().state.corpus.documents[0].spans().len();
    // In the document list and in the status bar.
    assert_eq!(
        harness
            .query_all_by_label(&format!("{spans} spans"))
            .count(),
        2
    );
    assert_eq!(
        harness.query_all_by_label("in_progress").count(),
        2,
        "the filter button and the row"
    );
    harness.get_by_label_contains("document 1 of 1");
}

#[test]
fn status_filter_hides_documents_of_other_statuses() {
    let mut harness = harness();
    let status = harness.state().state.corpus.documents[0].status;
    let other = taliq::model::Status::ALL
        .into_iter()
        .find(|s| *s != status)
        .unwrap();
    harness.get_by_label(other.as_str()).click();
    harness.run();
    assert!(harness.query_by_label(SAMPLE_ID).is_none());
    harness.get_by_label("all").click();
    harness.run();
    harness.get_by_label(SAMPLE_ID);
}

#[test]
fn document_view_paints_only_what_is_visible() {
    let mut harness = harness();
    harness.run();
    let app = harness.state();
    let view = app
        .document_view
        .as_ref()
        .expect("the selected document is shown");
    let stats = view.last_frame;
    // The window shows the first few paragraphs, not the whole article.
    let total = view_paragraph_count(app);
    assert!(
        stats.paragraphs > 0 && stats.paragraphs < total,
        "{stats:?} of {total}"
    );
    assert!(stats.glyphs > 200, "{stats:?}");
    // The first paragraph holds the ORG span on الكرملين: at least one highlight is drawn.
    assert!(stats.highlights >= 1, "{stats:?}");
    assert!(!app.engine.atlas.is_empty());
}

fn view_paragraph_count(app: &TaliqApp) -> usize {
    app.state.corpus.documents[0].text().split('\n').count()
}

#[test]
fn scrolling_a_long_article_lays_out_only_what_is_shown() {
    let sample = AppState::sample().unwrap();
    let long_text = sample.corpus.documents[0].text().repeat(40);
    let mut corpus = taliq::model::Corpus::with_default_labels();
    corpus
        .documents
        .push(taliq::model::Document::new("long", long_text));
    let state = AppState::new(corpus, taliq::app::Source::BundledSample);
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1100.0, 800.0))
        .build_ui_state(
            |ui, app: &mut TaliqApp| app.show(ui),
            TaliqApp::new(state, fonts::font_system(false)),
        );
    harness.run();
    let view = harness.state_mut().document_view.as_mut().unwrap();
    let middle = view.text_height() / 2.0;
    view.scroll_to(middle);
    harness.run();
    let view = harness.state_mut().document_view.as_mut().unwrap();
    let frame = view.last_frame;
    let layout = view.layout_mut();
    let total = layout.paragraphs().len();
    let laid = (0..total).filter(|&p| layout.laid_out(p).is_some()).count();
    assert!(frame.glyphs > 200, "{frame:?}");
    assert!(laid < total / 10, "{laid} of {total} paragraphs laid out");
    // What is painted comes from the middle of the article, not its top.
    let first_laid_after_top = (frame.paragraphs..total).find(|&p| layout.laid_out(p).is_some());
    assert!(
        first_laid_after_top.is_some_and(|p| p > total / 4),
        "{first_laid_after_top:?} of {total}"
    );
}

#[test]
fn zooming_lays_out_again_only_what_is_shown() {
    let mut harness = harness();
    harness.run();
    let before = harness.state().document_view.as_ref().unwrap().last_frame;
    // The text size is a reading option; the view draws at it.
    harness.state_mut().reading.font_size = 33.0;
    harness.run();
    let view = harness.state_mut().document_view.as_mut().unwrap();
    let after = view.last_frame;
    let layout = view.layout_mut();
    assert!((layout.config().font_size - 33.0).abs() < f32::EPSILON);
    let total = layout.paragraphs().len();
    let laid = (0..total).filter(|&p| layout.laid_out(p).is_some()).count();
    assert!(
        laid < total,
        "only the visible part is laid out again: {laid} of {total}"
    );
    // Bigger letters: fewer glyphs fit in the window.
    assert!(after.glyphs < before.glyphs, "{before:?} -> {after:?}");
}

fn harness_on(state: AppState) -> Harness<'static, TaliqApp> {
    support::window(state, 1300.0, 800.0)
}

/// Code-point range of the first occurrence of `needle` in the open document.
fn find(harness: &Harness<'_, TaliqApp>, needle: &str) -> CharRange {
    let text = harness.state().state.corpus.documents[0].text();
    let start = text[..text.find(needle).expect("needle in the sample")]
        .chars()
        .count();
    CharRange::new(start, start + needle.chars().count()).expect("ordered")
}

/// Screen rectangle of a range of the open document (one line).
fn screen_rect(harness: &mut Harness<'_, TaliqApp>, range: CharRange) -> egui::Rect {
    let app = harness.state_mut();
    let rects = app
        .document_view
        .as_mut()
        .expect("view")
        .screen_rects(&mut app.engine.font_system, range);
    assert_eq!(rects.len(), 1, "{rects:?}");
    rects[0]
}

/// Presses Ctrl+S and checks that the save went through.
fn save_with_ctrl_s(harness: &mut Harness<'_, TaliqApp>) {
    harness.key_press_modifiers(Modifiers::COMMAND, Key::S);
    harness.run();
    assert!(
        !harness.state().state.history.is_dirty(),
        "{}",
        harness.state().state.message
    );
}

fn type_text(harness: &mut Harness<'_, TaliqApp>, text: &str) {
    harness.event(egui::Event::Text(text.to_owned()));
    harness.run();
}

fn spans(harness: &Harness<'_, TaliqApp>) -> Vec<(usize, usize, String)> {
    harness.state().state.corpus.documents[0]
        .spans()
        .iter()
        .map(|s| (s.range.start(), s.range.end(), s.label.clone()))
        .collect()
}

#[test]
fn dragging_over_a_word_and_pressing_1_makes_a_per_span_with_exact_offsets() {
    let mut harness = harness_on(AppState::sample().unwrap());
    harness.run();
    let word = find(&harness, "مفاجئة");
    let rect = screen_rect(&mut harness, word);
    // Right to left: from inside the word's first letter (on the right) to inside its last.
    drag(
        &mut harness,
        Pos2::new(rect.max.x - 3.0, rect.center().y),
        Pos2::new(rect.min.x + 3.0, rect.center().y),
    );
    type_text(&mut harness, "1");
    assert!(
        spans(&harness).contains(&(word.start(), word.end(), "PER".to_owned())),
        "{:?}",
        spans(&harness)
    );
    let doc = &harness.state().state.corpus.documents[0];
    let span = doc.spans().iter().find(|s| s.range == word).unwrap();
    assert_eq!(doc.span_text(span), "مفاجئة");
}

#[test]
fn double_click_selects_the_word_and_not_the_comma_after_it() {
    let mut harness = harness_on(AppState::sample().unwrap());
    harness.run();
    let word = find(&harness, "مفاجئة");
    let rect = screen_rect(&mut harness, word);
    let at = rect.center();
    support::double_click(&mut harness, at);
    assert_eq!(harness.state().state.selection.range(), word);
    let text = harness.state().state.corpus.documents[0].text();
    assert_eq!(
        text.chars().nth(word.end()),
        Some('،'),
        "the comma follows the word"
    );
}

#[test]
fn relabel_delete_undo_and_redo_restore_exact_states() {
    let mut harness = harness_on(AppState::sample().unwrap());
    harness.run();
    let word = find(&harness, "مفاجئة");
    let rect = screen_rect(&mut harness, word);
    drag(
        &mut harness,
        Pos2::new(rect.max.x - 3.0, rect.center().y),
        Pos2::new(rect.min.x + 3.0, rect.center().y),
    );
    let before = spans(&harness);
    type_text(&mut harness, "1");
    let with_per = spans(&harness);
    // The new span is picked: "2" relabels it as ORG.
    type_text(&mut harness, "2");
    let with_org = spans(&harness);
    assert!(with_org.contains(&(word.start(), word.end(), "ORG".to_owned())));
    assert!(!with_org.contains(&(word.start(), word.end(), "PER".to_owned())));
    harness.key_press(Key::Delete);
    harness.run();
    assert_eq!(spans(&harness), before);
    for expected in [&with_org, &with_per, &before] {
        harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
        harness.run();
        assert_eq!(&spans(&harness), expected);
    }
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Y);
    harness.run();
    assert_eq!(spans(&harness), with_per);
    harness.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::Z);
    harness.run();
    assert_eq!(spans(&harness), with_org);
}

#[test]
fn clicking_a_span_picks_it_and_a_label_key_relabels_it() {
    let mut harness = harness_on(AppState::sample().unwrap());
    harness.run();
    // The sample has ORG on الكرملين (21..29) in the first line.
    let kremlin = CharRange::new(21, 29).unwrap();
    let rect = screen_rect(&mut harness, kremlin);
    harness.event(egui::Event::PointerButton {
        pos: rect.center(),
        button: egui::PointerButton::Primary,
        pressed: true,
        modifiers: Modifiers::NONE,
    });
    harness.event(egui::Event::PointerButton {
        pos: rect.center(),
        button: egui::PointerButton::Primary,
        pressed: false,
        modifiers: Modifiers::NONE,
    });
    harness.run();
    assert_eq!(
        harness.state().state.pick,
        taliq::annotate::pick::Pick::span(kremlin, "ORG")
    );
    type_text(&mut harness, "3");
    assert!(spans(&harness).contains(&(21, 29, "LOC".to_owned())));
    assert!(!spans(&harness).contains(&(21, 29, "ORG".to_owned())));
}

#[test]
fn ctrl_s_writes_a_file_that_validates() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("corpus.json");
    std::fs::copy("assets/sample/sample.json", &path).unwrap();
    let mut harness = harness_on(AppState::open(&path).unwrap());
    harness.run();
    let word = find(&harness, "مفاجئة");
    let rect = screen_rect(&mut harness, word);
    drag(
        &mut harness,
        Pos2::new(rect.max.x - 3.0, rect.center().y),
        Pos2::new(rect.min.x + 3.0, rect.center().y),
    );
    type_text(&mut harness, "5");
    assert!(harness.state().state.history.is_dirty());
    save_with_ctrl_s(&mut harness);
    let saved = taliq::format::load(&path).expect("the saved file validates");
    let doc = &saved.documents[0];
    assert!(
        doc.spans()
            .iter()
            .any(|s| s.range == word && s.label == "MISC")
    );
    assert!(dir.path().join("corpus.json.bak").exists());
}

#[test]
fn arrows_move_the_caret_right_to_left_in_arabic_and_shift_extends() {
    let mut harness = harness_on(AppState::sample().unwrap());
    harness.run();
    // The caret starts at the document start; in Arabic, Left moves forward in the text.
    harness.key_press(Key::ArrowLeft);
    harness.run();
    assert_eq!(harness.state().state.selection.head, 1);
    harness.key_press_modifiers(Modifiers::SHIFT, Key::ArrowLeft);
    harness.run();
    let selection = harness.state().state.selection;
    assert_eq!((selection.anchor, selection.head), (1, 2));
    harness.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::ArrowLeft);
    harness.run();
    let selection = harness.state().state.selection;
    assert_eq!(
        (selection.anchor, selection.head),
        (1, 7),
        "to the end of خطوة"
    );
}

#[test]
fn work_survives_a_crash_through_the_recovery_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("corpus.json");
    std::fs::copy("assets/sample/sample.json", &path).unwrap();
    let original = std::fs::read(&path).unwrap();
    let mut harness = harness_on(AppState::open(&path).unwrap());
    harness.run();
    let word = find(&harness, "مفاجئة");
    let rect = screen_rect(&mut harness, word);
    drag(
        &mut harness,
        Pos2::new(rect.max.x - 3.0, rect.center().y),
        Pos2::new(rect.min.x + 3.0, rect.center().y),
    );
    type_text(&mut harness, "4");
    // Thirty seconds later the next frame autosaves.
    let now = harness.input().time.unwrap_or(0.0);
    harness.input_mut().time = Some(now + 31.0);
    harness.run();
    // The app dies here without saving.
    drop(harness);
    assert_eq!(
        std::fs::read(&path).unwrap(),
        original,
        "the corpus itself was not touched"
    );
    let recovery = taliq::app::state::recovery::recovery_path(&path);
    let saved = taliq::format::load(&recovery).expect("the recovery file is a valid corpus");
    assert!(
        saved.documents[0]
            .spans()
            .iter()
            .any(|s| s.range == word && s.label == "DATE")
    );

    // On the next start the work is offered back, and restoring it brings the span back.
    let mut state = AppState::open(&path).unwrap();
    assert!(state.recovery.is_some());
    state.restore_recovery();
    assert!(
        state.corpus.documents[0]
            .spans()
            .iter()
            .any(|s| s.range == word && s.label == "DATE")
    );
    assert!(state.history.is_dirty());
    // Saving writes the corpus and removes the recovery file.
    state.save().unwrap();
    assert!(!recovery.exists());
    assert!(
        taliq::format::load(&path).unwrap().documents[0]
            .spans()
            .iter()
            .any(|s| s.range == word)
    );
}

#[test]
fn f1_lists_every_shortcut_and_ctrl_plus_zooms() {
    let mut harness = harness();
    harness.run();
    harness.key_press(Key::F1);
    harness.run();
    // Every row of the key table, and the pointer's, with what it does.
    let corpus = &harness.state().state.corpus;
    let rows =
        taliq::app::input::help::help_rows(&harness.ctx, &corpus.labels, &corpus.relation_labels);
    assert!(rows.len() > 40, "{}", rows.len());
    for (keys, what) in rows {
        assert!(
            harness.query_all_by_label(&keys).next().is_some(),
            "{keys} is not listed"
        );
        assert!(
            harness.query_all_by_label(&what).next().is_some(),
            "{what} is not listed"
        );
    }
    let before = harness.state().document_view.as_ref().unwrap().font_size;
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Equals);
    harness.run();
    let after = harness.state().document_view.as_ref().unwrap().font_size;
    assert!(after > before, "{before} -> {after}");
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Num0);
    harness.run();
    assert!((harness.state().document_view.as_ref().unwrap().font_size - before).abs() < 0.01);
}

#[test]
fn label_all_matches_of_ukraine_after_proclitics_as_one_undo_step() {
    use taliq::annotate::search::SearchOptions;
    let mut state = AppState::sample().unwrap();
    let before = state.corpus.documents[0].spans().len();
    let text = state.corpus.documents[0].text().to_owned();
    let options = SearchOptions {
        fold_letters: true,
        inside_words: true,
    };
    let added = state.label_all_matches("أوكرانيا", "LOC", options);
    let doc = &state.corpus.documents[0];
    // The article has أوكرانيا 9 times, four of them after a proclitic (و, ل twice, ب);
    // الأوكرانية is another word and must not match.
    let occurrences = text.matches("أوكرانيا").count();
    assert_eq!(added, occurrences, "{added} of {occurrences}");
    for span in doc
        .spans()
        .iter()
        .filter(|s| s.label == "LOC" && doc.span_text(s) == "أوكرانيا")
    {
        assert!(doc.check_range(span.range).is_ok());
    }
    let after_lam = doc.spans().iter().filter(|s| {
        s.label == "LOC"
            && s.range.start() > 0
            && text.chars().nth(s.range.start() - 1) == Some('ل')
    });
    assert!(
        after_lam.count() >= 1,
        "the one in لأوكرانيا starts after the lam"
    );
    state.undo();
    assert_eq!(
        state.corpus.documents[0].spans().len(),
        before,
        "one undo removes them all"
    );
}

#[test]
fn ctrl_f_finds_and_labels_all_matches_from_the_bar() {
    let mut harness = harness();
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::F);
    harness.run();
    harness.state_mut().state.search.query = "أوكرانيا".to_owned();
    harness.state_mut().state.search.options.inside_words = true;
    harness.state_mut().state.refresh_search();
    harness.run();
    harness.get_by_label("9 matches");
    let before = harness.state().state.corpus.documents[0].spans().len();
    harness.get_by_label("label all LOC").click();
    harness.run();
    assert_eq!(
        harness.state().state.corpus.documents[0].spans().len(),
        before + 9
    );
}

#[test]
fn typed_paths_open_corpora_and_text_files_and_save_as_creates_the_file() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("خبر.txt"),
        "قال الكرملين إن المحادثات جرت في أنقرة",
    )
    .unwrap();
    let mut harness = harness();
    harness.run();
    support::open_with_chooser(&mut harness, &dir.path().join("خبر.txt"));
    let state = &harness.state().state;
    assert_eq!(state.corpus.documents.len(), 1, "{}", state.message);
    assert_eq!(state.corpus.documents[0].id, "خبر");
    assert!(matches!(state.source, taliq::app::Source::Untitled));
    let out = dir.path().join("new.json");
    support::save_as_with_chooser(&mut harness, &out);
    let saved = taliq::format::load(&out).expect("save as wrote a valid corpus");
    assert_eq!(
        saved.documents[0].text(),
        "قال الكرملين إن المحادثات جرت في أنقرة"
    );
    // Opening again refuses while there are unsaved changes.
    harness.state_mut().state.apply_label("PER");
    harness.state_mut().state.selection = taliq::annotate::selection::Selection::new(4, 12);
    harness.state_mut().state.apply_label("ORG");
    let sample = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/sample/sample.json");
    support::open_with_chooser(&mut harness, &sample);
    assert!(
        harness.state().state.message.contains("unsaved changes"),
        "{}",
        harness.state().state.message
    );
    assert_eq!(harness.state().state.corpus.documents[0].id, "خبر");
}

#[test]
fn label_editor_renames_with_spans_recolours_and_undoes() {
    let mut harness = harness();
    harness.run();
    harness.get_by_label("edit labels").click();
    harness.run();
    {
        let drafts = harness
            .state_mut()
            .state
            .label_drafts
            .as_mut()
            .expect("editor open");
        drafts[0].1.name = "PERSON".to_owned();
        drafts[1].1.color = taliq::model::Color([1, 2, 3]);
    }
    harness.get_by_label("add label").click();
    harness.run();
    harness.get_by_label("apply").click();
    harness.run();
    let state = &harness.state().state;
    assert!(state.label_drafts.is_none(), "{}", state.message);
    assert_eq!(state.corpus.labels.len(), 6);
    assert_eq!(state.corpus.labels[0].name, "PERSON");
    assert_eq!(state.corpus.labels[1].color.0, [1, 2, 3]);
    let doc = &state.corpus.documents[0];
    assert!(doc.spans().iter().any(|s| s.label == "PERSON"));
    assert!(doc.spans().iter().all(|s| s.label != "PER"));
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    let state = &harness.state().state;
    assert_eq!(state.corpus.labels.len(), 5);
    assert!(
        state.corpus.documents[0]
            .spans()
            .iter()
            .any(|s| s.label == "PER")
    );
}

#[test]
fn a_save_over_a_file_changed_on_disk_is_refused_and_offers_a_way_out() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("corpus.json");
    std::fs::copy("assets/sample/sample.json", &path).unwrap();
    let mut harness = harness_on(AppState::open(&path).unwrap());
    harness.run();
    harness.state_mut().state.selection = taliq::annotate::selection::Selection::new(8, 14);
    type_text(&mut harness, "1");
    // Someone else saves the file meanwhile.
    let theirs = std::fs::read_to_string(&path)
        .unwrap()
        .replace("\"status\": \"in_progress\"", "\"status\": \"done\"");
    std::fs::write(&path, &theirs).unwrap();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::S);
    harness.run();
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        theirs,
        "their file is untouched"
    );
    assert!(harness.state().state.save_conflict);
    harness
        .get_by_label("overwrite with mine (theirs to .bak)")
        .click();
    harness.run();
    assert_eq!(
        std::fs::read_to_string(dir.path().join("corpus.json.bak")).unwrap(),
        theirs
    );
    let saved = taliq::format::load(&path).unwrap();
    assert!(
        saved.documents[0]
            .spans()
            .iter()
            .any(|s| s.range == CharRange::new(8, 14).unwrap())
    );
    assert!(!harness.state().state.save_conflict);
}

#[test]
fn the_annotator_name_is_asked_in_a_field_and_signs_new_spans() {
    let mut corpus = taliq::model::Corpus::with_default_labels();
    corpus
        .documents
        .push(taliq::model::Document::new("d", "زار بوتين أنقرة"));
    let mut harness = harness_on(AppState::new(corpus, taliq::app::Source::Untitled));
    harness.run();
    harness
        .get_by_role_and_label(egui::accesskit::Role::TextInput, "your name:")
        .click();
    harness.run();
    harness.event(egui::Event::Text("amal".to_owned()));
    harness.run();
    harness.key_press(Key::Enter);
    harness.run();
    let state = &harness.state().state;
    assert_eq!(state.prefs.user.as_deref(), Some("amal"));
    assert_eq!(
        state.corpus.annotator.as_deref(),
        Some("amal"),
        "a corpus naming nobody takes the name"
    );
}

#[test]
fn opened_files_are_remembered_in_the_recent_menu() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("a.json");
    std::fs::copy("assets/sample/sample.json", &path).unwrap();
    let mut harness = harness();
    harness.run();
    support::open_with_chooser(&mut harness, &path);
    let recent = harness.state().recent.clone();
    assert_eq!(recent.len(), 1);
    assert_eq!(recent[0], std::fs::canonicalize(&path).unwrap());
    harness.get_by_label("File").click();
    harness.run();
    harness.get_by_label("Open Recent").click();
    harness.run();
    harness.get_by_role_and_label(
        egui::accesskit::Role::Button,
        &recent[0].display().to_string(),
    );
}

#[test]
fn search_across_the_corpus_lists_documents_and_opens_them() {
    let mut corpus = taliq::model::Corpus::with_default_labels();
    corpus
        .documents
        .push(taliq::model::Document::new("a", "زار بوتين موسكو"));
    corpus.documents.push(taliq::model::Document::new(
        "b",
        "وصل الوفد لأوكرانيا ثم أوكرانيا",
    ));
    corpus
        .documents
        .push(taliq::model::Document::new("c", "قال الكرملين"));
    let mut harness = harness_on(AppState::new(corpus, taliq::app::Source::Untitled));
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::F);
    harness.run();
    {
        let search = &mut harness.state_mut().state.search;
        search.query = "اوكرانيا".to_owned();
        search.options.inside_words = true;
        search.whole_corpus = true;
    }
    harness.state_mut().state.refresh_search();
    harness.run();
    assert_eq!(harness.state().state.search.documents, [(1, 2)]);
    harness.get_by_label("1 document, 2 matches (0 here)");
    harness.get_by_label("2 matches");
    // The result's id (the list of documents shows it too, lower).
    harness
        .query_all_by_label("b")
        .min_by(|x, y| x.rect().min.y.total_cmp(&y.rect().min.y))
        .unwrap()
        .click();
    harness.run();
    assert_eq!(harness.state().state.selected, 1);
    assert_eq!(harness.state().state.search.matches.len(), 2);
}

/// Clicks "export" in the open export window and runs frames until its worker ends.
fn export_and_wait(
    harness: &mut Harness<'_, TaliqApp>,
) -> Result<Vec<taliq::interchange::Loss>, String> {
    harness.get_by_label("export").click();
    // The export runs on a worker thread; frames go on meanwhile.
    for _ in 0..200 {
        harness.step();
        if !harness.state().export.is_running() && harness.state().export.result.is_some() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    harness
        .state()
        .export
        .result
        .clone()
        .expect("the export ended")
}

#[test]
fn export_dialog_writes_conll_in_the_background_and_reports_losses() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = taliq::format::load("tests/fixtures/python_offsets.json").unwrap();
    let mut harness = harness_on(AppState::new(corpus, taliq::app::Source::Untitled));
    harness.run();
    harness.get_by_label("File").click();
    harness.run();
    harness.get_by_label_contains("Export…").click();
    harness.run();
    harness.get_by_label("CoNLL").click();
    harness.run();
    let out = dir.path().join("corpus.conll");
    harness.state_mut().export.out = out.display().to_string();
    let losses = export_and_wait(&mut harness).expect("the export succeeded");
    // The fixture nests and overlaps four spans, which flat CoNLL tags cannot hold.
    assert_eq!(losses.len(), 4);
    let conll = std::fs::read_to_string(&out).unwrap();
    assert!(conll.starts_with("-DOCSTART- O"));
    assert!(conll.contains("\nروسيا B-LOC\n"));
    harness.run();
    harness.get_by_label("exported; 4 spans not kept exactly:");
}

#[test]
fn search_matches_follow_the_open_document() {
    let mut corpus = taliq::model::Corpus::with_default_labels();
    corpus.documents.push(taliq::model::Document::new(
        "a",
        "أوكرانيا أوكرانيا أوكرانيا",
    ));
    corpus
        .documents
        .push(taliq::model::Document::new("b", "قال الكرملين عن أوكرانيا"));
    let mut harness = harness_on(AppState::new(corpus, taliq::app::Source::Untitled));
    harness.run();
    harness.state_mut().state.search.query = "أوكرانيا".to_owned();
    harness.state_mut().state.refresh_search();
    assert_eq!(harness.state().state.search.matches.len(), 3);
    harness.key_press(Key::PageDown);
    harness.run();
    assert_eq!(harness.state().state.selected, 1);
    let matches = harness.state().state.search.matches.clone();
    assert_eq!(
        matches,
        [CharRange::new(16, 24).unwrap()],
        "the matches of the document now shown"
    );
}

#[test]
fn opening_another_corpus_shows_its_text_not_the_old_one() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("new.txt"), "نص جديد تماما").unwrap();
    let mut harness = harness();
    harness.run();
    support::open_with_chooser(&mut harness, &dir.path().join("new.txt"));
    let app = harness.state_mut();
    let view = app.document_view.as_mut().unwrap();
    assert_eq!(view.layout_mut().text(), "نص جديد تماما");
}

#[test]
fn text_imported_in_the_window_is_autosaved_to_the_data_folder() {
    // Issue #22: a window started as `taliq` starts (nothing open, the recovery home in the
    // data folder) that imports a text file, labels a word and idles past the autosave
    // interval must leave the work in a recovery file.
    let home = tempfile::tempdir().unwrap();
    let texts = tempfile::tempdir().unwrap();
    let txt = texts.path().join("خبر.txt");
    std::fs::write(&txt, "قالَ الكرملين إنّ المحادثات جرت في أنقرة 2022").unwrap();
    let state = taliq::app::start_state(&[], Some(home.path().to_path_buf()));
    let mut harness = harness_on(state);
    harness.run();
    support::open_with_chooser(&mut harness, &txt);
    assert_eq!(harness.state().state.corpus.documents[0].id, "خبر");
    let word = find(&harness, "الكرملين");
    let at = screen_rect(&mut harness, word).center();
    support::double_click(&mut harness, at);
    type_text(&mut harness, "2");
    assert_eq!(
        spans(&harness),
        [(word.start(), word.end(), "ORG".to_owned())]
    );
    let recovery = home.path().join("untitled.recovery.json");
    assert!(!recovery.exists(), "not before the autosave interval");
    let now = harness.input().time.unwrap_or(0.0);
    harness.input_mut().time = Some(now + taliq::app::state::recovery::AUTOSAVE_SECONDS + 1.0);
    harness.run();
    let saved = taliq::format::load(&recovery).expect("the autosave wrote the imported work");
    let doc = &saved.documents[0];
    assert_eq!(doc.id, "خبر");
    assert_eq!(
        doc.spans()
            .iter()
            .map(|s| doc.span_text(s))
            .collect::<Vec<_>>(),
        ["الكرملين"]
    );
}

#[test]
fn work_on_a_corpus_without_a_file_is_autosaved_too() {
    let home = tempfile::tempdir().unwrap();
    let mut state = AppState::sample().unwrap();
    state.prefs.untitled_home = Some(home.path().to_path_buf());
    state.selection = taliq::annotate::selection::Selection::new(8, 14);
    state.apply_label("PER");
    state.autosave(100.0, false);
    drop(state);
    let mut next = AppState::sample().unwrap();
    next.prefs.untitled_home = Some(home.path().to_path_buf());
    next.look_for_recovery();
    next.restore_recovery();
    assert!(
        next.corpus.documents[0]
            .spans()
            .iter()
            .any(|s| s.range == CharRange::new(8, 14).unwrap())
    );
    // Saving under a name makes the untitled recovery file pointless.
    next.save_as(&home.path().join("mine.json"), false).unwrap();
    assert!(!home.path().join("untitled.recovery.json").exists());
}

/// A review of the three annotators of the sample article (`tests/fixtures/agreement_*.json`)
/// into a new gold file in `dir`.
fn review_harness(dir: &std::path::Path) -> Harness<'static, TaliqApp> {
    support::review_window(dir, 1300.0, 800.0)
}

/// Clicks the middle of a range of the open document.
fn click_text(harness: &mut Harness<'_, TaliqApp>, range: CharRange) {
    let pos = screen_rect(harness, range).center();
    for pressed in [true, false] {
        harness.event(egui::Event::PointerButton {
            pos,
            button: egui::PointerButton::Primary,
            pressed,
            modifiers: Modifiers::NONE,
        });
    }
    harness.run();
}

fn gold_spans(path: &std::path::Path) -> Vec<(usize, usize, String, serde_json::Value)> {
    let gold = taliq::format::load(path).expect("the gold file validates");
    assert_eq!(gold.documents.len(), 1, "only-a-b is not held by c");
    gold.documents[0]
        .spans()
        .iter()
        .map(|s| {
            (
                s.range.start(),
                s.range.end(),
                s.label.clone(),
                s.extra["annotators"].clone(),
            )
        })
        .collect()
}

#[test]
fn review_accepts_all_agreed_resolves_conflicts_and_saves_gold_with_provenance() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = review_harness(dir.path());
    harness.get_by_label("0 of 1 documents reviewed");
    harness.get_by_label_contains("16 of 16 candidates pending");

    harness.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::A);
    harness.run();
    assert_eq!(
        spans(&harness).len(),
        7,
        "{}",
        harness.state().state.message
    );

    // الكرملين: a and c left the quotes out, b took them in. A click on the word picks the
    // shorter candidate; Enter takes it.
    let kremlin = CharRange::new(21, 29).unwrap();
    click_text(&mut harness, kremlin);
    assert_eq!(
        harness.state().state.picked_candidate().map(|c| c.range),
        Some(kremlin)
    );
    harness.key_press(Key::Enter);
    harness.run();
    // The first موسكو: a and c say LOC, b says ORG. The reviewer sides with b from the list.
    harness.get_by_label("3. ORG").click();
    harness.run();
    harness.key_press(Key::Enter);
    harness.run();
    // That settles it: a and c's LOC on the same word is rejected with it.
    {
        let state = &harness.state().state;
        let review = state.review.as_ref().unwrap();
        let loc = state
            .review_candidates()
            .iter()
            .find(|c| c.range.start() == 178 && c.label == "LOC")
            .unwrap();
        assert_eq!(
            review.session.decision(&state.corpus.documents[0], loc),
            taliq::review::session::Decision::Rejected
        );
    }
    // c alone saw a place in تركيا: rejected with Delete.
    harness.get_by_label("2. LOC").click();
    harness.run();
    harness.key_press(Key::Delete);
    harness.run();
    assert!(harness.state().state.message.contains("LOC rejected"));
    // Four are left pending: the first Ctrl+Enter asks, the second rejects them.
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Enter);
    harness.run();
    harness.get_by_label("Mark this document reviewed?");
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Enter);
    harness.run();
    harness.get_by_label_contains("review: 1/1 documents reviewed");
    harness.get_by_label_contains("4 pending candidates rejected");
    save_with_ctrl_s(&mut harness);

    let all = serde_json::json!(["a", "b", "c"]);
    let expected = vec![
        (21, 29, "ORG".to_owned(), serde_json::json!(["a", "c"])),
        (178, 183, "ORG".to_owned(), serde_json::json!(["b"])),
        (2507, 2518, "PER".to_owned(), all.clone()),
        (3597, 3611, "PER".to_owned(), all.clone()),
        (3675, 3690, "DATE".to_owned(), all.clone()),
        (4086, 4112, "ORG".to_owned(), all.clone()),
        (5153, 5168, "PER".to_owned(), all.clone()),
        (5430, 5443, "ORG".to_owned(), all.clone()),
        (5623, 5646, "DATE".to_owned(), all),
    ];
    let path = dir.path().join("gold.json");
    assert_eq!(gold_spans(&path), expected);
    let gold = taliq::format::load(&path).unwrap();
    assert_eq!(gold.documents[0].status, taliq::model::Status::Reviewed);
    assert_eq!(
        gold.extra["review"]["annotators"],
        serde_json::json!(["a", "b", "c"])
    );
    // The rejections are kept with the document: b's quotes, c's تركيا, a and c's LOC, and
    // the four candidates still pending when the document was marked reviewed.
    let rejected: Vec<(u64, u64, &str)> = gold.documents[0].extra["rejected"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            (
                r["start"].as_u64().unwrap(),
                r["end"].as_u64().unwrap(),
                r["label"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        rejected,
        [
            (20, 30, "ORG"),
            (79, 84, "LOC"),
            (178, 183, "LOC"),
            (286, 300, "ORG"),
            (286, 300, "PER"),
            (870, 879, "MISC"),
            (4107, 4112, "LOC")
        ]
    );
    // Reopening the review goes on where it stopped.
    let harness = review_harness(dir.path());
    harness.get_by_label_contains("0 of 16 candidates pending");
    harness.get_by_label("1 of 1 documents reviewed");
}

#[test]
fn review_edit_changes_a_candidates_extent_and_undo_takes_it_back() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = review_harness(dir.path());
    // b's “الكرملين” with its quotes: picked from the list, shrunk by one grapheme at each end.
    harness.get_all_by_label("1. ORG").next().unwrap().click();
    harness.run();
    assert_eq!(
        harness.state().state.selection.range(),
        CharRange::new(20, 30).unwrap()
    );
    // Right-to-left: Shift+Right moves the head (the end) back over the closing quote.
    harness.key_press_modifiers(Modifiers::SHIFT, Key::ArrowRight);
    harness.run();
    harness.key_press(Key::Enter);
    harness.run();
    // Trimming drops the opening quote too: the edit is a and c's span.
    assert_eq!(spans(&harness), [(21, 29, "ORG".to_owned())]);
    let state = &harness.state().state;
    let review = state.review.as_ref().unwrap();
    let quoted = &state.review_candidates()[0];
    assert_eq!(quoted.annotators, ["b"]);
    assert_eq!(
        review.session.decision(&state.corpus.documents[0], quoted),
        taliq::review::session::Decision::Rejected
    );
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    assert!(spans(&harness).is_empty());
    // Undo takes the whole decision back: b's candidate is pending again.
    let state = &harness.state().state;
    let quoted = &state.review_candidates()[0];
    assert_eq!(
        state
            .review
            .as_ref()
            .unwrap()
            .session
            .decision(&state.corpus.documents[0], quoted),
        taliq::review::session::Decision::Pending
    );
}

#[test]
fn agreement_charts_open_from_the_review_panel() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = review_harness(dir.path());
    harness.get_by_label("agreement charts").click();
    harness.run();
    harness.get_by_label_contains("3 annotators, 1 documents");
    harness.get_by_label("Per label (mean over annotator pairs)");
    harness.get_by_label("pair");
}

#[test]
fn a_review_starts_from_typed_paths_and_refuses_an_annotators_file_as_gold() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = harness();
    harness.run();
    harness.get_by_label("Review").click();
    harness.run();
    harness.get_by_label_contains("Start review…").click();
    harness.run();
    let type_into = |harness: &mut Harness<'_, TaliqApp>, field: &str, text: &str| {
        harness
            .get_by_role_and_label(egui::accesskit::Role::TextInput, field)
            .click();
        harness.run();
        type_text(harness, text);
    };
    for name in ["a", "b"] {
        let path = format!("tests/fixtures/agreement_{name}.json");
        type_into(&mut harness, "or annotator file:", &path);
        harness.get_by_label("add").click();
        harness.run();
    }
    // The gold must not be one of the annotators' files: nothing is opened, nothing written.
    let a = std::fs::read("tests/fixtures/agreement_a.json").unwrap();
    type_into(
        &mut harness,
        "Gold file:",
        "tests/fixtures/agreement_a.json",
    );
    harness.get_by_label("start review").click();
    harness.run();
    assert!(harness.state().state.review.is_none());
    assert!(
        harness
            .state()
            .state
            .message
            .contains("one of the annotators' files"),
        "{:?} {:?}",
        harness.state().state.message,
        harness.state().state.review_opener
    );
    assert_eq!(std::fs::read("tests/fixtures/agreement_a.json").unwrap(), a);

    let gold = dir.path().join("gold.json");
    harness.state_mut().state.review_opener.gold = gold.display().to_string();
    harness.get_by_label("start review").click();
    harness.run();
    let state = &harness.state().state;
    let review = state.review.as_ref().expect("review mode");
    assert_eq!(review.session.names(), ["a", "b"]);
    // Both hold the sample article and only-a-b: two documents to review, in a new gold file.
    assert_eq!(state.corpus.documents.len(), 2);
    assert!(taliq::format::load(&gold).is_ok());
    harness.get_by_label("0 of 2 documents reviewed");
}

#[test]
fn a_review_cut_short_comes_back_from_the_recovery_file_with_its_rejections() {
    let dir = tempfile::tempdir().unwrap();
    {
        let mut harness = review_harness(dir.path());
        harness.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::A);
        harness.run();
        harness.get_by_label("2. LOC").click();
        harness.run();
        harness.key_press(Key::Delete);
        harness.run();
        // The autosave timer fires; then the process dies without saving.
        harness.state_mut().state.autosave(f64::MAX, false);
    }
    let gold = taliq::format::load(dir.path().join("gold.json")).unwrap();
    assert!(gold.documents[0].spans().is_empty(), "nothing was saved");
    let mut harness = review_harness(dir.path());
    harness.get_by_label("Restore it").click();
    harness.run();
    assert_eq!(spans(&harness).len(), 7);
    // 16 candidates: 7 accepted, تركيا rejected.
    harness.get_by_label_contains("8 of 16 candidates pending");
}

#[test]
fn review_keys_walk_the_pending_candidates_and_the_list_follows() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = review_harness(dir.path());
    // The last candidate, 19 تشرين الثاني/ نوفمبر, is below the end of the list at first.
    assert!(harness.query_by_label("12. DATE").is_none());
    harness.key_press(Key::ArrowUp);
    // The list scrolls there with an animation.
    harness.run_steps(20);
    let picked = harness.state().state.picked_candidate().unwrap();
    assert_eq!(
        (picked.range.start(), picked.label.as_str()),
        (5623, "DATE")
    );
    harness.get_by_label("12. DATE");
    // Down wraps around to the first pending candidate; Escape drops the pick.
    harness.key_press(Key::ArrowDown);
    harness.run_steps(20);
    let picked = harness.state().state.picked_candidate().unwrap();
    assert_eq!(picked.range, CharRange::new(20, 30).unwrap());
    harness.key_press(Key::Escape);
    harness.run();
    assert!(harness.state().state.picked_candidate().is_none());
}

#[test]
fn hovering_a_word_tells_which_annotators_marked_it() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = review_harness(dir.path());
    let pos = screen_rect(&mut harness, CharRange::new(21, 29).unwrap()).center();
    harness.hover_at(pos);
    for _ in 0..10 {
        harness.step();
    }
    for line in [
        "ORG [21, 29): a, c (pending, in conflict)",
        "ORG [20, 30): b (pending, in conflict)",
    ] {
        // Drawn by the text engine (label names and annotators may be Arabic).
        let node = harness.query_by_label_contains(line);
        let author = node.map(|n| n.accesskit_node().author_id().map(str::to_owned));
        assert_eq!(
            author,
            Some(Some(taliq::app::widgets::ENGINE_TEXT.to_owned())),
            "{line}"
        );
    }
}

/// The sample corpus copied into a fresh folder, with a DATE span made on مفاجئة in a window
/// that has not autosaved yet.
fn edited_sample() -> (
    tempfile::TempDir,
    std::path::PathBuf,
    Harness<'static, TaliqApp>,
    CharRange,
) {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let path = dir.path().join("corpus.json");
    std::fs::copy("assets/sample/sample.json", &path).expect("the sample copies");
    let mut harness = harness_on(AppState::open(&path).expect("the sample opens"));
    harness.run();
    let word = find(&harness, "مفاجئة");
    harness.state_mut().state.selection =
        taliq::annotate::selection::Selection::new(word.start(), word.end());
    type_text(&mut harness, "4");
    assert!(harness.state().state.history.is_dirty());
    (dir, path, harness, word)
}

fn has_date_on(corpus: &taliq::model::Corpus, word: CharRange) -> bool {
    corpus.documents[0]
        .spans()
        .iter()
        .any(|s| s.range == word && s.label == "DATE")
}

#[test]
fn a_panic_in_the_window_writes_the_recovery_file_and_the_next_start_offers_it() {
    let (_dir, path, mut harness, word) = edited_sample();
    let original = std::fs::read(&path).unwrap();
    let recovery = taliq::app::state::recovery::recovery_path(&path);
    assert!(
        !recovery.exists(),
        "no autosave yet: the span is only in memory"
    );
    harness.state_mut().debug_crash = Some(taliq::app::crash::DebugCrash::Frame);
    let crash = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| harness.run()))
        .expect_err("the frame panics");
    let message = crash.downcast_ref::<&str>().copied().unwrap_or_default();
    assert!(message.starts_with("TALIQ_DEBUG_CRASH=frame"), "{message}");
    drop(harness);
    assert_eq!(
        std::fs::read(&path).unwrap(),
        original,
        "the corpus is untouched"
    );
    let saved = taliq::format::load(&recovery).expect("the recovery file is a whole corpus");
    assert!(has_date_on(&saved, word));

    // The next start offers the work back, in the window.
    let mut harness = harness_on(AppState::open(&path).unwrap());
    harness.run();
    assert!(
        !harness.state().state.is_read_only(),
        "the crashed window's lock is gone"
    );
    harness.get_by_label_contains("Unsaved work from");
    harness.get_by_label("Restore it").click();
    harness.run();
    assert!(has_date_on(&harness.state().state.corpus, word));
    save_with_ctrl_s(&mut harness);
    assert!(has_date_on(&taliq::format::load(&path).unwrap(), word));
    assert!(!recovery.exists());
}

#[test]
fn a_panic_outside_a_frame_still_saves_the_work_as_the_window_unwinds() {
    let (_dir, path, harness, word) = edited_sample();
    let recovery = taliq::app::state::recovery::recovery_path(&path);
    // A panic on the window's thread between frames (in eframe, say) drops the app while
    // unwinding: its Drop keeps the work.
    let crash = std::panic::catch_unwind(std::panic::AssertUnwindSafe(move || {
        let _window = harness;
        panic!("a bug outside our frame");
    }));
    assert!(crash.is_err());
    let saved = taliq::format::load(&recovery).expect("written while unwinding");
    assert!(has_date_on(&saved, word));
}

#[test]
fn a_panic_on_the_export_worker_ends_the_export_not_the_window() {
    let (dir, path, mut harness, word) = edited_sample();
    harness.state_mut().debug_crash = Some(taliq::app::crash::DebugCrash::Export);
    harness.get_by_label("File").click();
    harness.run();
    harness.get_by_label_contains("Export…").click();
    harness.run();
    let out = dir.path().join("out.jsonl");
    harness.state_mut().export.out = out.display().to_string();
    let error = export_and_wait(&mut harness).expect_err("the worker panicked");
    assert!(
        error.starts_with("the export stopped on a bug (TALIQ_DEBUG_CRASH=export"),
        "{error}"
    );
    assert!(!out.exists(), "nothing half-written");
    harness.run();
    harness.get_by_label(&error);
    // The window goes on with the work in it.
    harness.state_mut().debug_crash = None;
    save_with_ctrl_s(&mut harness);
    assert!(has_date_on(&taliq::format::load(&path).unwrap(), word));
}

#[test]
fn a_file_open_in_another_window_is_read_only_says_so_and_can_be_taken_over() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("corpus.json");
    std::fs::copy("assets/sample/sample.json", &path).unwrap();
    let mut first = AppState::open(&path).unwrap();
    let mut harness = harness_on(AppState::open(&path).unwrap());
    harness.run();
    harness.get_by_label_contains("Read-only: this file is open in another window, by ");
    let owner = taliq::format::read_lock(&path).unwrap().unwrap().owner;
    harness.get_by_label(&format!("read-only: {owner} has it open"));
    // Labelling and Ctrl+S are refused, with a message.
    let word = find(&harness, "مفاجئة");
    let spans_before = spans(&harness);
    harness.state_mut().state.selection =
        taliq::annotate::selection::Selection::new(word.start(), word.end());
    type_text(&mut harness, "4");
    assert_eq!(spans(&harness), spans_before);
    harness.key_press_modifiers(Modifiers::COMMAND, Key::S);
    harness.run();
    assert!(
        harness
            .state()
            .state
            .message
            .contains("is open in another window"),
        "{}",
        harness.state().state.message
    );
    harness
        .get_by_label("take over (their unsaved changes may be lost)")
        .click();
    harness.run();
    assert!(harness.query_by_label_contains("Read-only:").is_none());
    type_text(&mut harness, "4");
    assert!(has_date_on(&harness.state().state.corpus, word));
    save_with_ctrl_s(&mut harness);
    // The window it was taken from can no longer save.
    assert!(matches!(
        first.save(),
        Err(taliq::format::SaveError::Locked { .. })
    ));
}

#[test]
fn double_click_left_of_a_wrapped_arabic_line_picks_its_last_word() {
    // Issue #25 item 9: the empty space left of a wrapped line picked the next line's first word.
    let mut harness = support::window(AppState::sample().expect("sample"), 1000.0, 680.0);
    harness.run();
    let (line, rect) = {
        let app = harness.state_mut();
        let fs = &mut app.engine.font_system;
        let view = app.document_view.as_mut().expect("view");
        let paragraph = view.layout_mut().paragraph(fs, 0).clone();
        assert!(
            paragraph.rtl && paragraph.lines.len() > 1,
            "a wrapped paragraph"
        );
        let line = paragraph
            .lines
            .iter()
            .take(paragraph.lines.len() - 1)
            .find(|l| {
                let (left, _) = l.extent().expect("a line with text");
                left > 30.0
            })
            .expect("a wrapped line with room on its left")
            .clone();
        let rects = view.screen_rects(fs, line.chars);
        let rect = rects
            .iter()
            .copied()
            .reduce(egui::Rect::union)
            .expect("the line is on screen");
        (line, rect)
    };
    support::double_click(&mut harness, Pos2::new(rect.min.x - 15.0, rect.center().y));
    let text = harness.state().state.corpus.documents[0].text().to_owned();
    let last_word = taliq::text::words::words(&text)
        .into_iter()
        .rev()
        .find(|w| w.end() <= line.chars.end())
        .expect("the line has words");
    assert_eq!(harness.state().state.selection.range(), last_word);
}

#[test]
fn home_and_end_move_the_caret_to_the_lines_start_and_end() {
    let mut harness = support::window(AppState::sample().expect("sample"), 1000.0, 680.0);
    harness.run();
    let (line, rect) = {
        let app = harness.state_mut();
        let fs = &mut app.engine.font_system;
        let view = app.document_view.as_mut().expect("view");
        let paragraph = view.layout_mut().paragraph(fs, 0).clone();
        let line = paragraph.lines[1].clone();
        let inside = CharRange::new(line.chars.start() + 2, line.chars.start() + 3).unwrap();
        (line, view.screen_rects(fs, inside)[0])
    };
    support::click_at(&mut harness, rect.center());
    harness.key_press(Key::End);
    harness.run();
    let head = harness.state().state.selection.head;
    assert!(
        line.chars.start() < head && head < line.chars.end(),
        "End: {head} at the end of {:?}",
        line.chars
    );
    assert_eq!(head, line.chars.end() - 1, "before the space it wrapped at");
    harness.key_press_modifiers(Modifiers::SHIFT, Key::Home);
    harness.run();
    let selection = harness.state().state.selection;
    assert_eq!(
        (selection.anchor, selection.head),
        (line.chars.end() - 1, line.chars.start())
    );
    harness.key_press(Key::End);
    harness.key_press(Key::Home);
    harness.run();
    assert_eq!(harness.state().state.selection.range().len(), 0);
}

#[test]
fn f1_lists_the_relation_types_keys_of_the_open_corpus() {
    let text = std::fs::read_to_string("tests/fixtures/side_panel.json").unwrap();
    let corpus = taliq::format::parse_corpus(text.as_bytes(), taliq::format::Form::Json).unwrap();
    let mut harness = support::window(
        AppState::new(corpus, taliq::app::Source::Untitled),
        1000.0,
        680.0,
    );
    harness.run();
    harness.key_press(Key::F1);
    harness.run();
    harness.get_by_label(
        "relation met from the picked span (PER to PER); retypes the picked relation",
    );
    harness.get_by_label(
        "relation based_in from the picked span (ORG to LOC); retypes the picked relation",
    );
    harness.get_by_label("label PER");
    // The keys as typed: "m" and "b" each head a row.
    harness.get_by_label("m");
    harness.get_by_label("b");
}
