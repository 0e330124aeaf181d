//! The property the layout's random tests check, shared by `tests/layout_props.rs` (proptest,
//! in CI) and the `layout` cargo-fuzz target (`fuzz/`, for long runs).

use cosmic_text::FontSystem;
use taliq::model::CharRange;
use taliq::text::hit::{Side, VisualCaret};
use taliq::text::layout::{LayoutConfig, TextLayout};
use unicode_segmentation::UnicodeSegmentation;

/// Returns an error with the message when the condition does not hold.
macro_rules! ensure {
    ($cond:expr, $($message:tt)+) => {
        if !$cond {
            return Err(format!($($message)+));
        }
    };
}

/// Code-point offsets of the grapheme-cluster boundaries of `text`, ends included.
pub fn boundaries(text: &str) -> Vec<usize> {
    let mut at = 0;
    let mut out = vec![0];
    for g in text.graphemes(true) {
        at += g.chars().count();
        out.push(at);
    }
    out
}

/// Lays `text` out with the fonts of `fs` and checks that every grapheme is on screen once, inside the view, and
/// that hit-testing, carets, visual moves and range rectangles stay on cluster boundaries.
pub fn check_layout(
    fs: &mut FontSystem,
    text: &str,
    width: f32,
    points: &[(f32, f32)],
    picks: &[(usize, usize)],
) -> Result<(), String> {
    let mut layout = TextLayout::new(text, LayoutConfig::new(20.0, width));
    layout.lay_out_all(fs);
    let bounds = boundaries(text);
    let is_boundary = |o: usize| bounds.binary_search(&o).is_ok();

    // Every grapheme of every paragraph is on screen exactly once (no offset is hidden).
    for (p, paragraph) in layout.paragraphs().to_vec().iter().enumerate() {
        let laid = layout.laid_out(p).expect("laid out");
        let mut covered: Vec<CharRange> = laid
            .lines
            .iter()
            .flat_map(|l| l.graphemes.iter().map(|b| b.chars))
            .collect();
        covered.sort();
        let content = &text[paragraph.bytes.clone()];
        let mut expected = Vec::new();
        let mut at = paragraph.chars.start();
        for g in content.graphemes(true) {
            let n = g.chars().count();
            expected.push(CharRange::new(at, at + n).expect("ordered"));
            at += n;
        }
        ensure!(
            covered == expected,
            "paragraph {p}: {covered:?} != {expected:?}"
        );
    }
    for &(x, y) in points {
        let hit = layout.hit(fs, x, y);
        ensure!(is_boundary(hit), "hit({x}, {y}) = {hit}");
    }
    for &o in &bounds {
        let caret = layout.caret(fs, o);
        ensure!(
            caret.x.is_finite() && caret.y1 > caret.y0,
            "caret at {o}: {caret:?}"
        );
        for side in [Side::Left, Side::Right] {
            let moved = layout.move_visually(fs, VisualCaret::at(o), side);
            ensure!(
                is_boundary(moved.offset),
                "move {side:?} from {o} gave {}",
                moved.offset
            );
        }
    }
    // Lines wrap between words, and a word wider than the view at grapheme boundaries, so
    // everything lies within the width (a single grapheme wider than the view aside).
    let boxes: Vec<_> = (0..layout.paragraphs().len())
        .flat_map(|p| {
            layout
                .laid_out(p)
                .expect("laid out")
                .lines
                .iter()
                .flat_map(|l| l.graphemes.clone())
        })
        .collect();
    let widest_grapheme = boxes.iter().map(|b| b.x1 - b.x0).fold(0.0, f32::max);
    let (leftmost, widest) = if widest_grapheme <= width {
        (0.0, width)
    } else {
        (width - widest_grapheme, widest_grapheme)
    };
    for b in &boxes {
        ensure!(
            b.x0 >= leftmost - 1.0 && b.x1 <= widest + 1.0,
            "{b:?} width {width}"
        );
    }
    for &(a, b) in picks {
        let range = CharRange::between(bounds[a % bounds.len()], bounds[b % bounds.len()]);
        for r in layout.range_rects(fs, range) {
            ensure!(
                r.x0 <= r.x1 && r.x0 >= leftmost - 1.0 && r.x1 <= widest + 1.0,
                "{r:?} width {width}"
            );
        }
    }
    Ok(())
}
