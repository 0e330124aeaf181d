//! Drawing a document with its spans highlighted into an image, without a window or GPU.

use cosmic_text::{FontSystem, SwashCache};

use super::highlights::span_highlights;
use crate::model::{Document, Label};
use crate::text::layout::{LayoutConfig, Rect, TextLayout};
use crate::text::raster::Canvas;

/// Margin around the text, in pixels.
pub const MARGIN: f32 = 24.0;

/// Draws `doc` at `width` pixels and `font_size`: white page, label colour behind each span
/// with an underline per nesting tier, black text on top.
pub fn render_document(
    doc: &Document,
    labels: &[Label],
    width: u32,
    font_size: f32,
    font_system: &mut FontSystem,
) -> Canvas {
    let text_width = (width as f32 - 2.0 * MARGIN).max(font_size * 4.0);
    let mut layout = TextLayout::new(doc.text(), LayoutConfig::new(font_size, text_width));
    layout.lay_out_all(font_system);
    #[allow(clippy::cast_sign_loss, reason = "heights are positive")]
    let height = (layout.height() + 2.0 * MARGIN).ceil() as u32;
    let mut canvas = Canvas::new(width, height, [255, 255, 255]);
    let highlights = span_highlights(doc, labels, &mut layout, font_system, None);
    let shift = |r: Rect| Rect {
        x0: r.x0 + MARGIN,
        y0: r.y0 + MARGIN,
        x1: r.x1 + MARGIN,
        y1: r.y1 + MARGIN,
    };
    for h in &highlights {
        let r = shift(h.rect);
        // The tint stops short of the line's full height so neighbouring lines stay apart.
        let inset = (r.y1 - r.y0) * 0.12;
        canvas.fill_rect(
            Rect {
                y0: r.y0 + inset,
                y1: r.y1 - inset,
                ..r
            },
            h.color,
            70,
        );
    }
    let mut cache = SwashCache::new();
    canvas.draw_text(
        &mut layout,
        font_system,
        &mut cache,
        (MARGIN, MARGIN),
        [20, 20, 20],
    );
    for h in &highlights {
        let r = shift(h.rect);
        let y = r.y1 - (r.y1 - r.y0) * 0.12 - 3.0 - 4.0 * h.tier as f32;
        canvas.fill_rect(
            Rect {
                y0: y,
                y1: y + 2.0,
                ..r
            },
            h.color,
            255,
        );
    }
    canvas
}
