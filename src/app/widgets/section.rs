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
