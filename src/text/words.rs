//! Grapheme and word boundaries in code points, for caret movement and double-click.
//!
//! A word is a run of letters, harakat and digits (UAX #29 word segments that hold a
//! letter or digit); punctuation such as ، ؛ ؟ « » “ ” and spaces are not part of one.

use std::ops::Range;

use unicode_segmentation::{GraphemeCursor, UnicodeSegmentation};

use super::paragraphs::{next_paragraph_start, paragraph_bytes_around};

use crate::model::CharRange;
use crate::model::textindex::{byte_to_char, char_to_byte};

/// The grapheme boundary after code point `offset` (the text's end stays put).
pub fn next_grapheme(text: &str, offset: usize) -> usize {
    let Some(byte) = char_to_byte(text, offset) else {
        return offset;
    };
    let mut cursor = GraphemeCursor::new(byte, text.len(), true);
    match cursor.next_boundary(text, 0) {
        Ok(Some(next)) => offset + text[byte..next].chars().count(),
        _ => offset,
    }
}

/// The grapheme boundary before code point `offset` (the text's start stays put).
pub fn prev_grapheme(text: &str, offset: usize) -> usize {
    let Some(byte) = char_to_byte(text, offset) else {
        return offset;
    };
    let mut cursor = GraphemeCursor::new(byte, text.len(), true);
    match cursor.prev_boundary(text, 0) {
        Ok(Some(prev)) => offset - text[prev..byte].chars().count(),
        _ => offset,
    }
}

fn is_word(segment: &str) -> bool {
    segment.chars().any(char::is_alphanumeric)
}

/// Words of the paragraph around `offset`, as code-point ranges.
fn words_near(text: &str, offset: usize) -> Vec<CharRange> {
    let Some(byte) = char_to_byte(text, offset) else {
        return Vec::new();
    };
    let Range { start, end } = paragraph_bytes_around(text, byte);
    let base = byte_to_char(text, start);
    let mut at = base;
    let mut words = Vec::new();
    for segment in text[start..end].split_word_bounds() {
        let len = segment.chars().count();
        if is_word(segment) {
            words.push(CharRange::between(at, at + len));
        }
        at += len;
    }
    words
}

/// Whether `c` is a haraka or another Arabic mark drawn over or under a letter: tanwin,
/// short vowels, shadda, sukun, hamza marks, superscript alef, Quranic annotation marks.
pub fn is_haraka(c: char) -> bool {
    matches!(c, '\u{0610}'..='\u{061A}' | '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{06D6}'..='\u{06ED}')
}

/// Every word of `text` (separators and all), as code-point ranges in reading order.
pub fn words(text: &str) -> Vec<CharRange> {
    let mut at = 0;
    let mut words = Vec::new();
    for segment in text.split_word_bounds() {
        let len = segment.chars().count();
        if is_word(segment) {
            words.push(CharRange::between(at, at + len));
        }
        at += len;
    }
    words
}

/// The word at `offset` (the one it is inside, or that starts or ends there), for double-click.
///
/// `None` when the offset touches no word (between two spaces or punctuation marks).
pub fn word_at(text: &str, offset: usize) -> Option<CharRange> {
    let words = words_near(text, offset);
    words
        .iter()
        .find(|w| w.start() <= offset && offset < w.end())
        .or_else(|| words.iter().find(|w| w.end() == offset))
        .copied()
}

/// The last word that starts at or after `from` and ends at or before `to` (the last word
/// of a line), if any.
pub fn last_word_within(text: &str, from: usize, to: usize) -> Option<CharRange> {
    words_near(text, from)
        .into_iter()
        .rev()
        .find(|w| from <= w.start() && w.end() <= to)
}

/// The end of the word at or after `offset` (Ctrl+→ in logical order).
pub fn next_word_end(text: &str, offset: usize) -> usize {
    let mut from = offset;
    loop {
        if let Some(w) = words_near(text, from)
            .into_iter()
            .find(|w| w.end() > offset)
        {
            return w.end();
        }
        let next = next_grapheme(text, from);
        if next == from {
            return from;
        }
        // Go past the paragraph break to look in the next paragraph.
        from = match char_to_byte(text, from).and_then(|b| next_paragraph_start(text, b)) {
            Some(b) => byte_to_char(text, b),
            None => return byte_to_char(text, text.len()),
        };
    }
}

/// The start of the word at or before `offset` (Ctrl+← in logical order).
pub fn prev_word_start(text: &str, offset: usize) -> usize {
    let mut from = offset;
    loop {
        if let Some(w) = words_near(text, from)
            .into_iter()
            .rev()
            .find(|w| w.start() < offset)
        {
            return w.start();
        }
        let Some(byte) = char_to_byte(text, from) else {
            return 0;
        };
        // Go back over the paragraph break to look in the paragraph before.
        match paragraph_bytes_around(text, byte).start {
            0 => return 0,
            start => from = prev_grapheme(text, byte_to_char(text, start)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn word(text: &str, offset: usize) -> Option<String> {
        word_at(text, offset).map(|r| crate::model::textindex::char_slice(text, r).to_owned())
    }

    #[test]
    fn arabic_words_keep_harakat_and_drop_punctuation() {
        let text = "قال «الكرملين»، إنّ مُحَمَّدًا؟ وصل في 21 أيلول/سبتمبر";
        assert_eq!(word(text, 6).as_deref(), Some("الكرملين"));
        // The offset right after the word still selects it, not the « or ، around it.
        assert_eq!(word(text, 13).as_deref(), Some("الكرملين"));
        assert_eq!(word(text, 17).as_deref(), Some("إنّ"));
        assert_eq!(word(text, 22).as_deref(), Some("مُحَمَّدًا"));
        assert_eq!(word(text, 39).as_deref(), Some("21"));
        assert_eq!(word(text, 43).as_deref(), Some("أيلول"));
        assert_eq!(
            word(text, 48).as_deref(),
            Some("سبتمبر"),
            "the slash splits the two month names"
        );
        assert_eq!(word("« »", 1), None);
    }

    #[test]
    fn tatweel_and_zwnj_stay_inside_words() {
        assert_eq!(word("كـــتاب جديد", 2).as_deref(), Some("كـــتاب"));
        assert_eq!(
            word("می\u{200c}خواهم", 1).as_deref(),
            Some("می\u{200c}خواهم")
        );
    }

    #[test]
    fn grapheme_steps_skip_marks_but_split_lam_alef() {
        let text = "بِسْمِ لأ";
        let mut stops = vec![0];
        while let Some(&last) = stops.last() {
            let next = next_grapheme(text, last);
            if next == last {
                break;
            }
            stops.push(next);
        }
        assert_eq!(stops, [0, 2, 4, 6, 7, 8, 9]);
        let mut back = vec![9];
        while let Some(&last) = back.last() {
            let prev = prev_grapheme(text, last);
            if prev == last {
                break;
            }
            back.push(prev);
        }
        back.reverse();
        assert_eq!(back, stops);
    }

    #[test]
    fn word_jumps_cross_punctuation_and_paragraphs() {
        let text = "قال، «نعم»\nثم عاد";
        assert_eq!(next_word_end(text, 0), 3);
        assert_eq!(next_word_end(text, 3), 9);
        assert_eq!(next_word_end(text, 9), 13, "into the next paragraph");
        assert_eq!(next_word_end(text, 13), 17);
        assert_eq!(prev_word_start(text, 17), 14);
        assert_eq!(prev_word_start(text, 14), 11);
        assert_eq!(prev_word_start(text, 11), 6);
        assert_eq!(prev_word_start(text, 6), 0);
    }

    #[test]
    fn every_paragraph_break_ends_words_and_word_jumps_cross_it() {
        // "قال" U+2029 "Reuters" CRLF "إن" NEL "a": breaks of one and two code points.
        let text = "قال\u{2029}Reuters\r\nإن\u{0085}a";
        assert_eq!(word(text, 1).as_deref(), Some("قال"));
        assert_eq!(word(text, 4).as_deref(), Some("Reuters"));
        assert_eq!(word(text, 13).as_deref(), Some("إن"));
        assert_eq!(word(text, 16).as_deref(), Some("a"));
        assert_eq!(next_word_end(text, 3), 11);
        assert_eq!(next_word_end(text, 11), 15);
        assert_eq!(next_word_end(text, 15), 17);
        assert_eq!(prev_word_start(text, 16), 13);
        assert_eq!(prev_word_start(text, 13), 4);
        assert_eq!(prev_word_start(text, 4), 0);
    }
}
