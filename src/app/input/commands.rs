//! The window's commands (rerun's `UICommand`): one table gives each its menu and name;
//! its keys are rows of the key table ([`super::keymap`]); menus and keys only send a
//! command, and [`run`] is the one place that runs it.

use crate::app::i18n::{Language, msg_id, tr};

/// The menus of the menu bar, in order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Menu {
    /// Open, save, import, export, quit.
    File,
    /// Undo, redo, find, labels.
    Edit,
    /// Zoom, theme, reading options.
    View,
    /// The review mode.
    Review,
    /// Shortcuts, about.
    Help,
}

impl Menu {
    /// Every menu in menu-bar order.
    pub const ALL: [Self; 5] = [Self::File, Self::Edit, Self::View, Self::Review, Self::Help];

    /// The menu's title in the window's language.
    pub fn title(self) -> String {
        match self {
            Self::File => tr!("menu-file"),
            Self::Edit => tr!("menu-edit"),
            Self::View => tr!("menu-view"),
            Self::Review => tr!("menu-review"),
            Self::Help => tr!("menu-help"),
        }
    }
}

/// Something the window can be told to do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Command {
    /// Open a corpus or text files (a file dialog).
    Open,
    /// Save to the corpus's file (without one, Save As).
    Save,
    /// Save under a new name (a file dialog).
    SaveAs,
    /// Import text files as a new corpus (a file dialog).
    ImportText,
    /// The export dialog.
    Export,
    /// Open a team project's folder (a file dialog).
    OpenProject,
    /// Commit your work in a team project, take in the others', share yours.
    SyncProject,
    /// Quit (asks first when there are unsaved changes).
    Quit,
    /// Undo the last change.
    Undo,
    /// Redo the last undone change.
    Redo,
    /// The find bar.
    Find,
    /// The label-set editor.
    EditLabels,
    /// Larger text.
    ZoomIn,
    /// Smaller text.
    ZoomOut,
    /// Text at its default size.
    ZoomReset,
    /// Light or dark.
    ToggleTheme,
    /// Harakat drawn or hidden.
    ToggleHarakat,
    /// The reading options window.
    ReadingOptions,
    /// Show or hide the document list (left panel).
    ToggleDocumentList,
    /// Show or hide the side panel (spans and suggestions, or the review).
    ToggleSidePanel,
    /// A team project's guidelines.
    Guidelines,
    /// A team project's progress: documents × annotators, and bars per annotator.
    ProjectOverview,
    /// Start reviewing annotators' corpora.
    StartReview,
    /// Review the open team project's finished documents into its gold.
    ReviewProject,
    /// The agreement charts of the review.
    AgreementCharts,
    /// The shortcut overlay.
    Shortcuts,
    /// What taliq is.
    About,
    /// The interface in this language (View → Language).
    SetLanguage(crate::app::i18n::Language),
}

/// One row of the command table.
#[derive(Debug, Clone, Copy)]
pub struct CommandInfo {
    /// The command.
    pub command: Command,
    /// The menu it is in.
    pub menu: Menu,
    /// The id of its menu item's text (`assets/i18n/*.ftl`).
    pub id: &'static str,
}

impl CommandInfo {
    /// Its menu item's text in the window's language.
    pub fn name(&self) -> String {
        crate::app::i18n::text(self.id, &[])
    }
}

const fn row(command: Command, menu: Menu, id: &'static str) -> CommandInfo {
    CommandInfo { command, menu, id }
}

/// The table row of `command`.
pub fn info(command: Command) -> &'static CommandInfo {
    COMMANDS
        .iter()
        .find(|c| c.command == command)
        .unwrap_or(&COMMANDS[0])
}

/// The text a menu shows for `command`'s first shortcut.
pub fn shortcut_text(ctx: &egui::Context, command: Command) -> String {
    super::keymap::shortcuts_of(command)
        .next()
        .map(|s| super::help::shortcut_name(ctx, &s))
        .unwrap_or_default()
}

/// Every command, in menu order.
pub const COMMANDS: &[CommandInfo] = &[
    row(Command::Open, Menu::File, msg_id!("command-open")),
    row(Command::Save, Menu::File, msg_id!("command-save")),
    row(Command::SaveAs, Menu::File, msg_id!("command-save-as")),
    row(
        Command::ImportText,
        Menu::File,
        msg_id!("command-import-text"),
    ),
    row(Command::Export, Menu::File, msg_id!("command-export")),
    row(
        Command::OpenProject,
        Menu::File,
        msg_id!("command-open-project"),
    ),
    row(
        Command::SyncProject,
        Menu::File,
        msg_id!("command-sync-project"),
    ),
    row(Command::Quit, Menu::File, msg_id!("command-quit")),
    row(Command::Undo, Menu::Edit, msg_id!("command-undo")),
    row(Command::Redo, Menu::Edit, msg_id!("command-redo")),
    row(Command::Find, Menu::Edit, msg_id!("command-find")),
    row(
        Command::EditLabels,
        Menu::Edit,
        msg_id!("command-edit-labels"),
    ),
    row(Command::ZoomIn, Menu::View, msg_id!("command-zoom-in")),
    row(Command::ZoomOut, Menu::View, msg_id!("command-zoom-out")),
    row(
        Command::ZoomReset,
        Menu::View,
        msg_id!("command-zoom-reset"),
    ),
    row(
        Command::ToggleTheme,
        Menu::View,
        msg_id!("command-toggle-theme"),
    ),
    row(
        Command::ToggleHarakat,
        Menu::View,
        msg_id!("command-toggle-harakat"),
    ),
    row(
        Command::ReadingOptions,
        Menu::View,
        msg_id!("command-reading-options"),
    ),
    row(
        Command::SetLanguage(Language::English),
        Menu::View,
        msg_id!("language-english"),
    ),
    row(
        Command::SetLanguage(Language::Arabic),
        Menu::View,
        msg_id!("language-arabic"),
    ),
    row(
        Command::ToggleDocumentList,
        Menu::View,
        msg_id!("command-toggle-document-list"),
    ),
    row(
        Command::ToggleSidePanel,
        Menu::View,
        msg_id!("command-toggle-side-panel"),
    ),
    row(
        Command::Guidelines,
        Menu::View,
        msg_id!("command-guidelines"),
    ),
    row(
        Command::ProjectOverview,
        Menu::View,
        msg_id!("command-project-overview"),
    ),
    row(
        Command::StartReview,
        Menu::Review,
        msg_id!("command-start-review"),
    ),
    row(
        Command::ReviewProject,
        Menu::Review,
        msg_id!("command-review-project"),
    ),
    row(
        Command::AgreementCharts,
        Menu::Review,
        msg_id!("command-agreement-charts"),
    ),
    row(Command::Shortcuts, Menu::Help, msg_id!("command-shortcuts")),
    row(Command::About, Menu::Help, msg_id!("command-about")),
];
