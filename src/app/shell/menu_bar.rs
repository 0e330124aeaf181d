//! The menu bar: every command of the table under its menu, with its shortcut.

use crate::app::TaliqApp;
use crate::app::i18n::{Language, tr};
use crate::app::input::commands::{COMMANDS, Command, Menu, shortcut_text};
use crate::app::state::dialogs::Dialog;
use crate::app::widgets::interface::{self, EngineText, menu_button, menu_item, row, submenu};

/// The menu bar: every command of the table under its menu, with its shortcut; File also
/// holds Open Recent. Returns the command chosen, which the frame runs (menus only send).
/// Its titles and items are drawn by the text engine and start at the right edge in a
/// right-to-left interface.
pub fn menu_bar(ui: &mut egui::Ui, app: &mut TaliqApp) -> Option<Command> {
    let ctx = ui.ctx().clone();
    let mut chosen = None;
    let mut recent = None;
    egui::MenuBar::new().ui(ui, |ui| {
        row(ui, |ui| {
            for menu in Menu::ALL {
                let title = EngineText::body(ui, &mut app.engine, &menu.title());
                menu_button(ui, title, |ui| {
                    for info in COMMANDS.iter().filter(|c| c.menu == menu) {
                        if matches!(info.command, Command::SetLanguage(Language::English)) {
                            ui.separator();
                            interface::weak_label(ui, &mut app.engine, &tr!("menu-language"));
                        }
                        let (on, can) = (shown(app, info.command), enabled(app, info.command));
                        let item = menu_item(
                            ui,
                            &mut app.engine,
                            &info.name(),
                            &shortcut_text(&ctx, info.command),
                            on,
                            can,
                        );
                        if item.clicked() {
                            chosen = Some(info.command);
                            ui.close();
                        }
                        if info.command == Command::Open {
                            let title =
                                EngineText::body(ui, &mut app.engine, &tr!("menu-open-recent"));
                            submenu(ui, title, |ui| {
                                recent = crate::app::shell::file_row::recent_items(
                                    ui,
                                    &mut app.engine,
                                    &app.recent,
                                );
                            });
                        }
                    }
                });
            }
        });
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
        Command::SetLanguage(language) => Some(app.state.prefs.language == language),
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
