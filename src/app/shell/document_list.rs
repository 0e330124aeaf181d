//! The document list (left): the status filter and a row per document.

use crate::app::widgets::{
    ButtonLook, engine_button, keep_clear_of_scroll_bar, scrolling_list, text_line,
};

use crate::app::TaliqApp;
use crate::model::Status;

pub(crate) fn document_list(ui: &mut egui::Ui, app: &mut TaliqApp) {
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
    scrolling_list("documents").show_rows(ui, 56.0, visible.len(), |ui, rows| {
        keep_clear_of_scroll_bar(ui);
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
