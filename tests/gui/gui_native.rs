//! What makes the window feel native (issue #11), driven with `egui_kittest`: the find bar
//! by keyboard alone (Ctrl+F puts the caret in the field, typing finds, Enter / Shift+Enter
//! walk the matches, Alt with a label's key labels them all in one undo step, Escape closes
//! the bar from anywhere), and a file that cannot be opened shown in the window.

#![allow(
    clippy::unwrap_used,
    reason = "fixture helpers fail the test that calls them"
)]

use egui::{Event, Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use taliq::app::state::problems::Problems;
use taliq::app::{AppState, TaliqApp};

use crate::support;
use taliq::app::state::dialogs::Dialog;

fn harness() -> Harness<'static, TaliqApp> {
    let state = AppState::sample().expect("the bundled sample is valid");
    support::window(state, 1000.0, 700.0)
}

fn type_text(harness: &mut Harness<'_, TaliqApp>, text: &str) {
    harness.event(Event::Text(text.to_owned()));
    harness.run();
}

fn spans(harness: &Harness<'_, TaliqApp>) -> usize {
    harness.state().state.corpus.documents[0].spans().len()
}

#[test]
fn ctrl_f_typing_enter_alt_key_and_escape_need_no_mouse() {
    let mut harness = harness();
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::F);
    harness.run();
    assert!(
        harness.ctx.egui_wants_keyboard_input(),
        "the field has focus"
    );
    type_text(&mut harness, "روسيا");
    assert_eq!(harness.state().state.search.query, "روسيا");
    // Ctrl+F again selects the field's text: typing replaces it.
    harness.key_press_modifiers(Modifiers::COMMAND, Key::F);
    harness.run();
    type_text(&mut harness, "أوكرانيا");
    assert_eq!(harness.state().state.search.query, "أوكرانيا");
    harness.state_mut().state.search.options.inside_words = true;
    harness.state_mut().state.refresh_search();
    harness.run();
    let matches = harness.state().state.search.matches.clone();
    assert_eq!(matches.len(), 9);

    // Enter selects the next match and leaves the caret in the field; Shift+Enter goes back.
    harness.key_press(Key::Enter);
    harness.run();
    assert_eq!(harness.state().state.selection.range(), matches[0]);
    assert!(harness.ctx.egui_wants_keyboard_input());
    harness.key_press(Key::Enter);
    harness.run();
    assert_eq!(harness.state().state.selection.range(), matches[1]);
    harness.key_press_modifiers(Modifiers::SHIFT, Key::Enter);
    harness.run();
    assert_eq!(harness.state().state.selection.range(), matches[0]);

    // A label key alone is text in the field; with Alt it labels every match.
    let before = spans(&harness);
    let loc = harness
        .state()
        .state
        .corpus
        .labels
        .iter()
        .find(|l| l.name == "LOC")
        .and_then(|l| l.key)
        .unwrap();
    let key = Key::from_name(&loc.to_string()).unwrap();
    harness.event(Event::Key {
        key,
        physical_key: None,
        pressed: true,
        repeat: false,
        modifiers: Modifiers::ALT,
    });
    harness.event(Event::Text(loc.to_string()));
    harness.event(Event::Key {
        key,
        physical_key: None,
        pressed: false,
        repeat: false,
        modifiers: Modifiers::ALT,
    });
    harness.run();
    assert_eq!(spans(&harness), before + 9);
    assert_eq!(
        harness.state().state.search.query,
        "أوكرانيا",
        "the key's text did not land in the field"
    );

    // Escape closes the bar (and leaves the field); one Ctrl+Z takes the nine spans back.
    harness.key_press(Key::Escape);
    harness.run();
    assert!(!harness.state().state.search.open);
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    assert_eq!(spans(&harness), before);
}

#[test]
fn escape_closes_the_bar_when_the_field_does_not_have_focus_and_hotkeys_wait_for_it() {
    let mut harness = harness();
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::F);
    harness.run();
    // A label key typed into the field is text, not a label.
    let before = spans(&harness);
    type_text(&mut harness, "1");
    assert_eq!(harness.state().state.search.query, "1");
    assert_eq!(spans(&harness), before);
    // Focus leaves the field (a click elsewhere); Escape still closes the bar.
    harness.ctx.memory_mut(egui::Memory::stop_text_input);
    harness.run();
    assert!(!harness.ctx.egui_wants_keyboard_input());
    assert!(harness.state().state.search.open);
    harness.key_press(Key::Escape);
    harness.run();
    assert!(!harness.state().state.search.open);
}

#[test]
fn a_broken_file_shows_its_located_problems_in_a_window_and_keeps_the_corpus() {
    let dir = tempfile::tempdir().unwrap();
    let broken = dir.path().join("broken.json");
    std::fs::write(
        &broken,
        r##"{"format": "taliq-corpus", "version": 1, "labels": [{"name": "PER", "color": "#e6194b"}],
  "documents": [{"id": "d", "text": "قال بوتين", "spans": [{"start": 4, "end": 99, "label": "PER"}]}]}"##,
    )
    .unwrap();
    let mut harness = harness();
    harness.run();
    let before = harness.state().state.corpus.clone();
    support::open_with_chooser(&mut harness, &broken);
    let state = &harness.state().state;
    assert_eq!(state.corpus, before, "the open corpus stays");
    assert!(!state.message.contains('\n'), "{}", state.message);
    let problems = state.problems.clone().expect("the problems are shown");
    let text = problems.text();
    assert!(
        text.contains("broken.json") && text.contains("end"),
        "{text}"
    );
    harness.get_by_label("Could not open");
    // Each problem: its place, what its code means, and the reader's own words.
    harness
        .get_by_label("broken.json: document \"d\" (#0), span 0, field documents[0].spans[0].end");
    harness.get_by_label("A span ends past the end of its text.");
    let Problems::Invalid { diagnostics, .. } = &problems else {
        panic!("a corpus file's problems are located: {problems:?}");
    };
    harness.get_by_label(&format!("details: {}", diagnostics[0].message));
    harness.get_by_label("close").click();
    harness.run();
    assert!(harness.state().state.problems.is_none());
}

/// A window on a copy of the sample saved as a file, with one unsaved span when `change`.
fn harness_on_file(dir: &std::path::Path, change: bool) -> Harness<'static, TaliqApp> {
    let path = dir.join("c.json");
    if !path.exists() {
        let sample = AppState::sample().unwrap().corpus;
        taliq::format::CorpusFile::create(&path, &sample, false).unwrap();
    }
    let mut harness = support::window(AppState::open(&path).unwrap(), 1000.0, 700.0);
    harness.run();
    if change {
        let state = &mut harness.state_mut().state;
        state.selection = taliq::annotate::selection::Selection::new(0, 2);
        state.apply_label("PER");
        assert!(state.history.is_dirty());
        harness.run();
    }
    harness
}

fn spans_on_disk(dir: &std::path::Path) -> usize {
    taliq::format::load(dir.join("c.json")).unwrap().documents[0]
        .spans()
        .len()
}

#[test]
fn quitting_with_unsaved_changes_asks_and_each_answer_does_what_it_says() {
    let dir = tempfile::tempdir().unwrap();
    let saved = {
        let mut harness = harness_on_file(dir.path(), false);
        harness.key_press_modifiers(Modifiers::COMMAND, Key::Q);
        harness.run();
        assert!(
            harness.state().quit.confirmed,
            "nothing unsaved: quits at once"
        );
        spans_on_disk(dir.path())
    };

    // Cancel: the window stays, with its changes.
    let mut harness = harness_on_file(dir.path(), true);
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Q);
    harness.run();
    harness.get_by_label("Save the changes before quitting?");
    harness.get_by_label("cancel").click();
    harness.run();
    assert!(!harness.state().quit.asking && !harness.state().quit.confirmed);
    assert!(harness.state().state.history.is_dirty());

    // Discard: quits, the file as it was and its autosaved recovery file gone.
    harness.state_mut().state.autosave(f64::MAX, true);
    assert!(dir.path().join("c.recovery.json").exists());
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Q);
    harness.run();
    harness.get_by_label("discard and quit").click();
    harness.run();
    assert!(harness.state().quit.confirmed);
    assert_eq!(spans_on_disk(dir.path()), saved);
    assert!(!dir.path().join("c.recovery.json").exists());
    drop(harness);

    // Save: quits with the span written.
    let mut harness = harness_on_file(dir.path(), true);
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Q);
    harness.run();
    harness.get_by_label("save and quit").click();
    harness.run();
    assert!(harness.state().quit.confirmed);
    assert_eq!(spans_on_disk(dir.path()), saved + 1);
}

/// How many nodes are labelled `label` now.
fn count(harness: &Harness<'_, TaliqApp>, label: &str) -> usize {
    harness.query_all_by_label(label).count()
}

#[test]
fn every_menu_item_is_reachable_shows_its_shortcut_and_runs_its_command() {
    let mut harness = harness();
    harness.run();
    for menu in taliq::app::input::commands::Menu::ALL {
        harness.get_by_label(&menu.title()).click();
        harness.run();
        for info in taliq::app::input::commands::COMMANDS
            .iter()
            .filter(|c| c.menu == menu)
        {
            assert!(
                harness.query_all_by_label_contains(&info.name()).count() >= 1,
                "{} not in the {} menu",
                info.name(),
                menu.title()
            );
        }
        // A click on its title closes the menu again.
        harness.get_by_label(&menu.title()).click();
        harness.run();
    }
    // The shortcut is written beside its item (the same table drives both).
    harness.get_by_label("Edit").click();
    harness.run();
    let find = harness.get_by_label_contains("Find");
    assert_eq!(
        find.accesskit_node().data().keyboard_shortcut(),
        Some("Ctrl+F"),
        "{find:?}"
    );
    harness.get_by_label_contains("Find").click();
    harness.run();
    assert!(
        harness.state().state.search.open,
        "Edit → Find opens the bar"
    );
    harness.key_press(Key::Escape);
    harness.run();

    let size = harness.state().document_view.as_ref().unwrap().font_size;
    harness.get_by_label("View").click();
    harness.run();
    harness.get_by_label_contains("Zoom in").click();
    harness.run();
    assert!(harness.state().document_view.as_ref().unwrap().font_size > size);

    let before = count(&harness, "Export");
    harness.get_by_label("File").click();
    harness.run();
    harness.get_by_label_contains("Export…").click();
    harness.run();
    assert!(support::dialog_open(&harness, Dialog::Export));
    assert!(
        count(&harness, "Export") > before,
        "the export window is shown"
    );
    harness
        .state_mut()
        .state
        .dialogs
        .close(taliq::app::state::dialogs::Dialog::Export);
    harness.run();

    harness.get_by_label("Help").click();
    harness.run();
    harness.get_by_label_contains("About taliq").click();
    harness.run();
    assert!(support::dialog_open(&harness, Dialog::About));
    harness.get_by_label("Help").click();
    harness.run();
    harness.get_by_label_contains("Shortcuts").click();
    harness.run();
    assert!(support::dialog_open(&harness, Dialog::Shortcuts));
    // The overlay lists the table's commands with their menus, then the context keys.
    harness.get_by_label("Save (File menu)");
    harness.get_by_label("Redo (Edit menu)");
    assert!(harness.query_all_by_label("Shift+Tab").next().is_some());
    harness.get_by_label("suggestions: pick the next suggestion (dashed outline)");
}

#[test]
fn a_label_description_tooltip_is_drawn_by_the_text_engine() {
    let mut harness = harness();
    harness.run();
    let center = harness.get_by_label("1 PER").rect().center();
    harness.hover_at(center);
    for _ in 0..3 {
        harness.step();
    }
    harness.run();
    let tooltip_shown = harness.ctx.memory(|m| {
        m.areas()
            .visible_layer_ids()
            .iter()
            .any(|layer| layer.order == egui::Order::Tooltip)
    });
    assert!(tooltip_shown, "hovering PER shows its description");
    // egui would have drawn "شخص" as a label of its own (letters in the wrong order for
    // longer text); the engine's line says it is the engine's.
    let description = harness.get_by_label("شخص");
    assert_eq!(
        description.accesskit_node().author_id(),
        Some(taliq::app::widgets::ENGINE_TEXT)
    );
}

#[test]
fn the_window_has_the_desktop_entrys_icon() {
    let icon = taliq::app::window_icon();
    assert_eq!((icon.width, icon.height), (128, 128));
    assert_eq!(icon.rgba.len(), 128 * 128 * 4);
    // Not blank: the page is drawn opaque on a transparent ground.
    let opaque = icon.rgba.chunks(4).filter(|p| p[3] == 255).count();
    let clear = icon.rgba.chunks(4).filter(|p| p[3] == 0).count();
    assert!(
        opaque > 4000 && clear > 1000,
        "{opaque} opaque, {clear} clear"
    );
}

#[test]
fn focus_never_stays_on_a_field_that_is_no_longer_shown() {
    let mut harness = harness();
    harness.run();
    // The find field has focus, then the bar goes away by another road than Escape.
    harness.key_press_modifiers(Modifiers::COMMAND, Key::F);
    harness.run();
    assert!(harness.ctx.egui_wants_keyboard_input());
    harness.state_mut().state.close_search();
    harness.run();
    assert!(
        !harness.ctx.egui_wants_keyboard_input(),
        "no focus left on the hidden find field"
    );
    // Label keys work again at once.
    let before = spans(&harness);
    harness.state_mut().state.selection = taliq::annotate::selection::Selection::new(3, 8);
    type_text(&mut harness, "1");
    assert_eq!(spans(&harness), before + 1);
}

#[test]
fn an_arabic_annotator_name_in_the_status_bar_is_drawn_by_the_text_engine() {
    let mut state = AppState::sample().expect("the bundled sample is valid");
    state.corpus.annotator = Some("أمل حسن".to_owned());
    let mut harness = support::window(state, 1000.0, 700.0);
    harness.run();
    let name = harness.get_by_label_contains("أمل حسن");
    assert_eq!(
        name.accesskit_node().author_id(),
        Some(taliq::app::widgets::ENGINE_TEXT)
    );
    harness.get_by_label_contains("annotator:");
}

#[test]
fn escape_closes_the_open_dialog_before_anything_else() {
    let mut harness = harness();
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::E);
    harness.run();
    assert!(
        support::dialog_open(&harness, Dialog::Export),
        "Ctrl+E opens Export"
    );
    harness.key_press(Key::Escape);
    harness.run();
    assert!(
        !support::dialog_open(&harness, Dialog::Export),
        "Escape closes it"
    );
    harness.key_press(Key::F1);
    harness.run();
    assert!(support::dialog_open(&harness, Dialog::Shortcuts));
    harness.key_press(Key::Escape);
    harness.run();
    assert!(!support::dialog_open(&harness, Dialog::Shortcuts));
    // With no dialog open, Escape still drops a picked span.
    let first = harness.state().state.corpus.documents[0].spans()[0].clone();
    harness.state_mut().state.pick = taliq::annotate::pick::Pick::span(first.range, &first.label);
    harness.key_press(Key::Escape);
    harness.run();
    assert_eq!(
        harness.state().state.pick,
        taliq::annotate::pick::Pick::None
    );
}

#[test]
fn an_arabic_label_name_is_an_engine_drawn_button_that_labels() {
    let mut state = AppState::sample().expect("the bundled sample is valid");
    state.corpus.labels[0].name = "اسم علم".to_owned();
    for doc in &mut state.corpus.documents {
        while !doc.spans().is_empty() {
            doc.remove_span(0);
        }
    }
    let mut harness = support::window(state, 1000.0, 700.0);
    harness.run();
    let button = harness.get_by_label("1 اسم علم");
    assert_eq!(
        button.accesskit_node().author_id(),
        Some(taliq::app::widgets::ENGINE_TEXT)
    );
    // Select the first word and press the button.
    harness.state_mut().state.selection = taliq::annotate::selection::Selection::new(0, 3);
    harness.get_by_label("1 اسم علم").click();
    harness.run();
    let doc = &harness.state().state.corpus.documents[0];
    assert_eq!(doc.spans().len(), 1);
    assert_eq!(doc.spans()[0].label, "اسم علم");
}

#[test]
fn a_status_message_naming_an_arabic_name_is_drawn_by_the_text_engine() {
    let mut harness = harness();
    harness
        .state_mut()
        .state
        .say("took over the lock left by أمل حسن");
    harness.run();
    let message = harness.get_by_label("took over the lock left by أمل حسن");
    assert_eq!(
        message.accesskit_node().author_id(),
        Some(taliq::app::widgets::ENGINE_TEXT)
    );
}
