//! Where a document's spans are drawn: rectangles from the layout, tinted by label, tiered by nesting.

use cosmic_text::FontSystem;

use crate::model::{CharRange, Document, Label, Span};
use crate::text::layout::{Rect, TextLayout};

/// One rectangle of one span.
#[derive(Debug, Clone, PartialEq)]
pub struct Highlight {
    /// Index of the span in its document.
    pub span: usize,
    /// Where it is drawn, in layout coordinates.
    pub rect: Rect,
    /// The label's colour.
    pub color: [u8; 3],
    /// How many other spans contain this one: nested spans draw their underline higher.
    pub tier: usize,
}

/// Highlights of the spans of `doc` that overlap `within` (every span when `None`), outer
/// spans first, from the layout of its text.
///
/// Only the paragraphs those spans touch get laid out, so a view can ask for what it shows.
pub fn span_highlights(
    doc: &Document,
    labels: &[Label],
    layout: &mut TextLayout,
    font_system: &mut FontSystem,
    within: Option<CharRange>,
) -> Vec<Highlight> {
    let spans: Vec<(usize, &Span)> = doc
        .spans()
        .iter()
        .enumerate()
        .filter(|(_, s)| within.is_none_or(|w| s.range.overlaps(w)))
        .collect();
    let mut highlights = Vec::new();
    for &(index, span) in &spans {
        let color = labels
            .iter()
            .find(|l| l.name == span.label)
            .map_or([128, 128, 128], |l| l.color.0);
        // A span containing this one overlaps whatever this one overlaps, so it is in `spans` too.
        let tier = spans
            .iter()
            .filter(|(other, s)| {
                *other != index && s.range.contains_range(span.range) && s.range != span.range
            })
            .count();
        for rect in layout.range_rects(font_system, span.range) {
            highlights.push(Highlight {
                span: index,
                rect,
                color,
                tier,
            });
        }
    }
    highlights
}
