//! The side panel (right) outside the review: suggestions, relations and document labels,
//! and the open document's spans, each a section that folds.

use egui::Color32;

use crate::app::TaliqApp;
use crate::app::i18n::tr;
use crate::app::shell::document::view_for;
use crate::app::widgets::section::titled_section;
use crate::app::widgets::{
    ButtonLook, engine_button, interface, is_section_open, keep_clear_of_scroll_bar,
    scrolling_list, text_line, text_tooltip,
};

/// The span list's section (its name in memory; its title is a message).
const SPANS: &str = "Spans";
/// Height of a row of the span list.
const SPAN_ROW_HEIGHT: f32 = 26.0;
/// The least height the open span list keeps below the other sections (less when the
/// document has fewer spans), and the least share of the panel.
const SPAN_LIST_MIN_HEIGHT: f32 = 180.0;
const SPAN_LIST_MIN_SHARE: f32 = 0.4;

/// The side panel outside the review: the sections above the spans (document labels, the
/// picked span's note, relations, suggestions, the tagger) scroll together in what the span list leaves
/// them, so that however many are open, the spans stay in reach.
pub(crate) fn show(ui: &mut egui::Ui, app: &mut TaliqApp) {
    let count = app
        .state
        .corpus
        .documents
        .get(app.state.selected)
        .map_or(0, |d| d.spans().len());
    let height = ui.available_height();
    let above = if is_section_open(ui.ctx(), SPANS) {
        let wanted = SPAN_ROW_HEIGHT * (count as f32 + 2.0);
        let kept = (height * SPAN_LIST_MIN_SHARE)
            .max(SPAN_LIST_MIN_HEIGHT)
            .min(wanted);
        (height - kept).max(0.0)
    } else {
        height
    };
    scrolling_list("side sections")
        .max_height(above)
        .show(ui, |ui| {
            keep_clear_of_scroll_bar(ui);
            // What the open document holds first, then the recommenders.
            crate::app::relations::panel::show(ui, &mut app.panel_context());
            crate::app::suggest::panel::show(ui, &mut app.state, &mut app.engine);
        });
    ui.separator();
    let title = tr!("annotate-section-spans");
    // The list borrows the whole app, the title only its engine: the list goes after.
    if titled_section(ui, &mut app.engine, SPANS, &title, |_| ()).is_some() {
        span_list(ui, app);
    }
}

/// The open document's spans, one row each: the label, a note mark, the text; a click picks
/// the span and scrolls the view to it.
fn span_list(ui: &mut egui::Ui, app: &mut TaliqApp) {
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
    scrolling_list("spans").show_rows(ui, SPAN_ROW_HEIGHT, count, |ui, visible| {
        keep_clear_of_scroll_bar(ui);
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
                    let mark =
                        interface::weak_label(ui, &mut app.engine, &tr!("annotate-note-mark"));
                    text_tooltip(mark, &mut app.engine, note);
                }
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
        app.state.pick = crate::annotate::pick::Pick::Span { range, label };
        if let Some(view) = view_for(&mut app.document_view, &app.state, &app.reading) {
            view.scroll_to_offset(&mut app.engine.font_system, range.start());
        }
    }
}
