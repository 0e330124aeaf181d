//! The central panel: the open document's view, made for the open document and drawn
//! with the reading options; zoom.

use super::reading::{FONT_SIZE, FONT_SIZES, ReadingOptions};
use crate::app::document_view::{
    DocumentView, RelationOverlay, ReviewOverlay, SuggestionOverlay, ViewState,
};
use crate::app::relations;
use crate::app::{AppState, TaliqApp};

/// The view of the open document, made anew when another document is opened, drawn with
/// the reading options.
pub(crate) fn view_for<'a>(
    slot: &'a mut Option<DocumentView>,
    state: &AppState,
    reading: &ReadingOptions,
) -> Option<&'a mut DocumentView> {
    let index = state.selected;
    let doc = state.corpus.documents.get(index)?;
    if slot
        .as_ref()
        .is_none_or(|view| view.document != index || view.generation != state.generation)
    {
        let mut view = DocumentView::new(index, doc, reading.font_size());
        view.generation = state.generation;
        *slot = Some(view);
    }
    let view = slot.as_mut()?;
    view.font_size = reading.font_size();
    view.look = reading.look();
    Some(view)
}

/// Multiplies the text size by `step` (0: back to the default size); remembered with the
/// reading options.
pub(crate) fn zoom_by(app: &mut TaliqApp, step: f32) {
    let reading = &mut app.reading;
    reading.font_size = if step == 0.0 {
        FONT_SIZE
    } else {
        (reading.font_size() * step).clamp(*FONT_SIZES.start(), *FONT_SIZES.end())
    };
}

/// The central panel: the open document's view, and what its clicks and drags ask for
/// (a relation's target, a relation dragged out, a relation candidate picked on its tag).
pub(crate) fn document(ui: &mut egui::Ui, app: &mut TaliqApp) {
    if app.state.corpus.documents.get(app.state.selected).is_none() {
        let text = crate::app::i18n::tr!("annotate-no-documents");
        crate::app::widgets::interface::mirrored(ui, |ui| {
            crate::app::widgets::interface::label(ui, &mut app.engine, &text);
        });
        return;
    }
    let Some(view) = view_for(&mut app.document_view, &app.state, &app.reading) else {
        return;
    };
    let state = &mut app.state;
    let relation_before = state.pick.as_relation_candidate();
    let view_state = ViewState {
        doc: &state.corpus.documents[state.selected],
        labels: &state.corpus.labels,
        selection: &mut state.selection,
        pick: &mut state.pick,
        matches: &state.search.matches,
        review: state.review.as_ref().map(|review| ReviewOverlay {
            session: &review.session,
            document: state.selected,
        }),
        suggestions: state.prefs.suggest.enabled.then_some(SuggestionOverlay {
            offered: &state.suggest.offered,
        }),
        revision: state.history.revision(),
        relations: (!state.corpus.relation_labels.is_empty()).then(|| RelationOverlay {
            labels: &state.corpus.relation_labels,
        }),
    };
    let events = view.show(ui, &mut app.engine, view_state);
    // A relation candidate's tag clicked in the text: picked as from the list.
    let relation_after = state.pick.as_relation_candidate();
    if let Some(i) = relation_after
        && relation_after != relation_before
    {
        state.pick_relation_candidate(i);
    }
    relations::panel::finish_on_click(&mut app.panel_context(), events);
    relations::panel::finish_drag(&mut app.panel_context(), events);
}
