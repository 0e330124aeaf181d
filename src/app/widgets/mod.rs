//! Widgets drawn by taliq's own text engine: egui has no bidi, so every string that may
//! hold Arabic is laid out by [`crate::text`] and painted from the glyph atlas; and the
//! folding sections and scrolling lists the panels are made of. They know nothing of
//! corpora, labels or the window's state.

pub mod bidi_field;
pub mod glyph_atlas;
pub mod interface;
pub mod numbers;
pub mod scrolling;
pub mod section;
pub mod shaped;
pub mod text_line;

use cosmic_text::{FontSystem, LayoutGlyph};
use egui::{Pos2, Vec2};

use crate::text::marks::HarakaGlyphs;
use glyph_atlas::GlyphAtlas;
pub use scrolling::{ScrollingList, keep_clear_of_scroll_bar, scrolling_list};
pub use section::{is_section_open, section, section_heading};
pub use text_line::{
    ButtonLook, ENGINE_TEXT, embedded, engine_button, engine_button_width, engine_button_within,
    engine_label, engine_message, relation_label, relation_line, text_block, text_line,
    text_line_width, text_line_within, text_tooltip,
};

/// The fonts and glyph cache shared by everything the window draws with the text engine.
#[derive(Debug)]
pub struct TextEngine {
    /// Fonts, shaping caches and fallback.
    pub font_system: FontSystem,
    /// Rasterised glyphs on the GPU.
    pub atlas: GlyphAtlas,
    /// Which glyphs draw harakat (hidden on request).
    pub harakat: HarakaGlyphs,
    /// Interface lines laid out before.
    pub shaped: shaped::ShapedLines,
}

impl TextEngine {
    /// An engine over a font system (bundled fonts, plus system fonts in the app).
    pub fn new(font_system: FontSystem) -> Self {
        Self {
            font_system,
            atlas: GlyphAtlas::default(),
            harakat: HarakaGlyphs::default(),
            shaped: shaped::ShapedLines::default(),
        }
    }
}

/// Where a laid-out glyph is drawn for a line whose pen (left edge, baseline) is at `pen`:
/// its screen rectangle in points, its atlas coordinates, and whether it has its own colours.
///
/// Glyphs are rasterised at the screen's pixel density and placed on whole pixels.
pub(crate) fn glyph_quad(
    engine: &mut TextEngine,
    ctx: &egui::Context,
    glyph: &LayoutGlyph,
    pen: Pos2,
) -> Option<(egui::Rect, egui::Rect, bool)> {
    let ppp = ctx.pixels_per_point();
    let physical = glyph.physical((pen.x * ppp, pen.y * ppp), ppp);
    let g = engine
        .atlas
        .glyph(ctx, &mut engine.font_system, physical.cache_key)?;
    let min = Pos2::new(
        (physical.x + g.left) as f32 / ppp,
        (physical.y - g.top) as f32 / ppp,
    );
    let size = Vec2::new(g.width as f32 / ppp, g.height as f32 / ppp);
    Some((egui::Rect::from_min_size(min, size), g.uv, g.is_color))
}
