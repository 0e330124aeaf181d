//! Selections over a document's text (anchor and head in code points) and how they snap.
//!
//! Pure functions of the text: the GUI turns mouse and keys into selections, these
//! decide what range a label lands on.

use crate::model::CharRange;
use crate::model::textindex::{char_len, char_slice, char_to_byte, is_grapheme_boundary};
use crate::text::words::{next_grapheme, prev_grapheme, word_at};
use crate::tokenize::is_proclitic_prefix;

/// A selection: where it was started (anchor) and where the caret is now (head).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Selection {
    /// Where the selection started.
    pub anchor: usize,
    /// Where the caret is.
    pub head: usize,
}

impl Selection {
    /// A caret with nothing selected.
    pub fn caret(at: usize) -> Self {
        Self {
            anchor: at,
            head: at,
        }
    }

    /// The selection from `anchor` to `head`.
    pub fn new(anchor: usize, head: usize) -> Self {
        Self { anchor, head }
    }

    /// The selected range, in logical order.
    pub fn range(self) -> CharRange {
        CharRange::between(self.anchor, self.head)
    }

    /// Whether nothing is selected.
    pub fn is_empty(self) -> bool {
        self.anchor == self.head
    }
}

/// How a selection becomes a span's range.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SnapOptions {
    /// Widen to whole words (a start right after one-letter proclitics, as in لروسيا, stays).
    pub words: bool,
    /// Drop spaces and punctuation at both ends.
    pub trim: bool,
}

impl Default for SnapOptions {
    fn default() -> Self {
        Self {
            words: true,
            trim: true,
        }
    }
}

/// The offset to snap a selection's start to inside a word: the word's start, or just after
/// one-letter proclitics (و ف ب ل ك) at its start, whichever is the last one not after `offset`.
///
/// The article ال stays with its word, as entity names usually keep it (الكرملين); turn
/// snapping off to leave it out.
fn word_start_for(text: &str, word: CharRange, offset: usize) -> usize {
    (word.start() + 1..=offset)
        .rev()
        .find(|&p| {
            let prefix = char_slice(text, CharRange::between(word.start(), p));
            is_proclitic_prefix(prefix) && !prefix.ends_with("ال")
        })
        .unwrap_or(word.start())
}

fn is_space_or_punct(grapheme: &str) -> bool {
    !grapheme
        .chars()
        .next()
        .is_some_and(|c| c.is_alphanumeric() || c == '\u{0640}')
}

/// The range a selection stands for under `options`; `None` when nothing is left.
///
/// Edges are always grapheme boundaries: an edge inside a cluster moves out of it first.
pub fn snap(text: &str, selection: Selection, options: SnapOptions) -> Option<CharRange> {
    let len = char_len(text);
    let on_boundary =
        |o: usize| char_to_byte(text, o).is_some_and(|b| is_grapheme_boundary(text, b));
    let range = selection.range();
    let (mut start, mut end) = (range.start().min(len), range.end().min(len));
    if !on_boundary(start) {
        start = prev_grapheme(text, start);
    }
    if !on_boundary(end) {
        end = next_grapheme(text, end);
    }
    if options.trim {
        while start < end
            && is_space_or_punct(char_slice(
                text,
                CharRange::between(start, next_grapheme(text, start)),
            ))
        {
            start = next_grapheme(text, start);
        }
        while start < end
            && is_space_or_punct(char_slice(
                text,
                CharRange::between(prev_grapheme(text, end), end),
            ))
        {
            end = prev_grapheme(text, end);
        }
    }
    if start >= end {
        return None;
    }
    if options.words {
        if let Some(word) = word_at(text, start).filter(|w| w.start() <= start && start < w.end()) {
            start = word_start_for(text, word, start);
        }
        if let Some(word) = word_at(text, end - 1).filter(|w| w.start() < end && end <= w.end()) {
            end = word.end();
        }
    }
    Some(CharRange::between(start, end))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn snapped(text: &str, a: usize, b: usize, options: SnapOptions) -> Option<String> {
        snap(text, Selection::new(a, b), options).map(|r| char_slice(text, r).to_owned())
    }

    const TEXT: &str = "أكد “الكرملين”، مساء الإثنين، زيارة لروسيا وأوكرانيا";

    #[test]
    fn word_snapping_widens_to_whole_words_either_direction() {
        let on = SnapOptions::default();
        // The article stays with its word even when the drag starts right after it.
        assert_eq!(snapped(TEXT, 7, 9, on).as_deref(), Some("الكرملين"));
        // From inside "الكرملين" to inside "مساء", dragged right to left (head before anchor).
        assert_eq!(snapped(TEXT, 18, 7, on).as_deref(), Some("الكرملين”، مساء"));
        assert_eq!(snapped(TEXT, 6, 8, on).as_deref(), Some("الكرملين"));
    }

    #[test]
    fn trimming_drops_quotes_and_commas_at_the_edges() {
        let trim_only = SnapOptions {
            words: false,
            trim: true,
        };
        assert_eq!(snapped(TEXT, 4, 16, trim_only).as_deref(), Some("الكرملين"));
        let neither = SnapOptions {
            words: false,
            trim: false,
        };
        assert_eq!(
            snapped(TEXT, 4, 15, neither).as_deref(),
            Some("“الكرملين”،")
        );
        assert_eq!(
            snapped(TEXT, 13, 16, trim_only),
            None,
            "only punctuation and a space"
        );
    }

    #[test]
    fn a_start_after_proclitics_survives_word_snapping() {
        let on = SnapOptions::default();
        // روسيا inside لروسيا: the ل stays out.
        let lam = TEXT.chars().position(|c| c == 'ل').unwrap();
        let start = TEXT[..TEXT.find("لروسيا").unwrap()].chars().count() + 1;
        assert!(lam < start);
        assert_eq!(
            snapped(TEXT, start + 1, start + 3, on).as_deref(),
            Some("روسيا")
        );
        // أوكرانيا inside وأوكرانيا, selected from its middle.
        let waw = TEXT[..TEXT.find("وأوكرانيا").unwrap()].chars().count();
        assert_eq!(
            snapped(TEXT, waw + 3, waw + 5, on).as_deref(),
            Some("أوكرانيا")
        );
        // Starting on the conjunction itself selects the whole word.
        assert_eq!(
            snapped(TEXT, waw, waw + 2, on).as_deref(),
            Some("وأوكرانيا")
        );
    }

    #[test]
    fn edges_inside_a_cluster_move_out_of_it() {
        let text = "مُحَمَّد";
        let off = SnapOptions {
            words: false,
            trim: false,
        };
        assert_eq!(snapped(text, 1, 5, off).as_deref(), Some("مُحَمَّ"));
    }
}
