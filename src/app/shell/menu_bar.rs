//! The menu bar: every command of the table under its menu, with its shortcut.

use crate::app::TaliqApp;
use crate::app::input::commands::{COMMANDS, Command, Menu, enabled, run, shortcut_text, shown};

/// The menu bar: every command of the table under its menu, with its shortcut; File also
/// holds Open Recent.
pub fn menu_bar(ui: &mut egui::Ui, app: &mut TaliqApp) {
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
    if let Some(command) = chosen {
        run(&ctx, app, command);
    }
    crate::app::shell::file_row::open_recent(app, recent);
}
