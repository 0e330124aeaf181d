//! The field's text edits, apart from any drawing: a selection (anchor and head, in code
//! points, always on grapheme-cluster boundaries), typing, deleting, pasting and undo.
//!
//! Visual caret movement needs the layout and lives in the widget; everything here is logical.

use unicode_segmentation::UnicodeSegmentation;

use crate::model::CharRange;
use crate::text::paragraphs::is_paragraph_break;
use crate::text::words::{next_grapheme, next_word_end, prev_grapheme, prev_word_start};

/// Undo steps a field keeps.
const UNDO_LIMIT: usize = 100;

/// The text and selection before an edit, which undo brings back.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Snapshot {
    text: String,
    anchor: usize,
    head: usize,
}

/// What the last edit was, so that a run of typed letters is undone as one step.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum EditKind {
    Typing,
    Deleting,
    Other,
}

/// A single-line field's selection and undo history over a text the caller owns.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FieldEdit {
    /// Where the selection started (code points).
    anchor: usize,
    /// Where the caret is (code points).
    head: usize,
    undo: Vec<Snapshot>,
    redo: Vec<Snapshot>,
    last: Option<EditKind>,
}

/// `text` fit for one line: line and paragraph separators and other control characters
/// removed, tabs turned into spaces (bidi controls and joiners, which are format characters,
/// stay).
pub fn one_line(text: &str) -> String {
    text.chars()
        .filter_map(|c| match c {
            '\t' => Some(' '),
            c if is_paragraph_break(c) || c.is_control() => None,
            c => Some(c),
        })
        .collect()
}

/// Byte index of code point `offset` in `text` (its length past the end).
fn byte_of(text: &str, offset: usize) -> usize {
    text.char_indices()
        .nth(offset)
        .map_or(text.len(), |(b, _)| b)
}

/// The grapheme boundary at or before `offset`, within `text`.
fn snap(text: &str, offset: usize) -> usize {
    let mut at = 0;
    for cluster in text.graphemes(true) {
        let next = at + cluster.chars().count();
        if next > offset {
            return at;
        }
        at = next;
    }
    at
}

impl FieldEdit {
    /// The caret's offset.
    pub fn head(&self) -> usize {
        self.head
    }

    /// The selected range (empty at the caret).
    pub fn selection(&self) -> CharRange {
        CharRange::between(self.anchor, self.head)
    }

    /// The selected text.
    pub fn selected<'t>(&self, text: &'t str) -> &'t str {
        let range = self.selection();
        &text[byte_of(text, range.start())..byte_of(text, range.end())]
    }

    /// Keeps the selection inside `text` and on cluster boundaries after the caller changed
    /// the text behind the field's back.
    pub fn fit(&mut self, text: &str) {
        self.anchor = snap(text, self.anchor);
        self.head = snap(text, self.head);
    }

    /// Puts the caret at `offset` (snapped to a cluster boundary), extending the selection
    /// from its anchor when `extend`.
    pub fn set_caret(&mut self, text: &str, offset: usize, extend: bool) {
        self.head = snap(text, offset);
        if !extend {
            self.anchor = self.head;
        }
        self.last = None;
    }

    /// Selects `range` with the caret at its end.
    pub fn select(&mut self, text: &str, range: CharRange) {
        self.anchor = snap(text, range.start());
        self.head = snap(text, range.end());
        self.last = None;
    }

    /// Selects the whole text.
    pub fn select_all(&mut self, text: &str) {
        self.select(text, CharRange::between(0, text.chars().count()));
    }

    /// Moves the caret one cluster (or word) forward or back in reading order; without
    /// `extend`, a selection collapses to its end on that side instead.
    pub fn move_logically(&mut self, text: &str, forward: bool, word: bool, extend: bool) {
        let range = self.selection();
        if !extend && !range.is_empty() && !word {
            let to = if forward { range.end() } else { range.start() };
            self.set_caret(text, to, false);
            return;
        }
        let to = match (forward, word) {
            (true, false) => next_grapheme(text, self.head),
            (false, false) => prev_grapheme(text, self.head),
            (true, true) => next_word_end(text, self.head),
            (false, true) => prev_word_start(text, self.head),
        };
        self.set_caret(text, to, extend);
    }

    /// Moves the caret to the start or end of the text.
    pub fn move_to_edge(&mut self, text: &str, end: bool, extend: bool) {
        let to = if end { text.chars().count() } else { 0 };
        self.set_caret(text, to, extend);
    }

    /// Replaces the selection with `typed` made fit for one line (see [`one_line`]); returns
    /// whether the text changed.
    pub fn insert(&mut self, text: &mut String, typed: &str) -> bool {
        let clean = one_line(typed);
        if clean.is_empty() && self.selection().is_empty() {
            return false;
        }
        let kind = if clean.chars().count() == 1 && self.selection().is_empty() {
            EditKind::Typing
        } else {
            EditKind::Other
        };
        self.replace(text, self.selection(), &clean, kind);
        true
    }

    /// Deletes the selection, or the cluster (or word) before the caret; returns whether the
    /// text changed.
    pub fn backspace(&mut self, text: &mut String, word: bool) -> bool {
        let range = self.selection();
        let range = if range.is_empty() {
            let from = if word {
                prev_word_start(text, self.head)
            } else {
                prev_grapheme(text, self.head)
            };
            CharRange::between(from, self.head)
        } else {
            range
        };
        self.delete_range(text, range)
    }

    /// Deletes the selection, or the cluster (or word) after the caret; returns whether the
    /// text changed.
    pub fn delete_forward(&mut self, text: &mut String, word: bool) -> bool {
        let range = self.selection();
        let range = if range.is_empty() {
            let to = if word {
                next_word_end(text, self.head)
            } else {
                next_grapheme(text, self.head)
            };
            CharRange::between(self.head, to)
        } else {
            range
        };
        self.delete_range(text, range)
    }

    /// Removes the selection and returns its text (empty when nothing is selected).
    pub fn cut(&mut self, text: &mut String) -> String {
        let cut = self.selected(text).to_owned();
        if !cut.is_empty() {
            self.replace(text, self.selection(), "", EditKind::Other);
        }
        cut
    }

    fn delete_range(&mut self, text: &mut String, range: CharRange) -> bool {
        if range.is_empty() {
            return false;
        }
        self.replace(text, range, "", EditKind::Deleting);
        true
    }

    /// Replaces `range` with `with`, recording the old state for undo (a run of typing or
    /// of deleting is one step), and puts the caret after the new text.
    fn replace(&mut self, text: &mut String, range: CharRange, with: &str, kind: EditKind) {
        if kind == EditKind::Other || self.last != Some(kind) {
            self.undo.push(Snapshot {
                text: text.clone(),
                anchor: self.anchor,
                head: self.head,
            });
            if self.undo.len() > UNDO_LIMIT {
                self.undo.remove(0);
            }
        }
        self.redo.clear();
        let (a, b) = (byte_of(text, range.start()), byte_of(text, range.end()));
        text.replace_range(a..b, with);
        let caret = range.start() + with.chars().count();
        self.anchor = caret;
        self.head = caret;
        self.last = Some(kind);
    }

    /// Takes back the last edit; returns whether there was one.
    pub fn undo(&mut self, text: &mut String) -> bool {
        let Some(before) = self.undo.pop() else {
            return false;
        };
        let after = self.restore(text, before);
        self.redo.push(after);
        true
    }

    /// Does again the last edit undone; returns whether there was one.
    pub fn redo(&mut self, text: &mut String) -> bool {
        let Some(after) = self.redo.pop() else {
            return false;
        };
        let before = self.restore(text, after);
        self.undo.push(before);
        true
    }

    /// Sets text and selection from `to`, returning the state they replace.
    fn restore(&mut self, text: &mut String, to: Snapshot) -> Snapshot {
        let now = Snapshot {
            text: std::mem::replace(text, to.text),
            anchor: self.anchor,
            head: self.head,
        };
        self.anchor = to.anchor;
        self.head = to.head;
        self.last = None;
        self.fit(text);
        now
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn typed(text: &mut String, edit: &mut FieldEdit, s: &str) {
        for c in s.chars() {
            edit.insert(text, &c.to_string());
        }
    }

    #[test]
    fn typing_a_run_is_one_undo_step_and_redo_brings_it_back() {
        let mut text = String::new();
        let mut edit = FieldEdit::default();
        typed(&mut text, &mut edit, "روسيا");
        edit.insert(&mut text, " وأوكرانيا");
        assert_eq!(text, "روسيا وأوكرانيا");
        assert!(edit.undo(&mut text));
        assert_eq!(text, "روسيا");
        assert!(edit.undo(&mut text));
        assert_eq!(text, "");
        assert!(!edit.undo(&mut text));
        assert!(edit.redo(&mut text));
        assert!(edit.redo(&mut text));
        assert_eq!(text, "روسيا وأوكرانيا");
        assert_eq!(edit.head(), 15);
    }

    #[test]
    fn pasted_separators_and_controls_are_removed() {
        let mut text = "ab".to_owned();
        let mut edit = FieldEdit::default();
        edit.select_all(&text);
        edit.insert(
            &mut text,
            "مرحبا\u{2029}world\r\n\u{85}x\u{2028}\ty\u{200f}",
        );
        assert_eq!(text, "مرحباworldx y\u{200f}");
        assert_eq!(edit.head(), text.chars().count());
    }

    #[test]
    fn backspace_removes_a_whole_cluster_with_its_harakat() {
        // بَّ: beh with shadda and fatha is one cluster of three code points.
        let mut text = "رَبَّ".to_owned();
        let mut edit = FieldEdit::default();
        edit.move_to_edge(&text, true, false);
        assert!(edit.backspace(&mut text, false));
        assert_eq!(text, "رَ");
        assert_eq!(edit.head(), 2);
        assert!(edit.undo(&mut text));
        assert_eq!(text, "رَبَّ");
    }

    #[test]
    fn words_delete_and_move_by_word() {
        let mut text = "زار بوتين موسكو".to_owned();
        let mut edit = FieldEdit::default();
        edit.move_to_edge(&text, true, false);
        assert!(edit.backspace(&mut text, true));
        assert_eq!(text, "زار بوتين ");
        edit.move_to_edge(&text, false, false);
        edit.move_logically(&text, true, true, true);
        assert_eq!(edit.selected(&text), "زار");
        assert_eq!(edit.cut(&mut text), "زار");
        assert_eq!(text, " بوتين ");
        assert!(edit.delete_forward(&mut text, false));
        assert_eq!(text, "بوتين ");
    }

    #[test]
    fn the_caret_never_lands_inside_a_cluster() {
        let text = "👨‍👩‍👧 كَتَبَ";
        let mut edit = FieldEdit::default();
        edit.set_caret(text, 3, false);
        assert_eq!(edit.head(), 0, "inside the family emoji");
        edit.set_caret(text, 7, false);
        assert_eq!(edit.head(), 6, "between kaf and its fatha");
        edit.set_caret(text, 99, true);
        assert_eq!(edit.head(), text.chars().count());
        assert_eq!(edit.selection(), CharRange::between(6, 12));
    }

    #[test]
    fn a_selection_collapses_to_the_side_moved_to() {
        let text = "abc def";
        let mut edit = FieldEdit::default();
        edit.select(text, CharRange::between(2, 5));
        edit.move_logically(text, false, false, false);
        assert_eq!(edit.selection(), CharRange::between(2, 2));
        edit.select(text, CharRange::between(2, 5));
        edit.move_logically(text, true, false, false);
        assert_eq!(edit.selection(), CharRange::between(5, 5));
    }

    #[test]
    fn text_changed_outside_is_fitted() {
        let mut edit = FieldEdit::default();
        edit.select_all("a long text");
        edit.fit("ab");
        assert_eq!(edit.selection(), CharRange::between(0, 2));
    }
}
