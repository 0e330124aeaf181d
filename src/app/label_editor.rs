//! The label-set editor: add, rename (spans follow), recolour, set keys and descriptions,
//! applied as one undoable step.

use super::AppState;
use super::bidi_field::BidiField;
use super::document_view::TextEngine;

/// The id of row `row`'s field `field` (names and descriptions may be Arabic: bidi fields).
fn field_id(field: &str, row: usize) -> egui::Id {
    egui::Id::unique("taliq-label-editor").with(field).with(row)
}

/// Draws the editor window over the drafts in `state.label_drafts`.
pub fn show(ctx: &egui::Context, state: &mut AppState, engine: &mut TextEngine) {
    let mut apply = false;
    let mut cancel = false;
    egui::Window::new("Labels")
        .collapsible(false)
        .show(ctx, |ui| {
            let Some(drafts) = state.label_drafts.as_mut() else {
                return;
            };
            let mut remove = None;
            egui::Grid::new("label-editor")
                .num_columns(5)
                .show(ui, |ui| {
                    ui.strong("name");
                    ui.strong("colour");
                    ui.strong("key");
                    ui.strong("description");
                    ui.end_row();
                    for (i, (_, label)) in drafts.iter_mut().enumerate() {
                        BidiField::new(&mut label.name, field_id("name", i))
                            .hint("name")
                            .desired_width(100.0)
                            .show(ui, engine);
                        ui.color_edit_button_srgb(&mut label.color.0);
                        let mut key = label.key.map(String::from).unwrap_or_default();
                        if ui
                            .add(
                                egui::TextEdit::singleline(&mut key)
                                    .hint_text("key")
                                    .desired_width(24.0),
                            )
                            .changed()
                        {
                            label.key = key.chars().last();
                        }
                        let mut description = label.description.clone().unwrap_or_default();
                        if BidiField::new(&mut description, field_id("description", i))
                            .hint("description")
                            .desired_width(200.0)
                            .show(ui, engine)
                            .changed()
                        {
                            label.description = (!description.is_empty()).then_some(description);
                        }
                        if ui.button("remove").clicked() {
                            remove = Some(i);
                        }
                        ui.end_row();
                    }
                });
            if let Some(i) = remove {
                drafts.remove(i);
            }
            ui.horizontal(|ui| {
                if ui.button("add label").clicked() {
                    let n = drafts.len() + 1;
                    drafts.push((
                        None,
                        crate::model::Label::new(
                            &format!("LABEL{n}"),
                            crate::model::Color([0x80, 0x80, 0x80]),
                            None,
                            None,
                        ),
                    ));
                }
                apply = ui.button("apply").clicked();
                cancel = ui.button("cancel").clicked();
            });
        });
    if cancel {
        state.label_drafts = None;
    } else if apply && let Err(e) = state.apply_label_drafts() {
        state.say(e);
    }
}
