//! The window's dialogs: quitting with unsaved changes, a file that could not be opened,
//! the shortcut overlay (F1) and About. Their text is the window language's, drawn by the
//! engine, each laid out in the interface's direction.

use crate::app::i18n::errors::diagnostics::{describe, place};
use crate::app::i18n::{self, tr};
use crate::app::input::keymap::{Action, pressed};
use crate::app::state::dialogs::{Dialog, Dialogs};
use crate::app::state::problems::Problems;
use crate::app::widgets::interface::{self, mirrored};
use crate::app::widgets::{TextEngine, engine_message};
use crate::app::{AppState, TaliqApp};

/// Help → About.
pub(crate) fn about_window(ctx: &egui::Context, dialogs: &mut Dialogs, engine: &mut TextEngine) {
    let mut open = true;
    interface::window("about")
        .collapsible(false)
        .resizable(false)
        .anchor(egui::Align2::CENTER_CENTER, egui::Vec2::ZERO)
        .show(ctx, |ui| {
            mirrored(ui, |ui| {
                interface::title_bar(ui, engine, &tr!("dialogs-about-title"), &mut open);
                let version = tr!("dialogs-about-version", version = env!("CARGO_PKG_VERSION"));
                interface::heading(ui, engine, &version);
                interface::label(ui, engine, &tr!("dialogs-about-what"));
                interface::label(ui, engine, &tr!("dialogs-about-offsets"));
            });
        });
    dialogs.set(Dialog::About, open);
}

/// Quitting with unsaved changes: save, discard or cancel.
pub fn quit_dialog(ctx: &egui::Context, app: &mut TaliqApp) {
    let mut answer = None;
    let name = app.state.source.name();
    let engine = &mut app.engine;
    egui::Modal::new(egui::Id::unique("taliq-quit")).show(ctx, |ui| {
        mirrored(ui, |ui| {
            interface::heading(ui, engine, &tr!("dialogs-quit-title"));
            interface::label(ui, engine, &tr!("dialogs-quit-unsaved", name = name));
            ui.horizontal(|ui| {
                if interface::button(ui, engine, &tr!("dialogs-quit-save")).clicked() {
                    answer = Some(Some(true));
                }
                if interface::button(ui, engine, &tr!("dialogs-quit-discard")).clicked() {
                    answer = Some(Some(false));
                }
                if interface::button(ui, engine, &tr!("dialogs-quit-cancel")).clicked()
                    || pressed(ui, Action::Cancel)
                {
                    answer = Some(None);
                }
            });
        });
    });
    if let Some(answer) = answer {
        app.answer_quit(answer);
    }
}

/// Why a file could not be opened: every problem with its place, until closed.
pub(crate) fn problems_window(ctx: &egui::Context, state: &mut AppState, engine: &mut TextEngine) {
    let Some(problems) = state.problems.as_ref() else {
        return;
    };
    let kept = !state.corpus.documents.is_empty();
    let mut open = true;
    let mut close = false;
    let width = (ctx.content_rect().width() - 80.0).clamp(280.0, 560.0);
    interface::window("could-not-open")
        .collapsible(false)
        .default_width(width)
        .anchor(egui::Align2::CENTER_CENTER, egui::Vec2::ZERO)
        .show(ctx, |ui| {
            mirrored(ui, |ui| {
                ui.set_max_width(width);
                interface::title_bar(ui, engine, &tr!("dialogs-problems-title"), &mut open);
                interface::label(
                    ui,
                    engine,
                    &if kept {
                        tr!("dialogs-problems-kept")
                    } else {
                        tr!("dialogs-problems-nothing-opened")
                    },
                );
                ui.separator();
                egui::ScrollArea::vertical()
                    .max_height((ctx.content_rect().height() - 260.0).clamp(80.0, 320.0))
                    .show(ui, |ui| {
                        crate::app::widgets::keep_clear_of_scroll_bar(ui);
                        problem_list(ui, engine, problems);
                    });
                ui.separator();
                close = interface::button(ui, engine, &tr!("dialogs-close")).clicked();
            });
        });
    if close || !open {
        state.problems = None;
    }
}

/// The problems, one after the other: a corpus file's by their place and code (the reader's
/// own wording under each, for its figures), other lines as they are.
fn problem_list(ui: &mut egui::Ui, engine: &mut TextEngine, problems: &Problems) {
    match problems {
        Problems::Invalid { path, diagnostics } => {
            engine_message(ui, engine, &problems.first_line());
            let file = path.file_name().map_or_else(
                || path.display().to_string(),
                |n| n.to_string_lossy().into_owned(),
            );
            for diagnostic in diagnostics {
                ui.add_space(6.0);
                let place = place(&file, diagnostic);
                let weak = ui.visuals().weak_text_color();
                interface::colored_label(ui, engine, &place, weak);
                engine_message(ui, engine, &describe(diagnostic.code));
                let detail = tr!("diagnostics-detail", detail = diagnostic.message.as_str());
                ui.scope(|ui| {
                    ui.visuals_mut().override_text_color = Some(weak);
                    engine_message(ui, engine, &detail);
                });
            }
        }
        Problems::Lines(lines) => {
            for line in lines.lines() {
                engine_message(ui, engine, line);
            }
        }
    }
}

/// F1: every key of the key table with what it does, in groups by where it applies, then the
/// pointer's.
pub(crate) fn help_overlay(
    ctx: &egui::Context,
    dialogs: &mut Dialogs,
    labels: &[crate::model::Label],
    relation_labels: &[crate::model::RelationLabel],
    engine: &mut TextEngine,
) {
    let mut open = true;
    let screen = ctx.content_rect();
    let width = (screen.width() - 80.0).clamp(300.0, 820.0);
    let keys_width = (width * 0.3).clamp(120.0, 240.0);
    interface::window("shortcuts")
        .collapsible(false)
        .resizable(false)
        .anchor(egui::Align2::CENTER_CENTER, egui::Vec2::ZERO)
        .show(ctx, |ui| {
            mirrored(ui, |ui| {
                ui.set_width(width);
                interface::title_bar(ui, engine, &tr!("keys-title"), &mut open);
                let scroll = &ui.spacing().scroll;
                // The list shrinks to its rows, and its bar floats over their last points:
                // each row ends (in Arabic: starts) with room for it.
                let bar = scroll.bar_inner_margin
                    + scroll.bar_width
                    + scroll.bar_outer_margin
                    + ui.spacing().item_spacing.x;
                let rtl = i18n::is_rtl();
                egui::ScrollArea::vertical()
                    .max_height(screen.height() * 0.75)
                    .show(ui, |ui| {
                        let view = ui.clip_rect().intersect(ui.max_rect());
                        let what_width =
                            (view.width() - bar - keys_width - 2.0 * ui.spacing().item_spacing.x)
                                .max(80.0);
                        // Generated from the key table: a key cannot be missing here. Long
                        // lines wrap: the overlay fits a 1000-point window.
                        for (keys, what) in
                            crate::app::input::help::help_rows(ctx, labels, relation_labels)
                        {
                            ui.horizontal_top(|ui| {
                                if rtl {
                                    ui.add_space(bar);
                                }
                                column(ui, keys_width, |ui| {
                                    interface::label(ui, engine, &key_names(&keys));
                                });
                                column(ui, what_width, |ui| {
                                    engine_message(ui, engine, &what);
                                });
                                if !rtl {
                                    ui.add_space(bar);
                                }
                            });
                        }
                    });
            });
        });
    dialogs.set(Dialog::Shortcuts, open);
}

/// A row's keys as they read: shortcut names ("Ctrl+= / Ctrl++") as one left-to-right unit,
/// which an Arabic line would otherwise reorder ("++Ctrl+= / Ctrl"); words (the pointer's
/// rows, "label key") as they are.
fn key_names(keys: &str) -> String {
    if keys.chars().any(crate::text::isolates::is_right_to_left) {
        keys.to_owned()
    } else {
        format!("\u{2066}{keys}\u{2069}")
    }
}

/// A column `width` wide of a row, its lines starting at the interface's leading edge.
fn column(ui: &mut egui::Ui, width: f32, add: impl FnOnce(&mut egui::Ui)) {
    let align = if i18n::is_rtl() {
        egui::Align::Max
    } else {
        egui::Align::Min
    };
    ui.allocate_ui_with_layout(
        egui::vec2(width, 0.0),
        egui::Layout::top_down(align),
        |ui| {
            ui.set_width(width);
            add(ui);
        },
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shortcut_names_are_one_left_to_right_unit_and_words_stay_as_they_are() {
        assert_eq!(
            key_names("Ctrl+= / Ctrl++"),
            "\u{2066}Ctrl+= / Ctrl++\u{2069}"
        );
        assert_eq!(key_names("Alt+مفتاح الوسم"), "Alt+مفتاح الوسم");
    }
}
