//! Painting the document: glyphs from the atlas in one mesh, span boxes and tags under them,
//! the picked span, search matches, the selection and the caret.

use cosmic_text::FontSystem;
use egui::{Color32, Mesh, Pos2, Shape, Vec2};

use super::{DocumentView, Hits, MARGIN, TextEngine, ViewState};
use crate::annotate::highlights::Highlight;
use crate::app::widgets::glyph_quad;
use crate::model::{CharRange, Document};
use crate::text::layout::Rect;

impl DocumentView {
    /// Draws the glyphs of the visible lines as one textured mesh; returns how many.
    pub(super) fn paint_glyphs(
        &mut self,
        ui: &egui::Ui,
        engine: &mut TextEngine,
        visible: std::ops::Range<usize>,
        viewport: egui::Rect,
    ) -> usize {
        let origin = self.origin;
        let ctx = ui.ctx().clone();
        let text_color = ui.visuals().strong_text_color();
        let mut mesh = Mesh::with_texture(engine.atlas.texture_id(&ctx));
        let mut glyphs = 0;
        let hide_marks = !self.look.show_harakat;
        let family = self.look.family;
        for p in visible {
            let top = self.layout.paragraph_top(p);
            let content = &self.layout.text()[self.layout.paragraphs()[p].bytes.clone()];
            let Some(paragraph) = self.layout.laid_out(p) else {
                continue;
            };
            for line in &paragraph.lines {
                let line_top = top + line.top;
                if line_top > viewport.max.y
                    || line_top + self.layout.config().line_height < viewport.min.y - 2.0 * MARGIN
                {
                    continue;
                }
                let baseline = origin.y + line_top + line.baseline;
                for glyph in &line.glyphs {
                    if hide_marks
                        && content.get(glyph.start..glyph.end).is_some_and(|cluster| {
                            engine.harakat.draws_haraka(
                                &mut engine.font_system,
                                family,
                                glyph,
                                cluster,
                            )
                        })
                    {
                        continue;
                    }
                    let pen = Pos2::new(origin.x, baseline);
                    if let Some((rect, uv, is_color)) = glyph_quad(engine, &ctx, glyph, pen) {
                        let color = if is_color { Color32::WHITE } else { text_color };
                        mesh.add_rect_with_uv(rect, uv, color);
                        glyphs += 1;
                    }
                }
            }
        }
        ui.painter().add(Shape::mesh(mesh));
        glyphs
    }

    /// Draws the spans behind the text: tint, an underline per nesting tier, and a tag
    /// with the label's name at each span's logical start.
    fn paint_spans(
        &mut self,
        painter: &egui::Painter,
        fs: &mut FontSystem,
        doc: &Document,
        highlights: &[Highlight],
        underlines: bool,
    ) {
        let origin = self.origin;
        let geometry = self.span_geometry();
        let to_screen = |r: Rect| {
            egui::Rect::from_min_max(
                origin + Vec2::new(r.x0, r.y0),
                origin + Vec2::new(r.x1, r.y1),
            )
        };
        for h in highlights {
            let r = to_screen(h.rect);
            let [red, green, blue] = h.color;
            let inset = geometry.inset;
            painter.rect_filled(
                r.shrink2(Vec2::new(0.0, inset)),
                0.0,
                Color32::from_rgba_unmultiplied(red, green, blue, 80),
            );
            if !underlines {
                continue;
            }
            let y = r.max.y - inset - 3.0 - 4.0 * h.tier as f32;
            painter.rect_filled(
                egui::Rect::from_x_y_ranges(r.x_range(), y..=y + 2.0),
                0.0,
                Color32::from_rgb(red, green, blue),
            );
        }
        // A small tag with the label's name at each span's logical start.
        let mut tagged = std::collections::HashSet::new();
        let tag_font = egui::FontId::proportional(geometry.tag_font);
        for h in highlights {
            if !tagged.insert(h.span) {
                continue;
            }
            let span = &doc.spans()[h.span];
            let caret = self.layout.caret(fs, span.range.start());
            let galley =
                painter.layout_no_wrap(span.label.clone(), tag_font.clone(), Color32::WHITE);
            let size = Vec2::new(
                galley.size().x + 4.0,
                galley.size().y.max(geometry.tag_height),
            );
            let shift = (size.x + 2.0) * h.tier as f32;
            let x = origin.x + caret.x;
            let min_x = if caret.inward >= 0.0 {
                x + shift
            } else {
                x - size.x - shift
            };
            let tag = egui::Rect::from_min_size(
                Pos2::new(min_x, origin.y + caret.y0 + geometry.tag_top),
                size,
            );
            let [red, green, blue] = h.color;
            painter.rect_filled(tag, 2.0, Color32::from_rgb(red, green, blue));
            painter.galley(tag.min + Vec2::new(2.0, 0.0), galley, Color32::WHITE);
        }
    }

    /// Draws what marks the text over the spans: the picked span's outline, search matches
    /// among the visible characters `chars`, and the selection.
    fn paint_marks(
        &mut self,
        ui: &egui::Ui,
        fs: &mut FontSystem,
        state: &ViewState<'_>,
        highlights: &[Highlight],
        chars: CharRange,
    ) {
        let origin = self.origin;
        let to_screen = |r: Rect| {
            egui::Rect::from_min_max(
                origin + Vec2::new(r.x0, r.y0),
                origin + Vec2::new(r.x1, r.y1),
            )
        };
        let painter = ui.painter();
        // The picked span, or the one a relation being made leaves from.
        let picked_span = state.pick.as_span().or_else(|| {
            let from = state.pick.as_draft()?.from;
            let span = state.doc.spans().get(from)?;
            Some((span.range, span.label.as_str()))
        });
        if let Some((range, label)) = picked_span {
            let picked = highlights.iter().filter(|h| {
                let span = &state.doc.spans()[h.span];
                span.range == range && span.label == label
            });
            for h in picked {
                let r = to_screen(h.rect);
                let r = r.shrink2(Vec2::new(0.0, self.span_geometry().inset));
                painter.rect_stroke(
                    r,
                    2.0,
                    egui::Stroke::new(2.0, ui.visuals().strong_text_color()),
                    egui::StrokeKind::Outside,
                );
            }
        }
        let visible_chars = chars;
        // In lines spaced for arcs, marks keep to the spans' band, out of the arcs' leading.
        let band = Vec2::new(0.0, self.span_geometry().tag_top);
        let match_stroke = egui::Stroke::new(1.5, Color32::from_rgb(0xff, 0xc1, 0x07));
        for m in state.matches.iter().filter(|m| m.overlaps(visible_chars)) {
            for r in self.layout.range_rects(fs, *m) {
                painter.rect_stroke(
                    to_screen(r).shrink2(band).shrink(2.0),
                    3.0,
                    match_stroke,
                    egui::StrokeKind::Inside,
                );
            }
        }
        let selection_fill = ui.visuals().selection.bg_fill.gamma_multiply(0.6);
        for r in self.layout.range_rects(fs, state.selection.range()) {
            painter.rect_filled(to_screen(r).shrink2(band), 0.0, selection_fill);
        }
    }

    /// Draws what lies under the glyphs: spans (or, in review, the annotators' tiers),
    /// suggestions, the picked span, search matches, the selection and the caret.
    pub(super) fn paint_layers(
        &mut self,
        ui: &egui::Ui,
        fs: &mut FontSystem,
        state: &ViewState<'_>,
        hits: &Hits<'_>,
        chars: CharRange,
        response: &egui::Response,
    ) {
        let origin = self.origin;
        // In review the annotators' tiers take the place of the nesting underlines.
        let underlines = state.review.is_none();
        self.paint_spans(ui.painter(), fs, state.doc, hits.highlights, underlines);
        if let Some(review) = &state.review {
            self.paint_candidates(
                ui,
                review,
                state.labels,
                hits.candidates,
                state.pick.as_candidate(),
            );
        }
        if let Some(overlay) = &state.suggestions {
            self.paint_suggestions(
                ui,
                overlay,
                state.labels,
                hits.suggestions,
                state.pick.as_suggestion(),
            );
        }
        self.paint_marks(ui, fs, state, hits.highlights, chars);
        if response.has_focus() || response.hovered() || state.selection.is_empty() {
            let caret = self.layout.caret(fs, state.selection.head);
            let x = origin.x + self.layout.visual_caret_x(fs, self.caret);
            ui.painter().line_segment(
                [
                    Pos2::new(x, origin.y + caret.y0 + 4.0),
                    Pos2::new(x, origin.y + caret.y1 - 4.0),
                ],
                egui::Stroke::new(1.5, ui.visuals().strong_text_color()),
            );
        }
    }
}
