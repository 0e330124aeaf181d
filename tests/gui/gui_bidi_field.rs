//! The bidi text field (issue #11) in the window's find bar, driven with `egui_kittest`:
//! Arabic typed into it is drawn right to left in visual order, the caret moves visually with
//! the arrows, select-all + paste replaces (separators removed), undo stays inside the field,
//! the mouse selects, and multi-word Arabic typed there is found in the document.

#![allow(
    clippy::unwrap_used,
    reason = "fixture helpers fail the test that calls them"
)]

use egui::{Event, Key, Modifiers, PointerButton, Pos2};
use egui_kittest::Harness;
use taliq::app::annotate::search_bar::field_id;
use taliq::app::widgets::bidi_field::{self, Drawn};
use taliq::app::{AppState, TaliqApp};
use taliq::model::CharRange;

use crate::support;

fn harness() -> Harness<'static, TaliqApp> {
    let state = AppState::sample().expect("the bundled sample is valid");
    let mut harness = support::window(state, 1000.0, 700.0);
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::F);
    harness.run();
    harness
}

fn type_text(harness: &mut Harness<'_, TaliqApp>, text: &str) {
    for c in text.chars() {
        harness.event(Event::Text(c.to_string()));
    }
    harness.run();
}

fn press(harness: &mut Harness<'_, TaliqApp>, modifiers: Modifiers, key: Key) {
    harness.key_press_modifiers(modifiers, key);
    harness.run();
}

fn query(harness: &Harness<'_, TaliqApp>) -> String {
    harness.state().state.search.query.clone()
}

fn drawn(harness: &Harness<'_, TaliqApp>) -> Drawn {
    bidi_field::drawn(&harness.ctx, field_id())
}

fn selection(harness: &Harness<'_, TaliqApp>) -> CharRange {
    bidi_field::selection(&harness.ctx, field_id())
}

#[test]
fn arabic_is_drawn_right_to_left_and_the_caret_moves_visually() {
    let mut harness = harness();
    type_text(&mut harness, "روسيا وأوكرانيا");
    assert_eq!(query(&harness), "روسيا وأوكرانيا");
    let shown = drawn(&harness);
    assert_eq!(shown.words.len(), 2);
    let (first, second) = (shown.words[0], shown.words[1]);
    assert!(
        first.min.x > second.max.x,
        "the first word is right of the second: {first:?} {second:?}"
    );
    assert!(
        (first.max.x - shown.inner.max.x).abs() < 2.0,
        "right-aligned: {first:?} in {:?}",
        shown.inner
    );
    // Typing left the caret at the end of the text: its left edge.
    assert!((shown.caret_x - second.min.x).abs() < 1.0, "{shown:?}");

    // Home is the start: the right edge. Left moves into the text (forward in Arabic).
    press(&mut harness, Modifiers::NONE, Key::Home);
    let at_start = drawn_caret(&harness);
    assert!((at_start - first.max.x).abs() < 1.0);
    press(&mut harness, Modifiers::NONE, Key::ArrowLeft);
    assert_eq!(selection(&harness), CharRange::between(1, 1));
    assert!(drawn_caret(&harness) < at_start);
    press(&mut harness, Modifiers::NONE, Key::ArrowRight);
    assert_eq!(selection(&harness), CharRange::between(0, 0));
    // Ctrl+Shift+Left selects the first word, which is drawn over the first word's place.
    press(
        &mut harness,
        Modifiers::COMMAND | Modifiers::SHIFT,
        Key::ArrowLeft,
    );
    assert_eq!(selection(&harness), CharRange::between(0, 5));
    let selected = drawn(&harness).selection;
    assert_eq!(selected.len(), 1);
    assert!((selected[0].min.x - first.min.x).abs() < 1.0);
    assert!((selected[0].max.x - first.max.x).abs() < 1.0);
}

fn drawn_caret(harness: &Harness<'_, TaliqApp>) -> f32 {
    drawn(harness).caret_x
}

#[test]
fn select_all_and_paste_replaces_without_separators_and_undo_stays_in_the_field() {
    let mut harness = harness();
    let spans = harness.state().state.corpus.documents[0].spans().len();
    type_text(&mut harness, "موسكو");
    press(&mut harness, Modifiers::COMMAND, Key::A);
    assert_eq!(selection(&harness), CharRange::between(0, 5));
    harness.event(Event::Paste("كييف\u{2029}و\r\nأوديسا\u{2028}".to_owned()));
    harness.run();
    assert_eq!(query(&harness), "كييفوأوديسا");
    // An IME's composed text comes in as a commit.
    harness.event(Event::Ime(egui::ImeEvent::Commit(" ب".to_owned())));
    harness.run();
    assert_eq!(query(&harness), "كييفوأوديسا ب");
    // Ctrl+Z undoes in the field, one edit at a time; the corpus's history is untouched.
    press(&mut harness, Modifiers::COMMAND, Key::Z);
    assert_eq!(query(&harness), "كييفوأوديسا");
    press(&mut harness, Modifiers::COMMAND, Key::Z);
    assert_eq!(query(&harness), "موسكو");
    press(&mut harness, Modifiers::COMMAND | Modifiers::SHIFT, Key::Z);
    assert_eq!(query(&harness), "كييفوأوديسا");
    assert_eq!(
        harness.state().state.corpus.documents[0].spans().len(),
        spans
    );
    // Copy and cut put the selection on the clipboard; cut removes it.
    press(&mut harness, Modifiers::COMMAND, Key::A);
    // (One frame each: the clipboard command is in that frame's output.)
    harness.event(Event::Copy);
    harness.step();
    assert!(copied(&harness, "كييفوأوديسا"));
    harness.event(Event::Cut);
    harness.step();
    assert!(copied(&harness, "كييفوأوديسا"));
    assert_eq!(query(&harness), "");
}

fn copied(harness: &Harness<'_, TaliqApp>, text: &str) -> bool {
    harness
        .output()
        .platform_output
        .commands
        .iter()
        .any(|c| matches!(c, egui::OutputCommand::CopyText(t) if t == text))
}

#[test]
fn the_mouse_places_the_caret_and_drags_a_selection() {
    let mut harness = harness();
    type_text(&mut harness, "زار بوتين موسكو");
    let words = drawn(&harness).words;
    let y = words[0].center().y;
    // A press at the right edge of the first word and a drag to the left edge of the
    // second select "زار بوتين".
    let from = Pos2::new(words[0].max.x - 0.5, y);
    let to = Pos2::new(words[1].min.x + 0.5, y);
    harness.event(Event::PointerMoved(from));
    harness.event(pointer(from, true));
    harness.run();
    assert_eq!(selection(&harness), CharRange::between(0, 0));
    for step in 1..=4 {
        let x = from.x + (to.x - from.x) * step as f32 / 4.0;
        harness.event(Event::PointerMoved(Pos2::new(x, y)));
        harness.run();
    }
    harness.event(pointer(to, false));
    harness.run();
    assert_eq!(selection(&harness), CharRange::between(0, 9));
    // A double click selects the word under the pointer.
    let third = words[2].center();
    // (Press and release in one frame each: queued events get a frame each, a quarter second
    // apart here, and a double click is two clicks within 0.3 s.)
    harness.event(Event::PointerMoved(third));
    harness.run();
    for _ in 0..2 {
        harness.input_mut().events.push(pointer(third, true));
        harness.input_mut().events.push(pointer(third, false));
        harness.step();
    }
    harness.run();
    assert_eq!(selection(&harness), CharRange::between(10, 15));
}

fn pointer(pos: Pos2, pressed: bool) -> Event {
    Event::PointerButton {
        pos,
        button: PointerButton::Primary,
        pressed,
        modifiers: Modifiers::NONE,
    }
}

#[test]
fn multi_word_arabic_typed_into_the_find_field_is_found() {
    let mut harness = harness();
    let phrase = "الرئيس الروسي";
    type_text(&mut harness, phrase);
    let state = &harness.state().state;
    let text = state.corpus.documents[0].text();
    let expected = text.matches(phrase).count();
    assert!(expected >= 1, "the sample holds the phrase");
    assert_eq!(state.search.matches.len(), expected);
    for m in &state.search.matches {
        assert_eq!(state.corpus.documents[0].slice(*m), phrase);
    }
}
