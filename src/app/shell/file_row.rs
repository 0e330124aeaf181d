//! The row under the menus while nobody is named: the annotator's name; and the recent
//! files of File → Open Recent. (Every file action is in the File menu, with a file
//! dialog that always comes: see `crate::app::file_chooser`.)

use crate::app::input::keymap::{Action, pressed};
use std::path::PathBuf;

use crate::app::i18n::tr;
use crate::app::widgets::TextEngine;
use crate::app::widgets::bidi_field::BidiField;
use crate::app::widgets::interface;
use crate::app::{AppState, TaliqApp};

/// Whether the name row is shown: nobody is named, by the preferences or the corpus, and
/// no team project is open (its annotators are chosen from the project's list).
pub(crate) fn needs_name(state: &AppState) -> bool {
    state.prefs.user.is_none() && state.corpus.annotator.is_none() && state.project.is_none()
}

/// The annotator's name field (Enter or leaving the field takes the name).
pub(crate) fn name_row(
    ui: &mut egui::Ui,
    state: &mut AppState,
    name_field: &mut String,
    engine: &mut TextEngine,
) {
    ui.horizontal(|ui| {
        let caption = interface::label(ui, engine, &tr!("name-row-caption"));
        let hint = tr!("name-row-hint");
        let field = BidiField::new(name_field, egui::Id::unique("taliq-name-field"))
            .hint(&hint)
            .desired_width(160.0)
            .show(ui, engine)
            .labelled_by(caption.id);
        let entered = field.has_focus() && pressed(ui, Action::Submit);
        if entered {
            field.surrender_focus();
        }
        if field.lost_focus() || entered {
            state.set_user(name_field);
        }
    });
}

/// The recent files as menu items (File → Open Recent); the one clicked, if any.
pub(crate) fn recent_items(
    ui: &mut egui::Ui,
    engine: &mut TextEngine,
    recent: &[PathBuf],
) -> Option<PathBuf> {
    if recent.is_empty() {
        interface::weak_label(ui, engine, &tr!("menu-open-recent-empty"));
    }
    let chosen = recent
        .iter()
        .find(|path| {
            let shown = crate::text::isolates::path_unit(&path.display().to_string());
            interface::menu_item(ui, engine, &shown, "", None, true).clicked()
        })
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
