//! Conversions between code-point offsets and byte offsets, and grapheme-cluster checks.
//!
//! Rust strings index bytes; the corpus stores code points. Every conversion goes
//! through here so that the two are never mixed by accident.

use unicode_segmentation::GraphemeCursor;

/// Number of code points in `text`.
pub fn char_len(text: &str) -> usize {
    text.chars().count()
}

/// Byte offset of code point `index` in `text`, or `None` past the end.
///
/// `index == char_len(text)` maps to `text.len()`.
pub fn char_to_byte(text: &str, index: usize) -> Option<usize> {
    if index == 0 {
        return Some(0);
    }
    match text.char_indices().nth(index) {
        Some((byte, _)) => Some(byte),
        None => (char_len(text) == index).then_some(text.len()),
    }
}

/// The text a code-point range covers (Python's `text[start:end]`); empty past the end.
pub fn char_slice(text: &str, range: crate::model::CharRange) -> &str {
    let bytes = chars_to_bytes_sorted(text, &[range.start(), range.end()]);
    match (bytes[0], bytes[1]) {
        (Some(a), Some(b)) => &text[a..b],
        (Some(a), None) => &text[a..],
        _ => "",
    }
}

/// Code-point offset of byte offset `byte`, which must be on a char boundary.
pub fn byte_to_char(text: &str, byte: usize) -> usize {
    char_len(&text[..byte])
}

/// Maps many code-point offsets to byte offsets in one pass over `text`.
///
/// `sorted` must be ascending; the result has one entry per input, `None` for an
/// offset past the end of the text.
pub fn chars_to_bytes_sorted(text: &str, sorted: &[usize]) -> Vec<Option<usize>> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(sorted.len());
    // Invariant: `chars` code points start in `bytes[..at]`.
    let (mut at, mut chars) = (0usize, 0usize);
    for &wanted in sorted {
        // Whole 8-byte words first: when every code point starting in one comes before the
        // wanted one, it is skipped at once (Arabic letters are two bytes each).
        while let Some(word) = bytes.get(at..at + 8) {
            let starts = code_point_starts(word);
            if chars + starts > wanted {
                break;
            }
            chars += starts;
            at += 8;
        }
        loop {
            match bytes.get(at) {
                Some(&b) if !is_continuation(b) => {
                    if chars == wanted {
                        break;
                    }
                    chars += 1;
                }
                Some(_) => {}
                None => break,
            }
            at += 1;
        }
        out.push((chars == wanted).then_some(at));
    }
    out
}

/// Whether `b` continues a UTF-8 sequence (`10xxxxxx`) rather than starting a code point.
fn is_continuation(b: u8) -> bool {
    b & 0xC0 == 0x80
}

/// How many code points start in an 8-byte piece of UTF-8.
fn code_point_starts(word: &[u8]) -> usize {
    let mut eight = [0u8; 8];
    eight.copy_from_slice(word);
    let w = u64::from_le_bytes(eight);
    // A continuation byte has bit 7 set and bit 6 clear.
    let continuations = (w >> 7) & !(w >> 6) & 0x0101_0101_0101_0101;
    8 - continuations.count_ones() as usize
}

/// 1-based line and character column of the byte just after `prefix`.
///
/// `prefix` is a file's bytes up to a point of interest (an error); it may end in the
/// middle of a character, which is then not counted.
pub fn line_and_column(prefix: &[u8]) -> (usize, usize) {
    let line_start = prefix
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |i| i + 1);
    let line = 1 + prefix.iter().filter(|&&b| b == b'\n').count();
    let column = 1 + String::from_utf8_lossy(&prefix[line_start..])
        .chars()
        .count();
    (line, column)
}

/// Whether byte offset `byte` of `text` lies between two grapheme clusters (extended, UAX #29).
///
/// A harakah belongs to the letter before it, so the offset between them is not a boundary;
/// the offset between lam and alef of a lam-alef is one.
pub fn is_grapheme_boundary(text: &str, byte: usize) -> bool {
    if !text.is_char_boundary(byte) {
        return false;
    }
    let mut cursor = GraphemeCursor::new(byte, text.len(), true);
    cursor.is_boundary(text, 0).unwrap_or(false)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn char_and_byte_offsets_agree_on_arabic_and_emoji() {
        let text = "قال 😀 روسيا";
        assert_eq!(char_len(text), 11);
        let byte = char_to_byte(text, 6).unwrap();
        assert_eq!(&text[byte..], "روسيا");
        assert_eq!(byte_to_char(text, byte), 6);
        assert_eq!(char_to_byte(text, 11), Some(text.len()));
        assert_eq!(char_to_byte(text, 12), None);
    }

    #[test]
    fn sorted_conversion_matches_single_conversion() {
        let text = "بِسْمِ اللَّهِ abc 12";
        let n = char_len(text);
        let wanted: Vec<usize> = (0..=n + 2).collect();
        let got = chars_to_bytes_sorted(text, &wanted);
        for (i, g) in wanted.iter().zip(got) {
            assert_eq!(g, char_to_byte(text, *i), "offset {i}");
        }
    }

    #[test]
    fn harakah_is_not_a_boundary_but_lam_alef_is() {
        // بِ = beh + kasra: the kasra cannot be cut from its letter.
        let text = "بِسْمِ";
        assert!(!is_grapheme_boundary(text, char_to_byte(text, 1).unwrap()));
        assert!(is_grapheme_boundary(text, char_to_byte(text, 2).unwrap()));
        // لأوكرانيا: the entity starts between lam and alef.
        let text = "لأوكرانيا";
        assert!(is_grapheme_boundary(text, char_to_byte(text, 1).unwrap()));
    }

    #[test]
    fn sorted_conversion_agrees_with_char_indices_on_every_offset() {
        // Arabic (2 bytes), harakat, Latin (1), CJK and symbols (3), emoji (4), at every
        // alignment to the 8-byte words the fast path skips.
        for text in [
            "",
            "a",
            "قال الكرملين إنّ 😀 روسيا",
            "\u{2029}ab\r\nمُحَمَّدٌ 中文 🇸🇦👩\u{200d}👩 ﻻ ٢٠٢٢ Reuters",
            "😀😀😀😀😀😀😀😀😀ب",
        ] {
            for skip in 0..4 {
                let text: String = text.chars().skip(skip).collect();
                let mut expected: Vec<Option<usize>> =
                    text.char_indices().map(|(b, _)| Some(b)).collect();
                expected.push(Some(text.len()));
                let n = expected.len();
                expected.extend([None, None]);
                let wanted: Vec<usize> = (0..n + 2).collect();
                assert_eq!(chars_to_bytes_sorted(&text, &wanted), expected, "{text:?}");
                for step in 2..5 {
                    let some: Vec<usize> = (0..n + 2).step_by(step).collect();
                    let got = chars_to_bytes_sorted(&text, &some);
                    let want: Vec<Option<usize>> = some.iter().map(|&i| expected[i]).collect();
                    assert_eq!(got, want, "{text:?} every {step}");
                }
            }
        }
        // Repeated offsets are fine, as the edges of adjacent spans are.
        assert_eq!(
            chars_to_bytes_sorted("ab", &[1, 1, 2, 2]),
            [Some(1), Some(1), Some(2), Some(2)]
        );
    }
}
