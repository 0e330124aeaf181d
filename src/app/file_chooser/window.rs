//! taliq's file chooser drawn in the window, over everything else (modal): the folder, its
//! entries, the filter, the typed path or name, and the buttons. Names go through the text
//! engine (egui has no bidi, and file and folder names are often Arabic); the chooser's
//! keys are rows of the key table (`Context::FileChooser`), read with `pressed`.

use std::path::PathBuf;

use super::state::{Chooser, Entry, Step};
use crate::app::i18n::tr;
use crate::app::input::keymap::{Action, pressed};
use crate::app::state::file_request::PickKind;
use crate::app::widgets::bidi_field::BidiField;
use crate::app::widgets::interface::{self, mirrored};
use crate::app::widgets::{
    ButtonLook, TextEngine, engine_button, engine_label, engine_message, text_tooltip,
};

/// What the chooser's window did this frame.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// It stays open.
    Open,
    /// Closed without a choice (cancel, Escape).
    Cancelled,
    /// These paths were chosen.
    Chosen(Vec<PathBuf>),
}

/// The typed-path field's id (tests type into it).
pub fn path_field_id() -> egui::Id {
    egui::Id::unique("taliq-file-chooser-path")
}

/// Height of a row of the list, in points.
const ROW_HEIGHT: f32 = 24.0;

/// Draws the chooser over the window.
pub fn show(ctx: &egui::Context, chooser: &mut Chooser, engine: &mut TextEngine) -> Outcome {
    let screen = ctx.content_rect();
    let width = (screen.width() - 80.0).clamp(280.0, 760.0);
    let list_height = (screen.height() - 330.0).clamp(100.0, 560.0);
    egui::Modal::new(egui::Id::unique("taliq-file-chooser"))
        .show(ctx, |ui| {
            ui.set_width(width);
            body(ui, chooser, engine, list_height)
        })
        .inner
}

fn body(
    ui: &mut egui::Ui,
    chooser: &mut Chooser,
    engine: &mut TextEngine,
    list_height: f32,
) -> Outcome {
    mirrored(ui, |ui| contents(ui, chooser, engine, list_height))
}

fn contents(
    ui: &mut egui::Ui,
    chooser: &mut Chooser,
    engine: &mut TextEngine,
    list_height: f32,
) -> Outcome {
    let mut step = Step::Stay;
    let mut cancel = false;
    interface::heading(ui, engine, &chooser.purpose.title());
    ui.horizontal(|ui| {
        let up = interface::button(ui, engine, &tr!("file-chooser-up"));
        if text_tooltip(up, engine, &tr!("file-chooser-up-hint")).clicked() {
            chooser.parent();
        }
        if let Some(home) = std::env::home_dir()
            && interface::button(ui, engine, &tr!("file-chooser-home")).clicked()
        {
            chooser.enter(&home);
        }
        if interface::button(ui, engine, &tr!("file-chooser-reload")).clicked() {
            chooser.refresh();
        }
        // The path as one left-to-right unit, each folder isolated: Arabic names keep the
        // path's order, in an Arabic row too.
        let folder = crate::text::isolates::path_unit(&chooser.folder().display().to_string());
        engine_label(ui, engine, &folder);
    });
    if let Some(error) = chooser.folder_error.clone() {
        error_line(ui, engine, &error);
    }
    let moved = list(ui, chooser, engine, list_height, &mut step);
    ui.horizontal_wrapped(|ui| filter_row(ui, chooser, engine));
    let field_focused = ui
        .horizontal(|ui| {
            let caption = interface::label(
                ui,
                engine,
                &if chooser.purpose.kind() == PickKind::SaveFile {
                    tr!("file-chooser-name")
                } else {
                    tr!("file-chooser-path")
                },
            );
            let hint = tr!("file-chooser-path-hint");
            let field = BidiField::new(&mut chooser.typed, path_field_id())
                .hint(&hint)
                .desired_width(ui.available_width().max(80.0))
                .show(ui, engine)
                .labelled_by(caption.id);
            let focused = field.has_focus();
            if focused && pressed(ui, Action::Submit) {
                step = chooser.confirm_typed();
            }
            focused
        })
        .inner;
    if let Some(path) = &chooser.replacing {
        let name = crate::text::isolates::path_unit(&path.display().to_string());
        engine_message(
            ui,
            engine,
            &tr!("file-chooser-replace-question", path = name),
        );
    }
    if let Some(problem) = chooser.problem.clone() {
        error_line(ui, engine, &problem);
    }
    ui.horizontal(|ui| {
        let cancel_button = interface::button(ui, engine, &tr!("file-chooser-cancel"));
        if text_tooltip(cancel_button, engine, "Escape").clicked() {
            cancel = true;
        }
        let verb = if chooser.replacing.is_some() {
            tr!("file-chooser-replace")
        } else {
            chooser.purpose.verb(chooser.chosen().len())
        };
        if interface::button(ui, engine, &verb).clicked() {
            step = chooser.confirm();
        }
        if let Some(whole) = chooser.purpose.whole_folder() {
            let button = interface::button(ui, engine, &whole);
            if text_tooltip(button, engine, &tr!("file-chooser-import-folder-hint")).clicked() {
                step = chooser.choose_folder_shown();
            }
        }
    });
    if pressed(ui, Action::ChooserCancel) {
        cancel = true;
    }
    // The typed field keeps its own Backspace, arrows and Enter.
    if !field_focused && !moved {
        if pressed(ui, Action::ChooserUp) {
            chooser.move_cursor(-1);
            reveal_cursor(ui, chooser);
        } else if pressed(ui, Action::ChooserDown) {
            chooser.move_cursor(1);
            reveal_cursor(ui, chooser);
        } else if pressed(ui, Action::ChooserParent) {
            chooser.parent();
        } else if pressed(ui, Action::ChooserOpen) {
            step = chooser.enter_key();
        }
    }
    match step {
        Step::Chosen(paths) => Outcome::Chosen(paths),
        Step::Stay if cancel => Outcome::Cancelled,
        Step::Stay => Outcome::Open,
    }
}

/// The entries, one row each (only the rows in sight are built): clicks choose, a double
/// click opens. Whether a click moved into another folder.
fn list(
    ui: &mut egui::Ui,
    chooser: &mut Chooser,
    engine: &mut TextEngine,
    height: f32,
    step: &mut Step,
) -> bool {
    let rows: Vec<Entry> = chooser.visible().into_iter().cloned().collect();
    let mut clicked = None;
    let mut opened = None;
    let mut area = egui::ScrollArea::vertical()
        .id_salt("taliq-file-chooser-list")
        .max_height(height)
        .min_scrolled_height(height)
        .auto_shrink([false, false]);
    if let Some(offset) = ui.ctx().data_mut(|d| d.remove_temp::<f32>(scroll_id())) {
        area = area.vertical_scroll_offset(offset);
    }
    let output = area.show_rows(ui, ROW_HEIGHT, rows.len(), |ui, range| {
        for i in range {
            let entry = &rows[i];
            let look = ButtonLook {
                selected: chooser.cursor() == Some(i) || chooser.chosen().contains(&entry.path),
                ..ButtonLook::default()
            };
            ui.horizontal(|ui| {
                ui.set_height(ROW_HEIGHT);
                kind_icon(ui, entry.is_dir);
                let row = engine_button(ui, engine, &entry.name, look);
                if row.double_clicked() {
                    opened = Some(i);
                } else if row.clicked() {
                    clicked = Some(i);
                }
            });
        }
    });
    ui.ctx().data_mut(|d| {
        d.insert_temp(
            view_id(),
            (output.state.clamped_offset().y, output.inner_rect.height()),
        );
    });
    if rows.is_empty() && chooser.folder_error.is_none() {
        interface::weak_label(ui, engine, &tr!("file-chooser-empty"));
    }
    if let Some(i) = opened {
        *step = chooser.activate(i);
        return true;
    }
    if let Some(i) = clicked {
        chooser.click(i);
    }
    false
}

fn scroll_id() -> egui::Id {
    egui::Id::unique("taliq-file-chooser-scroll-to")
}

fn view_id() -> egui::Id {
    egui::Id::unique("taliq-file-chooser-view")
}

/// Scrolls the list next frame so the highlighted row is in sight.
fn reveal_cursor(ui: &egui::Ui, chooser: &Chooser) {
    let Some(cursor) = chooser.cursor() else {
        return;
    };
    let (offset, height) = ui
        .ctx()
        .data(|d| d.get_temp::<(f32, f32)>(view_id()))
        .unwrap_or((0.0, 0.0));
    #[expect(
        clippy::cast_precision_loss,
        reason = "a folder's row count is far below f32's exact integers"
    )]
    let top = cursor as f32 * (ROW_HEIGHT + ui.spacing().item_spacing.y);
    let target = if top < offset {
        top
    } else if top + ROW_HEIGHT > offset + height {
        top + ROW_HEIGHT - height
    } else {
        return;
    };
    ui.ctx()
        .data_mut(|d| d.insert_temp(scroll_id(), target.max(0.0)));
}

/// A small drawn mark before a name: a filled folder, an outlined sheet for a file (the
/// bundled fonts have no emoji).
fn kind_icon(ui: &mut egui::Ui, is_dir: bool) {
    let (rect, _) = ui.allocate_exact_size(egui::vec2(14.0, 14.0), egui::Sense::hover());
    let color = ui.visuals().weak_text_color();
    let painter = ui.painter();
    if is_dir {
        let tab = egui::Rect::from_min_size(rect.min + egui::vec2(0.0, 2.0), egui::vec2(6.0, 3.0));
        let body = egui::Rect::from_min_max(
            rect.min + egui::vec2(0.0, 4.0),
            rect.max - egui::vec2(0.0, 1.0),
        );
        painter.rect_filled(tab, 1.0, color);
        painter.rect_filled(body, 1.5, color);
    } else {
        let sheet = rect.shrink2(egui::vec2(2.5, 0.5));
        painter.rect_stroke(
            sheet,
            1.0,
            egui::Stroke::new(1.0, color),
            egui::StrokeKind::Inside,
        );
    }
}

/// The filter's choice (one of a row of choices) and whether hidden files are listed.
fn filter_row(ui: &mut egui::Ui, chooser: &mut Chooser, engine: &mut TextEngine) {
    let names = chooser.filter_names();
    if !names.is_empty() {
        let mut filter = chooser.filter().min(names.len() - 1);
        interface::label(ui, engine, &tr!("file-chooser-show"));
        for (i, name) in names.iter().enumerate() {
            interface::selectable_value(ui, engine, &mut filter, i, name);
        }
        if filter != chooser.filter() {
            chooser.set_filter(filter);
        }
    }
    let mut hidden = chooser.shows_hidden();
    if interface::checkbox(ui, engine, &mut hidden, &tr!("file-chooser-hidden")).changed() {
        chooser.set_show_hidden(hidden);
    }
}

/// A line in the theme's error colour, drawn by the text engine (it names paths).
fn error_line(ui: &mut egui::Ui, engine: &mut TextEngine, text: &str) {
    ui.scope(|ui| {
        ui.visuals_mut().override_text_color = Some(ui.visuals().error_fg_color);
        engine_message(ui, engine, text);
    });
}
