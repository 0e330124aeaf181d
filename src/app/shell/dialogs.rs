//! The window's dialogs: quitting with unsaved changes, a file that could not be opened,
//! the shortcut overlay (F1) and About.

use crate::app::input::keymap::{Action, pressed};

use crate::app::state::dialogs::{Dialog, Dialogs};
use crate::app::{AppState, TaliqApp};

/// Help → About.
pub(crate) fn about_window(ctx: &egui::Context, dialogs: &mut Dialogs) {
    let mut open = true;
    egui::Window::new("About taliq")
        .open(&mut open)
        .collapsible(false)
        .resizable(false)
        .anchor(egui::Align2::CENTER_CENTER, egui::Vec2::ZERO)
        .show(ctx, |ui| {
            ui.heading(format!("taliq {}", env!("CARGO_PKG_VERSION")));
            ui.label("Annotating Arabic text: offline, keyboard-first, exact offsets.");
            ui.label(
                "Offsets are Unicode code points; exports convert where a tool counts otherwise.",
            );
        });
    dialogs.set(Dialog::About, open);
}

/// Quitting with unsaved changes: save, discard or cancel.
pub fn quit_dialog(ctx: &egui::Context, app: &mut TaliqApp) {
    let mut answer = None;
    egui::Modal::new(egui::Id::unique("taliq-quit")).show(ctx, |ui| {
        ui.heading("Save the changes before quitting?");
        ui.label(format!("{} has unsaved changes.", app.state.source.name()));
        ui.horizontal(|ui| {
            if ui.button("save and quit").clicked() {
                answer = Some(Some(true));
            }
            if ui.button("discard and quit").clicked() {
                answer = Some(Some(false));
            }
            if ui.button("cancel").clicked() || pressed(ui, Action::Cancel) {
                answer = Some(None);
            }
        });
    });
    if let Some(answer) = answer {
        app.answer_quit(answer);
    }
}

/// Why a file could not be opened: every problem with its place, until closed.
pub(crate) fn problems_window(ctx: &egui::Context, state: &mut AppState) {
    let Some(problems) = state.problems.as_ref() else {
        return;
    };
    let kept = !state.corpus.documents.is_empty();
    let mut open = true;
    let mut close = false;
    egui::Window::new("Could not open")
        .open(&mut open)
        .collapsible(false)
        .default_width(560.0)
        .anchor(egui::Align2::CENTER_CENTER, egui::Vec2::ZERO)
        .show(ctx, |ui| {
            ui.label(if kept {
                "Nothing was changed; the corpus that was open is still open."
            } else {
                "Nothing was opened."
            });
            ui.separator();
            egui::ScrollArea::vertical()
                .max_height(320.0)
                .show(ui, |ui| {
                    for line in problems.lines() {
                        ui.label(egui::RichText::new(line).monospace());
                    }
                });
            ui.separator();
            close = ui.button("close").clicked();
        });
    if close || !open {
        state.problems = None;
    }
}

pub(crate) fn help_overlay(
    ctx: &egui::Context,
    dialogs: &mut Dialogs,
    labels: &[crate::model::Label],
    relation_labels: &[crate::model::RelationLabel],
    engine: &mut crate::app::widgets::TextEngine,
) {
    let mut open = true;
    egui::Window::new("Keyboard shortcuts")
        .open(&mut open)
        .collapsible(false)
        .resizable(false)
        .anchor(egui::Align2::CENTER_CENTER, egui::Vec2::ZERO)
        .show(ctx, |ui| {
            egui::ScrollArea::vertical()
                .max_height(ctx.content_rect().height() * 0.8)
                .show(ui, |ui| {
                    // Generated from the key table: a key cannot be missing here.
                    // Long lines wrap: the overlay fits a 1000-point window.
                    let column = (ctx.content_rect().width() * 0.4).clamp(200.0, 520.0);
                    egui::Grid::new("shortcuts")
                        .striped(true)
                        .max_col_width(column)
                        .show(ui, |ui| {
                            for (keys, what) in
                                crate::app::input::help::help_rows(ctx, labels, relation_labels)
                            {
                                ui.strong(keys);
                                // Label and relation-type names may be Arabic: the engine
                                // keeps them in order (egui has no bidi).
                                if what.chars().any(crate::text::isolates::is_right_to_left) {
                                    crate::app::widgets::engine_label(ui, engine, &what);
                                } else {
                                    ui.add(egui::Label::new(what).wrap());
                                }
                                ui.end_row();
                            }
                        });
                });
        });
    dialogs.set(Dialog::Shortcuts, open);
}
