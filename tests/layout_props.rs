//! Property tests of the text layout: random mixed strings never panic, and every offset
//! that comes out is a grapheme-cluster boundary.

use proptest::prelude::*;
use taliq::model::CharRange;
use taliq::text::fonts;
use taliq::text::hit::{Side, VisualCaret};
use taliq::text::layout::{LayoutConfig, TextLayout};
use unicode_segmentation::UnicodeSegmentation;

const PIECES: &[&str] = &[
    "ب",
    "ل",
    "ا",
    "أ",
    "ة",
    "ي",
    "ك",
    "م",
    "ن",
    "و",
    "ـ",
    "پ",
    "گ",
    "لا",
    "لأ",
    "لآ",
    "\u{064E}",
    "\u{064F}",
    "\u{0650}",
    "\u{0651}",
    "\u{0652}",
    "\u{064B}",
    "\u{0670}",
    "a",
    "Z",
    "CIA",
    "Reuters",
    "1",
    "21",
    "٢",
    "۳",
    ".",
    "،",
    "؟",
    "(",
    ")",
    "[",
    "«",
    "»",
    "“",
    "”",
    " ",
    " ",
    " ",
    "\n",
    "\r\n",
    "\u{200c}",
    "\u{200d}",
    "😀",
    // Hostile text (issue #13): every paragraph and line separator, lone CR, controls,
    // bidi embeddings, overrides, isolates and marks, emoji ZWJ sequences, flags,
    // presentation forms, stacked harakat.
    "\u{2028}",
    "\u{2029}",
    "\u{0085}",
    "\u{000B}",
    "\u{000C}",
    "\r",
    "\u{001C}",
    "\u{001D}",
    "\u{001E}",
    "\u{0000}",
    "\u{0007}",
    "\t",
    "\u{202A}",
    "\u{202B}",
    "\u{202C}",
    "\u{202D}",
    "\u{202E}",
    "\u{2066}",
    "\u{2067}",
    "\u{2068}",
    "\u{2069}",
    "\u{200E}",
    "\u{200F}",
    "\u{061C}",
    "\u{FEFF}",
    "👩\u{200d}👩\u{200d}👧",
    "🇸🇦",
    "🇪",
    "ﻻ",
    "ﷲ",
    "ﷺ",
    "\u{0651}\u{064E}\u{0652}\u{0670}",
    "\u{0301}",
];

fn text_strategy() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(PIECES), 0..80).prop_map(|p| p.concat())
}

fn boundaries(text: &str) -> Vec<usize> {
    let mut at = 0;
    let mut out = vec![0];
    for g in text.graphemes(true) {
        at += g.chars().count();
        out.push(at);
    }
    out
}

/// Lays `text` out and checks that every grapheme is on screen once, inside the view, and
/// that hit-testing, carets, visual moves and range rectangles stay on cluster boundaries.
fn check_layout(
    text: &str,
    width: f32,
    points: &[(f32, f32)],
    picks: &[(usize, usize)],
) -> Result<(), TestCaseError> {
    let mut fs = fonts::font_system(false);
    let mut layout = TextLayout::new(text, LayoutConfig::new(20.0, width));
    layout.lay_out_all(&mut fs);
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
        prop_assert_eq!(covered, expected, "paragraph {}", p);
    }
    for &(x, y) in points {
        let hit = layout.hit(&mut fs, x, y);
        prop_assert!(is_boundary(hit), "hit({x}, {y}) = {hit}");
    }
    for &o in &bounds {
        let caret = layout.caret(&mut fs, o);
        prop_assert!(caret.x.is_finite() && caret.y1 > caret.y0);
        for side in [Side::Left, Side::Right] {
            let moved = layout.move_visually(&mut fs, VisualCaret::at(o), side);
            prop_assert!(
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
        prop_assert!(
            b.x0 >= leftmost - 1.0 && b.x1 <= widest + 1.0,
            "{b:?} width {width}"
        );
    }
    for &(a, b) in picks {
        let range = CharRange::between(bounds[a % bounds.len()], bounds[b % bounds.len()]);
        for r in layout.range_rects(&mut fs, range) {
            prop_assert!(
                r.x0 <= r.x1 && r.x0 >= leftmost - 1.0 && r.x1 <= widest + 1.0,
                "{r:?} width {width}"
            );
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(500))]

    #[test]
    fn layout_hit_testing_and_geometry_stay_on_cluster_boundaries(
        text in text_strategy(),
        width in 60.0f32..700.0,
        points in prop::collection::vec((-50.0f32..800.0, -20.0f32..600.0), 12),
        picks in prop::collection::vec((any::<usize>(), any::<usize>()), 6),
    ) {
        check_layout(&text, width, &points, &picks)?;
    }

    #[test]
    fn any_unicode_text_lays_out_on_cluster_boundaries(
        text in prop::collection::vec(any::<char>(), 0..40).prop_map(String::from_iter),
        width in 60.0f32..700.0,
        points in prop::collection::vec((-50.0f32..800.0, -20.0f32..600.0), 12),
        picks in prop::collection::vec((any::<usize>(), any::<usize>()), 6),
    ) {
        check_layout(&text, width, &points, &picks)?;
    }
}
