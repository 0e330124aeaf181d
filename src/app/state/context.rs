//! What a feature's panels and windows are given to draw with: the window's state, the text
//! engine and the open document's view — never the whole app (rerun's views get a
//! context). So the features know nothing of the frame around them.

use crate::app::AppState;
use crate::app::document_view::DocumentView;
use crate::app::widgets::TextEngine;

/// The parts of the window a feature's panel may read and change.
#[derive(Debug)]
pub struct PanelContext<'a> {
    /// The preferences and the session on the open corpus.
    pub state: &'a mut AppState,
    /// Fonts and glyph atlas, for text drawn by the engine.
    pub engine: &'a mut TextEngine,
    /// The open document's view, to scroll to what a panel picked.
    pub view: &'a mut Option<DocumentView>,
}
