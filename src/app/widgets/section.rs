//! A section of a side panel: a heading that folds and unfolds it. Whether each section is
//! open is kept in egui's persisted memory, which eframe saves between runs with the
//! panels' widths, so a section folded away stays folded.

/// Where the open or closed state of the section `name` is kept.
fn section_id(name: &str) -> egui::Id {
    egui::Id::unique(("taliq-section", name))
}

/// Whether the section `name` is open (sections start open).
pub fn is_section_open(ctx: &egui::Context, name: &str) -> bool {
    ctx.data_mut(|data| *data.get_persisted_mut_or(section_id(name), true))
}

/// Draws the section `name`: its heading, which folds it on a click, and while it is open,
/// what `add` draws. Returns what `add` returned, if it ran.
pub fn section<R>(
    ui: &mut egui::Ui,
    name: &str,
    add: impl FnOnce(&mut egui::Ui) -> R,
) -> Option<R> {
    let id = section_id(name);
    let open = is_section_open(ui.ctx(), name);
    let shown = egui::CollapsingHeader::new(egui::RichText::new(name).strong())
        .id_salt(id)
        .open(Some(open))
        // Unindented: the side panels are narrow, and Arabic lines need their width.
        .show_unindented(ui, add);
    if shown.header_response.clicked() {
        ui.ctx().data_mut(|data| data.insert_persisted(id, !open));
    }
    shown.body_returned
}

/// As [`section`], with its heading drawn by the text engine in the interface's direction
/// (egui's own heading would show an Arabic title in isolated letters, its arrow always at
/// the left): `key` names it in memory, the same in every language so that a section folded
/// stays folded when the language changes; `title` is what it shows.
pub fn titled_section<R>(
    ui: &mut egui::Ui,
    engine: &mut super::TextEngine,
    key: &str,
    title: &str,
    add: impl FnOnce(&mut egui::Ui) -> R,
) -> Option<R> {
    section_heading(ui, engine, key, title).then(|| add(ui))
}

/// The heading of [`titled_section`] alone: draws it, folds or unfolds the section on a
/// click, and returns whether it is open; the caller then draws the contents (which may
/// need the engine too).
pub fn section_heading(
    ui: &mut egui::Ui,
    engine: &mut super::TextEngine,
    key: &str,
    title: &str,
) -> bool {
    use egui::{Pos2, Rect, Sense, Shape, Vec2};
    let id = section_id(key);
    let mut open = is_section_open(ui.ctx(), key);
    let text = super::interface::EngineText::body(ui, engine, title);
    let icon = ui.spacing().icon_width;
    let gap = ui.spacing().icon_spacing;
    let height = ui.spacing().interact_size.y.max(text.size().y);
    let width = ui.available_width().max(icon + gap + text.size().x);
    let (rect, response) = ui.allocate_exact_size(Vec2::new(width, height), Sense::click());
    response.widget_info(|| {
        egui::WidgetInfo::labeled(egui::Role::DisclosureTriangle, ui.is_enabled(), text.name())
    });
    ui.ctx().accesskit_node_builder(response.id, |node| {
        node.set_author_id(super::ENGINE_TEXT);
        node.set_expanded(open);
    });
    if response.clicked() {
        open = !open;
        ui.ctx().data_mut(|data| data.insert_persisted(id, open));
    }
    if ui.is_rect_visible(rect) {
        let rtl = crate::app::i18n::is_rtl();
        let visuals = ui.style().interact(&response);
        let y = rect.center().y - icon / 2.0;
        let (mark, text_rect) = if rtl {
            let mark = Rect::from_min_size(Pos2::new(rect.max.x - icon, y), Vec2::splat(icon));
            (
                mark,
                Rect::from_x_y_ranges(rect.min.x..=mark.min.x - gap, rect.y_range()),
            )
        } else {
            let mark = Rect::from_min_size(Pos2::new(rect.min.x, y), Vec2::splat(icon));
            (
                mark,
                Rect::from_x_y_ranges(mark.max.x + gap..=rect.max.x, rect.y_range()),
            )
        };
        // Open: pointing down; folded: pointing the way the interface reads.
        let m = mark.shrink(icon * 0.25);
        let points = if open {
            vec![m.left_top(), m.right_top(), m.center_bottom()]
        } else if rtl {
            vec![m.right_top(), m.right_bottom(), m.left_center()]
        } else {
            vec![m.left_top(), m.left_bottom(), m.right_center()]
        };
        ui.painter().add(Shape::convex_polygon(
            points,
            visuals.fg_stroke.color,
            egui::Stroke::NONE,
        ));
        text.paint(ui.painter(), text_rect, ui.visuals().strong_text_color());
    }
    open
}
