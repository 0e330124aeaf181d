//! The label-set editor: labels (add, rename — spans follow —, recolour, keys and
//! descriptions), relation types (name, colour, key, the labels they link) and document
//! labels (name, values, one or several), applied as one undoable step.

use crate::app::AppState;
use crate::app::labels::drafts::{DocumentLabelDraft, LinkDrafts};
use crate::app::widgets::TextEngine;
use crate::app::widgets::bidi_field::BidiField;
use crate::model::{Color, RelationLabel};

/// The id of row `row`'s field `field` (names and descriptions may be Arabic: bidi fields).
fn field_id(field: &str, row: usize) -> egui::Id {
    egui::Id::unique("taliq-label-editor").with(field).with(row)
}

/// A hotkey's field: the last character typed is the key, none when empty.
fn key_field(ui: &mut egui::Ui, key: &mut Option<char>) {
    let mut text = key.map(String::from).unwrap_or_default();
    let field = egui::TextEdit::singleline(&mut text)
        .hint_text("key")
        .desired_width(28.0);
    if ui.add(field).changed() {
        *key = text.chars().last();
    }
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
                        key_field(ui, &mut label.key);
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
            // Relation types name labels: the drafts' names, each with the name it had.
            let labels: Vec<(Option<String>, String)> = drafts
                .iter()
                .map(|(old, l)| (old.clone(), l.name.clone()))
                .collect();
            let label_colors: Vec<Color> = drafts.iter().map(|(_, l)| l.color).collect();
            if let Some(links) = state.link_drafts.as_mut() {
                ui.separator();
                relation_types(ui, engine, links, &labels, &label_colors);
                ui.separator();
                document_labels(ui, engine, links);
            }
            ui.separator();
            ui.horizontal(|ui| {
                apply = ui.button("apply").clicked();
                cancel = ui.button("cancel").clicked();
            });
        });
    if cancel {
        state.cancel_label_drafts();
    } else if apply && let Err(e) = state.apply_label_drafts() {
        state.say(e);
    }
}

/// A relation type's span labels as a menu of checkboxes over the drafts' labels (a label
/// renamed in the drafts is still recognised by the name it had); none ticked: any.
fn span_label_choice(
    ui: &mut egui::Ui,
    id: &str,
    chosen: &mut Vec<String>,
    labels: &[(Option<String>, String)],
) {
    let has = |chosen: &[String], (old, name): &(Option<String>, String)| {
        chosen.iter().any(|c| c == name || Some(c) == old.as_ref())
    };
    let text = if chosen.is_empty() {
        "any".to_owned()
    } else {
        labels
            .iter()
            .filter(|l| has(chosen, l))
            .map(|(_, name)| name.clone())
            .collect::<Vec<_>>()
            .join(", ")
    };
    ui.push_id(id, |ui| {
        ui.menu_button(text, |ui| {
            for label in labels {
                let mut on = has(chosen, label);
                if ui.checkbox(&mut on, &label.1).changed() {
                    chosen.retain(|c| c != &label.1 && Some(c) != label.0.as_ref());
                    if on {
                        chosen.push(label.1.clone());
                    }
                }
            }
        });
    });
}

/// The relation types: name, colour, key, the labels they go from and to; add and remove.
fn relation_types(
    ui: &mut egui::Ui,
    engine: &mut TextEngine,
    links: &mut LinkDrafts,
    labels: &[(Option<String>, String)],
    label_colors: &[Color],
) {
    ui.strong("Relation types");
    let mut remove = None;
    egui::Grid::new("relation-type-editor")
        .num_columns(6)
        .show(ui, |ui| {
            if !links.relations.is_empty() {
                for heading in ["name", "colour", "key", "from", "to"] {
                    ui.strong(heading);
                }
                ui.end_row();
            }
            for (i, (_, kind)) in links.relations.iter_mut().enumerate() {
                BidiField::new(&mut kind.name, field_id("relation", i))
                    .hint("name")
                    .desired_width(100.0)
                    .show(ui, engine);
                ui.color_edit_button_srgb(&mut kind.color.0);
                key_field(ui, &mut kind.key);
                span_label_choice(ui, &format!("from{i}"), &mut kind.from, labels);
                span_label_choice(ui, &format!("to{i}"), &mut kind.to, labels);
                if ui.button("remove").clicked() {
                    remove = Some(i);
                }
                ui.end_row();
            }
        });
    if let Some(i) = remove {
        links.relations.remove(i);
    }
    if ui.button("add relation type").clicked() {
        let n = links.relations.len() + 1;
        let relations: Vec<Color> = links.relations.iter().map(|(_, r)| r.color).collect();
        let color = crate::model::relation_palette_color(label_colors, &relations);
        links
            .relations
            .push((None, RelationLabel::new(&format!("relation{n}"), color)));
    }
}

/// The document labels: name, values (comma-separated), one or several; add and remove.
fn document_labels(ui: &mut egui::Ui, engine: &mut TextEngine, links: &mut LinkDrafts) {
    ui.strong("Document labels");
    let mut remove = None;
    egui::Grid::new("document-label-editor")
        .num_columns(4)
        .show(ui, |ui| {
            for (i, label) in links.document_labels.iter_mut().enumerate() {
                BidiField::new(&mut label.name, field_id("document label", i))
                    .hint("name")
                    .desired_width(100.0)
                    .show(ui, engine);
                BidiField::new(&mut label.values, field_id("values", i))
                    .hint("values, separated by commas")
                    .desired_width(220.0)
                    .show(ui, engine);
                ui.checkbox(&mut label.multiple, "several");
                if ui.button("remove").clicked() {
                    remove = Some(i);
                }
                ui.end_row();
            }
        });
    if let Some(i) = remove {
        links.document_labels.remove(i);
    }
    if ui.button("add document label").clicked() {
        let n = links.document_labels.len() + 1;
        links.document_labels.push(DocumentLabelDraft {
            original: None,
            name: format!("label{n}"),
            values: String::new(),
            multiple: false,
        });
    }
}
