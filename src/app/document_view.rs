//! The document view: the text engine's layout painted into egui, only what is visible.
//!
//! Arabic is laid out by [`crate::text`] (egui has no bidi), glyphs come from the
//! [`GlyphAtlas`] texture and are drawn as one textured mesh per frame; span highlights
//! are drawn behind them.

use cosmic_text::FontSystem;
use egui::{Color32, Mesh, Pos2, Sense, Shape, Vec2};

use super::glyph_atlas::GlyphAtlas;
use crate::annotate::highlights::span_highlights;
use crate::model::{CharRange, Document, Label};
use crate::text::layout::{LayoutConfig, Rect, TextLayout};

/// Space around the text inside the view, in points.
const MARGIN: f32 = 16.0;

/// The fonts and glyph cache shared by everything the window draws with the text engine.
#[derive(Debug)]
pub struct TextEngine {
    /// Fonts, shaping caches and fallback.
    pub font_system: FontSystem,
    /// Rasterised glyphs on the GPU.
    pub atlas: GlyphAtlas,
}

impl TextEngine {
    /// An engine over a font system (bundled fonts, plus system fonts in the app).
    pub fn new(font_system: FontSystem) -> Self {
        Self {
            font_system,
            atlas: GlyphAtlas::default(),
        }
    }
}

/// What one frame of the view drew, for tests and the status bar.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct FrameStats {
    /// Paragraphs intersecting the viewport.
    pub paragraphs: usize,
    /// Glyph quads drawn.
    pub glyphs: usize,
    /// Highlight rectangles drawn.
    pub highlights: usize,
}

/// The view of one document: its layout at the current zoom and width.
#[derive(Debug)]
pub struct DocumentView {
    /// Which document of the corpus is shown.
    pub document: usize,
    /// Font size in points (zoom).
    pub font_size: f32,
    layout: TextLayout,
    /// Where the next frame scrolls to (top of the viewport, in points), if somewhere new.
    scroll_request: Option<f32>,
    /// What the last frame drew.
    pub last_frame: FrameStats,
}

impl DocumentView {
    /// A view of document `index` at `font_size`; laid out when first shown.
    pub fn new(index: usize, doc: &Document, font_size: f32) -> Self {
        Self {
            document: index,
            font_size,
            layout: TextLayout::new(doc.text(), LayoutConfig::new(font_size, 600.0)),
            scroll_request: None,
            last_frame: FrameStats::default(),
        }
    }

    /// The layout (for hit-testing by callers).
    pub fn layout_mut(&mut self) -> &mut TextLayout {
        &mut self.layout
    }

    /// Shows the document in a vertical scroll area filling the available space.
    pub fn show(
        &mut self,
        ui: &mut egui::Ui,
        engine: &mut TextEngine,
        doc: &Document,
        labels: &[Label],
    ) -> egui::Response {
        let mut area = egui::ScrollArea::vertical().auto_shrink(false);
        if let Some(y) = self.scroll_request.take() {
            area = area.vertical_scroll_offset(y);
        }
        area.show_viewport(ui, |ui, viewport| {
            self.paint(ui, engine, doc, labels, viewport)
        })
        .inner
    }

    /// Scrolls so that the next frame shows the text from height `y` (points) down.
    pub fn scroll_to(&mut self, y: f32) {
        self.scroll_request = Some(y);
    }

    /// Height of the text, exact for the paragraphs laid out so far and estimated below.
    pub fn text_height(&mut self) -> f32 {
        self.layout.height()
    }

    fn paint(
        &mut self,
        ui: &mut egui::Ui,
        engine: &mut TextEngine,
        doc: &Document,
        labels: &[Label],
        viewport: egui::Rect,
    ) -> egui::Response {
        let fs = &mut engine.font_system;
        let width = (ui.available_width() - 2.0 * MARGIN).max(self.font_size * 4.0);
        self.layout
            .set_config(LayoutConfig::new(self.font_size, width));
        let visible =
            self.layout
                .paragraphs_in(fs, viewport.min.y - MARGIN, viewport.max.y - MARGIN);
        let height = self.layout.height() + 2.0 * MARGIN;
        let (rect, response) = ui.allocate_exact_size(
            Vec2::new(ui.available_width(), height),
            Sense::click_and_drag(),
        );
        let origin = rect.min + Vec2::splat(MARGIN);
        let painter = ui.painter();
        let to_screen = |r: Rect| {
            egui::Rect::from_min_max(
                origin + Vec2::new(r.x0, r.y0),
                origin + Vec2::new(r.x1, r.y1),
            )
        };

        let paragraphs = self.layout.paragraphs();
        let chars = CharRange::between(
            paragraphs[visible.start].chars.start(),
            paragraphs[visible.end - 1].chars.end(),
        );
        let highlights = span_highlights(doc, labels, &mut self.layout, fs, Some(chars));
        for h in &highlights {
            let r = to_screen(h.rect);
            let [red, green, blue] = h.color;
            let inset = r.height() * 0.12;
            painter.rect_filled(
                r.shrink2(Vec2::new(0.0, inset)),
                0.0,
                Color32::from_rgba_unmultiplied(red, green, blue, 80),
            );
            let y = r.max.y - inset - 3.0 - 4.0 * h.tier as f32;
            painter.rect_filled(
                egui::Rect::from_x_y_ranges(r.x_range(), y..=y + 2.0),
                0.0,
                Color32::from_rgb(red, green, blue),
            );
        }

        let ctx = ui.ctx().clone();
        let ppp = ctx.pixels_per_point();
        let text_color = ui.visuals().strong_text_color();
        let mut mesh = Mesh::with_texture(engine.atlas.texture_id(&ctx));
        let mut glyphs = 0;
        for p in visible.clone() {
            let top = self.layout.paragraph_top(p);
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
                    let physical = glyph.physical((origin.x * ppp, baseline * ppp), ppp);
                    let Some(g) = engine.atlas.glyph(&ctx, fs, physical.cache_key) else {
                        continue;
                    };
                    #[allow(clippy::cast_precision_loss, reason = "pixel positions are small")]
                    let min = Pos2::new(
                        (physical.x + g.left) as f32 / ppp,
                        (physical.y - g.top) as f32 / ppp,
                    );
                    let size = Vec2::new(g.width as f32 / ppp, g.height as f32 / ppp);
                    let color = if g.is_color {
                        Color32::WHITE
                    } else {
                        text_color
                    };
                    mesh.add_rect_with_uv(egui::Rect::from_min_size(min, size), g.uv, color);
                    glyphs += 1;
                }
            }
        }
        painter.add(Shape::mesh(mesh));
        self.last_frame = FrameStats {
            paragraphs: visible.len(),
            glyphs,
            highlights: highlights.len(),
        };
        response
    }
}
