//! The status bar: the last message, the open document, its counts.

use crate::app::widgets::{engine_label, engine_message};

use crate::app::AppState;
use crate::app::widgets::TextEngine;

pub(crate) fn status_bar(ui: &mut egui::Ui, state: &AppState, engine: &mut TextEngine) {
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
            // The holder's name may be Arabic: the engine draws the line.
            let line = format!("read-only: {} has it open", holder.owner);
            crate::app::widgets::text_line::engine_colored_label(ui, engine, &line, warning);
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
        // A path's folders may be Arabic: each is isolated so they stay in order. Behind the
        // project chooser nothing is open yet: no name to show.
        let choosing = state
            .project
            .as_ref()
            .is_some_and(|p| p.annotator.is_none());
        if crate::app::welcome::is_shown(state) {
            ui.label("nothing open");
        } else {
            match state.source.path() {
                Some(path) => {
                    let path = crate::text::isolates::isolate_path(&path.display().to_string());
                    engine_label(ui, engine, &path);
                }
                None if choosing => {}
                None => {
                    engine_label(ui, engine, &state.source.name());
                }
            }
        }
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
