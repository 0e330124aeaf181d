//! The window's panels around the document: the file row, the label palette, the status
//! bar, the document list and the span list.

use std::path::PathBuf;

use egui::Color32;

use super::bidi_field::BidiField;
use super::document_view::{
    ButtonLook, TextEngine, engine_button, engine_label, engine_message, text_line, text_tooltip,
    width_beside_scroll_bar,
};
use super::view::view_for;
use super::{AppState, TaliqApp};
use crate::model::Status;

pub(super) fn file_row(
    ui: &mut egui::Ui,
    state: &mut AppState,
    path_field: &mut String,
    name_field: &mut String,
    engine: &mut TextEngine,
) {
    ui.horizontal(|ui| {
        let caption = ui.label("path:");
        // Paths and names may be Arabic: bidi fields.
        BidiField::new(path_field, egui::Id::unique("taliq-path-field"))
            .hint("corpus.json or a .txt file")
            .desired_width(260.0)
            .show(ui, engine)
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
        if state.prefs.user.is_none() && state.corpus.annotator.is_none() {
            ui.separator();
            let caption = ui.label("your name:");
            let field = BidiField::new(name_field, egui::Id::unique("taliq-name-field"))
                .hint("annotator")
                .desired_width(120.0)
                .show(ui, engine)
                .labelled_by(caption.id);
            // Enter or leaving the field takes the name.
            let entered = field.has_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
            if entered {
                field.surrender_focus();
            }
            if field.lost_focus() || entered {
                state.set_user(name_field);
            }
        }
    });
}

/// The recent files as menu items (File → Open Recent); the one clicked, if any.
pub(super) fn recent_items(ui: &mut egui::Ui, recent: &[PathBuf]) -> Option<PathBuf> {
    if recent.is_empty() {
        ui.label("no corpus opened yet");
    }
    let chosen = recent
        .iter()
        .find(|path| ui.button(path.display().to_string()).clicked())
        .cloned();
    if chosen.is_some() {
        ui.close();
    }
    chosen
}

/// Opens a recent file that was chosen, saying why not when it cannot be.
pub(super) fn open_recent(app: &mut TaliqApp, chosen: Option<PathBuf>) {
    if let Some(path) = chosen
        && let Err(e) = app.state.open_paths(&[path])
    {
        app.state.say(e);
    }
}

pub(super) fn label_palette(ui: &mut egui::Ui, state: &mut AppState, engine: &mut TextEngine) {
    ui.horizontal_wrapped(|ui| {
        let labels = state.corpus.labels.clone();
        for label in &labels {
            let [r, g, b] = label.color.0;
            let key = label.key.map(|k| format!("{k} ")).unwrap_or_default();
            let look = ButtonLook {
                fill: Some(Color32::from_rgb(r, g, b)),
                text: Some(Color32::WHITE),
                ..ButtonLook::default()
            };
            let mut response = engine_button(ui, engine, &format!("{key}{}", label.name), look);
            if let Some(description) = &label.description {
                // Descriptions are often Arabic: drawn by the text engine.
                response = text_tooltip(response, engine, description);
            }
            if response.clicked() {
                state.apply_label(&label.name);
            }
        }
        if ui.button("edit labels").clicked() {
            state.edit_labels();
        }
        ui.separator();
        ui.checkbox(&mut state.prefs.snap.words, "snap to words");
        ui.checkbox(&mut state.prefs.snap.trim, "trim punctuation");
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

pub(super) fn status_bar(ui: &mut egui::Ui, state: &AppState, engine: &mut TextEngine) {
    // Wraps onto a second line rather than cutting the message at a narrow width.
    ui.horizontal_wrapped(|ui| {
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
        ui.label("annotator:");
        engine_label(ui, engine, annotator);
        ui.separator();
        ui.label(state.source.name());
        if state.review.is_some() {
            let (reviewed, total) = crate::review::session::ReviewSession::progress(&state.corpus);
            ui.separator();
            ui.label(format!("review: {reviewed}/{total} documents reviewed"));
        }
    });
    // The last message on a line of its own, wrapped there, not pushed to the row's end.
    if !state.message.is_empty() {
        engine_message(ui, engine, &state.message);
    }
}

pub(super) fn document_list(ui: &mut egui::Ui, app: &mut TaliqApp) {
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
                let look = ButtonLook {
                    selected: app.state.selected == index,
                    ..ButtonLook::default()
                };
                if engine_button(ui, &mut app.engine, &doc.id, look).clicked() {
                    open = Some(index);
                }
                ui.label(doc.status.as_str());
                ui.label(format!("{} spans", doc.spans().len()));
                if app.state.frozen.contains(&doc.id) {
                    ui.label("in gold").on_hover_text(
                        "reviewed into the project's gold: your version is final and read-only",
                    );
                }
                if let Some(unsure) = app.state.suggest.uncertainty.get(&index)
                    && app.state.prefs.suggest.order_by_uncertainty
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
            let width = width_beside_scroll_bar(ui);
            if text_line(ui, &mut app.engine, title, 14.0, width, text_color).clicked() {
                open = Some(index);
            }
        }
    });
    if let Some(index) = open {
        app.state.open_document(index);
    }
}

pub(super) fn span_list(ui: &mut egui::Ui, app: &mut TaliqApp) {
    super::suggest::panel::show(ui, &mut app.state);
    ui.separator();
    super::links_panel::show(ui, app);
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
                let look = ButtonLook {
                    selected: picked,
                    text: Some(Color32::from_rgb(r, g, b)),
                    ..ButtonLook::default()
                };
                let tag = engine_button(ui, &mut app.engine, &span.label, look);
                if let Some(note) = &span.note {
                    let mark = ui.small("note");
                    text_tooltip(mark, &mut app.engine, note);
                }
                let width = width_beside_scroll_bar(ui);
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
        if let Some(view) = view_for(&mut app.document_view, &app.state, &app.reading) {
            view.scroll_to_offset(&mut app.engine.font_system, range.start());
        }
    }
}
