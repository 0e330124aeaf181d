//! The tokeniser against its first implementation, kept here as the reference.
//!
//! `taliq::tokenize` classifies code points from a table and meets grapheme clusters only where
//! marks or joiners occur; the reference in `tokenize_reference/reference.rs` (the tokeniser as
//! it was before that) walks every extended grapheme cluster of `unicode-segmentation` and asks
//! `char::is_alphabetic` and friends about each. Both must give the same tokens on any text.

use proptest::prelude::*;
use taliq::model::CharRange;
use taliq::model::textindex::char_slice;
use taliq::tokenize::{
    Token, TokenKind, has_tokens, tokenize, tokenize_with_clitics, tokenize_with_clitics_located,
};

/// The tokeniser as it was, the definition the fast one must match.
#[path = "tokenize_reference/reference.rs"]
mod reference;

/// Pieces of hostile and ordinary text: Arabic letters with stacked harakat, tatweel,
/// proclitics, Latin, ASCII and Arabic-Indic digits with their separators, every punctuation
/// mark the tokeniser knows, joiners, emoji ZWJ sequences and skin tones, flags, combining marks
/// that may land after spaces, digits or punctuation, controls, line and paragraph separators,
/// bidi controls, presentation forms, Arabic number signs (grapheme prepends), Indic conjuncts
/// and Hangul jamo.
const PIECES: &[&str] = &[
    // Arabic letters, proclitics, alef forms, teh marbuta, alef maksura, Persian letters.
    "ب",
    "ل",
    "ا",
    "أ",
    "إ",
    "آ",
    "ة",
    "ى",
    "و",
    "ف",
    "ك",
    "ال",
    "لروسيا",
    "وأوكرانيا",
    "پ",
    "ی",
    "ٱ",
    // Harakat, stacked and alone, superscript alef, Quranic marks, tatweel.
    "\u{064E}",
    "\u{0651}",
    "\u{0651}\u{064E}",
    "\u{064B}",
    "\u{0652}",
    "\u{0670}",
    "\u{0610}",
    "\u{06D6}",
    "\u{0656}",
    "\u{065F}",
    "ـ",
    "ـــ",
    // Latin, accented Latin, a decomposed é, Greek, Cyrillic, Hebrew with a point.
    "a",
    "Z",
    "CIA",
    "é",
    "e\u{0301}",
    "ß",
    "Ω",
    "ж",
    "ש\u{05B8}",
    // Digits and the separators numbers keep.
    "1",
    "0",
    "٢",
    "٠",
    "۴",
    "²",
    "½",
    ".",
    ",",
    "/",
    ":",
    "\u{066B}",
    "\u{066C}",
    "،",
    // Other punctuation and symbols.
    "؛",
    "؟",
    "«",
    "»",
    "“",
    "”",
    "(",
    ")",
    "!",
    "?",
    "-",
    "\"",
    "'",
    "%",
    "٪",
    "$",
    "©",
    "‼",
    "…",
    "—",
    "۔",
    "\u{06DD}",
    "\u{0600}",
    // Joiners, emoji, ZWJ sequences, skin tones, flags and lone regional indicators.
    "\u{200C}",
    "\u{200D}",
    "😀",
    "👩\u{200D}💻",
    "👨\u{200D}👩\u{200D}👧",
    "👍\u{1F3FD}",
    "\u{1F1F8}\u{1F1E6}",
    "\u{1F1EA}",
    "\u{FE0F}",
    "#\u{FE0F}\u{20E3}",
    // White space, controls and separators.
    " ",
    " ",
    "\n",
    "\r",
    "\r\n",
    "\t",
    "\u{000B}",
    "\u{000C}",
    "\u{001C}",
    "\u{001E}",
    "\u{0001}",
    "\u{007F}",
    "\u{0085}",
    "\u{00A0}",
    "\u{2028}",
    "\u{2029}",
    "\u{3000}",
    "\u{200B}",
    // Bidi controls and marks.
    "\u{200E}",
    "\u{200F}",
    "\u{061C}",
    "\u{202A}",
    "\u{202B}",
    "\u{202C}",
    "\u{202D}",
    "\u{202E}",
    "\u{2066}",
    "\u{2067}",
    "\u{2068}",
    "\u{2069}",
    "\u{FEFF}",
    // Presentation forms: lam-alef, Allah, the salla ligature, an isolated beh.
    "ﻻ",
    "ﷲ",
    "ﷺ",
    "ﺏ",
    // Devanagari consonant + virama + consonant (conjunct), a spacing mark, Hangul jamo.
    "क",
    "\u{094D}",
    "ष",
    "\u{093F}",
    "\u{1100}",
    "\u{1161}",
    "\u{11A8}",
    "한",
];

fn arb_text() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(PIECES), 0..80).prop_map(|p| p.concat())
}

/// Word-internal boundaries are what clitic splitting is about, so most cuts fall near words.
fn arb_cuts() -> impl Strategy<Value = Vec<usize>> {
    prop::collection::vec(0usize..160, 0..12)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2_000))]

    #[test]
    fn fast_tokeniser_gives_the_reference_tokens(text in arb_text()) {
        prop_assert_eq!(tokenize(&text), reference::tokenize(&text), "{:?}", text);
    }

    #[test]
    fn clitic_splitting_gives_the_reference_tokens(text in arb_text(), cuts in arb_cuts()) {
        let expected = reference::tokenize_with_clitics(&text, &cuts);
        prop_assert_eq!(tokenize_with_clitics(&text, &cuts), expected.clone(), "{:?} cut at {:?}", text, cuts);
        let located = tokenize_with_clitics_located(&text, &cuts);
        prop_assert_eq!(located.len(), expected.len());
        for ((token, bytes), reference) in located.into_iter().zip(expected) {
            prop_assert_eq!(token, reference);
            prop_assert_eq!(&text[bytes], char_slice(&text, reference.range));
        }
    }

    #[test]
    fn has_tokens_says_whether_the_reference_finds_any(text in arb_text()) {
        prop_assert_eq!(has_tokens(&text), !reference::tokenize(&text).is_empty(), "{:?}", text);
    }
}

/// Every code point of the Basic Multilingual Plane and of the emoji and tag planes, in
/// contexts that stress both classification and clusters: after a letter, before a harakah,
/// between digits, after a line feed, before an emoji ZWJ sequence, doubled.
#[test]
fn every_code_point_in_context_gives_the_reference_tokens() {
    let planes = (0..0xD800_u32)
        .chain(0xE000..0x1_0000)
        .chain(0x1_F000..0x1_FB00)
        .chain(0xE_0000..0xE_0080);
    let mut compared = 0;
    for c in planes.filter_map(char::from_u32) {
        let text = format!(
            "ب{c}ب 1{c}2 {c}\u{064E}\u{0651}x\n{c}\u{200D}😀 {c}{c}a\u{0301}{c}\u{0301}\r{c}"
        );
        assert_eq!(
            tokenize(&text),
            reference::tokenize(&text),
            "U+{:04X} in {text:?}",
            c as u32
        );
        compared += 1;
    }
    assert!(compared > 60_000, "{compared}");
}

#[test]
fn hostile_texts_give_the_reference_tokens() {
    let long_word = "ب\u{0651}\u{064E}".repeat(5_000);
    let texts = [
        "",
        "مرحبا hello\u{2029}world عالم",
        "abc\u{2029}مرحبا",
        "x\u{0085}مرحبا",
        "a\rمرحبا\rb",
        "\u{064E}بدأ بحركة",
        " \u{064E} 1\u{064E}2 .\u{0651}",
        "رقم ١٬٠٠٠٫٥ و1,000.5 و10:30 و24/2 و1، 2",
        "\u{202B}عربي\u{202C} \u{2067}مرحبا\u{2069} \u{200F}!",
        "👨\u{200D}👩\u{200D}👧 \u{1F1F8}\u{1F1E6}\u{1F1EA} ﻻ ﷲ ﷺ",
        &long_word,
    ];
    for text in texts {
        assert_eq!(tokenize(text), reference::tokenize(text), "{text:?}");
        let cuts: Vec<usize> = (0..text.chars().count() + 2).step_by(3).collect();
        assert_eq!(
            tokenize_with_clitics(text, &cuts),
            reference::tokenize_with_clitics(text, &cuts),
            "{text:?}"
        );
    }
}

/// A check that the comparison can fail: the reference sees a harakah after a line feed as a
/// word of its own (the line feed ends every cluster), so a tokeniser that glued marks to the
/// letter before the break would differ.
#[test]
fn mark_after_a_line_break_is_a_word_of_its_own() {
    let text = "ب\n\u{064E}";
    let expected = [
        Token {
            range: CharRange::between(0, 1),
            kind: TokenKind::Word,
        },
        Token {
            range: CharRange::between(2, 3),
            kind: TokenKind::Word,
        },
    ];
    assert_eq!(reference::tokenize(text), expected);
    assert_eq!(tokenize(text), expected);
}
