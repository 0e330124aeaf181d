//! One line of text drawn by the text engine outside the document: titles and span texts in
//! lists, names, tooltips. egui's own labels have no bidi (multi-word Arabic comes out in
//! the wrong order), so every place that may show Arabic goes through here.

use std::ops::Range;

use egui::{Color32, Mesh, Pos2, Sense, Shape, Vec2};

use super::{TextEngine, glyph_quad};
use crate::text::layout::LayoutConfig;

/// Size of the text in tooltips drawn by the text engine.
const TOOLTIP_TEXT_SIZE: f32 = 14.0;

/// Shows `lines` at the pointer as one tooltip drawn by the text engine (label names and
/// annotators may be Arabic), each line once, in order; nothing when there are none.
pub(crate) fn hover_lines(
    response: egui::Response,
    engine: &mut TextEngine,
    lines: Vec<String>,
) -> egui::Response {
    let mut unique: Vec<String> = Vec::new();
    for line in lines {
        if !unique.contains(&line) {
            unique.push(line);
        }
    }
    if unique.is_empty() {
        return response;
    }
    response.on_hover_ui_at_pointer(|ui| {
        let color = ui.visuals().text_color();
        let lines: Vec<String> = unique.iter().map(|line| interface_line(line)).collect();
        let width = lines
            .iter()
            .map(|line| line_width(engine, line, ui_font(TOOLTIP_TEXT_SIZE)))
            .fold(0.0, f32::max)
            + 2.0;
        for line in &lines {
            laid_out(ui, engine, line, ui_font(TOOLTIP_TEXT_SIZE), width, color);
        }
    })
}

/// The width one line of `text` takes when drawn by [`text_line`] at `font_size`.
pub fn text_line_width(engine: &mut TextEngine, text: &str, font_size: f32) -> f32 {
    line_width(engine, text, text_font(font_size))
}

/// The document text's font at `size`, for lines that show a document's words.
fn text_font(size: f32) -> LayoutConfig {
    LayoutConfig::new(size, 100_000.0)
}

/// The interface's font at `size` for lines that are mostly interface words around names:
/// Noto Sans as egui's own text, Arabic letters from Noto Naskh Arabic.
pub(crate) fn ui_font(size: f32) -> LayoutConfig {
    LayoutConfig::new(size, 100_000.0).with_family(crate::text::fonts::UI_FAMILY)
}

/// The width one line of `text` takes laid out with `config`.
pub(crate) fn line_width(engine: &mut TextEngine, text: &str, config: LayoutConfig) -> f32 {
    let line_text = crate::text::paragraphs::single_line(text);
    let paragraph = super::shaped::paragraph(engine, &line_text, config);
    paragraph.lines[0]
        .extent()
        .map_or(0.0, |(left, right)| right - left)
}

/// A tooltip of one line drawn by the text engine (egui's tooltips show Arabic words in the
/// wrong order).
pub fn text_tooltip(
    response: egui::Response,
    engine: &mut TextEngine,
    text: &str,
) -> egui::Response {
    response.on_hover_ui(|ui| {
        let width = line_width(engine, text, ui_font(TOOLTIP_TEXT_SIZE)) + 2.0;
        let color = ui.visuals().text_color();
        laid_out(ui, engine, text, ui_font(TOOLTIP_TEXT_SIZE), width, color);
    })
}

/// A label of one line drawn by the text engine, as wide as its text (at most the space
/// left), at the size of egui's body text: for names a person typed (annotators, labels),
/// which may be Arabic.
///
/// A line wider than the space left wraps there (a long relation in the side panel), not
/// cut at the panel's edge.
pub fn engine_label(ui: &mut egui::Ui, engine: &mut TextEngine, text: &str) -> egui::Response {
    let color = ui.visuals().text_color();
    engine_colored_label(ui, engine, text, color)
}

/// As [`engine_label`], in `color` (a warning that names someone).
pub fn engine_colored_label(
    ui: &mut egui::Ui,
    engine: &mut TextEngine,
    text: &str,
    color: egui::Color32,
) -> egui::Response {
    let text = interface_line(text);
    let size = egui::TextStyle::Body.resolve(ui.style()).size;
    let font = ui_font(size);
    let available = ui.available_width().max(1.0);
    let natural = line_width(engine, &text, font) + 2.0;
    // Wrapped into a sliver (a row whose first items took nearly all of it) a line would
    // stand a letter a line: it stays one line, cut by the panel's edge, instead.
    if natural <= available || available < size * 6.0 {
        laid_out(ui, engine, &text, font, natural, color)
    } else {
        let wrapped = LayoutConfig::new(size, available).with_family(crate::text::fonts::UI_FAMILY);
        laid_out(ui, engine, &text, wrapped, available, color)
    }
}

/// A message of the interface (the status line), drawn by the text engine in the
/// interface's font and wrapped at the space left: messages name files, documents and
/// people, which may be Arabic.
pub fn engine_message(ui: &mut egui::Ui, engine: &mut TextEngine, text: &str) -> egui::Response {
    let width = ui.available_width().max(1.0);
    let size = egui::TextStyle::Body.resolve(ui.style()).size;
    let font = LayoutConfig::new(size, width).with_family(crate::text::fonts::UI_FAMILY);
    let color = ui.visuals().text_color();
    laid_out(ui, engine, &interface_line(text), font, width, color)
}

/// `text` as a line of the (left-to-right) interface: the line runs left to right and each
/// stretch of Arabic words in it is isolated, so "أمل حسن, Omar K." keeps its order, its
/// final stop stays at the end, and "committed: سارة: 0 done" keeps the figure after the colon.
///
/// In a right-to-left interface the line runs right to left instead: its messages are
/// Arabic sentences, and what they hold is isolated by the messages themselves.
pub(crate) fn interface_line(text: &str) -> String {
    if crate::app::i18n::is_rtl() {
        // A line without Arabic (a document's id, a label's name, a path) reads left to
        // right on its own: "000_f1300…" keeps its digits first.
        if text.chars().any(crate::text::isolates::is_right_to_left) {
            format!("\u{200F}{text}")
        } else {
            text.to_owned()
        }
    } else {
        crate::text::isolates::interface_line(text)
    }
}

/// A name (of a person, a file, a span's text) set into an interface line among words and
/// figures, as a bidi isolate: it reads in its own direction inside, and is one unit in the
/// line, so "you: سارة · 11 of 16" does not come out as "you: 11 · سارة of 16". Accessible
/// names drop the isolate's marks.
pub fn embedded(name: &str) -> String {
    crate::text::isolates::isolate(name)
}

/// A relation as one interface line by its spans' texts, each isolated (one unit in the
/// line, read in its own direction inside), so the arrow stays between them and points
/// from the first to the second on screen whatever their script: "from → to" in a
/// left-to-right interface; in a right-to-left one the line runs right to left even when
/// both texts are Latin, "from ← to": the source at the right, the arrow pointing at the
/// target at the left.
pub fn relation_line(from: &str, to: &str) -> String {
    let line = crate::app::i18n::tr!("relations-line", from = embedded(from), to = embedded(to));
    // The isolates count for nothing in the line's direction: a mark sets it.
    let direction = if crate::app::i18n::is_rtl() {
        RLM
    } else {
        crate::text::isolates::LRM
    };
    format!("{direction}{line}")
}

/// Right-to-left mark: put first, it makes a line's base direction right to left.
const RLM: char = '\u{200F}';

/// A relation as a label of one line, "from → to" ([`relation_line`]), in the space left:
/// when it does not fit, both span texts are cut to as many letters as let it fit, each
/// ending in "…", and the whole line shows on hover. Its accessible name is the whole line.
pub fn relation_label(
    ui: &mut egui::Ui,
    engine: &mut TextEngine,
    from: &str,
    to: &str,
) -> egui::Response {
    let full = relation_line(from, to);
    let font = ui_font(egui::TextStyle::Body.resolve(ui.style()).size);
    let available = ui.available_width();
    let fits = |engine: &mut TextEngine, line: &str| {
        line_width(engine, &interface_line(line), font) + 2.0 <= available
    };
    if fits(engine, &full) {
        return engine_label(ui, engine, &full);
    }
    let (from_graphemes, to_graphemes) = (graphemes(from), graphemes(to));
    let cut_line =
        |keep: usize| relation_line(&cut(&from_graphemes, keep), &cut(&to_graphemes, keep));
    // The most letters each text keeps with the line still fitting (at least one).
    let (mut low, mut high) = (1, from_graphemes.len().max(to_graphemes.len()));
    while low < high {
        let middle = (low + high).div_ceil(2);
        if fits(engine, &cut_line(middle)) {
            low = middle;
        } else {
            high = middle - 1;
        }
    }
    let response = engine_label(ui, engine, &cut_line(low));
    readable(ui, &response, &full);
    text_tooltip(response, engine, &interface_line(&full))
}

/// `text` cut at its end to the most graphemes whose line (`as_line` of them) fits in
/// `width` laid out with `font` (at least one), ending in "…" when cut: a name or a line
/// too long for its row.
fn elided(
    engine: &mut TextEngine,
    text: &str,
    as_line: fn(&str) -> String,
    font: LayoutConfig,
    width: f32,
) -> String {
    let fits =
        |engine: &mut TextEngine, text: &str| line_width(engine, &as_line(text), font) <= width;
    if fits(engine, text) {
        return text.to_owned();
    }
    let graphemes = graphemes(text);
    let (mut low, mut high) = (1, graphemes.len());
    while low < high {
        let middle = (low + high).div_ceil(2);
        if fits(engine, &cut(&graphemes, middle)) {
            low = middle;
        } else {
            high = middle - 1;
        }
    }
    cut(&graphemes, low)
}

/// The grapheme clusters of `text`, in logical order.
fn graphemes(text: &str) -> Vec<&str> {
    unicode_segmentation::UnicodeSegmentation::graphemes(text, true).collect()
}

/// The first `keep` graphemes, with "…" after them when some were cut.
fn cut(graphemes: &[&str], keep: usize) -> String {
    if graphemes.len() <= keep {
        graphemes.concat()
    } else {
        format!("{}…", graphemes[..keep].concat())
    }
}

/// The AccessKit author id of every line [`text_line`] draws: tells text drawn by our engine
/// from egui's own labels, which would show Arabic words in the wrong order.
pub const ENGINE_TEXT: &str = "taliq.text_line";

/// Draws one line of text (Arabic or not) through the text engine, right-aligned in `width`
/// when it reads right to left; egui's own labels have no bidi.
pub fn text_line(
    ui: &mut egui::Ui,
    engine: &mut TextEngine,
    text: &str,
    font_size: f32,
    width: f32,
    color: Color32,
) -> egui::Response {
    laid_out(ui, engine, text, text_font(font_size), width, color)
}

/// A [`text_line`] cut with "…" where it is wider than `width` (a document's first words
/// in the document list); its accessible name is the whole line.
pub fn text_line_within(
    ui: &mut egui::Ui,
    engine: &mut TextEngine,
    text: &str,
    font_size: f32,
    width: f32,
    color: Color32,
) -> egui::Response {
    let font = text_font(font_size);
    // A pixel to spare: a line exactly as wide as its rectangle loses its last edge.
    let shown = elided(engine, text, str::to_owned, font, width - 1.0);
    if shown == text {
        return text_line(ui, engine, text, font_size, width, color);
    }
    let response = laid_out(ui, engine, &shown, font, width, color);
    readable(ui, &response, text);
    response
}

/// A paragraph of text drawn by the text engine, wrapped at `width` (at grapheme
/// boundaries inside a word too long for it), right-aligned when it reads right to left:
/// guidelines and other prose that may be Arabic.
pub fn text_block(
    ui: &mut egui::Ui,
    engine: &mut TextEngine,
    text: &str,
    emphasis: &[Range<usize>],
    font_size: f32,
    width: f32,
    color: Color32,
) -> egui::Response {
    let width = width.max(1.0);
    laid_out_marked(
        ui,
        engine,
        text,
        emphasis,
        prose_config(font_size, width),
        width,
        color,
    )
}

/// How [`text_block`] lays prose out: in the interface's font, so that Latin reads in Noto
/// Sans as the rest of the interface (Arabic comes from the Arabic font by fallback).
pub fn prose_config(font_size: f32, width: f32) -> LayoutConfig {
    LayoutConfig::new(font_size, width).with_family(crate::text::fonts::UI_FAMILY)
}

/// `text` as one paragraph laid out with `config`, its lines stacked in a space `width`
/// wide, each aligned to the paragraph's direction: one line for [`text_line`] and the
/// interface lines (their config is far wider than the space), wrapped for [`text_block`].
fn laid_out(
    ui: &mut egui::Ui,
    engine: &mut TextEngine,
    text: &str,
    config: LayoutConfig,
    width: f32,
    color: Color32,
) -> egui::Response {
    laid_out_marked(ui, engine, text, &[], config, width, color)
}

/// [`laid_out`], with the code points in `emphasis` drawn stronger: the theme's strong
/// colour and a second pass a fraction of a point to the right (the bundled fonts have no
/// bold face).
fn laid_out_marked(
    ui: &mut egui::Ui,
    engine: &mut TextEngine,
    text: &str,
    emphasis: &[Range<usize>],
    config: LayoutConfig,
    width: f32,
    color: Color32,
) -> egui::Response {
    let width = width.max(1.0);
    let one_paragraph = crate::text::paragraphs::single_line(text);
    let strong = Ink {
        bytes: byte_ranges(&one_paragraph, emphasis),
        color: ui.visuals().strong_text_color(),
    };
    let line_height = config.line_height;
    let paragraph = super::shaped::paragraph(engine, &one_paragraph, config);
    let height = line_height * paragraph.lines.len().max(1) as f32;
    let (rect, response) = ui.allocate_exact_size(Vec2::new(width, height), Sense::click());
    readable(ui, &response, text);
    if ui.is_rect_visible(rect) {
        for line in &paragraph.lines {
            let row = egui::Rect::from_min_size(
                Pos2::new(rect.min.x, rect.min.y + line.top),
                Vec2::new(width, line_height),
            );
            paint_line(ui, engine, line, paragraph.rtl, row, color, &strong);
        }
    }
    response
}

/// Emphasised stretches of a paragraph (byte ranges of its text) and their colour.
pub(crate) struct Ink {
    bytes: Vec<Range<usize>>,
    color: Color32,
}

impl Ink {
    /// No emphasis.
    pub(crate) const NONE: Self = Self {
        bytes: Vec::new(),
        color: Color32::TRANSPARENT,
    };

    fn covers(&self, byte: usize) -> bool {
        self.bytes.iter().any(|r| r.contains(&byte))
    }
}

/// Code-point ranges of `text` as byte ranges (ranges past its end are cut).
fn byte_ranges(text: &str, chars: &[Range<usize>]) -> Vec<Range<usize>> {
    if chars.is_empty() {
        return Vec::new();
    }
    let starts: Vec<usize> = text
        .char_indices()
        .map(|(i, _)| i)
        .chain(std::iter::once(text.len()))
        .collect();
    let at = |c: usize| starts.get(c).copied().unwrap_or(text.len());
    chars.iter().map(|r| at(r.start)..at(r.end)).collect()
}

/// Gives a line's or block's response its text as the accessible name, marked as drawn
/// by the engine ([`ENGINE_TEXT`]).
pub(crate) fn readable(ui: &egui::Ui, response: &egui::Response, text: &str) {
    // Screen readers (and tests) read the text, which egui cannot see in our glyphs.
    let name = crate::text::isolates::without_ordering_marks(text);
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Label, ui.is_enabled(), &name));
    ui.ctx().accesskit_node_builder(response.id, |node| {
        node.set_author_id(ENGINE_TEXT);
    });
}

/// Draws one laid-out line in `row`: hugging its right edge when the paragraph reads right
/// to left, its left edge otherwise.
pub(crate) fn paint_line(
    ui: &egui::Ui,
    engine: &mut TextEngine,
    line: &crate::text::layout::VisualLine,
    rtl: bool,
    row: egui::Rect,
    color: Color32,
    strong: &Ink,
) {
    let (left, right) = line.extent().unwrap_or((0.0, 0.0));
    let shift = if rtl {
        row.max.x - right.max(0.0)
    } else {
        row.min.x - left.min(0.0)
    };
    let ctx = ui.ctx().clone();
    let baseline = row.min.y + line.baseline;
    let mut mesh = Mesh::with_texture(engine.atlas.texture_id(&ctx));
    for glyph in &line.glyphs {
        let Some((glyph_rect, uv, is_color)) =
            glyph_quad(engine, &ctx, glyph, Pos2::new(shift, baseline))
        else {
            continue;
        };
        if glyph_rect.max.x < row.min.x - 1.0 || glyph_rect.min.x > row.max.x + 1.0 {
            continue;
        }
        if is_color {
            mesh.add_rect_with_uv(glyph_rect, uv, Color32::WHITE);
        } else if strong.covers(glyph.start) {
            mesh.add_rect_with_uv(glyph_rect, uv, strong.color);
            mesh.add_rect_with_uv(glyph_rect.translate(Vec2::new(0.6, 0.0)), uv, strong.color);
        } else {
            mesh.add_rect_with_uv(glyph_rect, uv, color);
        }
    }
    ui.painter().with_clip_rect(row).add(Shape::mesh(mesh));
}

/// How an [`engine_button`] looks.
#[derive(Debug, Clone, Copy, Default)]
pub struct ButtonLook {
    /// Drawn as chosen (a selectable row's current one).
    pub selected: bool,
    /// Its own background (a label's colour), else the theme's.
    pub fill: Option<Color32>,
    /// Its text's colour, else the theme's.
    pub text: Option<Color32>,
}

/// A button whose text is drawn by the text engine: label names and document ids are typed
/// by people and may be Arabic, which egui's buttons show in the wrong order past one word.
/// Its accessible name is `text`, its role a button.
pub fn engine_button(
    ui: &mut egui::Ui,
    engine: &mut TextEngine,
    text: &str,
    look: ButtonLook,
) -> egui::Response {
    button_showing(ui, engine, text, text, look)
}

/// The width an [`engine_button`] of `text` takes.
pub fn engine_button_width(ui: &egui::Ui, engine: &mut TextEngine, text: &str) -> f32 {
    let font = ui_font(egui::TextStyle::Button.resolve(ui.style()).size);
    line_width(engine, &interface_line(text), font) + 2.0 * ui.spacing().button_padding.x
}

/// An [`engine_button`] at most `max_width` wide: a longer text is cut with "…" (a
/// document's id in a narrow list) and shows whole on hover, above `also_on_hover` (what
/// else its row had no room for), which shows on hover in any case. Its accessible name is
/// the whole text.
pub fn engine_button_within(
    ui: &mut egui::Ui,
    engine: &mut TextEngine,
    text: &str,
    look: ButtonLook,
    max_width: f32,
    also_on_hover: &[String],
) -> egui::Response {
    let (response, cut) = if engine_button_width(ui, engine, text) <= max_width {
        (engine_button(ui, engine, text, look), false)
    } else {
        let font = ui_font(egui::TextStyle::Button.resolve(ui.style()).size);
        let room = max_width - 2.0 * ui.spacing().button_padding.x;
        let shown = elided(engine, text, interface_line, font, room);
        (button_showing(ui, engine, &shown, text, look), true)
    };
    let whole = cut.then(|| text.to_owned());
    let lines: Vec<String> = whole
        .into_iter()
        .chain(also_on_hover.iter().cloned())
        .collect();
    hover_lines(response, engine, lines)
}

/// An [`engine_button`] showing `shown` (its text, perhaps cut), named `name`.
fn button_showing(
    ui: &mut egui::Ui,
    engine: &mut TextEngine,
    shown: &str,
    name: &str,
    look: ButtonLook,
) -> egui::Response {
    let line = interface_line(shown);
    let font = ui_font(egui::TextStyle::Button.resolve(ui.style()).size);
    let padding = ui.spacing().button_padding;
    let text_width = line_width(engine, &line, font);
    let size = Vec2::new(
        text_width + 2.0 * padding.x,
        ui.spacing().interact_size.y.max(font.line_height),
    );
    let (rect, response) = ui.allocate_exact_size(size, Sense::click());
    let name = crate::text::isolates::without_ordering_marks(name);
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, ui.is_enabled(), &name));
    ui.ctx().accesskit_node_builder(response.id, |node| {
        node.set_author_id(ENGINE_TEXT);
    });
    if !ui.is_rect_visible(rect) {
        return response;
    }
    let visuals = ui.style().interact_selectable(&response, look.selected);
    // Without a colour of its own it is a selectable row, as egui's: no background until
    // hovered or chosen.
    let plain = !look.selected && !response.hovered() && !response.has_focus();
    let fill = look.fill.unwrap_or(if plain {
        Color32::TRANSPARENT
    } else {
        visuals.weak_bg_fill
    });
    ui.painter().rect(
        rect,
        visuals.corner_radius,
        fill,
        visuals.bg_stroke,
        egui::StrokeKind::Inside,
    );
    let paragraph =
        super::shaped::paragraph(engine, &crate::text::paragraphs::single_line(&line), font);
    let row =
        egui::Rect::from_center_size(rect.center(), Vec2::new(text_width + 1.0, font.line_height));
    let color = look.text.unwrap_or_else(|| visuals.text_color());
    paint_line(
        ui,
        engine,
        &paragraph.lines[0],
        paragraph.rtl,
        row,
        color,
        &Ink::NONE,
    );
    response
}
