//! Drawing the window from [`TaliqApp`]: document list, status bar, document view.

use super::document_view::DocumentView;
use super::{AppState, TaliqApp};
use crate::model::Status;

/// Default font size of the document text, in points.
const FONT_SIZE: f32 = 22.0;

/// Draws the whole window.
pub fn show(ui: &mut egui::Ui, app: &mut TaliqApp) {
    egui::Panel::bottom("status_bar").show(ui, |ui| status_bar(ui, &app.state));
    egui::Panel::left("documents")
        .resizable(true)
        .default_size(260.0)
        .show(ui, |ui| document_list(ui, &mut app.state));
    egui::CentralPanel::default().show(ui, |ui| document(ui, app));
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
        let annotator = state
            .corpus
            .annotator
            .as_deref()
            .unwrap_or("(no annotator)");
        ui.label(format!("annotator: {annotator}"));
        ui.separator();
        ui.label(state.source.name());
    });
}

fn document_list(ui: &mut egui::Ui, state: &mut AppState) {
    ui.heading("Documents");
    ui.horizontal_wrapped(|ui| {
        ui.label("Status:");
        ui.selectable_value(&mut state.status_filter, None, "all");
        for status in Status::ALL {
            ui.selectable_value(&mut state.status_filter, Some(status), status.as_str());
        }
    });
    ui.separator();
    let visible = state.visible_documents();
    egui::ScrollArea::vertical().show(ui, |ui| {
        egui::Grid::new("documents")
            .striped(true)
            .num_columns(3)
            .show(ui, |ui| {
                ui.strong("id");
                ui.strong("status");
                ui.strong("spans");
                ui.end_row();
                for index in visible {
                    let doc = &state.corpus.documents[index];
                    if ui
                        .selectable_label(state.selected == index, &doc.id)
                        .clicked()
                    {
                        state.selected = index;
                    }
                    ui.label(doc.status.as_str());
                    ui.label(doc.spans().len().to_string());
                    ui.end_row();
                }
            });
    });
}

fn document(ui: &mut egui::Ui, app: &mut TaliqApp) {
    let Some(doc) = app.state.corpus.documents.get(app.state.selected) else {
        ui.label("This corpus has no documents.");
        return;
    };
    let view = match &mut app.document_view {
        Some(view) if view.document == app.state.selected => view,
        slot => slot.insert(DocumentView::new(app.state.selected, doc, FONT_SIZE)),
    };
    view.show(ui, &mut app.engine, doc, &app.state.corpus.labels);
}
