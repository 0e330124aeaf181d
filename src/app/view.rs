//! Drawing the window from [`AppState`].

use super::AppState;
use crate::model::Status;

/// Draws the whole window: status bar, document list.
pub fn show(ui: &mut egui::Ui, state: &mut AppState) {
    egui::Panel::bottom("status_bar").show(ui, |ui| status_bar(ui, state));
    egui::CentralPanel::default().show(ui, |ui| document_list(ui, state));
}

fn status_bar(ui: &mut egui::Ui, state: &AppState) {
    ui.horizontal(|ui| {
        let n = state.corpus.documents.len();
        ui.label(format!("document {} of {n}", (state.selected + 1).min(n)));
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
    ui.horizontal(|ui| {
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
            .num_columns(4)
            .show(ui, |ui| {
                ui.strong("id");
                ui.strong("status");
                ui.strong("spans");
                ui.strong("characters");
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
                    ui.label(doc.char_len().to_string());
                    ui.end_row();
                }
            });
    });
}
