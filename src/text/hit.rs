//! Hit-testing and selection geometry: points to offsets, offsets to carets, ranges to
//! rectangles, and caret movement in visual order.
//!
//! Everything works on the grapheme boxes of [`VisualLine`]s, so results are always
//! grapheme-cluster boundaries, and a lam-alef drawn as two glyphs (or split evenly when
//! a font draws it as one) has a boundary between lam and alef.

use cosmic_text::FontSystem;

use super::layout::{GraphemeBox, Rect, TextLayout, VisualLine};
use super::words::{last_word_within, next_grapheme, prev_grapheme, word_at};
use crate::model::CharRange;

/// Where a caret is drawn for an offset.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Caret {
    /// Horizontal position.
    pub x: f32,
    /// Top of the caret's line.
    pub y0: f32,
    /// Bottom of the caret's line.
    pub y1: f32,
    /// +1 when the grapheme that places the caret lies to its right, -1 to its left, 0 for none.
    pub inward: f32,
}

/// A direction on screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Side {
    /// Towards the left edge.
    Left,
    /// Towards the right edge.
    Right,
}

/// A caret that remembers its visual slot, so that moving left or right through a
/// direction change goes on visually (an offset alone can stand at two places on a mixed line).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct VisualCaret {
    /// The logical offset (code points).
    pub offset: usize,
    slot: Option<(usize, usize, usize)>,
}

impl VisualCaret {
    /// A caret at an offset, placed where [`TextLayout::caret`] draws it.
    pub fn at(offset: usize) -> Self {
        Self { offset, slot: None }
    }
}

/// The gap (between boxes `gap - 1` and `gap`) where a caret at `offset` is drawn, and which way is inward.
fn gap_of(line: &VisualLine, offset: usize, rtl_paragraph: bool) -> (usize, f32) {
    let boxes = &line.graphemes;
    if let Some(i) = boxes.iter().position(|b| b.chars.start() == offset) {
        return if boxes[i].rtl {
            (i + 1, -1.0)
        } else {
            (i, 1.0)
        };
    }
    if let Some(i) = boxes.iter().position(|b| b.chars.end() == offset) {
        return if boxes[i].rtl {
            (i, 1.0)
        } else {
            (i + 1, -1.0)
        };
    }
    // No box touches the offset (an empty line): the paragraph's start side.
    if rtl_paragraph {
        (boxes.len(), 0.0)
    } else {
        (0, 0.0)
    }
}

fn gap_x(boxes: &[GraphemeBox], gap: usize, rtl_paragraph: bool, width: f32) -> f32 {
    match (
        boxes.get(gap),
        gap.checked_sub(1).and_then(|i| boxes.get(i)),
    ) {
        (Some(b), _) => b.x0,
        (None, Some(b)) => b.x1,
        (None, None) => {
            if rtl_paragraph {
                width
            } else {
                0.0
            }
        }
    }
}

impl TextLayout {
    /// The code point offset nearest to point `(x, y)`: always a grapheme-cluster boundary,
    /// and always one drawn on the line at `y`.
    pub fn hit(&mut self, font_system: &mut FontSystem, x: f32, y: f32) -> usize {
        let (paragraph, line_index) = self.line_at(font_system, y);
        let layout = self.paragraph(font_system, paragraph);
        let wrapped = line_index + 1 < layout.lines.len();
        let line = &layout.lines[line_index];
        let boxes = &line.graphemes;
        let Some(first) = boxes.first() else {
            return line.chars.start();
        };
        let offset = if x < first.x0 {
            first.left_offset()
        } else {
            match boxes.iter().find(|b| x < b.x1) {
                Some(b) if x < f32::midpoint(b.x0, b.x1) => b.left_offset(),
                Some(b) => b.right_offset(),
                None => boxes
                    .last()
                    .map_or(line.chars.end(), GraphemeBox::right_offset),
            }
        };
        // A wrapped line's end is the next line's start, where the caret is drawn and a
        // double-click finds the next line's first word: past its end (left of a wrapped
        // Arabic line) the hit stays before its last grapheme, the space it wrapped at.
        let chars = line.chars;
        if wrapped && offset >= chars.end() {
            return prev_grapheme(self.text(), chars.end()).max(chars.start());
        }
        offset
    }

    /// The word a double-click at `(x, y)` selects: the one at the hit, or, in the empty
    /// space past a line's logical end (left of an Arabic line), the line's last word;
    /// `None` on a space or punctuation inside a line.
    pub fn word_hit(&mut self, font_system: &mut FontSystem, x: f32, y: f32) -> Option<CharRange> {
        let offset = self.hit(font_system, x, y);
        let (paragraph, line_index) = self.line_at(font_system, y);
        let layout = self.paragraph(font_system, paragraph);
        let rtl = layout.rtl;
        let line = &layout.lines[line_index];
        let chars = line.chars;
        let past_end = line
            .extent()
            .is_some_and(|(left, right)| if rtl { x < left } else { x > right });
        let text = self.text();
        if past_end {
            return last_word_within(text, chars.start(), chars.end());
        }
        word_at(text, offset)
    }

    /// The logical start (`end` false) or end of the visual line showing `offset` (Home and
    /// End): in a right-to-left paragraph the start is at the line's right. A wrapped
    /// line's end is before the space it wrapped at, which is drawn on that line (its own
    /// end is the next line's start).
    pub fn line_edge(&mut self, font_system: &mut FontSystem, offset: usize, end: bool) -> usize {
        let (p, l) = self.line_of(font_system, offset);
        let layout = self.paragraph(font_system, p);
        let wrapped = l + 1 < layout.lines.len();
        let chars = layout.lines[l].chars;
        if !end {
            return chars.start();
        }
        if wrapped {
            prev_grapheme(self.text(), chars.end()).max(chars.start())
        } else {
            chars.end()
        }
    }

    /// Where the caret for `offset` is drawn: at the leading edge of the grapheme that
    /// starts there, or at the trailing edge of the one that ends there at a line's end.
    pub fn caret(&mut self, font_system: &mut FontSystem, offset: usize) -> Caret {
        let (p, l) = self.line_of(font_system, offset);
        let top = self.paragraph_top(p);
        let width = self.config().width;
        let height = self.config().line_height;
        let paragraph = self.paragraph(font_system, p);
        let line = &paragraph.lines[l];
        let (gap, inward) = gap_of(line, offset, paragraph.rtl);
        let x = gap_x(&line.graphemes, gap, paragraph.rtl, width);
        let y0 = top + line.top;
        Caret {
            x,
            y0,
            y1: y0 + height,
            inward,
        }
    }

    /// Rectangles covering a range on screen, line by line; a range across a direction
    /// change gives several disjoint rectangles on one line, as browsers draw selections.
    pub fn range_rects(&mut self, font_system: &mut FontSystem, range: CharRange) -> Vec<Rect> {
        let mut rects = Vec::new();
        if range.is_empty() {
            return rects;
        }
        let first = self.paragraph_of(range.start());
        let last = self.paragraph_of(range.end());
        let height = self.config().line_height;
        for p in first..=last {
            let top = self.paragraph_top(p);
            let paragraph = self.paragraph(font_system, p);
            for line in paragraph
                .lines
                .iter()
                .filter(|l| l.chars.overlaps(range) || l.chars == range)
            {
                let y0 = top + line.top;
                let mut current: Option<Rect> = None;
                for b in line.graphemes.iter().filter(|b| b.chars.overlaps(range)) {
                    match &mut current {
                        Some(r) if (b.x0 - r.x1).abs() < 0.5 => r.x1 = b.x1,
                        _ => {
                            rects.extend(current.take());
                            current = Some(Rect {
                                x0: b.x0,
                                y0,
                                x1: b.x1,
                                y1: y0 + height,
                            });
                        }
                    }
                }
                rects.extend(current);
            }
        }
        rects
    }

    /// Moves a caret one grapheme left or right on screen; past a line's edge it moves on
    /// logically (to the next or previous line).
    pub fn move_visually(
        &mut self,
        font_system: &mut FontSystem,
        caret: VisualCaret,
        side: Side,
    ) -> VisualCaret {
        let (p, l) = self.line_of(font_system, caret.offset);
        let paragraph = self.paragraph(font_system, p);
        let line = &paragraph.lines[l];
        let gap = match caret.slot {
            Some((sp, sl, gap)) if (sp, sl) == (p, l) && gap <= line.graphemes.len() => gap,
            _ => gap_of(line, caret.offset, paragraph.rtl).0,
        };
        let boxes = &line.graphemes;
        match side {
            Side::Left if gap > 0 => VisualCaret {
                offset: boxes[gap - 1].left_offset(),
                slot: Some((p, l, gap - 1)),
            },
            Side::Right if gap < boxes.len() => VisualCaret {
                offset: boxes[gap].right_offset(),
                slot: Some((p, l, gap + 1)),
            },
            _ => {
                let forward = (side == Side::Left) == paragraph.rtl;
                let text = self.text();
                let offset = if forward {
                    next_grapheme(text, caret.offset)
                } else {
                    prev_grapheme(text, caret.offset)
                };
                VisualCaret::at(offset)
            }
        }
    }

    /// Horizontal position of a visual caret (its slot when it has one).
    pub fn visual_caret_x(&mut self, font_system: &mut FontSystem, caret: VisualCaret) -> f32 {
        let (p, l) = self.line_of(font_system, caret.offset);
        match caret.slot {
            Some((sp, sl, gap)) if (sp, sl) == (p, l) => {
                let width = self.config().width;
                let paragraph = self.paragraph(font_system, p);
                gap_x(&paragraph.lines[l].graphemes, gap, paragraph.rtl, width)
            }
            _ => self.caret(font_system, caret.offset).x,
        }
    }
}
