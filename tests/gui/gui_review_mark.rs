//! Marking a document reviewed rejects its pending candidates (issue #25, item 11): with
//! candidates pending, conflicts among them, Ctrl+Enter asks first, naming how many; a
//! second Ctrl+Enter (or the question's button) goes ahead, Escape goes back.

use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use taliq::app::TaliqApp;
use taliq::app::state::dialogs::Dialog;
use taliq::model::Status;

use crate::support;

/// A review of the three annotators of the sample article into a new gold file in `dir`.
fn review(dir: &std::path::Path) -> Harness<'static, TaliqApp> {
    support::review_window(dir, 1000.0, 680.0)
}

/// [`review`], what all agreed on accepted (Ctrl+Shift+A): the conflicts are left.
fn review_with_conflicts_left(dir: &std::path::Path) -> Harness<'static, TaliqApp> {
    let mut harness = review(dir);
    harness.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::A);
    harness.run();
    harness
}

fn status(harness: &Harness<'_, TaliqApp>) -> Status {
    let state = &harness.state().state;
    state.corpus.documents[state.selected].status
}

#[test]
fn ctrl_enter_with_conflicts_pending_asks_first_and_names_how_many() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = review_with_conflicts_left(dir.path());
    let (pending, conflicts) = harness.state().state.pending_at_mark().unwrap();
    // b's quotes round الكرملين, b's ORG for موسكو, c's تركيا…: what the agreed left.
    assert_eq!((pending, conflicts), (9, 9), "every one left is disputed");

    harness.key_press_modifiers(Modifiers::COMMAND, Key::Enter);
    harness.run();
    assert_ne!(status(&harness), Status::Reviewed, "not without asking");
    assert_eq!(harness.state().state.pending_at_mark(), Some((9, 9)));
    assert!(support::dialog_open(&harness, Dialog::MarkReviewed));
    harness.get_by_label("Mark this document reviewed?");
    harness.get_by_label("9 candidates are pending, all in unresolved conflicts.");
    assert!(
        harness
            .state()
            .state
            .message
            .contains("Ctrl+Enter again rejects them"),
        "{}",
        harness.state().state.message
    );

    // Escape goes back: nothing rejected, and the next Ctrl+Enter asks again.
    harness.key_press(Key::Escape);
    harness.run();
    assert!(!support::dialog_open(&harness, Dialog::MarkReviewed));
    assert_eq!(harness.state().state.pending_at_mark(), Some((9, 9)));
    assert_eq!(
        harness.state().state.message,
        "not marked reviewed: the pending candidates are kept"
    );
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Enter);
    harness.run();
    assert!(support::dialog_open(&harness, Dialog::MarkReviewed));
    assert_ne!(status(&harness), Status::Reviewed);

    // The second press goes ahead.
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Enter);
    harness.run();
    assert_eq!(status(&harness), Status::Reviewed);
    assert!(!support::dialog_open(&harness, Dialog::MarkReviewed));
    assert_eq!(harness.state().state.pending_at_mark(), Some((0, 0)));
    assert!(
        harness
            .state()
            .state
            .message
            .contains("9 pending candidates rejected"),
        "{}",
        harness.state().state.message
    );

    // With nothing pending there is nothing to ask.
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Enter);
    harness.run();
    assert!(!support::dialog_open(&harness, Dialog::MarkReviewed));
    assert!(
        harness.state().state.message.starts_with("marked reviewed"),
        "{}",
        harness.state().state.message
    );
}

#[test]
fn the_questions_buttons_go_back_or_go_ahead() {
    let dir = tempfile::tempdir().unwrap();
    // Before the agreed spans are accepted: pending ones that all made, and conflicts.
    let mut harness = review(dir.path());
    let before = harness.state().state.pending_at_mark();
    assert_eq!(before, Some((16, 10)));
    // The review panel's button asks as Ctrl+Enter does.
    harness.get_by_label("mark reviewed (Ctrl+Enter)").click();
    harness.run();
    assert!(support::dialog_open(&harness, Dialog::MarkReviewed));
    harness.get_by_label("16 candidates are pending, 10 of them in unresolved conflicts.");
    harness.get_by_label("go back (Escape)").click();
    harness.run();
    assert!(!support::dialog_open(&harness, Dialog::MarkReviewed));
    assert_ne!(status(&harness), Status::Reviewed);
    assert_eq!(harness.state().state.pending_at_mark(), before);

    harness.key_press_modifiers(Modifiers::COMMAND, Key::Enter);
    harness.run();
    harness
        .get_by_label("reject and mark reviewed (Ctrl+Enter)")
        .click();
    harness.run();
    assert_eq!(status(&harness), Status::Reviewed);
    assert_eq!(harness.state().state.pending_at_mark(), Some((0, 0)));
    // One undo step brings back the status and the candidates together.
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    assert_ne!(status(&harness), Status::Reviewed);
    assert_eq!(harness.state().state.pending_at_mark(), before);
}
