//! The menu bar: every command of the table under its menu, with its shortcut.

use crate::app::TaliqApp;
use crate::app::input::commands::{COMMANDS, Command, Menu, shortcut_text};
use crate::app::state::dialogs::Dialog;

/// The menu bar: every command of the table under its menu, with its shortcut; File also
/// holds Open Recent. Returns the command chosen, which the frame runs (menus only send).
pub fn menu_bar(ui: &mut egui::Ui, app: &mut TaliqApp) -> Option<Command> {
    let ctx = ui.ctx().clone();
    let mut chosen = None;
    let mut recent = None;
    egui::MenuBar::new().ui(ui, |ui| {
        for menu in Menu::ALL {
            ui.menu_button(menu.title(), |ui| {
                for info in COMMANDS.iter().filter(|c| c.menu == menu) {
                    let mut button = egui::Button::new(info.name)
                        .shortcut_text(shortcut_text(&ctx, info.command));
                    if let Some(on) = shown(app, info.command) {
                        button = button.selected(on);
                    }
                    if ui.add_enabled(enabled(app, info.command), button).clicked() {
                        chosen = Some(info.command);
                        ui.close();
                    }
                    if info.command == Command::Open {
                        ui.menu_button("Open Recent", |ui| {
                            recent = crate::app::shell::file_row::recent_items(ui, &app.recent);
                        });
                    }
                }
            });
        }
    });
    crate::app::shell::file_row::open_recent(app, recent);
    chosen
}

/// For commands that show or hide something, whether it is shown (the menu item is drawn
/// selected then).
pub fn shown(app: &TaliqApp, command: Command) -> Option<bool> {
    match command {
        Command::ToggleDocumentList => Some(app.panels.documents),
        Command::ToggleSidePanel => Some(app.panels.side),
        Command::ToggleHarakat => Some(app.reading.show_harakat),
        Command::ProjectOverview => app
            .state
            .project
            .as_ref()
            .map(|_| app.state.dialogs.is_open(Dialog::ProjectOverview)),
        _ => None,
    }
}

/// Whether a command can run now (greyed out in its menu otherwise).
pub fn enabled(app: &TaliqApp, command: Command) -> bool {
    match command {
        Command::AgreementCharts => app.state.review.is_some(),
        Command::Guidelines | Command::ProjectOverview | Command::ReviewProject => {
            app.state.project.is_some()
        }
        Command::SyncProject => app
            .state
            .project
            .as_ref()
            .is_some_and(|mode| mode.annotator.is_some() && !mode.syncing()),
        _ => true,
    }
}
