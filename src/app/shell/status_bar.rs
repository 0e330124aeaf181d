//! The status bar: the last message, the open document, its counts.

use crate::app::i18n::tr;
use crate::app::widgets::interface;
use crate::app::widgets::{engine_label, engine_message};

use crate::app::AppState;
use crate::app::widgets::TextEngine;

pub(crate) fn status_bar(ui: &mut egui::Ui, state: &AppState, engine: &mut TextEngine) {
    // Wraps onto a second line rather than cutting the message at a narrow width.
    ui.horizontal_wrapped(|ui| {
        let n = state.corpus.documents.len();
        interface::label(
            ui,
            engine,
            &tr!(
                "status-document-of",
                number = (state.selected + 1).min(n),
                total = n
            ),
        );
        ui.separator();
        let spans = state
            .corpus
            .documents
            .get(state.selected)
            .map_or(0, |d| d.spans().len());
        interface::label(ui, engine, &tr!("count-spans", count = spans));
        ui.separator();
        if let Some(holder) = state.lock_holder() {
            let warning = ui.visuals().warn_fg_color;
            // The holder's name may be Arabic: the engine draws the line.
            let line = tr!("status-read-only-held", holder = holder.owner.as_str());
            crate::app::widgets::text_line::engine_colored_label(ui, engine, &line, warning);
        } else {
            let saved = if state.history.is_dirty() {
                tr!("status-unsaved")
            } else {
                tr!("status-saved")
            };
            interface::label(ui, engine, &saved);
        }
        ui.separator();
        let annotator = state
            .corpus
            .annotator
            .clone()
            .unwrap_or_else(|| tr!("status-no-annotator"));
        interface::label(ui, engine, &tr!("status-annotator", name = annotator));
        ui.separator();
        // A path's folders may be Arabic: each is isolated so they stay in order. Behind the
        // project chooser nothing is open yet: no name to show.
        let choosing = state
            .project
            .as_ref()
            .is_some_and(|p| p.annotator.is_none());
        if crate::app::welcome::is_shown(state) {
            interface::label(ui, engine, &tr!("status-nothing-open"));
        } else {
            match state.source.path() {
                Some(path) => {
                    let path = crate::text::isolates::path_unit(&path.display().to_string());
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
            interface::label(
                ui,
                engine,
                &tr!("status-review-progress", reviewed = reviewed, total = total),
            );
        }
    });
    // The last message on a line of its own, wrapped there, not pushed to the row's end.
    if !state.message.is_empty() {
        engine_message(ui, engine, &state.message);
    }
}
