//! Splitting a text into paragraphs, the unit that bidi and wrapping work on.
//!
//! A text breaks into paragraphs at every character Unicode makes a paragraph or
//! mandatory line break: LF, CR, CRLF (one break), NEL (U+0085), the information
//! separators U+001C–U+001E, the line and paragraph separators U+2028/U+2029, and the
//! vertical tab and form feed. We split at all of them ourselves, before any text reaches
//! cosmic-text: 0.19 asserts when one of its lines holds two bidi paragraphs of different
//! directions (upstream issue #291), and each paragraph getting its own base direction is
//! also what a reader of the text expects. The break itself belongs to no paragraph, so
//! offsets stay exact: every code point is either in exactly one paragraph or in a break.

use std::ops::Range;

use crate::model::CharRange;

/// One paragraph of a text: what lies between line breaks, without the break itself.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Paragraph {
    /// Byte range of the paragraph's content in the whole text.
    pub bytes: Range<usize>,
    /// Code-point range of the paragraph's content in the whole text.
    pub chars: CharRange,
}

/// Whether `c` ends a paragraph (a CR directly before an LF ends it together with the LF).
///
/// These are the bidi class B characters (LF, CR, U+001C–U+001E, NEL, U+2029), which the
/// bidi algorithm treats as paragraph ends, and the other mandatory line breaks of UAX #14
/// (VT, FF, U+2028).
pub fn is_paragraph_break(c: char) -> bool {
    matches!(
        c,
        '\n' | '\r' | '\u{000B}' | '\u{000C}' | '\u{001C}'
            ..='\u{001E}' | '\u{0085}' | '\u{2028}' | '\u{2029}'
    )
}

/// Splits `text` at every paragraph break (see [`is_paragraph_break`]; CRLF is one break).
///
/// There is always at least one paragraph; a text ending in a break ends with an empty one.
pub fn split_paragraphs(text: &str) -> Vec<Paragraph> {
    let mut paragraphs = Vec::new();
    let (mut byte_start, mut char_start) = (0, 0);
    let mut chars = text.char_indices().enumerate().peekable();
    while let Some((char_index, (byte, c))) = chars.next() {
        if !is_paragraph_break(c) {
            continue;
        }
        paragraphs.push(Paragraph {
            bytes: byte_start..byte,
            chars: CharRange::between(char_start, char_index),
        });
        let mut break_end = (char_index + 1, byte + c.len_utf8());
        if c == '\r' && chars.next_if(|(_, (_, next))| *next == '\n').is_some() {
            break_end = (char_index + 2, byte + 2);
        }
        (char_start, byte_start) = break_end;
    }
    let char_end = char_start + text[byte_start..].chars().count();
    paragraphs.push(Paragraph {
        bytes: byte_start..text.len(),
        chars: CharRange::between(char_start, char_end),
    });
    paragraphs
}

/// Byte range of the paragraph's content that holds byte `byte` (a break's first byte
/// counts as the end of the paragraph before it).
pub fn paragraph_bytes_around(text: &str, byte: usize) -> Range<usize> {
    let start = text[..byte]
        .char_indices()
        .rev()
        .find(|&(_, c)| is_paragraph_break(c))
        .map_or(0, |(i, c)| i + c.len_utf8());
    let end = text[byte..]
        .find(is_paragraph_break)
        .map_or(text.len(), |i| byte + i);
    start..end
}

/// Byte offset where the paragraph after the one holding `byte` starts, if there is one.
pub fn next_paragraph_start(text: &str, byte: usize) -> Option<usize> {
    let (at, c) = text[byte..]
        .char_indices()
        .find(|&(_, c)| is_paragraph_break(c))?;
    let after = byte + at + c.len_utf8();
    Some(if c == '\r' && text[after..].starts_with('\n') {
        after + 1
    } else {
        after
    })
}

/// `text` as one line: every paragraph break (CRLF as one) becomes a space.
pub fn single_line(text: &str) -> String {
    text.replace("\r\n", " ")
        .chars()
        .map(|c| if is_paragraph_break(c) { ' ' } else { c })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn contents(text: &str) -> Vec<&str> {
        split_paragraphs(text)
            .iter()
            .map(|p| &text[p.bytes.clone()])
            .collect()
    }

    #[test]
    fn crlf_and_lf_breaks_are_outside_paragraphs() {
        let text = "قال\r\nإن\n\nروسيا";
        let paragraphs = split_paragraphs(text);
        assert_eq!(contents(text), ["قال", "إن", "", "روسيا"]);
        let starts: Vec<usize> = paragraphs.iter().map(|p| p.chars.start()).collect();
        assert_eq!(starts, [0, 5, 8, 9]);
        assert_eq!(paragraphs[3].chars.end(), text.chars().count());
    }

    #[test]
    fn trailing_break_gives_an_empty_last_paragraph() {
        let paragraphs = split_paragraphs("نص\n");
        assert_eq!(paragraphs.len(), 2);
        assert!(paragraphs[1].chars.is_empty());
        assert_eq!(split_paragraphs("").len(), 1);
    }

    #[test]
    fn every_unicode_paragraph_and_line_separator_breaks() {
        // The texts of issue #13 that crashed cosmic-text 0.19, and every other break.
        assert_eq!(
            contents("مرحبا hello\u{2029}world عالم"),
            ["مرحبا hello", "world عالم"]
        );
        assert_eq!(contents("x\u{0085}مرحبا"), ["x", "مرحبا"]);
        assert_eq!(contents("a\rمرحبا\rb"), ["a", "مرحبا", "b"]);
        let all = "a\u{2028}b\u{000B}c\u{000C}d\u{001C}e\u{001D}f\u{001E}g\r\n\rh";
        assert_eq!(contents(all), ["a", "b", "c", "d", "e", "f", "g", "", "h"]);
    }

    #[test]
    fn paragraphs_and_breaks_tile_the_text_in_code_points() {
        let text = "قال\u{2029}Reuters\r\n\u{0085}٢٠٢٢\r";
        let paragraphs = split_paragraphs(text);
        let chars: Vec<char> = text.chars().collect();
        let mut at = 0;
        for p in &paragraphs {
            // Whatever lies between two paragraphs is one break (CRLF counts as one).
            let gap: String = chars[at..p.chars.start()].iter().collect();
            assert!(
                gap.is_empty() || gap == "\r\n" || gap.chars().count() == 1,
                "{gap:?}"
            );
            assert!(gap.chars().all(is_paragraph_break));
            let content: String = chars[p.chars.start()..p.chars.end()].iter().collect();
            assert_eq!(content, text[p.bytes.clone()]);
            at = p.chars.end();
        }
        assert_eq!(at, chars.len());
        assert_eq!(paragraphs.len(), 5);
    }

    #[test]
    fn paragraph_around_and_next_start_agree_with_the_split() {
        let text = "ab\u{2029}قال\r\nc";
        let paragraphs = split_paragraphs(text);
        for p in &paragraphs {
            for byte in p.bytes.clone().filter(|&b| text.is_char_boundary(b)) {
                assert_eq!(paragraph_bytes_around(text, byte), p.bytes);
            }
        }
        assert_eq!(
            next_paragraph_start(text, 0),
            Some(paragraphs[1].bytes.start)
        );
        assert_eq!(
            next_paragraph_start(text, 5),
            Some(paragraphs[2].bytes.start)
        );
        assert_eq!(next_paragraph_start(text, paragraphs[2].bytes.start), None);
        assert_eq!(single_line("a\r\nب\u{2029}c"), "a ب c");
    }
}
