//! The window's commands (rerun's `UICommand`): one table gives each its menu and name;
//! its keys are rows of the key table ([`super::keymap`]); menus and keys only send a
//! command, and [`run`] is the one place that runs it.

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

    /// The menu's title.
    pub fn title(self) -> &'static str {
        match self {
            Self::File => "File",
            Self::Edit => "Edit",
            Self::View => "View",
            Self::Review => "Review",
            Self::Help => "Help",
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
}

/// One row of the command table.
#[derive(Debug, Clone, Copy)]
pub struct CommandInfo {
    /// The command.
    pub command: Command,
    /// The menu it is in.
    pub menu: Menu,
    /// Its menu item's text.
    pub name: &'static str,
}

const fn row(command: Command, menu: Menu, name: &'static str) -> CommandInfo {
    CommandInfo {
        command,
        menu,
        name,
    }
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
    row(Command::Open, Menu::File, "Open…"),
    row(Command::Save, Menu::File, "Save"),
    row(Command::SaveAs, Menu::File, "Save As…"),
    row(Command::ImportText, Menu::File, "Import text files…"),
    row(Command::Export, Menu::File, "Export…"),
    row(Command::OpenProject, Menu::File, "Open Project…"),
    row(Command::SyncProject, Menu::File, "Sync project"),
    row(Command::Quit, Menu::File, "Quit"),
    row(Command::Undo, Menu::Edit, "Undo"),
    row(Command::Redo, Menu::Edit, "Redo"),
    row(Command::Find, Menu::Edit, "Find"),
    row(Command::EditLabels, Menu::Edit, "Labels…"),
    row(Command::ZoomIn, Menu::View, "Zoom in"),
    row(Command::ZoomOut, Menu::View, "Zoom out"),
    row(Command::ZoomReset, Menu::View, "Actual size"),
    row(Command::ToggleTheme, Menu::View, "Light / dark theme"),
    row(Command::ToggleHarakat, Menu::View, "Show / hide harakat"),
    row(Command::ReadingOptions, Menu::View, "Reading options…"),
    row(Command::ToggleDocumentList, Menu::View, "Document list"),
    row(Command::ToggleSidePanel, Menu::View, "Side panel"),
    row(Command::Guidelines, Menu::View, "Guidelines"),
    row(Command::ProjectOverview, Menu::View, "Project overview"),
    row(Command::StartReview, Menu::Review, "Start review…"),
    row(Command::ReviewProject, Menu::Review, "Review project"),
    row(Command::AgreementCharts, Menu::Review, "Agreement charts"),
    row(Command::Shortcuts, Menu::Help, "Shortcuts"),
    row(Command::About, Menu::Help, "About taliq"),
];
