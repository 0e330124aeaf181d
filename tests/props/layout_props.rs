//! Property tests of the text layout: random mixed strings never panic, and every offset
//! that comes out is a grapheme-cluster boundary.

use proptest::prelude::*;
use taliq::text::fonts;

#[path = "layout_props/check.rs"]
mod check;

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

proptest! {
    #![proptest_config(ProptestConfig::with_cases(500))]

    #[test]
    fn layout_hit_testing_and_geometry_stay_on_cluster_boundaries(
        text in text_strategy(),
        width in 60.0f32..700.0,
        points in prop::collection::vec((-50.0f32..800.0, -20.0f32..600.0), 12),
        picks in prop::collection::vec((any::<usize>(), any::<usize>()), 6),
    ) {
        check::check_layout(&mut fonts::font_system(false), &text, width, &points, &picks).map_err(TestCaseError::fail)?;
    }

    #[test]
    fn any_unicode_text_lays_out_on_cluster_boundaries(
        text in prop::collection::vec(any::<char>(), 0..40).prop_map(String::from_iter),
        width in 60.0f32..700.0,
        points in prop::collection::vec((-50.0f32..800.0, -20.0f32..600.0), 12),
        picks in prop::collection::vec((any::<usize>(), any::<usize>()), 6),
    ) {
        check::check_layout(&mut fonts::font_system(false), &text, width, &points, &picks).map_err(TestCaseError::fail)?;
    }
}
