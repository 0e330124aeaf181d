//! The side panel (right) outside the review: suggestions, relations and document labels,
//! and the open document's spans.

use egui::Color32;

use crate::app::TaliqApp;
use crate::app::shell::document::view_for;
use crate::app::widgets::{
    ButtonLook, engine_button, text_line, text_tooltip, width_beside_scroll_bar,
};

pub(crate) fn span_list(ui: &mut egui::Ui, app: &mut TaliqApp) {
    crate::app::suggest::panel::show(ui, &mut app.state);
    ui.separator();
    crate::app::relations::panel::show(ui, &mut app.panel_context());
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
            let picked = state.pick.as_span() == Some((span.range, span.label.as_str()));
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
        app.state.pick = crate::annotate::pick::Pick::Span { range, label };
        if let Some(view) = view_for(&mut app.document_view, &app.state, &app.reading) {
            view.scroll_to_offset(&mut app.engine.font_system, range.start());
        }
    }
}
