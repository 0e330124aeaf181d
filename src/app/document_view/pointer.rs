//! The pointer on the document: clicks pick spans, candidates and suggestions, drags and
//! double-clicks select, Alt+drag links two spans; a click on a span while a relation is
//! made chooses its target.

use cosmic_text::FontSystem;
use egui::Pos2;

use super::{DocumentView, Hits, LinkDrag, ViewEvents, ViewState};
use crate::annotate::highlights::Highlight;
use crate::annotate::pick::Pick;
use crate::annotate::selection::Selection;
use crate::text::hit::VisualCaret;
use crate::text::layout::TextLayout;

impl DocumentView {
    /// Turns pointer input on the view into selection changes and span picks.
    pub(super) fn interact(
        &mut self,
        ui: &egui::Ui,
        response: &egui::Response,
        fs: &mut FontSystem,
        state: &mut ViewState<'_>,
        hits: &Hits<'_>,
        events: &mut ViewEvents,
    ) {
        let Hits {
            highlights,
            candidates,
            suggestions,
        } = *hits;
        let origin = self.origin;
        let offset_at = |layout: &mut TextLayout, fs: &mut FontSystem, p: Pos2| {
            layout.hit(fs, p.x - origin.x, p.y - origin.y)
        };
        let shift = ui.input(|i| i.modifiers.shift);
        if self.link_by_drag(ui, response, state.relations.is_some(), highlights, events) {
            return;
        }
        if response.double_clicked() {
            if let Some(p) = response.interact_pointer_pos() {
                let at = p - origin;
                if let Some(word) = self.layout.word_hit(fs, at.x, at.y) {
                    *state.selection = Selection::new(word.start(), word.end());
                    unpick_span(state.pick);
                }
            }
            return;
        }
        if response.drag_started()
            || (response.is_pointer_button_down_on() && ui.input(|i| i.pointer.primary_pressed()))
        {
            // The drag is reported after a movement threshold: start from where the button went down.
            if let Some(p) = ui.input(|i| i.pointer.press_origin()) {
                let offset = offset_at(&mut self.layout, fs, p);
                if shift {
                    state.selection.head = offset;
                } else {
                    *state.selection = Selection::caret(offset);
                }
            }
        }
        if response.dragged()
            && let Some(p) = response.interact_pointer_pos()
        {
            state.selection.head = offset_at(&mut self.layout, fs, p);
            unpick_span(state.pick);
        }
        if response.clicked()
            && let Some(p) = response.interact_pointer_pos()
        {
            {
                let offset = offset_at(&mut self.layout, fs, p);
                if shift {
                    state.selection.head = offset;
                } else {
                    *state.selection = Selection::caret(offset);
                }
                let at = (p.x - origin.x, p.y - origin.y);
                // A click on a span hits the innermost of nested spans.
                let span_hit = highlights
                    .iter()
                    .filter(|h| h.rect.contains(at.0, at.1))
                    .max_by_key(|h| h.tier)
                    .map(|h| h.span);
                if state.pick.as_draft().is_some() {
                    // While a relation is made, a click on a span chooses its target.
                    events.clicked_span = span_hit;
                    self.caret = VisualCaret::at(state.selection.head);
                    return;
                }
                if let Some(review) = state.review.as_ref() {
                    // In review a click picks a candidate; on nested ones the shortest.
                    let all = review.session.candidates(review.document);
                    let hit = candidates
                        .iter()
                        .filter(|c| c.rect.contains(at.0, at.1))
                        .min_by_key(|c| all[c.candidate].range.len())
                        .map(|c| c.candidate);
                    if let Some(i) = hit {
                        *state.pick = Pick::Candidate(i);
                        let range = all[i].range;
                        *state.selection = Selection::new(range.start(), range.end());
                        self.caret = VisualCaret::at(state.selection.head);
                        return;
                    }
                }
                if let Some(overlay) = state.suggestions.as_ref() {
                    // A click on a suggestion picks it (and no span): Enter or a label key decides.
                    if let Some(i) = Self::suggestion_at(overlay, suggestions, at) {
                        *state.pick = Pick::Suggestion(overlay.offered[i].clone());
                        self.caret = VisualCaret::at(state.selection.head);
                        return;
                    }
                }
                *state.pick = span_hit.map_or(Pick::None, |i| {
                    let span = &state.doc.spans()[i];
                    Pick::span(span.range, &span.label)
                });
            }
        }
        self.caret = VisualCaret::at(state.selection.head);
    }

    /// Alt+drag from a span to another starts and ends a relation; returns whether the
    /// pointer input was that (and so no selection change).
    fn link_by_drag(
        &mut self,
        ui: &egui::Ui,
        response: &egui::Response,
        relations: bool,
        highlights: &[Highlight],
        events: &mut ViewEvents,
    ) -> bool {
        if !relations {
            return false;
        }
        let origin = self.origin;
        let span_at = |p: Pos2| {
            highlights
                .iter()
                .filter(|h| h.rect.contains(p.x - origin.x, p.y - origin.y))
                .max_by_key(|h| h.tier)
                .map(|h| h.span)
        };
        if response.drag_started()
            && ui.input(|i| i.modifiers.alt)
            && let Some(from) = ui.input(|i| i.pointer.press_origin()).and_then(span_at)
        {
            self.link_drag = Some(LinkDrag { from, to: None });
            return true;
        }
        let Some(drag) = self.link_drag else {
            return false;
        };
        if response.drag_stopped() || !ui.input(|i| i.pointer.primary_down()) {
            let to = response
                .interact_pointer_pos()
                .or_else(|| ui.ctx().pointer_latest_pos())
                .and_then(span_at)
                .filter(|to| *to != drag.from);
            events.linked = to.map(|to| (drag.from, to));
            self.link_drag = None;
        }
        true
    }
}

/// A selection made by the pointer unpicks a picked span (a label key then labels the
/// selection, not the span); other picks stay.
fn unpick_span(pick: &mut Pick) {
    if pick.as_span().is_some() {
        *pick = Pick::None;
    }
}
