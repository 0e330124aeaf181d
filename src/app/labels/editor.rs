//! The label-set editor: labels (add, rename — spans follow —, recolour, keys and
//! descriptions), relation types (name, colour, key, the labels they link) and document
//! labels (name, values, one or several), applied as one undoable step.

use crate::app::AppState;
use crate::app::i18n::{self, tr};
use crate::app::labels::drafts::{DocumentLabelDraft, LinkDrafts};
use crate::app::widgets::TextEngine;
use crate::app::widgets::bidi_field::BidiField;
use crate::app::widgets::interface::{self, mirrored};
use crate::model::{Color, Label, RelationLabel};

/// The id of row `row`'s field `field` (names and descriptions may be Arabic: bidi fields).
fn field_id(field: &str, row: usize) -> egui::Id {
    egui::Id::unique("taliq-label-editor").with(field).with(row)
}

/// A hotkey's field: the last character typed is the key, none when empty (its column's
/// heading names it).
fn key_field(ui: &mut egui::Ui, key: &mut Option<char>) {
    let mut text = key.map(String::from).unwrap_or_default();
    let field = egui::TextEdit::singleline(&mut text).desired_width(28.0);
    let response = ui.add(field);
    // Named as its column (egui's own hint would draw an Arabic word in isolated letters).
    response.widget_info(|| {
        egui::WidgetInfo::text_edit(ui.is_enabled(), "", &text, tr!("labels-column-key"))
    });
    if response.changed() {
        *key = text.chars().last();
    }
}

/// A cell of a row of the editor's grids.
type Cell<'a> = Box<dyn FnOnce(&mut egui::Ui, &mut TextEngine) + 'a>;

/// `draw` as a cell of a row.
fn cell<'a>(draw: impl FnOnce(&mut egui::Ui, &mut TextEngine) + 'a) -> Cell<'a> {
    Box::new(draw)
}

/// The widths of a grid's columns, left to right, as its cells were drawn in the frame
/// before (egui's grid keeps its own to itself): a heading needs its column's width to
/// sit at the column's right edge in a right-to-left interface.
#[derive(Debug, Clone, Default)]
struct ColumnWidths {
    /// The frame the widths of `now` are being measured in.
    frame: u64,
    /// The widths the frame before measured.
    before: Vec<f32>,
    /// The widths measured so far in this frame.
    now: Vec<f32>,
}

impl ColumnWidths {
    /// Where the widths of the grid `ui` draws in are kept.
    fn key(ui: &egui::Ui) -> egui::Id {
        ui.scope_id().with("taliq-column-widths")
    }

    /// The widths of the grid `ui` draws in, the frame before's and this frame's so far.
    fn of(ui: &egui::Ui) -> Self {
        let frame = ui.ctx().cumulative_frame_nr();
        let mut widths: Self = ui.data(|d| d.get_temp(Self::key(ui))).unwrap_or_default();
        if widths.frame != frame {
            widths.before = std::mem::take(&mut widths.now);
            widths.frame = frame;
        }
        widths
    }

    /// Column `column` (from the left) as wide as it was the frame before.
    fn before(&self, column: usize) -> Option<f32> {
        self.before.get(column).copied()
    }

    /// Makes column `column` at least `width` wide in this frame.
    fn measured(&mut self, column: usize, width: f32) {
        if self.now.len() <= column {
            self.now.resize(column + 1, 0.0);
        }
        self.now[column] = self.now[column].max(width);
    }
}

/// Draws a row of a grid in the interface's reading order (an egui grid always fills its
/// columns from the left: in Arabic the first cell must go last), measuring each column's
/// width for the headings, then ends the row.
fn row_in_reading_order(ui: &mut egui::Ui, engine: &mut TextEngine, mut cells: Vec<Cell<'_>>) {
    if i18n::is_rtl() {
        cells.reverse();
    }
    let mut widths = ColumnWidths::of(ui);
    for (column, draw) in cells.into_iter().enumerate() {
        let drawn = ui.scope(|ui| draw(ui, engine)).response.rect;
        widths.measured(column, drawn.width());
    }
    ui.data_mut(|d| d.insert_temp(ColumnWidths::key(ui), widths));
    ui.end_row();
}

/// A grid's row of column headings (messages), with `blanks` empty cells after them; each
/// heading at the start of its column: its left edge, or its right edge in a right-to-left
/// interface.
fn heading_row(ui: &mut egui::Ui, engine: &mut TextEngine, headings: &[String], blanks: usize) {
    let rtl = i18n::is_rtl();
    let widths = ColumnWidths::of(ui);
    let count = headings.len() + blanks;
    let mut cells: Vec<Cell<'_>> = headings
        .iter()
        .enumerate()
        .map(|(i, heading)| {
            // Its column from the left: the cells of a right-to-left row are drawn reversed.
            let width = widths.before(if rtl { count - 1 - i } else { i });
            cell(move |ui, engine| {
                let strong = ui.visuals().strong_text_color();
                match width {
                    Some(width) if rtl => {
                        let size = egui::vec2(width, ui.spacing().interact_size.y);
                        let layout = egui::Layout::right_to_left(egui::Align::Center);
                        ui.allocate_ui_with_layout(size, layout, |ui| {
                            interface::colored_label(ui, engine, heading, strong);
                        });
                    }
                    _ => {
                        interface::colored_label(ui, engine, heading, strong);
                    }
                }
            })
        })
        .collect();
    for _ in 0..blanks {
        cells.push(cell(|ui, _| {
            ui.label("");
        }));
    }
    row_in_reading_order(ui, engine, cells);
}

/// The cells a label and a relation type begin with: its name (a bidi field named `field`
/// in egui's memory, of row `row`), its colour and its key.
fn name_colour_key_cells<'a>(
    field: &'static str,
    row: usize,
    hint: &'a str,
    name: &'a mut String,
    color: &'a mut Color,
    key: &'a mut Option<char>,
) -> Vec<Cell<'a>> {
    vec![
        cell(move |ui, engine| {
            BidiField::new(name, field_id(field, row))
                .hint(hint)
                .desired_width(100.0)
                .show(ui, engine);
        }),
        cell(move |ui, _| {
            ui.color_edit_button_srgb(&mut color.0);
        }),
        cell(move |ui, _| key_field(ui, key)),
    ]
}

/// Runs `add` in a left-to-right layout: egui's grid refuses a right-to-left one, and
/// [`row_in_reading_order`] puts the cells in reading order itself. The layout's scope is
/// named `grid`: each grid keeps its own [`ColumnWidths`].
fn grid_layout<R>(ui: &mut egui::Ui, grid: &str, add: impl FnOnce(&mut egui::Ui) -> R) -> R {
    let layout = egui::Layout::top_down(egui::Align::Min);
    ui.scope_builder(egui::UiBuilder::new().id_salt(grid).layout(layout), add)
        .inner
}

/// A "remove" button that sets `remove` to `row` when clicked.
fn remove_cell(remove: &mut Option<usize>, row: usize) -> Cell<'_> {
    cell(move |ui, engine| {
        if interface::button(ui, engine, &tr!("labels-remove")).clicked() {
            *remove = Some(row);
        }
    })
}

/// A strong line of interface text: the title of a part of the editor.
fn part_title(ui: &mut egui::Ui, engine: &mut TextEngine, text: &str) {
    let strong = ui.visuals().strong_text_color();
    interface::colored_label(ui, engine, text, strong);
}

/// Draws the editor window over the drafts in `state.label_drafts`.
pub fn show(ctx: &egui::Context, state: &mut AppState, engine: &mut TextEngine) {
    let mut apply = false;
    let mut cancel = false;
    let mut open = true;
    interface::window("labels")
        .collapsible(false)
        .show(ctx, |ui| {
            interface::title_bar(ui, engine, &tr!("labels-title"), &mut open);
            mirrored(ui, |ui| {
                let Some(drafts) = state.label_drafts.as_mut() else {
                    return;
                };
                label_rows(ui, engine, drafts);
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
                    apply = interface::button(ui, engine, &tr!("labels-apply")).clicked();
                    cancel = interface::button(ui, engine, &tr!("labels-cancel")).clicked();
                });
            });
        });
    if cancel || !open {
        state.cancel_label_drafts();
    } else if apply && let Err(e) = state.apply_label_drafts() {
        state.say(e);
    }
}

/// The labels: name, colour, key, description; add and remove.
fn label_rows(
    ui: &mut egui::Ui,
    engine: &mut TextEngine,
    drafts: &mut Vec<(Option<String>, Label)>,
) {
    let mut remove = None;
    let name_hint = tr!("labels-name-hint");
    let description_hint = tr!("labels-description-hint");
    grid_layout(ui, "label-editor", |ui| {
        egui::Grid::new("label-editor")
            .num_columns(5)
            .show(ui, |ui| {
                let headings = [
                    tr!("labels-column-name"),
                    tr!("labels-column-colour"),
                    tr!("labels-column-key"),
                    tr!("labels-column-description"),
                ];
                heading_row(ui, engine, &headings, 1);
                for (i, (_, label)) in drafts.iter_mut().enumerate() {
                    let Label {
                        name,
                        color,
                        key,
                        description,
                        ..
                    } = label;
                    let description_hint = &description_hint;
                    let mut cells = name_colour_key_cells("name", i, &name_hint, name, color, key);
                    cells.push(cell(move |ui, engine| {
                        let mut text = description.clone().unwrap_or_default();
                        if BidiField::new(&mut text, field_id("description", i))
                            .hint(description_hint)
                            .desired_width(200.0)
                            .show(ui, engine)
                            .changed()
                        {
                            *description = (!text.is_empty()).then_some(text);
                        }
                    }));
                    cells.push(remove_cell(&mut remove, i));
                    row_in_reading_order(ui, engine, cells);
                }
            });
    });
    if let Some(i) = remove {
        drafts.remove(i);
    }
    if interface::button(ui, engine, &tr!("labels-add-label")).clicked() {
        let n = drafts.len() + 1;
        drafts.push((
            None,
            Label::new(
                &format!("LABEL{n}"),
                crate::model::Color([0x80, 0x80, 0x80]),
                None,
                None,
            ),
        ));
    }
}

/// A relation type's span labels as a menu of checkboxes over the drafts' labels (a label
/// renamed in the drafts is still recognised by the name it had); none ticked: any.
fn span_label_choice(
    ui: &mut egui::Ui,
    engine: &mut TextEngine,
    id: &str,
    chosen: &mut Vec<String>,
    labels: &[(Option<String>, String)],
) {
    let has = |chosen: &[String], (old, name): &(Option<String>, String)| {
        chosen.iter().any(|c| c == name || Some(c) == old.as_ref())
    };
    let text = if chosen.is_empty() {
        tr!("labels-any")
    } else {
        labels
            .iter()
            .filter(|l| has(chosen, l))
            .map(|(_, name)| name.clone())
            .collect::<Vec<_>>()
            .join(", ")
    };
    ui.push_id(id, |ui| {
        let title = interface::EngineText::body(ui, engine, &text);
        interface::menu_button(ui, title, |ui| {
            for label in labels {
                let mut on = has(chosen, label);
                if interface::checkbox(ui, engine, &mut on, &label.1).changed() {
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
    part_title(ui, engine, &tr!("labels-relation-types"));
    let mut remove = None;
    let name_hint = tr!("labels-name-hint");
    grid_layout(ui, "relation-type-editor", |ui| {
        egui::Grid::new("relation-type-editor")
            .num_columns(6)
            .show(ui, |ui| {
                if !links.relations.is_empty() {
                    let headings = [
                        tr!("labels-column-name"),
                        tr!("labels-column-colour"),
                        tr!("labels-column-key"),
                        tr!("labels-column-from"),
                        tr!("labels-column-to"),
                    ];
                    heading_row(ui, engine, &headings, 1);
                }
                for (i, (_, kind)) in links.relations.iter_mut().enumerate() {
                    let RelationLabel {
                        name,
                        color,
                        key,
                        from,
                        to,
                        ..
                    } = kind;
                    let mut cells =
                        name_colour_key_cells("relation", i, &name_hint, name, color, key);
                    cells.extend([
                        cell(move |ui, engine| {
                            span_label_choice(ui, engine, &format!("from{i}"), from, labels);
                        }),
                        cell(move |ui, engine| {
                            span_label_choice(ui, engine, &format!("to{i}"), to, labels);
                        }),
                        remove_cell(&mut remove, i),
                    ]);
                    row_in_reading_order(ui, engine, cells);
                }
            });
    });
    if let Some(i) = remove {
        links.relations.remove(i);
    }
    if interface::button(ui, engine, &tr!("labels-add-relation-type")).clicked() {
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
    part_title(ui, engine, &tr!("labels-document-labels"));
    let mut remove = None;
    let name_hint = tr!("labels-name-hint");
    let values_hint = tr!("labels-values-hint");
    let several = tr!("labels-several");
    grid_layout(ui, "document-label-editor", |ui| {
        egui::Grid::new("document-label-editor")
            .num_columns(4)
            .show(ui, |ui| {
                for (i, label) in links.document_labels.iter_mut().enumerate() {
                    let DocumentLabelDraft {
                        name,
                        values,
                        multiple,
                        ..
                    } = label;
                    let (name_hint, values_hint, several) = (&name_hint, &values_hint, &several);
                    row_in_reading_order(
                        ui,
                        engine,
                        vec![
                            cell(move |ui, engine| {
                                BidiField::new(name, field_id("document label", i))
                                    .hint(name_hint)
                                    .desired_width(100.0)
                                    .show(ui, engine);
                            }),
                            cell(move |ui, engine| {
                                BidiField::new(values, field_id("values", i))
                                    .hint(values_hint)
                                    .desired_width(220.0)
                                    .show(ui, engine);
                            }),
                            cell(move |ui, engine| {
                                interface::checkbox(ui, engine, multiple, several);
                            }),
                            remove_cell(&mut remove, i),
                        ],
                    );
                }
            });
    });
    if let Some(i) = remove {
        links.document_labels.remove(i);
    }
    if interface::button(ui, engine, &tr!("labels-add-document-label")).clicked() {
        let n = links.document_labels.len() + 1;
        links.document_labels.push(DocumentLabelDraft {
            original: None,
            name: format!("label{n}"),
            values: String::new(),
            multiple: false,
        });
    }
}
