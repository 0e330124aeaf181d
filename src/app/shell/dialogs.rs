//! The window's dialogs: quitting with unsaved changes, a file that could not be opened,
//! the shortcut overlay (F1) and About. Their text is the window language's, drawn by the
//! engine, each laid out in the interface's direction.

use crate::app::i18n::{self, msg_id, tr};
use crate::app::input::keymap::{Action, pressed};
use crate::app::state::dialogs::{Dialog, Dialogs};
use crate::app::state::problems::Problems;
use crate::app::widgets::interface::{self, mirrored};
use crate::app::widgets::{TextEngine, engine_message};
use crate::app::{AppState, TaliqApp};
use crate::format::{Code, Diagnostic};

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

/// What a problem of `code` is, in the window's language.
pub fn describe(code: Code) -> String {
    i18n::text(diagnostic_message_id(code), &[])
}

/// The message id of a diagnostic code's description: `diagnostics-<code>`.
pub fn diagnostic_message_id(code: Code) -> &'static str {
    match code {
        Code::EmptyFile => msg_id!("diagnostics-empty-file"),
        Code::InvalidUtf8 => msg_id!("diagnostics-invalid-utf8"),
        Code::ByteOrderMark => msg_id!("diagnostics-byte-order-mark"),
        Code::Syntax => msg_id!("diagnostics-syntax"),
        Code::WrongFormat => msg_id!("diagnostics-wrong-format"),
        Code::UnsupportedVersion => msg_id!("diagnostics-unsupported-version"),
        Code::WrongOffsetUnit => msg_id!("diagnostics-wrong-offset-unit"),
        Code::MissingField => msg_id!("diagnostics-missing-field"),
        Code::WrongType => msg_id!("diagnostics-wrong-type"),
        Code::InvalidValue => msg_id!("diagnostics-invalid-value"),
        Code::DuplicateLabel => msg_id!("diagnostics-duplicate-label"),
        Code::DuplicateHotkey => msg_id!("diagnostics-duplicate-hotkey"),
        Code::DuplicateDocument => msg_id!("diagnostics-duplicate-document"),
        Code::EmptySpan => msg_id!("diagnostics-empty-span"),
        Code::OutOfRange => msg_id!("diagnostics-out-of-range"),
        Code::SplitsCluster => msg_id!("diagnostics-splits-cluster"),
        Code::TextMismatch => msg_id!("diagnostics-text-mismatch"),
        Code::UnknownLabel => msg_id!("diagnostics-unknown-label"),
        Code::DuplicateSpan => msg_id!("diagnostics-duplicate-span"),
        Code::DuplicateId => msg_id!("diagnostics-duplicate-id"),
        Code::UnknownSpanId => msg_id!("diagnostics-unknown-span-id"),
        Code::RelationNotAllowed => msg_id!("diagnostics-relation-not-allowed"),
        Code::ControlCharacter => msg_id!("diagnostics-control-character"),
    }
}

/// Where a problem is, in the window's language: the file, then every coordinate known
/// (line and column, document, span, field).
pub fn place(file: &str, diagnostic: &Diagnostic) -> String {
    let mut parts = Vec::new();
    if let Some(line) = diagnostic.line {
        parts.push(match diagnostic.column {
            Some(column) => tr!(
                "diagnostics-place-line-column",
                line = line,
                column = column
            ),
            None => tr!("diagnostics-place-line", line = line),
        });
    }
    match (&diagnostic.document, diagnostic.document_index) {
        (Some(id), Some(index)) => parts.push(tr!(
            "diagnostics-place-document",
            document = id.as_str(),
            index = index
        )),
        (Some(id), None) => {
            parts.push(tr!("diagnostics-place-document-id", document = id.as_str()));
        }
        (None, Some(index)) => parts.push(tr!("diagnostics-place-document-index", index = index)),
        (None, None) => {}
    }
    if let Some(span) = diagnostic.span_index {
        parts.push(tr!("diagnostics-place-span", span = span));
    }
    if let Some(field) = &diagnostic.field {
        // A field path is code ("documents[2].spans[5].end"): one left-to-right unit.
        let field = crate::text::isolates::path_unit(field);
        parts.push(tr!("diagnostics-place-field", field = field));
    }
    let file = crate::text::isolates::path_unit(file);
    if parts.is_empty() {
        return tr!("diagnostics-place-file", file = file);
    }
    let place = parts.join(&tr!("diagnostics-place-separator"));
    tr!("diagnostics-place", file = file, place = place)
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
    use crate::app::i18n::{Catalog, Digits, Language};

    #[test]
    fn shortcut_names_are_one_left_to_right_unit_and_words_stay_as_they_are() {
        assert_eq!(
            key_names("Ctrl+= / Ctrl++"),
            "\u{2066}Ctrl+= / Ctrl++\u{2069}"
        );
        assert_eq!(key_names("Alt+مفتاح الوسم"), "Alt+مفتاح الوسم");
    }

    #[test]
    fn every_diagnostic_code_has_a_description_in_every_language() {
        let english = Catalog::new(Language::English, Digits::Western);
        let arabic = Catalog::new(Language::Arabic, Digits::ArabicIndic);
        for code in Code::ALL {
            let id = diagnostic_message_id(code);
            assert_eq!(id, format!("diagnostics-{}", code.as_str()), "{code:?}");
            assert!(english.has(id) && arabic.has(id), "{id} is missing");
            let said = arabic.text(id, &[]);
            assert!(
                said.chars().any(crate::text::isolates::is_right_to_left),
                "{id} is not Arabic: {said}"
            );
            assert_ne!(said, english.text(id, &[]), "{id}");
        }
    }

    #[test]
    fn a_problem_is_placed_by_file_line_document_span_and_field_in_either_language() {
        let mut problem = Diagnostic::new(Code::OutOfRange, "end 90 is past the end (80)");
        problem.document = Some("خبر-1".into());
        problem.document_index = Some(2);
        problem.span_index = Some(5);
        problem.field = Some("documents[2].spans[5].end".into());
        i18n::set_locale(Language::English, Digits::Western);
        let plain = |t: String| crate::text::isolates::without_ordering_marks(&t);
        assert_eq!(
            plain(place("c.json", &problem)),
            "c.json: document \"خبر-1\" (#2), span 5, field documents[2].spans[5].end"
        );
        assert_eq!(
            describe(Code::OutOfRange),
            "A span ends past the end of its text."
        );
        i18n::set_locale(Language::Arabic, Digits::ArabicIndic);
        assert_eq!(
            plain(place("c.json", &problem)),
            "c.json: المستند «خبر-1» (رقم ٢)، المقطع ٥، الحقل documents[2].spans[5].end"
        );
        assert_eq!(describe(Code::OutOfRange), "مقطع ينتهي بعد نهاية نصه.");
        i18n::set_locale(Language::English, Digits::Western);
    }
}
