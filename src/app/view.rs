//! Drawing the window from [`TaliqApp`] and turning keys into commands.

use egui::{Color32, Key, Modifiers};

use super::document_view::{DocumentView, ViewState, text_line};
use super::{AppState, TaliqApp};
use crate::model::Status;
use crate::text::hit::Side;
use crate::text::words::{next_word_end, prev_word_start};

/// Default font size of the document text, in points.
const FONT_SIZE: f32 = 22.0;

/// The keys that act on what is selected or picked, as the help overlay (F1) lists them
/// after the command table's shortcuts ([`super::commands::COMMANDS`]).
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

/// Draws the whole window and handles its shortcuts.
pub fn show(ui: &mut egui::Ui, app: &mut TaliqApp) {
    keyboard(ui, app);
    egui::Panel::top("menu").show(ui, |ui| super::commands::menu_bar(ui, app));
    super::banners::show(ui, &mut app.state);
    egui::Panel::top("file").show(ui, |ui| {
        ui.horizontal(|ui| {
            let before = app.state.source.path();
            recent_menu(ui, app);
            file_row(
                ui,
                &mut app.state,
                &mut app.path_field,
                &mut app.name_field,
                &mut app.export.open,
            );
            if ui.button("Review…").clicked() {
                app.review_opener.open = true;
            }
            if app.state.source.path() != before {
                app.remember_file();
            }
        });
    });
    egui::Panel::top("labels").show(ui, |ui| label_palette(ui, &mut app.state));
    if app.state.search.open {
        egui::Panel::top("search").show(ui, |ui| super::search_bar::show(ui, &mut app.state));
    }
    egui::Panel::bottom("status_bar").show(ui, |ui| status_bar(ui, &app.state));
    egui::Panel::left("documents")
        .resizable(true)
        .default_size(240.0)
        .show(ui, |ui| document_list(ui, app));
    if app.state.review.is_some() {
        egui::Panel::right("review")
            .resizable(true)
            .default_size(340.0)
            .show(ui, |ui| super::review_view::panel(ui, app));
    } else {
        egui::Panel::right("spans")
            .resizable(true)
            .default_size(260.0)
            .show(ui, |ui| span_list(ui, app));
    }
    if let (Some(offset), Some(view)) = (
        app.state.search.reveal.take(),
        view_for(&mut app.document_view, &app.state),
    ) {
        view.reveal_offset(&mut app.engine.font_system, offset);
    }
    egui::CentralPanel::default().show(ui, |ui| document(ui, app));
    if app.show_help {
        let ctx = ui.ctx().clone();
        help_overlay(&ctx, &mut app.show_help);
    }
    if app.export.open {
        let ctx = ui.ctx().clone();
        app.export.show(&ctx, &app.state.corpus);
    }
    if app.review_opener.open {
        let ctx = ui.ctx().clone();
        super::review_view::opener(&ctx, app);
    }
    if app.state.review.as_ref().is_some_and(|r| r.show_agreement) {
        let ctx = ui.ctx().clone();
        super::review_view::agreement_window(&ctx, app);
    }
    if app.show_about {
        let ctx = ui.ctx().clone();
        egui::Window::new("About taliq")
            .open(&mut app.show_about)
            .collapsible(false)
            .resizable(false)
            .anchor(egui::Align2::CENTER_CENTER, egui::Vec2::ZERO)
            .show(&ctx, |ui| {
                ui.heading(format!("taliq {}", env!("CARGO_PKG_VERSION")));
                ui.label("Annotating Arabic text: offline, keyboard-first, exact offsets.");
                ui.label("Offsets are Unicode code points; exports convert where a tool counts otherwise.");
            });
    }
    if app.state.problems.is_some() {
        let ctx = ui.ctx().clone();
        problems_window(&ctx, &mut app.state);
    }
    if app.state.label_drafts.is_some() {
        let ctx = ui.ctx().clone();
        super::label_editor::show(&ctx, &mut app.state);
    }
}

/// The view of the open document, made anew when another document is opened.
fn view_for<'a>(
    slot: &'a mut Option<DocumentView>,
    state: &AppState,
) -> Option<&'a mut DocumentView> {
    let index = state.selected;
    let doc = state.corpus.documents.get(index)?;
    if slot
        .as_ref()
        .is_none_or(|view| view.document != index || view.generation != state.generation)
    {
        // Keep the zoom across documents.
        let font_size = slot.as_ref().map_or(FONT_SIZE, |view| view.font_size);
        let mut view = DocumentView::new(index, doc, font_size);
        view.generation = state.generation;
        *slot = Some(view);
    }
    slot.as_mut()
}

fn keyboard(ui: &mut egui::Ui, app: &mut TaliqApp) {
    let ctx = ui.ctx().clone();
    // The command table's shortcuts; Ctrl+F, Ctrl+S and the like work from a text field too
    // (again in the find field, Ctrl+F selects the query).
    super::commands::run_shortcuts(&ctx, app);
    if ctx.egui_wants_keyboard_input() {
        return;
    }
    let command = Modifiers::COMMAND;
    let state = &mut app.state;
    if ctx.input_mut(|i| {
        i.consume_key(Modifiers::NONE, Key::Delete)
            || i.consume_key(Modifiers::NONE, Key::Backspace)
    }) {
        if state.picked_candidate().is_some() {
            state.reject_picked();
        } else if state.suggest.picked.is_some() && state.suggestions_active() {
            state.reject_picked_suggestion();
        } else {
            state.delete_selected_span();
        }
    }
    if ctx.input_mut(|i| i.consume_key(Modifiers::NONE, Key::Escape)) {
        state.selected_span = None;
        state.selection.anchor = state.selection.head;
        state.suggest.picked = None;
        if state.search.open {
            state.close_search();
        }
        if let Some(review) = state.review.as_mut() {
            review.picked = None;
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

/// Label hotkeys: the selection (or the picked span or suggestion) gets that label.
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
        if let (Some(c), None) = (chars.next(), chars.next())
            && let Some(label) = state
                .corpus
                .labels
                .iter()
                .find(|l| l.key == Some(c))
                .map(|l| l.name.clone())
        {
            state.apply_label(&label);
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
    if state.suggest.picked.is_some()
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
    let before = state.picked_candidate();
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
    let after = state.picked_candidate();
    if let (Some(candidate), Some(view)) = (after.as_ref(), app.document_view.as_mut())
        && after != before
        && view.document == state.selected
    {
        view.reveal_offset(&mut app.engine.font_system, candidate.range.start());
    }
}

/// Multiplies the text size by `step` (0: back to the default size).
pub(super) fn zoom_by(app: &mut TaliqApp, step: f32) {
    let Some(view) = app.document_view.as_mut() else {
        return;
    };
    view.font_size = if step == 0.0 {
        FONT_SIZE
    } else {
        (view.font_size * step).clamp(10.0, 72.0)
    };
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
            if ui.button("cancel").clicked() || ui.input(|i| i.key_pressed(Key::Escape)) {
                answer = Some(None);
            }
        });
    });
    if let Some(answer) = answer {
        app.answer_quit(answer);
    }
}

/// Why a file could not be opened: every problem with its place, until closed.
fn problems_window(ctx: &egui::Context, state: &mut AppState) {
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

fn help_overlay(ctx: &egui::Context, open: &mut bool) {
    egui::Window::new("Keyboard shortcuts")
        .open(open)
        .collapsible(false)
        .resizable(false)
        .anchor(egui::Align2::CENTER_CENTER, egui::Vec2::ZERO)
        .show(ctx, |ui| {
            egui::ScrollArea::vertical()
                .max_height(ctx.content_rect().height() * 0.8)
                .show(ui, |ui| {
                    egui::Grid::new("shortcuts").striped(true).show(ui, |ui| {
                        for info in super::commands::COMMANDS {
                            if info.shortcuts.is_empty() {
                                continue;
                            }
                            let keys: Vec<String> = info
                                .shortcuts
                                .iter()
                                .map(|s| ctx.format_shortcut(s))
                                .collect();
                            ui.strong(keys.join(" / "));
                            ui.label(format!("{} ({} menu)", info.name, info.menu.title()));
                            ui.end_row();
                        }
                        for (keys, what) in SHORTCUTS {
                            ui.strong(*keys);
                            ui.label(*what);
                            ui.end_row();
                        }
                    });
                });
        });
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
        state.selected_span = None;
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

/// The native file dialog (rfd); every file action also has a typed-path route.
pub(super) fn open_dialog(state: &mut AppState) {
    let picked = rfd::FileDialog::new()
        .add_filter("taliq corpus", &["json", "jsonl"])
        .add_filter("plain text", &["txt"])
        .pick_files();
    if let Some(paths) = picked
        && let Err(e) = state.open_paths(&paths)
    {
        state.say(e);
    }
}

fn file_row(
    ui: &mut egui::Ui,
    state: &mut AppState,
    path_field: &mut String,
    name_field: &mut String,
    export_open: &mut bool,
) {
    ui.horizontal(|ui| {
        if ui.button("Open… (Ctrl+O)").clicked() {
            open_dialog(state);
        }
        if ui.button("Export…").clicked() {
            *export_open = true;
        }
        let caption = ui.label("or path:");
        ui.add(
            egui::TextEdit::singleline(path_field)
                .hint_text("corpus.json or a .txt file")
                .desired_width(260.0),
        )
        .labelled_by(caption.id);
        let path = std::path::PathBuf::from(path_field.trim());
        let typed = !path_field.trim().is_empty();
        if ui.button("open").clicked()
            && typed
            && let Err(e) = state.open_paths(std::slice::from_ref(&path))
        {
            state.say(e);
        }
        if ui.button("save as").clicked()
            && typed
            && let Err(e) = state.save_as(&path, false)
        {
            state.say(e.to_string());
        }
        if state.user.is_none() && state.corpus.annotator.is_none() {
            ui.separator();
            let caption = ui.label("your name:");
            let field = ui
                .add(
                    egui::TextEdit::singleline(name_field)
                        .hint_text("annotator")
                        .desired_width(120.0),
                )
                .labelled_by(caption.id);
            if field.lost_focus() {
                state.set_user(name_field);
            }
        }
    });
}

/// The recent-files menu.
fn recent_menu(ui: &mut egui::Ui, app: &mut TaliqApp) {
    let mut chosen = None;
    ui.menu_button("Recent", |ui| {
        if app.recent.is_empty() {
            ui.label("no corpus opened yet");
        }
        for path in &app.recent {
            if ui.button(path.display().to_string()).clicked() {
                chosen = Some(path.clone());
                ui.close();
            }
        }
    });
    if let Some(path) = chosen
        && let Err(e) = app.state.open_paths(&[path])
    {
        app.state.say(e);
    }
}

fn label_palette(ui: &mut egui::Ui, state: &mut AppState) {
    ui.horizontal_wrapped(|ui| {
        let labels = state.corpus.labels.clone();
        for label in &labels {
            let [r, g, b] = label.color.0;
            let key = label.key.map(|k| format!("{k} ")).unwrap_or_default();
            let button = egui::Button::new(
                egui::RichText::new(format!("{key}{}", label.name)).color(Color32::WHITE),
            )
            .fill(Color32::from_rgb(r, g, b));
            let mut response = ui.add(button);
            if let Some(description) = &label.description {
                response = response.on_hover_text(description);
            }
            if response.clicked() {
                state.apply_label(&label.name);
            }
        }
        if ui.button("edit labels").clicked() {
            state.edit_labels();
        }
        ui.separator();
        ui.checkbox(&mut state.snap.words, "snap to words");
        ui.checkbox(&mut state.snap.trim, "trim punctuation");
        ui.separator();
        // Words, not the theme switch's emoji icons: not every font has them.
        let dark = ui.visuals().dark_mode;
        if ui
            .button(if dark { "light theme" } else { "dark theme" })
            .clicked()
        {
            ui.ctx().set_theme(if dark {
                egui::Theme::Light
            } else {
                egui::Theme::Dark
            });
        }
        ui.label("F1: shortcuts");
    });
}

fn status_bar(ui: &mut egui::Ui, state: &AppState) {
    ui.horizontal(|ui| {
        let n = state.corpus.documents.len();
        ui.label(format!("document {} of {n}", (state.selected + 1).min(n)));
        ui.separator();
        let spans = state
            .corpus
            .documents
            .get(state.selected)
            .map_or(0, |d| d.spans().len());
        ui.label(format!("{spans} spans"));
        ui.separator();
        if let Some(holder) = state.lock_holder() {
            let warning = ui.visuals().warn_fg_color;
            ui.colored_label(warning, format!("read-only: {} has it open", holder.owner));
        } else {
            ui.label(if state.history.is_dirty() {
                "unsaved changes"
            } else {
                "saved"
            });
        }
        ui.separator();
        let annotator = state
            .corpus
            .annotator
            .as_deref()
            .unwrap_or("(no annotator)");
        ui.label(format!("annotator: {annotator}"));
        ui.separator();
        ui.label(state.source.name());
        if state.review.is_some() {
            let (reviewed, total) = crate::review::session::ReviewSession::progress(&state.corpus);
            ui.separator();
            ui.label(format!("review: {reviewed}/{total} documents reviewed"));
        }
        if !state.message.is_empty() {
            ui.separator();
            ui.label(&state.message);
        }
    });
}

fn document_list(ui: &mut egui::Ui, app: &mut TaliqApp) {
    ui.heading("Documents");
    let state = &mut app.state;
    ui.horizontal_wrapped(|ui| {
        ui.label("Status:");
        ui.selectable_value(&mut state.status_filter, None, "all");
        for status in Status::ALL {
            ui.selectable_value(&mut state.status_filter, Some(status), status.as_str());
        }
    });
    ui.separator();
    let visible = state.visible_documents();
    let mut open = None;
    let text_color = ui.visuals().text_color();
    // Two lines a document: id, status and span count, then the title through the text engine.
    egui::ScrollArea::vertical().show_rows(ui, 56.0, visible.len(), |ui, rows| {
        for &index in &visible[rows] {
            let doc = &app.state.corpus.documents[index];
            ui.horizontal(|ui| {
                if ui
                    .selectable_label(app.state.selected == index, &doc.id)
                    .clicked()
                {
                    open = Some(index);
                }
                ui.label(doc.status.as_str());
                ui.label(format!("{} spans", doc.spans().len()));
                if let Some(unsure) = app.state.suggest.uncertainty.get(&index)
                    && app.state.suggest.order_by_uncertainty
                {
                    ui.label(format!("unsure {unsure:.2}"))
                        .on_hover_text("how unsure the tagger is about this document");
                }
                if let Some(review) = &app.state.review {
                    let pending = review.session.pending(index, doc);
                    if pending > 0 {
                        ui.label(format!("{pending} pending"));
                    }
                }
            });
            let title = doc
                .meta
                .as_ref()
                .and_then(|m| m.get("title"))
                .and_then(|t| t.as_str())
                .unwrap_or("");
            let width = ui.available_width();
            if text_line(ui, &mut app.engine, title, 14.0, width, text_color).clicked() {
                open = Some(index);
            }
        }
    });
    if let Some(index) = open {
        app.state.open_document(index);
    }
}

fn span_list(ui: &mut egui::Ui, app: &mut TaliqApp) {
    super::suggest::panel::show(ui, &mut app.state);
    ui.separator();
    ui.heading("Spans");
    ui.separator();
    let Some(count) = app
        .state
        .corpus
        .documents
        .get(app.state.selected)
        .map(|d| d.spans().len())
    else {
        return;
    };
    let mut clicked = None;
    let text_color = ui.visuals().strong_text_color();
    egui::ScrollArea::vertical().show_rows(ui, 26.0, count, |ui, visible| {
        // Only the rows on screen are built: a long article has thousands of spans.
        let state = &app.state;
        let doc = &state.corpus.documents[state.selected];
        for span in &doc.spans()[visible] {
            let [r, g, b] = state
                .corpus
                .label(&span.label)
                .map_or([128, 128, 128], |l| l.color.0);
            let picked = state
                .selected_span
                .as_ref()
                .is_some_and(|(range, label)| *range == span.range && *label == span.label);
            ui.horizontal(|ui| {
                let tag = ui.selectable_label(
                    picked,
                    egui::RichText::new(span.label.as_str())
                        .color(Color32::from_rgb(r, g, b))
                        .strong(),
                );
                let width = ui.available_width();
                let line = text_line(
                    ui,
                    &mut app.engine,
                    doc.span_text(span),
                    16.0,
                    width,
                    text_color,
                );
                if tag.clicked() || line.clicked() {
                    clicked = Some((span.range, span.label.clone()));
                }
            });
        }
    });
    if let Some((range, label)) = clicked {
        app.state.selection =
            crate::annotate::selection::Selection::new(range.start(), range.end());
        app.state.selected_span = Some((range, label));
        if let Some(view) = view_for(&mut app.document_view, &app.state) {
            view.scroll_to_offset(&mut app.engine.font_system, range.start());
        }
    }
}

fn document(ui: &mut egui::Ui, app: &mut TaliqApp) {
    if app.state.corpus.documents.get(app.state.selected).is_none() {
        ui.label("This corpus has no documents.");
        return;
    }
    let Some(view) = view_for(&mut app.document_view, &app.state) else {
        return;
    };
    let state = &mut app.state;
    let view_state = ViewState {
        doc: &state.corpus.documents[state.selected],
        labels: &state.corpus.labels,
        selection: &mut state.selection,
        selected_span: &mut state.selected_span,
        matches: &state.search.matches,
        review: state
            .review
            .as_mut()
            .map(|review| super::document_view::ReviewOverlay {
                session: &review.session,
                document: state.selected,
                picked: &mut review.picked,
            }),
        suggestions: state
            .suggest
            .enabled
            .then_some(super::document_view::SuggestionOverlay {
                offered: &state.suggest.offered,
                picked: &mut state.suggest.picked,
            }),
    };
    view.show(ui, &mut app.engine, view_state);
}
