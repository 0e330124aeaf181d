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
    let mut out = Vec::with_capacity(sorted.len());
    let mut chars = text
        .char_indices()
        .map(|(b, _)| b)
        .chain(std::iter::once(text.len()));
    let mut current_char = 0usize;
    let mut current_byte = chars.next();
    for &wanted in sorted {
        while current_char < wanted && current_byte.is_some() {
            current_byte = chars.next();
            current_char += 1;
        }
        out.push(if current_char == wanted {
            current_byte
        } else {
            None
        });
    }
    out
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
}
