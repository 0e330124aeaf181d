//! The interface's own widgets — buttons, menu items, menus, check boxes, radio buttons,
//! headings, a window's title — with their text drawn by the text engine (egui has no
//! bidi: an Arabic menu item would come out as isolated letters in the wrong order), laid
//! out right to left when the interface is Arabic.
//!
//! egui's widgets are kept where they can hold a painted atom ([`EngineText::atom`]): the
//! button's frame, states, focus and menu behaviour stay egui's; only the text is ours. The
//! check box and the radio button are drawn here, because egui always puts their mark at
//! the left.

use std::sync::Arc;

use egui::{
    Align, Atom, AtomKind, Color32, IntoSizedResult, Layout, Pos2, Rect, Response, Role, Sense,
    Shape, SizedAtomKind, Vec2, WidgetInfo,
};

use super::text_line::{interface_line, line_width, ui_font};
use super::{TextEngine, glyph_quad};
use crate::app::i18n;

/// A line of interface text laid out and rasterised by the engine, ready to be painted at
/// any place: its size, and its glyphs' quads from its top left corner.
#[derive(Debug, Clone)]
pub struct EngineText {
    /// Screen rectangle (from the text's top left), atlas rectangle, and whether the glyph
    /// has its own colours, of each glyph.
    quads: Vec<(Rect, Rect, bool)>,
    /// Width and line height, in points.
    size: Vec2,
    /// The glyph atlas the quads point into.
    texture: egui::TextureId,
    /// The text without ordering marks: the accessible name.
    name: String,
}

impl EngineText {
    /// `text` as one interface line (right to left in an Arabic interface) at `font_size`.
    pub fn new(ui: &egui::Ui, engine: &mut TextEngine, text: &str, font_size: f32) -> Self {
        let line = crate::text::paragraphs::single_line(&interface_line(text));
        let font = ui_font(font_size);
        let paragraph = super::shaped::paragraph(engine, &line, font);
        let ctx = ui.ctx().clone();
        let mut quads = Vec::new();
        let mut width = 0.0;
        if let Some(visual) = paragraph.lines.first() {
            let (left, right) = visual.extent().unwrap_or((0.0, 0.0));
            width = (right - left).max(0.0);
            let pen = Pos2::new(-left, visual.baseline);
            for glyph in &visual.glyphs {
                if let Some(quad) = glyph_quad(engine, &ctx, glyph, pen) {
                    quads.push(quad);
                }
            }
        }
        Self {
            quads,
            size: Vec2::new(width.ceil() + 1.0, font.line_height),
            texture: engine.atlas.texture_id(&ctx),
            name: crate::text::isolates::without_ordering_marks(text),
        }
    }

    /// The text at the size of egui's body text.
    pub fn body(ui: &egui::Ui, engine: &mut TextEngine, text: &str) -> Self {
        let size = egui::TextStyle::Body.resolve(ui.style()).size;
        Self::new(ui, engine, text, size)
    }

    /// Its width and height.
    pub fn size(&self) -> Vec2 {
        self.size
    }

    /// Its accessible name.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// Paints it in `rect` in `color`: at the rectangle's leading edge (the right one in a
    /// right-to-left interface), centred from top to bottom, on whole pixels.
    pub fn paint(&self, painter: &egui::Painter, rect: Rect, color: Color32) {
        let x = if i18n::is_rtl() {
            rect.max.x - self.size.x
        } else {
            rect.min.x
        };
        let y = rect.center().y - self.size.y / 2.0;
        let ppp = painter.pixels_per_point();
        let origin = Vec2::new((x * ppp).round() / ppp, (y * ppp).round() / ppp);
        let mut mesh = egui::Mesh::with_texture(self.texture);
        for (glyph, uv, is_color) in &self.quads {
            let tint = if *is_color { Color32::WHITE } else { color };
            mesh.add_rect_with_uv(glyph.translate(origin), *uv, tint);
        }
        painter.add(Shape::mesh(mesh));
    }

    /// It as an egui atom, painted in the colour egui gives the widget's text (hovered,
    /// disabled…).
    pub fn atom(self) -> Atom<'static> {
        let size = self.size;
        let text = Arc::new(self);
        AtomKind::closure(move |_ui, _args| IntoSizedResult {
            intrinsic_size: size,
            sized: SizedAtomKind::Paint {
                paint: Arc::new(move |ui: &egui::Ui, args: egui::AtomPaintArgs| {
                    text.paint(ui.painter(), args.rect, args.fallback_text_color);
                }),
                size,
            },
        })
        .into()
    }
}

/// Gives `response` its accessible name and role (egui sees no text in a painted atom).
fn named(ui: &egui::Ui, response: &Response, role: Role, name: &str) {
    response.widget_info(|| WidgetInfo::labeled(role, ui.is_enabled(), name));
    ui.ctx().accesskit_node_builder(response.id, |node| {
        node.set_author_id(super::ENGINE_TEXT);
    });
}

/// Gives `response` its accessible name, role and whether it is on.
fn named_toggle(ui: &egui::Ui, response: &Response, role: Role, on: bool, name: &str) {
    response.widget_info(|| WidgetInfo::selected(role, ui.is_enabled(), on, name));
    ui.ctx().accesskit_node_builder(response.id, |node| {
        node.set_author_id(super::ENGINE_TEXT);
    });
}

/// Runs `add_contents` in a layout that reads in the interface's direction: top to bottom,
/// each line starting at the right edge in a right-to-left interface (where egui's
/// `horizontal` rows then run right to left too). Each panel and window starts with it.
pub fn mirrored<R>(ui: &mut egui::Ui, add_contents: impl FnOnce(&mut egui::Ui) -> R) -> R {
    if i18n::is_rtl() {
        ui.with_layout(Layout::top_down(Align::Max), add_contents)
            .inner
    } else {
        add_contents(ui)
    }
}

/// A row of widgets in the interface's direction: left to right, or right to left in an
/// Arabic interface, whatever the layout around it.
pub fn row<R>(ui: &mut egui::Ui, add_contents: impl FnOnce(&mut egui::Ui) -> R) -> R {
    let layout = if i18n::is_rtl() {
        Layout::right_to_left(Align::Center)
    } else {
        Layout::left_to_right(Align::Center)
    };
    // As egui's `horizontal`: one line high to start with, growing with what it holds.
    let size = Vec2::new(ui.available_width(), ui.spacing().interact_size.y);
    ui.allocate_ui_with_layout(size, layout, add_contents).inner
}

/// A label of interface text (a message of the window's language), in the theme's colour.
pub fn label(ui: &mut egui::Ui, engine: &mut TextEngine, text: &str) -> Response {
    super::engine_label(ui, engine, text)
}

/// A label in the theme's weak colour: hints, secondary figures.
pub fn weak_label(ui: &mut egui::Ui, engine: &mut TextEngine, text: &str) -> Response {
    let color = ui.visuals().weak_text_color();
    super::text_line::engine_colored_label(ui, engine, text, color)
}

/// A label in `color`: a warning, an error.
pub fn colored_label(
    ui: &mut egui::Ui,
    engine: &mut TextEngine,
    text: &str,
    color: Color32,
) -> Response {
    super::text_line::engine_colored_label(ui, engine, text, color)
}

/// A heading: the title of a window or a section, at egui's heading size.
pub fn heading(ui: &mut egui::Ui, engine: &mut TextEngine, text: &str) -> Response {
    let size = egui::TextStyle::Heading.resolve(ui.style()).size;
    let text = EngineText::new(ui, engine, text, size);
    let (rect, response) = ui.allocate_exact_size(text.size(), Sense::hover());
    named(ui, &response, Role::Label, text.name());
    if ui.is_rect_visible(rect) {
        text.paint(ui.painter(), rect, ui.visuals().strong_text_color());
    }
    response
}

/// A button.
pub fn button(ui: &mut egui::Ui, engine: &mut TextEngine, text: &str) -> Response {
    let text = EngineText::body(ui, engine, text);
    let name = text.name().to_owned();
    let response = ui.add(egui::Button::new(text.atom()));
    named(ui, &response, Role::Button, &name);
    response
}

/// A small button (a row's accept or reject): no padding.
pub fn small_button(ui: &mut egui::Ui, engine: &mut TextEngine, text: &str) -> Response {
    let text = EngineText::body(ui, engine, text);
    let name = text.name().to_owned();
    let response = ui.add(egui::Button::new(text.atom()).small());
    named(ui, &response, Role::Button, &name);
    response
}

/// A button that can be greyed out.
pub fn button_enabled(
    ui: &mut egui::Ui,
    engine: &mut TextEngine,
    enabled: bool,
    text: &str,
) -> Response {
    ui.add_enabled_ui(enabled, |ui| button(ui, engine, text))
        .inner
}

/// A button drawn chosen when `selected` (one of a set of choices).
pub fn selectable(
    ui: &mut egui::Ui,
    engine: &mut TextEngine,
    selected: bool,
    text: &str,
) -> Response {
    let text = EngineText::body(ui, engine, text);
    let name = text.name().to_owned();
    let response = ui.add(egui::Button::selectable(selected, text.atom()));
    named_toggle(ui, &response, Role::Button, selected, &name);
    response
}

/// A choice of a set: clicking it makes `current` `value`.
pub fn selectable_value<T: PartialEq>(
    ui: &mut egui::Ui,
    engine: &mut TextEngine,
    current: &mut T,
    value: T,
    text: &str,
) -> Response {
    let response = selectable(ui, engine, *current == value, text);
    choose_on_click(response, current, value)
}

/// Makes `current` `value` when `response` (a choice of a set) was clicked and it was not
/// already, marking the response changed.
fn choose_on_click<T: PartialEq>(mut response: Response, current: &mut T, value: T) -> Response {
    if response.clicked() && *current != value {
        *current = value;
        response.mark_changed();
    }
    response
}

/// Where a check box's or radio button's mark and its text go in `rect`: the mark at the
/// leading edge (the right one in a right-to-left interface), the text after it.
fn mark_and_text(ui: &egui::Ui, rect: Rect) -> (Rect, Rect) {
    let icon = ui.spacing().icon_width;
    let gap = ui.spacing().icon_spacing;
    let y = rect.center().y - icon / 2.0;
    if i18n::is_rtl() {
        let mark = Rect::from_min_size(Pos2::new(rect.max.x - icon, y), Vec2::splat(icon));
        let text = Rect::from_x_y_ranges(rect.min.x..=mark.min.x - gap, rect.y_range());
        (mark, text)
    } else {
        let mark = Rect::from_min_size(Pos2::new(rect.min.x, y), Vec2::splat(icon));
        let text = Rect::from_x_y_ranges(mark.max.x + gap..=rect.max.x, rect.y_range());
        (mark, text)
    }
}

/// Room for a mark and its text, clicked as one.
fn allocate_marked(ui: &mut egui::Ui, text: &EngineText) -> (Rect, Response) {
    let spacing = ui.spacing();
    let size = Vec2::new(
        spacing.icon_width + spacing.icon_spacing + text.size().x,
        spacing
            .interact_size
            .y
            .max(text.size().y.min(spacing.icon_width * 1.6)),
    );
    ui.allocate_exact_size(size, Sense::click())
}

/// A check box with its text, the box at the leading edge (right of the text in Arabic).
pub fn checkbox(
    ui: &mut egui::Ui,
    engine: &mut TextEngine,
    checked: &mut bool,
    text: &str,
) -> Response {
    let text = EngineText::body(ui, engine, text);
    let (rect, mut response) = allocate_marked(ui, &text);
    if response.clicked() {
        *checked = !*checked;
        response.mark_changed();
    }
    named_toggle(ui, &response, Role::CheckBox, *checked, text.name());
    if ui.is_rect_visible(rect) {
        let visuals = ui.style().interact(&response);
        let (mark, text_rect) = mark_and_text(ui, rect);
        ui.painter().rect(
            mark.expand(visuals.expansion),
            visuals.corner_radius,
            visuals.bg_fill,
            visuals.bg_stroke,
            egui::StrokeKind::Inside,
        );
        if *checked {
            let small = mark.shrink(mark.width() * 0.2);
            ui.painter().add(Shape::line(
                vec![
                    Pos2::new(small.left(), small.center().y),
                    Pos2::new(small.center().x, small.bottom()),
                    Pos2::new(small.right(), small.top()),
                ],
                visuals.fg_stroke,
            ));
        }
        text.paint(ui.painter(), text_rect, visuals.text_color());
    }
    response
}

/// A radio button with its text, the circle at the leading edge.
pub fn radio(ui: &mut egui::Ui, engine: &mut TextEngine, selected: bool, text: &str) -> Response {
    let text = EngineText::body(ui, engine, text);
    let (rect, response) = allocate_marked(ui, &text);
    named_toggle(ui, &response, Role::RadioButton, selected, text.name());
    if ui.is_rect_visible(rect) {
        let visuals = ui.style().interact(&response);
        let (mark, text_rect) = mark_and_text(ui, rect);
        let painter = ui.painter();
        painter.circle(
            mark.center(),
            mark.width() / 2.0 + visuals.expansion,
            visuals.bg_fill,
            visuals.bg_stroke,
        );
        if selected {
            painter.circle_filled(mark.center(), mark.width() / 4.0, visuals.fg_stroke.color);
        }
        text.paint(painter, text_rect, visuals.text_color());
    }
    response
}

/// A radio button of a set: clicking it makes `current` `value`.
pub fn radio_value<T: PartialEq>(
    ui: &mut egui::Ui,
    engine: &mut TextEngine,
    current: &mut T,
    value: T,
    text: &str,
) -> Response {
    let response = radio(ui, engine, *current == value, text);
    choose_on_click(response, current, value)
}

/// An item of a menu: its text at the leading edge, its shortcut at the other; drawn
/// chosen when `selected` is `Some(true)` (a panel that is shown), greyed out when not
/// `enabled`.
pub fn menu_item(
    ui: &mut egui::Ui,
    engine: &mut TextEngine,
    text: &str,
    shortcut: &str,
    selected: Option<bool>,
    enabled: bool,
) -> Response {
    let text = EngineText::body(ui, engine, text);
    let name = text.name().to_owned();
    let shortcut_text = shortcut.to_owned();
    let shortcut = egui::RichText::new(shortcut).weak();
    let atoms = ends(text.atom(), Atom::from(shortcut));
    let mut button = egui::Button::new(atoms);
    if let Some(on) = selected {
        button = button.selected(on);
    }
    let response = ui.add_enabled(enabled, button);
    match selected {
        Some(on) => named_toggle(ui, &response, Role::Button, on, &name),
        None => named(ui, &response, Role::Button, &name),
    }
    if !shortcut_text.is_empty() {
        ui.ctx().accesskit_node_builder(response.id, |node| {
            node.set_keyboard_shortcut(shortcut_text.clone());
        });
    }
    response
}

/// A row's atoms with `leading` at the edge the interface reads from and `trailing` at the
/// other, the space between them growing.
fn ends(
    leading: Atom<'static>,
    trailing: Atom<'static>,
) -> (Atom<'static>, Atom<'static>, Atom<'static>) {
    if i18n::is_rtl() {
        (trailing, Atom::grow(), leading)
    } else {
        (leading, Atom::grow(), trailing)
    }
}

/// A menu of the menu bar: its title (laid out by the caller, whose engine the menu's
/// items borrow), and the menu under it while open — under the
/// title's right edge in a right-to-left interface, and laid out right to left. Moving
/// the pointer onto another title of the same bar while one is open opens that one.
pub fn menu_button<R>(
    ui: &mut egui::Ui,
    text: EngineText,
    add_contents: impl FnOnce(&mut egui::Ui) -> R,
) -> Response {
    let name = text.name().to_owned();
    let response = ui.add(egui::Button::new(text.atom()).frame_when_inactive(false));
    named(ui, &response, Role::Button, &name);
    let mut popup = egui::Popup::menu(&response).align(if i18n::is_rtl() {
        egui::RectAlign::BOTTOM_END
    } else {
        egui::RectAlign::BOTTOM_START
    });
    let popup_id = popup.get_id();
    // The bar remembers its open menu, as egui's own menu bar does.
    let bar_open = ui.scope_id().with("taliq_open_menu");
    if response.hovered() && !response.clicked() {
        let open_now = ui.data(|d| d.get_temp::<egui::Id>(bar_open));
        if let Some(open_now) = open_now
            && open_now != popup_id
            && egui::Popup::is_id_open(ui.ctx(), open_now)
        {
            popup = popup.open_memory(Some(egui::SetOpenCommand::Bool(true)));
        }
    }
    let shown = popup.show(|ui| {
        ui.set_min_width(160.0);
        add_contents(ui)
    });
    if shown.is_some() {
        ui.data_mut(|d| d.insert_temp(bar_open, popup_id));
    }
    response
}

/// A menu inside a menu (File → Open Recent): its title with an arrow, its items beside it.
pub fn submenu<R>(
    ui: &mut egui::Ui,
    text: EngineText,
    add_contents: impl FnOnce(&mut egui::Ui) -> R,
) -> Response {
    let name = text.name().to_owned();
    let arrow = submenu_arrow();
    let atoms = ends(text.atom(), arrow);
    let (response, _) =
        egui::containers::menu::SubMenuButton::from_button(egui::Button::new(atoms))
            .ui(ui, add_contents);
    named(ui, &response, Role::Button, &name);
    response
}

/// The arrow of a submenu's item, pointing the way the submenu opens: right, or left in a
/// right-to-left interface.
fn submenu_arrow() -> Atom<'static> {
    let rtl = i18n::is_rtl();
    AtomKind::closure(move |ui, _args| {
        let size = Vec2::splat(ui.spacing().icon_width);
        IntoSizedResult {
            intrinsic_size: size,
            sized: SizedAtomKind::Paint {
                paint: Arc::new(move |ui: &egui::Ui, args: egui::AtomPaintArgs| {
                    let rect = Rect::from_center_size(
                        args.rect.center(),
                        Vec2::new(args.rect.width() * 0.55, args.rect.height() * 0.35),
                    );
                    let quarter = std::f32::consts::TAU / 4.0;
                    let angle = if rtl { quarter } else { -quarter };
                    ui.painter().add(Shape::rotated_triangle(
                        rect,
                        angle,
                        args.fallback_text_color,
                    ));
                }),
                size,
            },
        }
    })
    .into()
}

/// The title row of a window drawn by taliq (`egui::Window::title_bar(false)`): its title
/// at the leading edge and a close button at the other, which clears `open`.
pub fn title_bar(ui: &mut egui::Ui, engine: &mut TextEngine, title: &str, open: &mut bool) {
    row(ui, |ui| {
        heading(ui, engine, title);
        let layout = if i18n::is_rtl() {
            Layout::left_to_right(Align::Center)
        } else {
            Layout::right_to_left(Align::Center)
        };
        ui.with_layout(layout, |ui| {
            // The cross is painted, not a "✕" glyph: egui's own fonts lack it (a panic in
            // a window without the system's fonts, as under test).
            let side = ui.spacing().interact_size.y;
            let close = ui.add(
                egui::Button::new("")
                    .min_size(Vec2::splat(side))
                    .frame_when_inactive(false),
            );
            let cross = close.rect.shrink(side * 0.3);
            let stroke = ui.style().interact(&close).fg_stroke;
            ui.painter()
                .line_segment([cross.left_top(), cross.right_bottom()], stroke);
            ui.painter()
                .line_segment([cross.right_top(), cross.left_bottom()], stroke);
            // Its accessible name is the interface's text for what the cross means.
            named(ui, &close, Role::Button, &i18n::tr!("window-close"));
            if close.clicked() {
                *open = false;
            }
        });
    });
    ui.separator();
}

/// A window of the interface with its title drawn by the engine: egui's own title bar
/// would show an Arabic title in isolated letters. `id_salt` names it for egui's memory
/// (position, size); its contents run in the interface's direction.
pub fn window(id_salt: &str) -> egui::Window<'static> {
    egui::Window::new(id_salt.to_owned())
        .id(egui::Id::unique(("taliq_window", id_salt)))
        .title_bar(false)
}

/// The width of `text` as a label of the interface.
pub fn label_width(ui: &egui::Ui, engine: &mut TextEngine, text: &str) -> f32 {
    let size = egui::TextStyle::Body.resolve(ui.style()).size;
    line_width(engine, &interface_line(text), ui_font(size)) + 2.0
}

/// One row of a two-column grid of options: `caption` and the control `add` draws, named
/// by the caption when `name_control` (a check box keeps its own text as its name); the
/// caption on the right in a right-to-left interface (a grid does not mirror itself).
pub fn grid_row(
    ui: &mut egui::Ui,
    engine: &mut TextEngine,
    caption: &str,
    name_control: bool,
    add: impl FnOnce(&mut egui::Ui, &mut TextEngine) -> Response,
) {
    let (control, caption) = if i18n::is_rtl() {
        let control = add(ui, engine);
        (control, label(ui, engine, caption))
    } else {
        let caption = label(ui, engine, caption);
        (add(ui, engine), caption)
    };
    if name_control {
        control.labelled_by(caption.id);
    }
    ui.end_row();
}
