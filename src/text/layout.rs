//! Laying a document's text out in lines of positioned glyphs, paragraph by paragraph, lazily.
//!
//! Each paragraph is shaped and wrapped by cosmic-text (harfrust shaping, Unicode bidi,
//! UAX #14 line breaks) only when something asks for it, so a long article costs only
//! what is on screen. Every visual line also gets its grapheme clusters as boxes in
//! visual order, which hit-testing and selection geometry work on.

use std::ops::Range;

use cosmic_text::{
    Attrs, AttrsList, BufferLine, Ellipsize, Family, FontSystem, Hinting, LayoutGlyph, LineEnding,
    Shaping, Wrap,
};
use unicode_segmentation::UnicodeSegmentation;

use super::fonts::ARABIC_FAMILY;
use super::overflow::fit_line;
use super::paragraphs::{Paragraph, split_paragraphs};
use crate::model::CharRange;

/// Line height as a multiple of the font size when none is chosen: Arabic marks above and
/// below need more room than Latin.
pub const LINE_SPACING: f32 = 1.8;

/// Size, width and font a text is laid out at.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct LayoutConfig {
    /// Font size in pixels.
    pub font_size: f32,
    /// Height of one line in pixels (Arabic marks need more room than Latin).
    pub line_height: f32,
    /// Width lines wrap at, in pixels.
    pub width: f32,
    /// The font family asked for first (others fill in what it lacks).
    pub family: &'static str,
}

impl LayoutConfig {
    /// A configuration in the bundled Arabic font with a line height of [`LINE_SPACING`]
    /// times the font size.
    pub fn new(font_size: f32, width: f32) -> Self {
        Self {
            font_size,
            line_height: (font_size * LINE_SPACING).round(),
            width,
            family: ARABIC_FAMILY,
        }
    }

    /// The same with lines `spacing` times the font size apart.
    #[must_use]
    pub fn with_spacing(self, spacing: f32) -> Self {
        Self {
            line_height: (self.font_size * spacing).round().max(1.0),
            ..self
        }
    }

    /// The same in font family `family`.
    #[must_use]
    pub fn with_family(self, family: &'static str) -> Self {
        Self { family, ..self }
    }
}

/// An axis-aligned rectangle in layout coordinates (pixels, y down, origin at the text's top left).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rect {
    /// Left edge.
    pub x0: f32,
    /// Top edge.
    pub y0: f32,
    /// Right edge.
    pub x1: f32,
    /// Bottom edge.
    pub y1: f32,
}

impl Rect {
    /// The rectangle's centre.
    pub fn center(&self) -> (f32, f32) {
        (
            f32::midpoint(self.x0, self.x1),
            f32::midpoint(self.y0, self.y1),
        )
    }

    /// Whether the point lies inside (left and top edges in, right and bottom out).
    pub fn contains(&self, x: f32, y: f32) -> bool {
        self.x0 <= x && x < self.x1 && self.y0 <= y && y < self.y1
    }
}

/// One grapheme cluster on a line: its code points and the horizontal extent it occupies.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct GraphemeBox {
    /// Code points of the cluster in the whole text.
    pub chars: CharRange,
    /// Left edge.
    pub x0: f32,
    /// Right edge.
    pub x1: f32,
    /// Whether the cluster runs right to left (its logical start is on its right).
    pub rtl: bool,
}

impl GraphemeBox {
    /// Offset of the cluster's left edge: its end when right to left, else its start.
    pub fn left_offset(&self) -> usize {
        if self.rtl {
            self.chars.end()
        } else {
            self.chars.start()
        }
    }

    /// Offset of the cluster's right edge: its start when right to left, else its end.
    pub fn right_offset(&self) -> usize {
        if self.rtl {
            self.chars.start()
        } else {
            self.chars.end()
        }
    }
}

/// One visual line of a paragraph.
#[derive(Debug, Clone)]
pub struct VisualLine {
    /// Code points the line covers, in logical order; lines of a paragraph tile it.
    pub chars: CharRange,
    /// Top of the line relative to its paragraph's top (below its room).
    pub top: f32,
    /// Extra room above the line asked for by [`TextLayout::set_room_above`] (relation
    /// arcs run there), included in `top`.
    pub room: f32,
    /// Baseline relative to the line's top.
    pub baseline: f32,
    /// Glyphs as cosmic-text lays them out (RTL runs in logical order), x from the left edge of the text area.
    pub glyphs: Vec<LayoutGlyph>,
    /// Grapheme clusters in visual order, left to right.
    pub graphemes: Vec<GraphemeBox>,
}

impl VisualLine {
    /// The left edge of its leftmost grapheme and the right edge of its rightmost; `None`
    /// for an empty line.
    pub fn extent(&self) -> Option<(f32, f32)> {
        let first = self.graphemes.first()?;
        Some(
            self.graphemes
                .iter()
                .fold((first.x0, first.x1), |(l, r), b| (l.min(b.x0), r.max(b.x1))),
        )
    }
}

/// A laid-out paragraph.
#[derive(Debug, Clone)]
pub struct ParagraphLayout {
    /// Whether the paragraph's base direction is right to left.
    pub rtl: bool,
    /// Its visual lines, top to bottom.
    pub lines: Vec<VisualLine>,
}

/// A document's text laid out at one configuration, paragraphs laid out on demand.
#[derive(Debug)]
pub struct TextLayout {
    text: String,
    paragraphs: Vec<Paragraph>,
    config: LayoutConfig,
    laid: Vec<Option<ParagraphLayout>>,
    /// Top of each paragraph (exact above laid-out paragraphs' heights, estimated elsewhere).
    tops: Vec<f32>,
    tops_stale: bool,
    /// Extra room above the lines showing these offsets (sorted by offset).
    room_above: Vec<(usize, f32)>,
}

impl TextLayout {
    /// Prepares a layout of `text`; nothing is shaped until asked for.
    pub fn new(text: &str, config: LayoutConfig) -> Self {
        let paragraphs = split_paragraphs(text);
        let count = paragraphs.len();
        Self {
            text: text.to_owned(),
            paragraphs,
            config,
            laid: vec![None; count],
            tops: Vec::new(),
            tops_stale: true,
            room_above: Vec::new(),
        }
    }

    /// The text being laid out.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The configuration in force.
    pub fn config(&self) -> LayoutConfig {
        self.config
    }

    /// Changes size or width; paragraphs are laid out again when next asked for.
    pub fn set_config(&mut self, config: LayoutConfig) {
        if config != self.config {
            self.config = config;
            self.laid.iter_mut().for_each(|p| *p = None);
            self.tops_stale = true;
        }
    }

    /// Asks for `room` points of extra space above each line that shows one of the
    /// offsets (the largest when several): relation arcs run there, and only the lines
    /// that have them are spaced apart. Nothing is shaped again; lines move down.
    pub fn set_room_above(&mut self, mut room: Vec<(usize, f32)>) {
        room.sort_by(|a, b| a.0.cmp(&b.0).then(a.1.total_cmp(&b.1)));
        if room == self.room_above {
            return;
        }
        self.room_above = room;
        let line_height = self.config.line_height;
        for (paragraph, laid) in self.paragraphs.iter().zip(self.laid.iter_mut()) {
            if let Some(laid) = laid {
                place_lines(laid, paragraph, line_height, &self.room_above);
            }
        }
        self.tops_stale = true;
    }

    /// The paragraphs of the text.
    pub fn paragraphs(&self) -> &[Paragraph] {
        &self.paragraphs
    }

    /// Index of the paragraph containing code point `offset` (a paragraph's end belongs to it).
    pub fn paragraph_of(&self, offset: usize) -> usize {
        let i = self.paragraphs.partition_point(|p| p.chars.end() < offset);
        i.min(self.paragraphs.len() - 1)
    }

    /// Lays out paragraph `index` if it is not yet, and returns it.
    pub fn paragraph(&mut self, font_system: &mut FontSystem, index: usize) -> &ParagraphLayout {
        if self.laid[index].is_none() {
            let mut layout = lay_out_paragraph(
                font_system,
                &self.text,
                &self.paragraphs[index],
                self.config,
            );
            if self.paragraphs[index].chars.is_empty() {
                // A blank line has no direction of its own: it takes its neighbours', so
                // the caret on a blank line between Arabic paragraphs stands at the right.
                layout.rtl = self.neighbours_direction(index);
            }
            place_lines(
                &mut layout,
                &self.paragraphs[index],
                self.config.line_height,
                &self.room_above,
            );
            self.laid[index] = Some(layout);
            self.tops_stale = true;
        }
        self.laid[index]
            .as_ref()
            .unwrap_or_else(|| unreachable!("laid out just above"))
    }

    /// Whether the nearest paragraph before `index` with a letter that has a direction
    /// (else the nearest after it) reads right to left.
    fn neighbours_direction(&self, index: usize) -> bool {
        let direction =
            |p: &Paragraph| unicode_bidi::get_base_direction(&self.text[p.bytes.clone()]);
        let before = self.paragraphs[..index].iter().rev();
        let after = self.paragraphs[index + 1..].iter();
        before
            .chain(after)
            .map(direction)
            .find(|d| *d != unicode_bidi::Direction::Mixed)
            .is_some_and(|d| d == unicode_bidi::Direction::Rtl)
    }

    /// The paragraph if it is already laid out.
    pub fn laid_out(&self, index: usize) -> Option<&ParagraphLayout> {
        self.laid[index].as_ref()
    }

    /// Lays out every paragraph (for rendering a whole document, or tests).
    pub fn lay_out_all(&mut self, font_system: &mut FontSystem) {
        for i in 0..self.paragraphs.len() {
            self.paragraph(font_system, i);
        }
    }

    fn paragraph_height(&self, index: usize) -> f32 {
        let line = self.config.line_height;
        if let Some(laid) = &self.laid[index] {
            return laid.lines.last().map_or(line, |last| last.top + line);
        }
        // Unlaid paragraphs: about 0.45 em per code point of Naskh text.
        let width = self.paragraphs[index].chars.len() as f32 * self.config.font_size * 0.45;
        line * (width / self.config.width.max(1.0)).ceil().max(1.0)
    }

    fn refresh_tops(&mut self) {
        if !self.tops_stale {
            return;
        }
        self.tops.clear();
        let mut y = 0.0;
        for i in 0..self.paragraphs.len() {
            self.tops.push(y);
            y += self.paragraph_height(i);
        }
        self.tops.push(y);
        self.tops_stale = false;
    }

    /// Height of the whole text (exact once every paragraph is laid out).
    pub fn height(&mut self) -> f32 {
        self.refresh_tops();
        self.tops[self.paragraphs.len()]
    }

    /// Top of paragraph `index`.
    pub fn paragraph_top(&mut self, index: usize) -> f32 {
        self.refresh_tops();
        self.tops[index]
    }

    /// Paragraphs that intersect the band `y0..y1`, laid out (so their heights are exact).
    ///
    /// Laying them out can move the paragraphs below; the band is re-read until stable.
    pub fn paragraphs_in(
        &mut self,
        font_system: &mut FontSystem,
        y0: f32,
        y1: f32,
    ) -> Range<usize> {
        loop {
            self.refresh_tops();
            let first = self.tops[1..]
                .partition_point(|&bottom| bottom <= y0)
                .min(self.paragraphs.len() - 1);
            let last = self.tops[..self.paragraphs.len()]
                .partition_point(|&top| top < y1)
                .max(first + 1);
            let mut changed = false;
            for i in first..last {
                if self.laid[i].is_none() {
                    self.paragraph(font_system, i);
                    changed = true;
                }
            }
            if !changed {
                return first..last;
            }
        }
    }

    /// The paragraph and line at height `y` (clamped to the text), laid out.
    pub fn line_at(&mut self, font_system: &mut FontSystem, y: f32) -> (usize, usize) {
        let height = self.height();
        let y = y.clamp(0.0, (height - 0.01).max(0.0));
        let range = self.paragraphs_in(font_system, y, y + 0.01);
        let p = range.start;
        let top = self.paragraph_top(p);
        // A line reaches up over its room (where its arcs run).
        let line = self.laid[p].as_ref().map_or(0, |l| {
            l.lines
                .partition_point(|line| line.top - line.room <= y - top)
                .saturating_sub(1)
        });
        (p, line)
    }

    /// The paragraph and line showing code point `offset`; at a wrap point, the later line.
    pub fn line_of(&mut self, font_system: &mut FontSystem, offset: usize) -> (usize, usize) {
        let p = self.paragraph_of(offset);
        let layout = self.paragraph(font_system, p);
        let line = layout
            .lines
            .partition_point(|l| l.chars.start() <= offset)
            .saturating_sub(1);
        (p, line)
    }
}

/// Sets the tops of a paragraph's lines: one line height apart, each moved down by the
/// room asked for above it (the largest of the offsets it shows; a paragraph's end
/// belongs to its last line).
fn place_lines(
    layout: &mut ParagraphLayout,
    paragraph: &Paragraph,
    line_height: f32,
    room_above: &[(usize, f32)],
) {
    let count = layout.lines.len();
    let mut y = 0.0;
    for (i, line) in layout.lines.iter_mut().enumerate() {
        let end = if i + 1 == count {
            paragraph.chars.end() + 1
        } else {
            line.chars.end()
        };
        let from = room_above.partition_point(|(offset, _)| *offset < line.chars.start());
        let room = room_above[from..]
            .iter()
            .take_while(|(offset, _)| *offset < end)
            .map(|(_, room)| *room)
            .fold(0.0, f32::max);
        y += room;
        line.room = room;
        line.top = y;
        y += line_height;
    }
}

/// Shapes and wraps one paragraph with cosmic-text and turns its lines into ours.
fn lay_out_paragraph(
    font_system: &mut FontSystem,
    text: &str,
    paragraph: &Paragraph,
    config: LayoutConfig,
) -> ParagraphLayout {
    let content = &text[paragraph.bytes.clone()];
    let attrs = Attrs::new().family(Family::Name(config.family));
    let mut line = BufferLine::new(
        content,
        LineEnding::None,
        AttrsList::new(&attrs),
        Shaping::Advanced,
    );
    let rtl = line.shape(font_system, 8).rtl;
    let layout_lines = line
        // Word wrapping only: cosmic-text 0.19's WordOrGlyph drops every glyph of an RTL word
        // it splits (tests/props/layout_props.rs found it); a word wider than the view is cut at
        // grapheme boundaries by `fit_line` instead.
        .layout(
            font_system,
            config.font_size,
            Some(config.width),
            Wrap::Word,
            Ellipsize::None,
            None,
            8,
            Hinting::Disabled,
        )
        .to_vec();
    // Byte offset of every code point of the paragraph, to turn glyph byte ranges into code points.
    let char_starts: Vec<usize> = content.char_indices().map(|(b, _)| b).collect();
    let to_char =
        |byte: usize| paragraph.chars.start() + char_starts.partition_point(|&b| b < byte);
    let mut lines: Vec<VisualLine> = layout_lines
        .into_iter()
        .flat_map(|l| {
            let baseline = ((config.line_height + l.max_ascent - l.max_descent) / 2.0).round();
            fit_line(content, l.glyphs, config.width, rtl)
                .into_iter()
                .map(move |glyphs| (glyphs, baseline))
        })
        .enumerate()
        .map(|(i, (glyphs, baseline))| {
            let graphemes = grapheme_boxes(content, &glyphs, &to_char);
            let start = glyphs
                .iter()
                .map(|g| g.start)
                .min()
                .map_or(paragraph.chars.start(), &to_char);
            VisualLine {
                chars: CharRange::between(start, start),
                top: i as f32 * config.line_height,
                room: 0.0,
                baseline,
                glyphs,
                graphemes,
            }
        })
        .collect();
    if lines.is_empty() {
        lines.push(VisualLine {
            chars: paragraph.chars,
            top: 0.0,
            room: 0.0,
            baseline: f32::midpoint(config.line_height, config.font_size * 0.8).round(),
            glyphs: Vec::new(),
            graphemes: Vec::new(),
        });
    }
    tile_lines(&mut lines, content, paragraph, rtl, config.width, &to_char);
    ParagraphLayout { rtl, lines }
}

/// Makes a paragraph's lines tile it on grapheme boundaries, and gives every grapheme
/// without a glyph (the space where a line wraps) a zero-width box at its line's logical
/// end, so that no offset is hidden from the caret.
fn tile_lines(
    lines: &mut [VisualLine],
    content: &str,
    paragraph: &Paragraph,
    rtl: bool,
    width: f32,
    to_char: &impl Fn(usize) -> usize,
) {
    let grapheme_ranges: Vec<CharRange> = content
        .grapheme_indices(true)
        .map(|(b, g)| CharRange::between(to_char(b), to_char(b + g.len())))
        .collect();
    // Lines tile the paragraph: each runs from the grapheme holding its first code point
    // to the next line's (a wrap can fall inside a grapheme, e.g. a space and a ZWNJ).
    let mut starts: Vec<usize> = lines
        .iter()
        .map(|l| {
            let i = grapheme_ranges.partition_point(|g| g.end() <= l.chars.start());
            grapheme_ranges
                .get(i)
                .map_or(l.chars.start(), |g| g.start().min(l.chars.start()))
        })
        .collect();
    starts[0] = paragraph.chars.start();
    for i in 1..starts.len() {
        starts[i] = starts[i].max(starts[i - 1]);
    }
    starts.push(paragraph.chars.end());
    let mut graphemes = grapheme_ranges.iter().copied().peekable();
    for (i, line) in lines.iter_mut().enumerate() {
        line.chars = CharRange::between(starts[i], starts[i + 1]);
        // cosmic-text may wrap inside a grapheme whose code points sit at different bidi
        // levels (a mark after ZWNJ after LRE); the grapheme then belongs to one line only.
        let chars = line.chars;
        line.graphemes
            .retain(|b| chars.start() <= b.chars.start() && b.chars.end() <= chars.end());
        let edge = if rtl {
            line.graphemes
                .iter()
                .map(|b| b.x0)
                .reduce(f32::min)
                .unwrap_or(width)
        } else {
            line.graphemes
                .iter()
                .map(|b| b.x1)
                .reduce(f32::max)
                .unwrap_or(0.0)
        };
        let mut missing = Vec::new();
        while let Some(g) = graphemes.next_if(|g| g.start() < line.chars.end()) {
            if !line.graphemes.iter().any(|b| b.chars == g) {
                missing.push(GraphemeBox {
                    chars: g,
                    x0: edge,
                    x1: edge,
                    rtl,
                });
            }
        }
        if !missing.is_empty() {
            line.graphemes.extend(missing);
            line.graphemes
                .sort_by(|a, b| a.x0.total_cmp(&b.x0).then(a.x1.total_cmp(&b.x1)));
        }
    }
}

/// Grapheme boxes of a line in screen order, from its glyphs (which carry cluster byte ranges).
///
/// Glyphs of one cluster (a base and its marks, or dots drawn apart) share one box. A
/// cluster of several graphemes (a ligature in some fonts, such as lam-alef as one glyph)
/// is split into equal parts, as browsers do, so every grapheme boundary gets a position;
/// several clusters of one grapheme (a letter and a ZWNJ after it) are merged, so no
/// position falls inside a grapheme.
fn grapheme_boxes(
    content: &str,
    glyphs: &[LayoutGlyph],
    to_char: &impl Fn(usize) -> usize,
) -> Vec<GraphemeBox> {
    let mut clusters: Vec<(Range<usize>, f32, f32, bool)> = Vec::new();
    for g in glyphs {
        let (x0, x1) = (g.x, g.x + g.w);
        match clusters
            .iter_mut()
            .rev()
            .take(4)
            .find(|(range, ..)| *range == (g.start..g.end))
        {
            Some((_, a, b, _)) => {
                *a = a.min(x0);
                *b = b.max(x1);
            }
            None => clusters.push((g.start..g.end, x0, x1, g.level.is_rtl())),
        }
    }
    // Byte offsets of the paragraph's grapheme boundaries, ends included.
    let mut bounds: Vec<usize> = content.grapheme_indices(true).map(|(i, _)| i).collect();
    bounds.push(content.len());
    let grapheme_of = |byte: usize| bounds.partition_point(|&b| b <= byte).saturating_sub(1);
    // (grapheme index, x0, x1, rtl) for every piece of a cluster lying in one grapheme.
    let mut pieces: Vec<(usize, f32, f32, bool)> = Vec::new();
    for (range, x0, x1, rtl) in clusters {
        let first = grapheme_of(range.start);
        let last = grapheme_of(range.end.saturating_sub(1).max(range.start));
        let n = (last - first + 1) as f32;
        let step = (x1 - x0) / n;
        for (k, grapheme) in (first..=last).enumerate() {
            let k = k as f32;
            let (a, b) = if rtl {
                (x1 - step * (k + 1.0), x1 - step * k)
            } else {
                (x0 + step * k, x0 + step * (k + 1.0))
            };
            pieces.push((grapheme, a, b, rtl));
        }
    }
    pieces.sort_by_key(|p| p.0);
    let mut boxes: Vec<GraphemeBox> = Vec::with_capacity(pieces.len());
    let mut last_grapheme = usize::MAX;
    for (grapheme, a, b, rtl) in pieces {
        if grapheme == last_grapheme {
            if let Some(merged) = boxes.last_mut() {
                merged.x0 = merged.x0.min(a);
                merged.x1 = merged.x1.max(b);
            }
            continue;
        }
        last_grapheme = grapheme;
        let chars = CharRange::between(to_char(bounds[grapheme]), to_char(bounds[grapheme + 1]));
        boxes.push(GraphemeBox {
            chars,
            x0: a,
            x1: b,
            rtl,
        });
    }
    // cosmic-text lists an RTL run's glyphs in logical order (x decreasing); we want screen order.
    boxes.sort_by(|a, b| a.x0.total_cmp(&b.x0).then(a.x1.total_cmp(&b.x1)));
    boxes
}

#[cfg(test)]
mod tests {
    use super::*;

    fn glyph(start: usize, end: usize, x: f32, w: f32, rtl: bool) -> LayoutGlyph {
        LayoutGlyph {
            start,
            end,
            font_size: 20.0,
            font_weight: fontdb::Weight::NORMAL,
            line_height_opt: None,
            font_id: fontdb::ID::dummy(),
            glyph_id: 1,
            x,
            y: 0.0,
            w,
            level: unicode_bidi::Level::new(u8::from(rtl))
                .unwrap_or_else(|_| unicode_bidi::Level::ltr()),
            x_offset: 0.0,
            y_offset: 0.0,
            color_opt: None,
            metadata: 0,
            cache_key_flags: cosmic_text::CacheKeyFlags::empty(),
        }
    }

    #[test]
    fn a_lam_alef_ligature_glyph_is_split_between_its_two_graphemes() {
        // Some fonts draw لا as one glyph for both letters: the boundary between lam and
        // alef (where أوكرانيا starts in لأوكرانيا) must still get a place, as browsers give it.
        let content = "لا";
        let boxes = grapheme_boxes(content, &[glyph(0, 4, 10.0, 20.0, true)], &|b| {
            content[..b].chars().count()
        });
        assert_eq!(boxes.len(), 2);
        // Right to left: the lam (logically first) is the right half.
        assert_eq!(
            (boxes[1].chars.start(), boxes[1].x0, boxes[1].x1),
            (0, 20.0, 30.0)
        );
        assert_eq!(
            (boxes[0].chars.start(), boxes[0].x0, boxes[0].x1),
            (1, 10.0, 20.0)
        );
        assert_eq!(boxes[0].right_offset(), 1, "the shared edge is offset 1");
    }

    #[test]
    fn clusters_of_one_grapheme_merge_into_one_box() {
        // ب then ZWNJ: HarfBuzz gives two clusters, but they form one grapheme.
        let content = "ب\u{200c}";
        let glyphs = [glyph(0, 2, 20.0, 8.0, true), glyph(2, 5, 18.0, 2.0, true)];
        let boxes = grapheme_boxes(content, &glyphs, &|b| content[..b].chars().count());
        assert_eq!(boxes.len(), 1);
        assert_eq!((boxes[0].chars.start(), boxes[0].chars.end()), (0, 2));
        assert_eq!((boxes[0].x0, boxes[0].x1), (18.0, 28.0));
    }
}
