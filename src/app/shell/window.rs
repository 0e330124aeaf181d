//! The window's own state around the session: the text engine and the document's view,
//! the dialogs', panels' and fields' state, quitting. The app ([`crate::app`]) runs its
//! frame; the shell draws it.

use crate::app::AppState;

/// Where quitting stands (window close or Ctrl+Q).
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Quit {
    /// The question asked on quitting with unsaved changes (save / discard / cancel) is shown.
    pub asking: bool,
    /// Quitting was decided: the next close request goes through.
    pub confirmed: bool,
    /// The window should close at the end of this frame.
    pub closing: bool,
}

/// The eframe application: the state, the text engine it draws with, and the open view.
#[derive(Debug)]
pub struct TaliqApp {
    /// Everything the window shows and edits.
    pub state: AppState,
    /// Fonts and glyph atlas.
    pub engine: crate::app::widgets::TextEngine,
    /// The view of the selected document.
    pub document_view: Option<crate::app::document_view::DocumentView>,
    /// Asking for files: the system's dialog or taliq's chooser.
    pub files: crate::app::file_chooser::FileChoosing,
    /// The window's title as last set (the file's name, `*` when there are unsaved changes).
    pub title: String,
    /// The annotator's name as it is being typed.
    pub name_field: String,
    /// Corpus files opened lately, newest first (remembered between runs).
    pub recent: Vec<std::path::PathBuf>,
    /// File → Export….
    pub export: super::export_dialog::ExportDialog,
    /// A crash on request (tests of [`crate::app::crash`]; `TALIQ_DEBUG_CRASH`).
    pub debug_crash: Option<crate::app::crash::DebugCrash>,
    /// Set once a panic's unsaved work was written, so it is not written twice.
    pub(crate) crash_saved: bool,
    /// Where quitting stands.
    pub quit: Quit,
    /// Harakat, font, size, spacing (remembered between runs).
    pub reading: super::reading::ReadingOptions,
    /// View → Reading options….
    pub reading_window: super::reading::ReadingWindow,
    /// Where to write each frame's time on exit (`TALIQ_FRAME_LOG`), and the times so far.
    pub(crate) frame_log: Option<(std::path::PathBuf, Vec<f32>)>,
    /// Which side panels are shown (View menu; remembered between runs).
    pub panels: Panels,
}

/// Which side panels the window shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Panels {
    /// The document list, on the left.
    pub documents: bool,
    /// Spans and suggestions (or the review), on the right.
    pub side: bool,
}

impl Default for Panels {
    fn default() -> Self {
        Self {
            documents: true,
            side: true,
        }
    }
}
