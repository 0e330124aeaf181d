//! Turning the keys pressed in a frame into actions, context by context, from the key
//! table ([`super::keymap`]); and doing each action. The order of the contexts is the
//! window's rule of which meaning a key has:
//!
//! 1. commands that work anywhere (Ctrl+S, Ctrl+F, F1…), then, unless a text field has
//!    focus, the other commands of the menus;
//! 2. while a relation is being made, its keys, and nothing else;
//! 3. the review's keys in review, the suggestions' keys while suggestions are offered;
//! 4. the document's keys: Escape (a dialog first), label keys, Delete, the caret,
//!    documents.
//!
//! While taliq's own file chooser is open, none of these: it is modal and answers its keys.
//!
//! The fields answer their own keys through [`super::keymap::pressed`].

use egui::Event;

use super::commands::Command;
use super::keymap::{Action, Binding, Context, Keys, bindings_of};
use crate::annotate::pick::Pick;
use crate::app::document_view::DocumentView;
use crate::app::state::dialogs::Dialog;
use crate::app::state::file_request::FilePurpose;
use crate::app::state::pick::PickAction;
use crate::app::{AppState, TaliqApp};
use crate::model::Status;
use crate::text::hit::Side;
use crate::text::words::{next_word_end, prev_word_start};

/// Handles the keys of this frame.
pub fn keyboard(ui: &mut egui::Ui, app: &mut TaliqApp) {
    if app.files.chooser.is_some() {
        // taliq's file chooser is modal: it answers its own keys (`Context::FileChooser`).
        return;
    }
    let ctx = ui.ctx().clone();
    run_context(&ctx, app, Context::Anywhere);
    if ctx.egui_wants_keyboard_input() {
        return;
    }
    run_context(&ctx, app, Context::Window);
    if app.state.pick.as_draft().is_some() {
        run_context(&ctx, app, Context::RelationDraft);
        // Tab moves the target here, not egui's focus between widgets.
        ctx.memory_mut(|m| m.move_focus(egui::FocusDirection::None));
        return;
    }
    if app.state.review.is_some() {
        run_context(&ctx, app, Context::Review);
    }
    if app.state.suggestions_active() {
        run_context(&ctx, app, Context::Suggestions);
    }
    run_context(&ctx, app, Context::Document);
}

/// Runs the actions of `context` whose keys were pressed, each key consumed by the first
/// row that takes it.
fn run_context(ctx: &egui::Context, app: &mut TaliqApp, context: Context) {
    for binding in bindings_of(context) {
        match binding.keys {
            Keys::Fixed(keys) => {
                for shortcut in keys {
                    if applies(app, &binding) && ctx.input_mut(|i| i.consume_shortcut(shortcut)) {
                        act(ctx, app, binding.action);
                    }
                }
            }
            Keys::LabelKey => label_keys(ctx, app),
            // Taken by the find field itself (see `alt_label_key`).
            Keys::AltLabelKey => {}
        }
    }
}

/// Whether a row's key is taken now: Enter accepts a suggestion only while one is picked
/// (else it stays free for the window).
fn applies(app: &TaliqApp, binding: &Binding) -> bool {
    match binding.action {
        Action::AcceptSuggestion => app.state.pick.as_suggestion().is_some(),
        _ => true,
    }
}

/// Does what `action` asks for.
fn act(ctx: &egui::Context, app: &mut TaliqApp, action: Action) {
    let state = &mut app.state;
    match action {
        Action::Command(command) => run(ctx, app, command),
        Action::Escape => {
            // A dialog closes first, as in any desktop program.
            if !app.close_dialogs() {
                let state = &mut app.state;
                state.pick = Pick::None;
                state.selection.anchor = state.selection.head;
                if state.search.open {
                    state.close_search();
                }
            }
        }
        Action::Remove => state.act_on_pick(PickAction::Remove),
        Action::Caret(side) => caret(app, side, false),
        Action::Extend(side) => caret(app, side, true),
        Action::ExtendWord(side) => extend_word(app, side),
        Action::LineEdge(end) => line_edge(app, end, false),
        Action::ExtendToLineEdge(end) => line_edge(app, end, true),
        Action::NextDocument => state.open_document(state.selected + 1),
        Action::PreviousDocument => state.open_document(state.selected.saturating_sub(1)),
        Action::MarkDone => {
            state.set_status(Status::Done);
            if let Some(next) = state.next_unfinished() {
                state.open_document(next);
            }
        }
        Action::NextTarget | Action::PreviousTarget => {
            // The target may be off screen: the view goes to it (the status bar names it).
            let start = state.step_relation_target(action == Action::NextTarget);
            if let (Some(start), Some(view)) = (
                start,
                app.document_view
                    .as_mut()
                    .filter(|v| v.document == app.state.selected),
            ) {
                view.reveal_offset(&mut app.engine.font_system, start);
            }
        }
        Action::Link => {
            state.finish_relation(None);
        }
        Action::CancelRelation => state.cancel_relation(),
        Action::NextPending | Action::PreviousPending => {
            let before = review_pick_start(app);
            app.state.pick_next_pending(action == Action::NextPending);
            reveal_review_pick(app, before);
        }
        Action::Accept => {
            let before = review_pick_start(app);
            app.state.accept_picked();
            reveal_review_pick(app, before);
        }
        Action::AcceptAgreed => state.accept_all_agreed(),
        Action::MarkReviewed => state.mark_reviewed(),
        Action::NextSuggestion | Action::PreviousSuggestion => {
            // Tab moves between suggestions here, not egui's focus between widgets.
            ctx.memory_mut(|m| m.move_focus(egui::FocusDirection::None));
            let picked = state.pick_next_suggestion(action == Action::NextSuggestion);
            if let (Some(picked), Some(view)) = (
                picked,
                app.document_view
                    .as_mut()
                    .filter(|v| v.document == app.state.selected),
            ) {
                view.reveal_offset(&mut app.engine.font_system, picked.range.start());
            }
        }
        Action::AcceptSuggestion => state.accept_picked_suggestion(None),
        Action::AcceptAboveThreshold => {
            state.accept_suggestions_above_threshold();
        }
        // Answered by the fields and windows themselves (`keymap::pressed`).
        Action::Label
        | Action::NextMatch
        | Action::PreviousMatch
        | Action::LabelAllMatches
        | Action::CloseFind
        | Action::Submit
        | Action::Cancel
        | Action::ChooserUp
        | Action::ChooserDown
        | Action::ChooserOpen
        | Action::ChooserParent
        | Action::ChooserCancel => {}
    }
}

/// Where the picked review candidate starts: a span's start, a relation's first span's.
fn review_pick_start(app: &TaliqApp) -> Option<usize> {
    let state = &app.state;
    state
        .picked_candidate()
        .map(|c| c.range.start())
        .or_else(|| {
            state
                .picked_relation_candidate()
                .map(|c| c.from.range.start())
        })
}

/// Shows the review candidate a key moved to.
fn reveal_review_pick(app: &mut TaliqApp, before: Option<usize>) {
    let after = review_pick_start(app);
    if let (Some(start), Some(view)) = (after, app.document_view.as_mut())
        && after != before
        && view.document == app.state.selected
    {
        view.reveal_offset(&mut app.engine.font_system, start);
    }
}

/// Label keys arrive as typed text (so "1" works on every keyboard layout): each one
/// typed acts on the pick as that label, or a relation type's key as that type.
fn label_keys(ctx: &egui::Context, app: &mut TaliqApp) {
    let state = &mut app.state;
    let typed: Vec<String> = ctx.input(|i| {
        i.events
            .iter()
            .filter_map(|e| match e {
                Event::Text(t) => Some(t.clone()),
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
        let (Some(c), None) = (chars.next(), chars.next()) else {
            continue;
        };
        let label = state.corpus.labels.iter().find(|l| l.key == Some(c));
        let kind = state
            .corpus
            .relation_labels
            .iter()
            .find(|r| r.key == Some(c));
        match (label.map(|l| l.name.clone()), kind.map(|r| r.name.clone())) {
            (Some(label), _) => state.act_on_pick(PickAction::Label(&label)),
            (None, Some(kind)) => state.act_on_pick(PickAction::RelationType(&kind)),
            (None, None) => {}
        }
    }
}

/// For a caret key: a picked span is unpicked (the key moves the selection, not the span),
/// and the open document's view comes with the state and the fonts to move the caret by.
fn caret_view(
    app: &mut TaliqApp,
) -> Option<(
    &mut DocumentView,
    &mut AppState,
    &mut cosmic_text::FontSystem,
)> {
    let state = &mut app.state;
    if state.pick.as_span().is_some() {
        state.pick = Pick::None;
    }
    let view = app
        .document_view
        .as_mut()
        .filter(|v| v.document == state.selected)?;
    Some((view, state, &mut app.engine.font_system))
}

/// Moves the caret one character on screen (`extend`: the selection's anchor stays).
fn caret(app: &mut TaliqApp, side: Side, extend: bool) {
    if let Some((view, state, fs)) = caret_view(app) {
        view.move_caret(fs, &mut state.selection, side, extend);
    }
}

/// Moves the caret to the logical start or end of its line (Home, End); `extend`: the
/// selection's anchor stays.
fn line_edge(app: &mut TaliqApp, end: bool, extend: bool) {
    let Some((view, state, fs)) = caret_view(app) else {
        return;
    };
    state.selection.head = view.layout_mut().line_edge(fs, state.selection.head, end);
    if !extend {
        state.selection.anchor = state.selection.head;
    }
}

/// Extends the selection by a word on screen: in a right-to-left paragraph, the word to
/// the left is the next one.
fn extend_word(app: &mut TaliqApp, side: Side) {
    let Some((view, state, fs)) = caret_view(app) else {
        return;
    };
    let text = state.corpus.documents[state.selected].text();
    let layout = view.layout_mut();
    let paragraph = layout.paragraph_of(state.selection.head);
    let rtl = layout.paragraph(fs, paragraph).rtl;
    let forward = (side == Side::Left) == rtl;
    state.selection.head = if forward {
        next_word_end(text, state.selection.head)
    } else {
        prev_word_start(text, state.selection.head)
    };
}

/// Does what `command` says.
pub fn run(ctx: &egui::Context, app: &mut TaliqApp, command: Command) {
    let state = &mut app.state;
    match command {
        Command::Open => state.ask_for_file(FilePurpose::OpenCorpus),
        Command::Save => state.save_or_ask(),
        Command::SaveAs => state.ask_for_file(FilePurpose::SaveCorpusAs),
        Command::ImportText => state.ask_for_file(FilePurpose::ImportText),
        Command::Export => app.state.dialogs.open(Dialog::Export),
        Command::Quit => {
            app.request_quit();
        }
        Command::Undo => state.undo(),
        Command::Redo => state.redo(),
        Command::Find => state.open_search(),
        Command::EditLabels => state.edit_labels(),
        Command::ZoomIn => crate::app::shell::document::zoom_by(app, 1.1),
        Command::ZoomOut => crate::app::shell::document::zoom_by(app, 1.0 / 1.1),
        Command::ZoomReset => crate::app::shell::document::zoom_by(app, 0.0),
        Command::ToggleTheme => {
            let dark = ctx.theme() == egui::Theme::Dark;
            ctx.set_theme(if dark {
                egui::Theme::Light
            } else {
                egui::Theme::Dark
            });
        }
        Command::ToggleHarakat => app.reading.show_harakat = !app.reading.show_harakat,
        Command::ReadingOptions => app.state.dialogs.open(Dialog::ReadingOptions),
        Command::ToggleDocumentList => app.panels.documents = !app.panels.documents,
        Command::ToggleSidePanel => app.panels.side = !app.panels.side,
        Command::Guidelines => {
            if app.state.project.is_some() {
                app.state.dialogs.toggle(Dialog::Guidelines);
            }
        }
        Command::StartReview => app.state.dialogs.open(Dialog::StartReview),
        Command::ReviewProject => {
            let dir = app.state.project.as_ref().map(|mode| mode.dir.clone());
            if let Some(dir) = dir
                && let Err(e) = app.state.open_project_review(&dir)
            {
                app.state.say(e);
            }
            app.document_view = None;
        }
        Command::OpenProject => app.state.ask_for_file(FilePurpose::OpenProject),
        Command::ProjectOverview => {
            let state = &mut app.state;
            if let Some(mode) = state.project.as_mut()
                && state.dialogs.toggle(Dialog::ProjectOverview)
            {
                mode.refresh_status();
            }
        }
        Command::AgreementCharts => {
            if state.review.is_some() {
                state.dialogs.open(Dialog::Agreement);
            }
        }
        Command::SyncProject => app.state.start_sync(),
        Command::Shortcuts => {
            app.state.dialogs.toggle(Dialog::Shortcuts);
        }
        Command::About => app.state.dialogs.open(Dialog::About),
        Command::SetLanguage(language) => app.state.set_language(language),
    }
}
