//! Reading options (issue #11), driven with `egui_kittest`: harakat hidden change what is
//! drawn and nothing else (the same clusters selected, the same offsets saved), line spacing
//! and text size change the layout, and the options are remembered between runs.

#![allow(
    clippy::unwrap_used,
    reason = "fixture helpers fail the test that calls them"
)]

use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use taliq::app::shell::reading::ReadingOptions;
use taliq::app::{AppState, Source, TaliqApp};
use taliq::model::{CharRange, Corpus, Document};

use crate::support;
use taliq::app::state::dialogs::Dialog;

/// A sentence with harakat on nearly every letter (shadda, tanwin, sukun).
const VOWELLED: &str = "كَتَبَ الطَّالِبُ الدَّرْسَ فِي بَيْتِهِ، ثُمَّ زَارَ مُحَمَّدٌ القَاهِرَةَ.";

fn vowelled_window(dir: &std::path::Path) -> Harness<'static, TaliqApp> {
    let mut corpus = Corpus::with_default_labels();
    corpus.documents.push(Document::new("d", VOWELLED));
    let path = dir.join("c.json");
    std::fs::write(
        &path,
        taliq::format::write_corpus(&corpus, taliq::format::Form::Json),
    )
    .unwrap();
    let mut state = AppState::new(Corpus::with_default_labels(), Source::Untitled);
    state.open_paths(&[path]).unwrap();
    let mut harness = support::window(state, 1000.0, 700.0);
    harness.run();
    harness
}

fn glyphs(harness: &Harness<'_, TaliqApp>) -> usize {
    harness
        .state()
        .document_view
        .as_ref()
        .unwrap()
        .last_frame
        .glyphs
}

/// Double-clicks the middle of `range` in the document view; returns the selection.
fn double_click(harness: &mut Harness<'_, TaliqApp>, range: CharRange) -> CharRange {
    let at = {
        let app = harness.state_mut();
        let view = app.document_view.as_mut().unwrap();
        let rects = view.screen_rects(&mut app.engine.font_system, range);
        rects[0].center()
    };
    support::double_click(harness, at);
    harness.state().state.selection.range()
}

/// Labels the word at `range` PER (key 1) after double-clicking it, saves, and returns the
/// saved file's spans as (start, end).
fn label_and_save(harness: &mut Harness<'_, TaliqApp>, range: CharRange) -> (CharRange, String) {
    let selected = double_click(harness, range);
    harness.event(egui::Event::Text("1".to_owned()));
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::S);
    harness.run();
    let path = harness.state().state.source.path().unwrap();
    (selected, std::fs::read_to_string(path).unwrap())
}

fn word_range(word: &str) -> CharRange {
    let byte = VOWELLED.find(word).unwrap();
    let start = VOWELLED[..byte].chars().count();
    CharRange::new(start, start + word.chars().count()).unwrap()
}

#[test]
fn hidden_harakat_are_not_drawn_and_change_no_offset() {
    let shown_dir = tempfile::tempdir().unwrap();
    let hidden_dir = tempfile::tempdir().unwrap();
    let word = word_range("الطَّالِبُ");

    let mut shown = vowelled_window(shown_dir.path());
    let with_marks = glyphs(&shown);
    let (shown_selection, shown_file) = label_and_save(&mut shown, word);

    let mut hidden = vowelled_window(hidden_dir.path());
    hidden.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::H);
    hidden.run();
    assert!(!hidden.state().reading.show_harakat);
    let without_marks = glyphs(&hidden);
    let marks = VOWELLED
        .chars()
        .filter(|&c| taliq::text::words::is_haraka(c))
        .count();
    assert_eq!(
        with_marks - without_marks,
        marks,
        "one glyph fewer for each mark ({with_marks} drawn with them)"
    );
    let (hidden_selection, hidden_file) = label_and_save(&mut hidden, word);
    // The same whole word, harakat and all, is selected and saved.
    assert_eq!(shown_selection, word);
    assert_eq!(hidden_selection, word);
    assert_eq!(hidden_file, shown_file);
    let saved =
        taliq::format::parse_corpus(hidden_file.as_bytes(), taliq::format::Form::Json).unwrap();
    let spans = saved.documents[0].spans();
    assert_eq!(spans.len(), 1);
    assert_eq!((spans[0].range, spans[0].label.as_str()), (word, "PER"));
    // Shown again, every glyph is back.
    hidden.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::H);
    hidden.run();
    assert_eq!(glyphs(&hidden), with_marks);
}

#[test]
fn line_spacing_and_text_size_change_the_layout_and_zoom_is_remembered_with_them() {
    let mut harness = support::window(AppState::sample().unwrap(), 1000.0, 700.0);
    harness.run();
    let default = glyphs(&harness);
    harness.state_mut().reading.line_spacing = 3.0;
    harness.run();
    let spaced = glyphs(&harness);
    assert!(
        spaced < default,
        "looser lines show fewer glyphs in the same window: {spaced} vs {default}"
    );
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Equals);
    harness.run();
    let size = harness.state().reading.font_size;
    assert!(size > 22.0, "{size}");
    let drawn_at = harness.state().document_view.as_ref().unwrap().font_size;
    assert!(
        (drawn_at - size).abs() < f32::EPSILON,
        "{drawn_at} vs {size}"
    );
    assert!(glyphs(&harness) < spaced);
}

#[test]
fn reading_options_are_remembered_between_runs() {
    let chosen = ReadingOptions {
        show_harakat: false,
        family: "Noto Naskh Arabic".to_owned(),
        font_size: 30.0,
        line_spacing: 2.4,
    };
    let mut storage = crate::support::Memory::default();
    let mut first = TaliqApp::new(
        AppState::new(Corpus::with_default_labels(), Source::Untitled),
        taliq::text::fonts::font_system(false),
    );
    first.reading = chosen.clone();
    first.save_settings(&mut storage);
    let mut second = TaliqApp::new(
        AppState::new(Corpus::with_default_labels(), Source::Untitled),
        taliq::text::fonts::font_system(false),
    );
    assert_eq!(second.reading, ReadingOptions::default());
    second.load_settings(&storage);
    assert_eq!(second.reading, chosen);
}

#[test]
fn the_view_menu_opens_the_reading_options_with_the_bundled_font_listed() {
    let mut harness = support::window(AppState::sample().unwrap(), 1000.0, 700.0);
    harness.run();
    harness.get_by_label("View").click();
    harness.run();
    harness.get_by_label_contains("Reading options…").click();
    harness.run();
    assert!(support::dialog_open(&harness, Dialog::ReadingOptions));
    harness.get_by_label("show harakat and marks").click();
    harness.run();
    assert!(!harness.state().reading.show_harakat);
    // The font list opens with the bundled font in it (the only one in tests: the
    // harness has no system fonts).
    harness
        .get_by_role_and_label(egui::accesskit::Role::ComboBox, "font")
        .click();
    harness.run();
    harness.get_by_label("Noto Naskh Arabic").click();
    harness.run();
    assert_eq!(harness.state().reading.family, "Noto Naskh Arabic");
    harness.get_by_label("defaults").click();
    harness.run();
    assert_eq!(harness.state().reading, ReadingOptions::default());
}

/// The reading options' two value fields (text size, then line spacing), drawn by the
/// engine: what they show.
fn slider_values(harness: &Harness<'_, TaliqApp>) -> Vec<(String, egui::Rect)> {
    support::text_fields_in(harness, "reading-options")
}

/// Clicks the value field at `at` (which selects its number) and types `typed` over it.
fn type_value(harness: &mut Harness<'_, TaliqApp>, at: egui::Rect, typed: &str) {
    support::click_at(harness, at.center());
    harness.run();
    harness.event(egui::Event::Text(typed.to_owned()));
    harness.run();
}

#[test]
fn the_sliders_show_their_values_in_the_digits_in_force_and_read_either_digits() {
    use taliq::app::i18n::{self, Digits, Language};
    for (language, size, spacing, typed, typed_size) in [
        (Language::English, "22", "1.8", "٢٦", 26.0),
        (Language::Arabic, "٢٢", "١٫٨", "28", 28.0),
    ] {
        let mut harness = support::window(AppState::sample().unwrap(), 1000.0, 680.0);
        harness.state_mut().state.set_language(language);
        harness
            .state_mut()
            .state
            .dialogs
            .open(Dialog::ReadingOptions);
        harness.run();
        harness.run();
        // No Latin unit beside the value: the unit is in the caption, drawn by the engine.
        let values = slider_values(&harness);
        let shown: Vec<&str> = values.iter().map(|(v, _)| v.as_str()).collect();
        assert_eq!(shown, [size, spacing], "{language:?}");
        harness.get_by_label(&i18n::text("reading-text-size", &[]));
        harness.get_by_label(&i18n::text("reading-line-spacing", &[]));
        // Typed in the other digits, the value is read all the same.
        type_value(&mut harness, values[0].1, typed);
        let font_size = harness.state().reading.font_size;
        assert!(
            (font_size - typed_size).abs() < f32::EPSILON,
            "{language:?}: typed {typed}, the size is {font_size}"
        );
        let spacing_field = slider_values(&harness)[1].1;
        type_value(&mut harness, spacing_field, "٢٫٤");
        let spacing = harness.state().reading.line_spacing;
        assert!((spacing - 2.4).abs() < 1e-4, "{language:?}: {spacing}");
    }
    // Western digits chosen in Arabic show the values in Western digits.
    let mut harness = support::window(AppState::sample().unwrap(), 1000.0, 680.0);
    harness.state_mut().state.set_language(Language::Arabic);
    harness.state_mut().state.prefs.digits = Digits::Western;
    harness
        .state_mut()
        .state
        .dialogs
        .open(Dialog::ReadingOptions);
    harness.run();
    harness.run();
    let shown: Vec<String> = slider_values(&harness)
        .into_iter()
        .map(|(v, _)| v)
        .collect();
    assert_eq!(shown, ["22", "1.8"]);
    i18n::set_locale(Language::English, Digits::Western);
}
