//! Suggestions in the document view: a dashed outline in the label's colour, so that they
//! cannot be taken for spans (which are tinted); the picked one outlined solid and tinted
//! lightly; label, score and source on hover.

use cosmic_text::FontSystem;
use egui::{Color32, Pos2, Shape, Stroke, Vec2};

use super::DocumentView;
use crate::app::i18n::{self, tr};
use crate::model::{CharRange, Label, Suggestion};
use crate::text::layout::Rect;

/// What the view draws of the suggestions offered in the open document.
pub struct SuggestionOverlay<'a> {
    /// The suggestions offered (stored in the document or proposed live), in text order.
    pub offered: &'a [Suggestion],
}

/// One rectangle of one suggestion visible in a frame.
pub(super) struct SuggestionRect {
    /// Index among the offered suggestions.
    pub(super) index: usize,
    /// Where it is, in layout coordinates.
    pub(super) rect: Rect,
}

impl DocumentView {
    /// Rectangles of the suggestions overlapping `chars`.
    pub(super) fn suggestion_rects(
        &mut self,
        fs: &mut FontSystem,
        overlay: &SuggestionOverlay<'_>,
        chars: CharRange,
    ) -> Vec<SuggestionRect> {
        let mut rects = Vec::new();
        for (index, s) in overlay.offered.iter().enumerate() {
            if !s.range.overlaps(chars) {
                continue;
            }
            for rect in self.layout.range_rects(fs, s.range) {
                rects.push(SuggestionRect { index, rect });
            }
        }
        rects
    }

    /// The suggestion under `at` (layout coordinates); of nested ones the shortest.
    pub(super) fn suggestion_at(
        overlay: &SuggestionOverlay<'_>,
        rects: &[SuggestionRect],
        at: (f32, f32),
    ) -> Option<usize> {
        rects
            .iter()
            .filter(|r| r.rect.contains(at.0, at.1))
            .min_by_key(|r| overlay.offered[r.index].range.len())
            .map(|r| r.index)
    }

    /// Under the pointer: each suggestion's label, score and source, and what the keys do.
    pub(super) fn suggestion_hover_lines(
        &self,
        response: &egui::Response,
        overlay: &SuggestionOverlay<'_>,
        rects: &[SuggestionRect],
    ) -> Vec<String> {
        let Some(p) = response.hover_pos() else {
            return Vec::new();
        };
        let at = p - self.origin;
        let lines = rects
            .iter()
            .filter(|r| r.rect.contains(at.x, at.y))
            .map(|r| {
                let s = &overlay.offered[r.index];
                tr!(
                    "annotate-suggestion-hover",
                    label = &s.label,
                    score = i18n::decimal(f64::from(s.score), 2),
                    source = &s.source,
                )
            });
        lines.collect()
    }

    /// Draws each suggestion as a dashed outline in its label's colour; the picked one solid,
    /// thicker and lightly tinted.
    pub(super) fn paint_suggestions(
        &self,
        ui: &egui::Ui,
        overlay: &SuggestionOverlay<'_>,
        labels: &[Label],
        rects: &[SuggestionRect],
        picked: Option<&Suggestion>,
    ) {
        let painter = ui.painter();
        let origin = self.origin;
        for r in rects {
            let s = &overlay.offered[r.index];
            let [red, green, blue] = labels
                .iter()
                .find(|l| l.name == s.label)
                .map_or([128, 128, 128], |l| l.color.0);
            let color = Color32::from_rgb(red, green, blue);
            let screen = egui::Rect::from_min_max(
                origin + Vec2::new(r.rect.x0, r.rect.y0),
                origin + Vec2::new(r.rect.x1, r.rect.y1),
            );
            let body = screen.shrink2(Vec2::new(1.0, screen.height() * 0.1));
            if picked == Some(s) {
                painter.rect_filled(body, 2.0, color.gamma_multiply(0.25));
                painter.rect_stroke(
                    body,
                    2.0,
                    Stroke::new(2.5, color),
                    egui::StrokeKind::Outside,
                );
                continue;
            }
            let corners: Vec<Pos2> = vec![
                body.left_top(),
                body.right_top(),
                body.right_bottom(),
                body.left_bottom(),
                body.left_top(),
            ];
            painter.extend(Shape::dashed_line(
                &corners,
                Stroke::new(1.5, color),
                5.0,
                3.0,
            ));
        }
    }
}
