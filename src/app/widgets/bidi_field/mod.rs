//! A single-line text field drawn by taliq's text engine, where egui's `TextEdit` has no
//! bidi: Arabic and mixed text in visual order, right-aligned when it reads right to left,
//! caret and selection in visual order, mouse selection, copy / cut / paste (separators
//! removed), undo inside the field and IME commits.
//!
//! The text belongs to the caller (`&mut String`); the selection, undo history and horizontal
//! scroll live in egui's memory under the field's id, as `TextEdit`'s state does. The layout
//! goes through [`crate::text`], which splits paragraphs itself, so cosmic-text 0.19's assert on
//! mixed-direction text across separators (upstream #291) never sees a separator.

pub mod edit;

use egui::{Color32, Event, EventFilter, Key, Mesh, Pos2, Rect, Sense, Shape, Vec2};

use crate::app::widgets::{TextEngine, glyph_quad};
use crate::model::CharRange;
use crate::text::hit::{Side, VisualCaret};
use crate::text::layout::{LayoutConfig, TextLayout};
use crate::text::paragraphs::is_paragraph_break;
use crate::text::words::word_at;
pub use edit::FieldEdit;

/// Space between the frame and the text, in points.
const PADDING: f32 = 2.0;

/// The line's height as a multiple of the font size: tighter than the document's 1.8, so a
/// field stands as tall as egui's buttons beside it, with room for harakat above and below.
const LINE_HEIGHT: f32 = 1.5;

/// The layout configuration of a field's line: the interface's font, as egui's own
/// fields (Latin in Noto Sans, not the Arabic font's serif Latin; Arabic from the Arabic
/// font by fallback).
pub fn line_config(font_size: f32) -> LayoutConfig {
    LayoutConfig {
        line_height: (font_size * LINE_HEIGHT).round(),
        ..LayoutConfig::new(font_size, 100_000.0).with_family(crate::text::fonts::UI_FAMILY)
    }
}

/// What a field keeps between frames.
#[derive(Debug, Clone, Default)]
struct FieldMemory {
    edit: FieldEdit,
    /// The caret's visual slot while arrows move it (an offset can stand at two places).
    caret: Option<VisualCaret>,
    /// How far the text is scrolled from its start side, in points.
    scroll: f32,
    /// What the last frame drew.
    drawn: Drawn,
}

/// Where the last frame drew a field's parts, in screen points.
#[derive(Debug, Clone, PartialEq)]
pub struct Drawn {
    /// The space the text is drawn in (the field inside its frame).
    pub inner: Rect,
    /// The caret's horizontal position.
    pub caret_x: f32,
    /// The selection's rectangles (several where it crosses a direction change).
    pub selection: Vec<Rect>,
    /// Each word's rectangle, in reading order: where its letters are on screen.
    pub words: Vec<Rect>,
}

impl Default for Drawn {
    fn default() -> Self {
        Self {
            inner: Rect::NOTHING,
            caret_x: 0.0,
            selection: Vec::new(),
            words: Vec::new(),
        }
    }
}

fn load(ctx: &egui::Context, id: egui::Id) -> FieldMemory {
    ctx.data_mut(|d| d.get_temp::<FieldMemory>(id))
        .unwrap_or_default()
}

fn store(ctx: &egui::Context, id: egui::Id, memory: FieldMemory) {
    ctx.data_mut(|d| d.insert_temp(id, memory));
}

/// Gives the field `id` keyboard focus with its whole text selected (Ctrl+F on the find field).
pub fn focus_and_select_all(ctx: &egui::Context, id: egui::Id, text: &str) {
    let mut memory = load(ctx, id);
    memory.edit.select_all(text);
    memory.caret = None;
    store(ctx, id, memory);
    ctx.memory_mut(|m| m.request_focus(id));
}

/// The selection of the field `id` (for tests and callers that act on it).
pub fn selection(ctx: &egui::Context, id: egui::Id) -> CharRange {
    load(ctx, id).edit.selection()
}

/// Where the field `id` drew its text, caret and selection in the last frame.
pub fn drawn(ctx: &egui::Context, id: egui::Id) -> Drawn {
    load(ctx, id).drawn
}

/// A single-line bidi text field over a caller's string.
#[must_use = "show it with `show`"]
pub struct BidiField<'t> {
    text: &'t mut String,
    id: egui::Id,
    hint: &'t str,
    width: f32,
    font_size: f32,
}

impl<'t> BidiField<'t> {
    /// A field editing `text`, its state kept under `id` (stable across frames).
    pub fn new(text: &'t mut String, id: egui::Id) -> Self {
        Self {
            text,
            id,
            hint: "",
            width: 200.0,
            font_size: 14.0,
        }
    }

    /// Grey text shown while the field is empty.
    pub fn hint(mut self, hint: &'t str) -> Self {
        self.hint = hint;
        self
    }

    /// The field's width in points.
    pub fn desired_width(mut self, width: f32) -> Self {
        self.width = width;
        self
    }

    /// The text's size in points.
    pub fn font_size(mut self, size: f32) -> Self {
        self.font_size = size;
        self
    }

    /// Draws the field and applies this frame's input to it; the response is `changed()`
    /// when the text changed, and has keyboard focus while the field is being typed into.
    pub fn show(self, ui: &mut egui::Ui, engine: &mut TextEngine) -> egui::Response {
        let Self {
            text,
            id,
            hint,
            width,
            font_size,
        } = self;
        let line_height = line_config(font_size).line_height;
        let size = Vec2::new(width.max(2.0 * PADDING + 8.0), line_height + 2.0 * PADDING);
        let (rect, _) = ui.allocate_exact_size(size, Sense::hover());
        // Under the field's own id, so focus requests and `has_focus` find it.
        let mut response = ui.interact(rect, id, Sense::click_and_drag());
        let ctx = ui.ctx().clone();
        let mut memory = load(&ctx, id);
        memory.edit.fit(text);
        let before = text.clone();

        let inner = rect.shrink(PADDING);
        let mut view = LineView::new(engine, text, font_size);
        let focused = ctx.memory(|m| m.has_focus(id));
        if response.clicked() || response.drag_started() {
            ctx.memory_mut(|m| m.request_focus(id));
        }
        pointer_input(ui, &response, &mut memory, &mut view, engine, text, inner);
        if focused {
            ctx.memory_mut(|m| {
                m.set_focus_lock_filter(
                    id,
                    EventFilter {
                        tab: false,
                        horizontal_arrows: true,
                        vertical_arrows: false,
                        escape: false,
                    },
                );
            });
            if keyboard_input(ui, &mut memory, engine, text, font_size) {
                view = LineView::new(engine, text, font_size);
            }
        }
        if *text != before {
            response.mark_changed();
        }

        // Scroll so the caret stays inside the field.
        let caret = memory
            .caret
            .filter(|c| c.offset == memory.edit.head())
            .unwrap_or_else(|| VisualCaret::at(memory.edit.head()));
        let caret_x = view.layout.visual_caret_x(&mut engine.font_system, caret);
        memory.scroll = view.scroll_for(caret_x, inner.width(), memory.scroll);
        let shift = view.shift(inner, memory.scroll);

        memory.drawn = view.measure(engine, &memory.edit, text, inner, shift, caret_x, focused);
        if ui.is_rect_visible(rect) {
            let look = Look {
                rect,
                inner,
                shift,
                focused,
                hint,
                font_size,
            };
            paint(ui, engine, &response, &view, &memory.drawn, text, &look);
        }
        response.widget_info(|| {
            egui::WidgetInfo::text_edit(ui.is_enabled(), &before, text.as_str(), hint)
        });
        store(&ctx, id, memory);
        response
    }
}

/// Where and how a field is painted this frame.
struct Look<'h> {
    rect: Rect,
    inner: Rect,
    shift: f32,
    focused: bool,
    hint: &'h str,
    font_size: f32,
}

/// Paints the frame, selection, text (or hint) and caret, and tells the IME where the caret is.
fn paint(
    ui: &egui::Ui,
    engine: &mut TextEngine,
    response: &egui::Response,
    view: &LineView,
    drawn: &Drawn,
    text: &str,
    look: &Look<'_>,
) {
    let ctx = ui.ctx();
    let visuals = ui.style().interact_selectable(response, look.focused);
    // egui's light theme gives idle widgets no stroke: a white field on a near-white
    // panel would have no edge, so it takes the separators' stroke then.
    let frame_stroke = if look.focused {
        ui.visuals().selection.stroke
    } else if visuals.bg_stroke.width > 0.0 && visuals.bg_stroke.color.a() > 0 {
        visuals.bg_stroke
    } else {
        ui.visuals().widgets.noninteractive.bg_stroke
    };
    ui.painter().rect(
        look.rect,
        visuals.corner_radius,
        ui.visuals().text_edit_bg_color(),
        frame_stroke,
        egui::StrokeKind::Inside,
    );
    let clip = ui.painter().with_clip_rect(look.inner.expand(1.0));
    let top = look.inner.min.y;
    for r in &drawn.selection {
        clip.rect_filled(*r, 0.0, ui.visuals().selection.bg_fill);
    }
    if text.is_empty() {
        let hint_view = LineView::new(engine, look.hint, look.font_size);
        let hint_shift = hint_view.shift(look.inner, 0.0);
        let weak = ui.visuals().weak_text_color();
        hint_view.paint(&clip, engine, ctx, hint_shift, top, weak);
    } else {
        let color = ui.visuals().text_color();
        view.paint(&clip, engine, ctx, look.shift, top, color);
    }
    if look.focused {
        let x = drawn.caret_x.round();
        let height = view.layout.config().line_height;
        let caret_rect =
            Rect::from_min_max(Pos2::new(x - 0.5, top), Pos2::new(x + 0.5, top + height));
        clip.rect_filled(caret_rect, 0.0, ui.visuals().text_cursor.stroke.color);
        let to_global = ctx
            .layer_transform_to_global(ui.layer_id())
            .unwrap_or_default();
        ctx.output_mut(|o| {
            o.ime = Some(egui::output::IMEOutput {
                purpose: egui::IMEPurpose::Normal,
                rect: to_global * look.inner,
                cursor_rect: to_global * caret_rect,
                should_interrupt_composition: false,
            });
        });
    }
}

/// One line of text laid out by the engine, with its extent.
struct LineView {
    layout: TextLayout,
    rtl: bool,
    /// Leftmost and rightmost edges of its graphemes, in layout coordinates.
    left: f32,
    right: f32,
}

impl LineView {
    fn new(engine: &mut TextEngine, text: &str, font_size: f32) -> Self {
        // One code point for one code point, so offsets stay those of `text`.
        let shown: String = text
            .chars()
            .map(|c| if is_paragraph_break(c) { ' ' } else { c })
            .collect();
        let mut layout = TextLayout::new(&shown, line_config(font_size));
        let paragraph = layout.paragraph(&mut engine.font_system, 0);
        let rtl = paragraph.rtl;
        // An empty line stands at the edge it would start from.
        let edge = if rtl { 100_000.0 } else { 0.0 };
        let (left, right) = paragraph.lines[0].extent().unwrap_or((edge, edge));
        Self {
            layout,
            rtl,
            left,
            right,
        }
    }

    /// Where this frame draws the caret, the selection (when focused) and each word, on
    /// screen, with the line's x = 0 at `shift`.
    #[allow(
        clippy::too_many_arguments,
        reason = "one frame's geometry, taken apart once"
    )]
    fn measure(
        &mut self,
        engine: &mut TextEngine,
        edit: &FieldEdit,
        text: &str,
        inner: Rect,
        shift: f32,
        caret_x: f32,
        focused: bool,
    ) -> Drawn {
        let to_screen = |r: crate::text::layout::Rect| {
            Rect::from_min_max(
                Pos2::new(shift + r.x0, inner.min.y + r.y0),
                Pos2::new(shift + r.x1, inner.min.y + r.y1),
            )
        };
        let fs = &mut engine.font_system;
        let selection = if focused {
            let rects = self.layout.range_rects(fs, edit.selection());
            rects.into_iter().map(to_screen).collect()
        } else {
            Vec::new()
        };
        let words = crate::text::words::words(text)
            .into_iter()
            .filter_map(|w| {
                let rects = self.layout.range_rects(fs, w);
                rects.into_iter().map(to_screen).reduce(Rect::union)
            })
            .collect();
        Drawn {
            inner,
            caret_x: shift + caret_x,
            selection,
            words,
        }
    }

    /// Where the layout's x = 0 lands on screen: right-to-left text hugs the right edge of
    /// `inner`, other text the left, each moved by `scroll` towards its end.
    fn shift(&self, inner: Rect, scroll: f32) -> f32 {
        if self.rtl {
            inner.max.x - self.right + scroll
        } else {
            inner.min.x - self.left - scroll
        }
    }

    /// The scroll (from the text's start side) that keeps `caret_x` inside a field `width`
    /// wide, moving as little as possible from `scroll`.
    fn scroll_for(&self, caret_x: f32, width: f32, scroll: f32) -> f32 {
        let content = self.right - self.left;
        let max = (content - width).max(0.0) + 2.0;
        // The caret's distance from the start side of the text.
        let from_start = if self.rtl {
            self.right - caret_x
        } else {
            caret_x - self.left
        };
        let scroll = scroll.clamp(from_start - width + 1.0, from_start - 1.0);
        scroll.clamp(0.0, max)
    }

    fn paint(
        &self,
        painter: &egui::Painter,
        engine: &mut TextEngine,
        ctx: &egui::Context,
        shift: f32,
        top: f32,
        color: Color32,
    ) {
        let Some(paragraph) = self.layout.laid_out(0) else {
            return;
        };
        let line = &paragraph.lines[0];
        let pen = Pos2::new(shift, top + line.baseline);
        let mut mesh = Mesh::with_texture(engine.atlas.texture_id(ctx));
        for glyph in &line.glyphs {
            if let Some((rect, uv, is_color)) = glyph_quad(engine, ctx, glyph, pen) {
                mesh.add_rect_with_uv(rect, uv, if is_color { Color32::WHITE } else { color });
            }
        }
        painter.add(Shape::mesh(mesh));
    }

    /// The offset nearest to screen x.
    fn hit(&mut self, engine: &mut TextEngine, x: f32, shift: f32) -> usize {
        let y = self.layout.config().line_height / 2.0;
        self.layout.hit(&mut engine.font_system, x - shift, y)
    }
}

/// Clicks and drags: a press puts the caret (Shift extends), a drag extends, a double click
/// selects a word, a triple click everything.
fn pointer_input(
    ui: &egui::Ui,
    response: &egui::Response,
    memory: &mut FieldMemory,
    view: &mut LineView,
    engine: &mut TextEngine,
    text: &str,
    inner: Rect,
) {
    let Some(pos) = response.interact_pointer_pos() else {
        return;
    };
    let shift = view.shift(inner, memory.scroll);
    let offset = view.hit(engine, pos.x, shift);
    let (pressed, shift_held) = ui.input(|i| (i.pointer.primary_pressed(), i.modifiers.shift));
    if response.triple_clicked() {
        memory.edit.select_all(text);
    } else if response.double_clicked() {
        if let Some(word) = word_at(text, offset) {
            memory.edit.select(text, word);
        }
    } else if pressed {
        memory.edit.set_caret(text, offset, shift_held);
    } else if response.dragged() {
        memory.edit.set_caret(text, offset, true);
    } else {
        return;
    }
    memory.caret = None;
}

/// Applies this frame's keys and typed text; returns whether the text changed.
fn keyboard_input(
    ui: &egui::Ui,
    memory: &mut FieldMemory,
    engine: &mut TextEngine,
    text: &mut String,
    font_size: f32,
) -> bool {
    let filter = EventFilter {
        tab: false,
        horizontal_arrows: true,
        vertical_arrows: false,
        escape: false,
    };
    let events = ui.input(|i| i.filtered_events(&filter));
    let mut changed = false;
    for event in events {
        let edit = &mut memory.edit;
        match event {
            Event::Text(typed)
            | Event::Paste(typed)
            | Event::Ime(egui::ImeEvent::Commit(typed)) => changed |= edit.insert(text, &typed),
            Event::Copy => {
                let selected = edit.selected(text);
                if !selected.is_empty() {
                    ui.ctx().copy_text(selected.to_owned());
                }
            }
            Event::Cut => {
                let cut = edit.cut(text);
                if !cut.is_empty() {
                    ui.ctx().copy_text(cut);
                    changed = true;
                }
            }
            Event::Key {
                key,
                pressed: true,
                modifiers,
                ..
            } => {
                changed |= key_press(memory, engine, text, font_size, key, modifiers);
            }
            _ => {}
        }
    }
    changed
}

/// One key pressed in the field; returns whether the text changed.
fn key_press(
    memory: &mut FieldMemory,
    engine: &mut TextEngine,
    text: &mut String,
    font_size: f32,
    key: Key,
    modifiers: egui::Modifiers,
) -> bool {
    let edit = &mut memory.edit;
    let word = modifiers.command || modifiers.alt;
    let extend = modifiers.shift;
    match key {
        Key::ArrowLeft | Key::ArrowRight => {
            let side = if key == Key::ArrowLeft {
                Side::Left
            } else {
                Side::Right
            };
            let mut view = LineView::new(engine, text, font_size);
            let forward = (side == Side::Left) == view.rtl;
            if word || (!extend && !edit.selection().is_empty()) {
                edit.move_logically(text, forward, word, extend);
                memory.caret = None;
            } else {
                let from = memory
                    .caret
                    .filter(|c| c.offset == edit.head())
                    .unwrap_or_else(|| VisualCaret::at(edit.head()));
                let to = view
                    .layout
                    .move_visually(&mut engine.font_system, from, side);
                edit.set_caret(text, to.offset, extend);
                memory.caret = Some(to);
            }
            false
        }
        Key::Home | Key::End => {
            edit.move_to_edge(text, key == Key::End, extend);
            memory.caret = None;
            false
        }
        Key::Backspace => edit.backspace(text, word),
        Key::Delete => edit.delete_forward(text, word),
        Key::A if modifiers.command => {
            edit.select_all(text);
            false
        }
        Key::Z if modifiers.command && modifiers.shift => edit.redo(text),
        Key::Z if modifiers.command => edit.undo(text),
        Key::Y if modifiers.command => edit.redo(text),
        _ => false,
    }
}
