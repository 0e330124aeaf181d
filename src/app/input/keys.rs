//! The keys that act on what is selected or picked, by context: a relation draft, the
//! review, suggestions, label keys, the caret. (The command table's shortcuts are run first.)

use egui::{Key, Modifiers};

use crate::annotate::pick::Pick;
use crate::app::state::pick::PickAction;
use crate::app::{AppState, TaliqApp};
use crate::model::Status;
use crate::text::hit::Side;
use crate::text::words::{next_word_end, prev_word_start};

/// The keys that act on what is selected or picked, as the help overlay (F1) lists them
/// after the command table's shortcuts ([`crate::app::input::commands::COMMANDS`]).
pub const SHORTCUTS: &[(&str, &str)] = &[
    (
        "drag / double-click / Shift+click",
        "select text / a word / extend the selection",
    ),
    (
        "Left / Right",
        "move the caret on screen (in Arabic Left goes forward)",
    ),
    ("Shift+Left / Right", "extend the selection"),
    ("Ctrl+Shift+Left / Right", "extend by a word"),
    (
        "label key (1–5 by default)",
        "label the selection, or relabel the picked span",
    ),
    ("click a span", "pick it (innermost of nested spans)"),
    ("Delete / Backspace", "remove the picked span"),
    (
        "Escape",
        "drop the selection and the picked span; close the find bar",
    ),
    (
        "find: Enter / Shift+Enter",
        "select the next / previous match",
    ),
    (
        "find: Alt+label key",
        "label every match in the document (one undo step)",
    ),
    (
        "Ctrl+Enter",
        "mark the document done, open the next unfinished one",
    ),
    ("PageUp / PageDown", "previous / next document"),
    (
        "review: Down / Up",
        "pick the next / previous pending candidate",
    ),
    (
        "review: Enter / Delete",
        "accept (as selected, to edit its extent) / reject the picked candidate",
    ),
    (
        "review: label key",
        "accept the picked candidate (or selection) with that label",
    ),
    (
        "review: Ctrl+Shift+A",
        "accept every span all annotators agree on",
    ),
    (
        "review: Ctrl+Enter",
        "mark the document reviewed, open the next",
    ),
    (
        "Tab / Shift+Tab",
        "pick the next / previous suggestion (dashed outline)",
    ),
    (
        "suggestion: Enter / Delete",
        "accept / reject the picked suggestion",
    ),
    (
        "suggestion: label key",
        "accept the picked suggestion with that label",
    ),
    (
        "Ctrl+Shift+A",
        "accept every suggestion at or above the threshold (one undo step)",
    ),
];

pub(crate) fn keyboard(ui: &mut egui::Ui, app: &mut TaliqApp) {
    let ctx = ui.ctx().clone();
    // The command table's shortcuts; Ctrl+F, Ctrl+S and the like work from a text field too
    // (again in the find field, Ctrl+F selects the query).
    crate::app::input::commands::run_shortcuts(&ctx, app);
    if ctx.egui_wants_keyboard_input() {
        return;
    }
    let command = Modifiers::COMMAND;
    if relation_draft_keys(&ctx, &mut app.state) {
        return;
    }
    let state = &mut app.state;
    if ctx.input_mut(|i| {
        i.consume_key(Modifiers::NONE, Key::Delete)
            || i.consume_key(Modifiers::NONE, Key::Backspace)
    }) {
        state.act_on_pick(PickAction::Remove);
    }
    // Escape closes an open dialog first, as in any desktop program; only then does it drop
    // the selection and picks.
    if ctx.input(|i| i.key_pressed(Key::Escape)) && app.close_dialogs() {
        ctx.input_mut(|i| i.consume_key(Modifiers::NONE, Key::Escape));
    }
    let state = &mut app.state;
    if ctx.input_mut(|i| i.consume_key(Modifiers::NONE, Key::Escape)) {
        state.pick = Pick::None;
        state.selection.anchor = state.selection.head;
        if state.search.open {
            state.close_search();
        }
    }
    if state.review.is_some() {
        review_keys(&ctx, app);
    }
    if app.state.suggestions_active() {
        suggestion_keys(&ctx, app);
    }
    let state = &mut app.state;
    if state.review.is_some() && ctx.input_mut(|i| i.consume_key(command, Key::Enter)) {
        state.mark_reviewed();
    } else if ctx.input_mut(|i| i.consume_key(command, Key::Enter)) {
        state.set_status(Status::Done);
        if let Some(next) = state.next_unfinished() {
            state.open_document(next);
        }
    }
    if ctx.input_mut(|i| i.consume_key(Modifiers::NONE, Key::PageDown)) {
        state.open_document(state.selected + 1);
    }
    if ctx.input_mut(|i| i.consume_key(Modifiers::NONE, Key::PageUp)) {
        state.open_document(state.selected.saturating_sub(1));
    }
    label_keys(&ctx, state);
    arrows(&ctx, app);
}

/// While a relation is being made: Tab / Shift+Tab move its target among the spans, Enter
/// links, Escape gives up; every other key waits. Returns whether a draft was under way.
fn relation_draft_keys(ctx: &egui::Context, state: &mut AppState) -> bool {
    if state.pick.as_draft().is_none() {
        return false;
    }
    ctx.input_mut(|i| {
        if i.consume_key(Modifiers::SHIFT, Key::Tab) {
            state.step_relation_target(false);
        } else if i.consume_key(Modifiers::NONE, Key::Tab) {
            state.step_relation_target(true);
        } else if i.consume_key(Modifiers::NONE, Key::Enter) {
            state.finish_relation(None);
        } else if i.consume_key(Modifiers::NONE, Key::Escape) {
            state.cancel_relation();
        }
    });
    // Tab moves the target here, not egui's focus between widgets.
    ctx.memory_mut(|m| m.move_focus(egui::FocusDirection::None));
    true
}

/// Label hotkeys: the selection (or the picked span or suggestion) gets that label; a
/// relation type's hotkey (when no label has it) starts a relation from the picked span.
fn label_keys(ctx: &egui::Context, state: &mut AppState) {
    // Label hotkeys arrive as typed text (so "1" works on every keyboard layout).
    let typed: Vec<String> = ctx.input(|i| {
        i.events
            .iter()
            .filter_map(|e| match e {
                egui::Event::Text(t) => Some(t.clone()),
                _ => None,
            })
            .collect()
    });
    // The text of an Alt+label key (the find bar labels every match with it) is no hotkey.
    let swallowed = state.search.swallow;
    for text in typed {
        if swallowed.is_some_and(|c| text.chars().eq([c])) {
            continue;
        }
        let mut chars = text.chars();
        if let (Some(c), None) = (chars.next(), chars.next()) {
            if let Some(label) = state
                .corpus
                .labels
                .iter()
                .find(|l| l.key == Some(c))
                .map(|l| l.name.clone())
            {
                state.act_on_pick(PickAction::Label(&label));
            } else if let Some(kind) = state
                .corpus
                .relation_labels
                .iter()
                .find(|r| r.key == Some(c))
                .map(|r| r.name.clone())
            {
                state.act_on_pick(PickAction::RelationType(&kind));
            }
        }
    }
}

/// Keys of suggestions (outside review): Tab / Shift+Tab pick the next / previous one,
/// Enter accepts the picked one, Ctrl+Shift+A accepts every one above the threshold.
fn suggestion_keys(ctx: &egui::Context, app: &mut TaliqApp) {
    let state = &mut app.state;
    let step = ctx.input_mut(|i| {
        // Shift first: a plain pattern matches Shift+Tab too (egui ignores Shift there).
        if i.consume_key(Modifiers::SHIFT, Key::Tab) {
            Some(false)
        } else if i.consume_key(Modifiers::NONE, Key::Tab) {
            Some(true)
        } else {
            None
        }
    });
    if let Some(forward) = step {
        // Tab moves between suggestions here, not egui's focus between widgets.
        ctx.memory_mut(|m| m.move_focus(egui::FocusDirection::None));
        if let (Some(picked), Some(view)) = (
            state.pick_next_suggestion(forward),
            app.document_view
                .as_mut()
                .filter(|v| v.document == state.selected),
        ) {
            view.reveal_offset(&mut app.engine.font_system, picked.range.start());
        }
    }
    let state = &mut app.state;
    if state.pick.as_suggestion().is_some()
        && ctx.input_mut(|i| i.consume_key(Modifiers::NONE, Key::Enter))
    {
        state.accept_picked_suggestion(None);
    }
    if ctx.input_mut(|i| i.consume_key(Modifiers::COMMAND | Modifiers::SHIFT, Key::A)) {
        state.accept_suggestions_above_threshold();
    }
}

/// The review mode's keys: decide on the picked candidate, move between pending ones.
fn review_keys(ctx: &egui::Context, app: &mut TaliqApp) {
    let state = &mut app.state;
    // Where the picked candidate starts: a span's start, a relation's first span's.
    let picked_at = |state: &AppState| {
        state
            .picked_candidate()
            .map(|c| c.range.start())
            .or_else(|| {
                state
                    .picked_relation_candidate()
                    .map(|c| c.from.range.start())
            })
    };
    let before = picked_at(state);
    if ctx.input_mut(|i| i.consume_key(Modifiers::COMMAND | Modifiers::SHIFT, Key::A)) {
        state.accept_all_agreed();
    }
    if ctx.input_mut(|i| i.consume_key(Modifiers::NONE, Key::Enter)) {
        state.accept_picked();
    }
    let step = ctx.input_mut(|i| {
        if i.consume_key(Modifiers::NONE, Key::ArrowDown) {
            Some(true)
        } else if i.consume_key(Modifiers::NONE, Key::ArrowUp) {
            Some(false)
        } else {
            None
        }
    });
    if let Some(forward) = step {
        state.pick_next_pending(forward);
    }
    // Show the candidate a key moved to.
    let after = picked_at(state);
    if let (Some(start), Some(view)) = (after, app.document_view.as_mut())
        && after != before
        && view.document == state.selected
    {
        view.reveal_offset(&mut app.engine.font_system, start);
    }
}

fn arrows(ctx: &egui::Context, app: &mut TaliqApp) {
    for (key, side) in [(Key::ArrowLeft, Side::Left), (Key::ArrowRight, Side::Right)] {
        let word = ctx.input_mut(|i| i.consume_key(Modifiers::COMMAND | Modifiers::SHIFT, key));
        let extend = word || ctx.input(|i| i.key_pressed(key) && i.modifiers.shift);
        let plain = word
            || ctx.input_mut(|i| {
                i.consume_key(Modifiers::SHIFT, key) || i.consume_key(Modifiers::NONE, key)
            });
        if !plain {
            continue;
        }
        let state = &mut app.state;
        if state.pick.as_span().is_some() {
            state.pick = Pick::None;
        }
        let Some(view) = app
            .document_view
            .as_mut()
            .filter(|v| v.document == state.selected)
        else {
            continue;
        };
        let fs = &mut app.engine.font_system;
        if word {
            let text = state.corpus.documents[state.selected].text();
            let layout = view.layout_mut();
            let paragraph = layout.paragraph_of(state.selection.head);
            let rtl = layout.paragraph(fs, paragraph).rtl;
            // In a right-to-left paragraph, the word to the left is the next one.
            let forward = (side == Side::Left) == rtl;
            state.selection.head = if forward {
                next_word_end(text, state.selection.head)
            } else {
                prev_word_start(text, state.selection.head)
            };
        } else {
            view.move_caret(fs, &mut state.selection, side, extend);
        }
    }
}
