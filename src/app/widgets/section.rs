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

/// Draws the heading of the section `name` (its id: the same in every language): `title`,
/// a message of the interface drawn by the text engine (egui's folding header would show
/// an Arabic title in isolated letters), the arrow at the leading edge; a click folds or
/// unfolds it. Returns whether the section is open: the caller then draws its contents
/// (which may need the engine too).
pub fn section_heading(
    ui: &mut egui::Ui,
    engine: &mut super::TextEngine,
    name: &str,
    title: &str,
) -> bool {
    let id = section_id(name);
    let open = is_section_open(ui.ctx(), name);
    let text = super::interface::EngineText::body(ui, engine, title);
    let icon = ui.spacing().icon_width;
    let gap = ui.spacing().icon_spacing;
    let height = ui.spacing().interact_size.y.max(text.size().y);
    let width = (icon + gap + text.size().x).max(ui.available_width());
    let (rect, response) = ui.allocate_exact_size(egui::vec2(width, height), egui::Sense::click());
    response.widget_info(|| {
        egui::WidgetInfo::selected(egui::Role::DisclosureTriangle, true, open, text.name())
    });
    if ui.is_rect_visible(rect) {
        let visuals = ui.style().interact(&response);
        let rtl = crate::app::i18n::is_rtl();
        let mark_x = if rtl {
            rect.max.x - icon / 2.0
        } else {
            rect.min.x + icon / 2.0
        };
        let centre = egui::pos2(mark_x, rect.center().y);
        let r = icon * 0.3;
        // Open: pointing down; closed: pointing the way the lines read.
        let points = if open {
            vec![
                centre + egui::vec2(-r, -r * 0.6),
                centre + egui::vec2(r, -r * 0.6),
                centre + egui::vec2(0.0, r * 0.8),
            ]
        } else {
            let ahead = if rtl { -1.0 } else { 1.0 };
            vec![
                centre + egui::vec2(-r * 0.6 * ahead, -r),
                centre + egui::vec2(-r * 0.6 * ahead, r),
                centre + egui::vec2(r * 0.8 * ahead, 0.0),
            ]
        };
        ui.painter().add(egui::Shape::convex_polygon(
            points,
            visuals.fg_stroke.color,
            egui::Stroke::NONE,
        ));
        let text_rect = if rtl {
            egui::Rect::from_x_y_ranges(rect.min.x..=rect.max.x - icon - gap, rect.y_range())
        } else {
            egui::Rect::from_x_y_ranges(rect.min.x + icon + gap..=rect.max.x, rect.y_range())
        };
        text.paint(ui.painter(), text_rect, ui.visuals().strong_text_color());
    }
    if response.clicked() {
        ui.ctx().data_mut(|data| data.insert_persisted(id, !open));
    }
    open
}
