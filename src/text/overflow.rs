//! Breaking a line that holds a word wider than the view, at grapheme boundaries.
//!
//! cosmic-text wraps between words; a word wider than the view stays on one line and
//! sticks out of it, and its own glyph wrapping (`Wrap::WordOrGlyph`) drops every glyph of
//! an RTL word it splits (0.19). So after cosmic-text has laid a paragraph out, a line
//! wider than the view is cut here, in logical order, into pieces that fit, each cut on a
//! grapheme boundary that no glyph straddles, so a letter keeps its harakat. Glyphs keep
//! the forms they were shaped with (the last letter before a cut stays joined towards the
//! next piece, showing that the word goes on), and each piece keeps its visual order and
//! is aligned as cosmic-text aligns lines: right-aligned in an RTL paragraph.

use cosmic_text::LayoutGlyph;
use unicode_segmentation::UnicodeSegmentation;

/// Slack for rounding before a line counts as wider than the view.
const SLACK: f32 = 0.5;

/// Cuts one line's glyphs into lines no wider than `width` (a single grapheme wider than
/// the view gets a line of its own); a line that fits comes back as it is.
///
/// `content` is the paragraph's text, which glyph byte ranges point into; `rtl` its direction.
pub fn fit_line(
    content: &str,
    glyphs: Vec<LayoutGlyph>,
    width: f32,
    rtl: bool,
) -> Vec<Vec<LayoutGlyph>> {
    let (left, right) = extent(&glyphs);
    if right - left <= width + SLACK {
        return vec![glyphs];
    }
    let pieces = graphemes_of(content, &glyphs);
    let chunks = cut_in_logical_order(&pieces, width);
    chunks
        .iter()
        .map(|chunk| place_chunk(&glyphs, chunk, width, rtl))
        .collect()
}

/// The leftmost and rightmost edges of a set of glyphs.
fn extent(glyphs: &[LayoutGlyph]) -> (f32, f32) {
    glyphs.iter().fold((f32::MAX, f32::MIN), |(l, r), g| {
        (l.min(g.x), r.max(g.x + g.w))
    })
}

/// A grapheme of the line with glyphs of its own.
#[derive(Debug)]
struct Piece {
    /// Index of the grapheme in the paragraph (logical order).
    grapheme: usize,
    /// Its horizontal extent on the line as laid out.
    x0: f32,
    x1: f32,
    /// Indices of its glyphs in the line.
    glyphs: Vec<usize>,
    /// Whether the line may be cut just before this grapheme (no glyph straddles the point).
    cut_before: bool,
}

/// The line's graphemes that have glyphs, in logical order, with their glyphs and extents.
///
/// A glyph belongs to the grapheme its cluster starts in (a ligature of several graphemes
/// belongs to its first one, and the others can't be cut from it).
fn graphemes_of(content: &str, glyphs: &[LayoutGlyph]) -> Vec<Piece> {
    let starts: Vec<usize> = content.grapheme_indices(true).map(|(b, _)| b).collect();
    let grapheme_of = |byte: usize| starts.partition_point(|&b| b <= byte).saturating_sub(1);
    let mut pieces: Vec<Piece> = Vec::new();
    let mut order: Vec<(usize, usize)> = glyphs
        .iter()
        .enumerate()
        .map(|(i, g)| (grapheme_of(g.start), i))
        .collect();
    order.sort_unstable();
    for (grapheme, i) in order {
        let g = &glyphs[i];
        match pieces.last_mut() {
            Some(piece) if piece.grapheme == grapheme => {
                piece.x0 = piece.x0.min(g.x);
                piece.x1 = piece.x1.max(g.x + g.w);
                piece.glyphs.push(i);
            }
            _ => {
                let at = starts[grapheme];
                let cut_before = !glyphs.iter().any(|o| o.start < at && at < o.end);
                pieces.push(Piece {
                    grapheme,
                    x0: g.x,
                    x1: g.x + g.w,
                    glyphs: vec![i],
                    cut_before,
                });
            }
        }
    }
    pieces
}

/// Groups the pieces greedily, in logical order, into chunks whose widths fit `width`.
fn cut_in_logical_order(pieces: &[Piece], width: f32) -> Vec<&[Piece]> {
    let mut chunks = Vec::new();
    let (mut start, mut used) = (0, 0.0);
    for (i, piece) in pieces.iter().enumerate() {
        let w = piece.x1 - piece.x0;
        if i > start && piece.cut_before && used + w > width + SLACK {
            chunks.push(&pieces[start..i]);
            (start, used) = (i, 0.0);
        }
        used += w;
    }
    chunks.push(&pieces[start..]);
    chunks
}

/// The glyphs of one chunk, packed side by side in their visual order and aligned to the
/// view's right edge (RTL) or left edge (LTR); they stay in the order cosmic-text gave them.
fn place_chunk(glyphs: &[LayoutGlyph], chunk: &[Piece], width: f32, rtl: bool) -> Vec<LayoutGlyph> {
    let mut visual: Vec<&Piece> = chunk.iter().collect();
    visual.sort_by(|a, b| a.x0.total_cmp(&b.x0));
    let mut shifts: Vec<(usize, f32)> = Vec::new();
    let mut x = 0.0;
    for piece in visual {
        shifts.extend(piece.glyphs.iter().map(|&i| (i, x - piece.x0)));
        x += piece.x1 - piece.x0;
    }
    let align = if rtl { width - x } else { 0.0 };
    shifts.sort_unstable_by_key(|&(i, _)| i);
    shifts
        .into_iter()
        .map(|(i, shift)| {
            let mut g = glyphs[i].clone();
            g.x += shift + align;
            g
        })
        .collect()
}
