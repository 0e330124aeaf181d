//! The row under the menus: a typed path to open or save as, and the annotator's name.

use crate::app::input::keymap::{Action, pressed};
use std::path::PathBuf;

use crate::app::widgets::TextEngine;
use crate::app::widgets::bidi_field::BidiField;
use crate::app::{AppState, TaliqApp};

/// The path field with open and save as (Enter in the field opens), and, while nobody is
/// named, the annotator's name field.
pub(crate) fn file_row(
    ui: &mut egui::Ui,
    state: &mut AppState,
    path_field: &mut String,
    name_field: &mut String,
    engine: &mut TextEngine,
) {
    ui.horizontal(|ui| {
        let caption = ui.label("path:");
        // Paths and names may be Arabic: bidi fields.
        let field = BidiField::new(path_field, egui::Id::unique("taliq-path-field"))
            .hint("corpus.json or a .txt file")
            .desired_width(260.0)
            .show(ui, engine)
            .labelled_by(caption.id);
        let entered = field.has_focus() && pressed(ui, Action::Submit);
        let path = std::path::PathBuf::from(path_field.trim());
        let typed = !path_field.trim().is_empty();
        let open = ui.button("open").clicked() || entered;
        let save_as = ui.button("save as").clicked();
        if (open || save_as) && !typed {
            // A button that did nothing says why.
            state.say("type the path of a corpus or a .txt file first");
        } else if open {
            if entered {
                field.surrender_focus();
            }
            if let Err(e) = state.open_paths(std::slice::from_ref(&path)) {
                state.say(e);
            }
        } else if save_as && let Err(e) = state.save_as(&path, false) {
            state.say(e.to_string());
        }
        if state.prefs.user.is_none() && state.corpus.annotator.is_none() {
            ui.separator();
            let caption = ui.label("your name:");
            let field = BidiField::new(name_field, egui::Id::unique("taliq-name-field"))
                .hint("annotator")
                .desired_width(120.0)
                .show(ui, engine)
                .labelled_by(caption.id);
            // Enter or leaving the field takes the name.
            let entered = field.has_focus() && pressed(ui, Action::Submit);
            if entered {
                field.surrender_focus();
            }
            if field.lost_focus() || entered {
                state.set_user(name_field);
            }
        }
    });
}

/// The recent files as menu items (File → Open Recent); the one clicked, if any.
pub(crate) fn recent_items(ui: &mut egui::Ui, recent: &[PathBuf]) -> Option<PathBuf> {
    if recent.is_empty() {
        ui.label("no corpus opened yet");
    }
    let chosen = recent
        .iter()
        .find(|path| ui.button(path.display().to_string()).clicked())
        .cloned();
    if chosen.is_some() {
        ui.close();
    }
    chosen
}

/// Opens a recent file that was chosen, saying why not when it cannot be.
pub(crate) fn open_recent(app: &mut TaliqApp, chosen: Option<PathBuf>) {
    if let Some(path) = chosen
        && let Err(e) = app.state.open_paths(&[path])
    {
        app.state.say(e);
    }
}
