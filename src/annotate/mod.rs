//! Annotation logic over the text layer: selections, edits with undo, highlights, rendering.

pub mod highlights;
pub mod history;
pub mod render;
pub mod selection;
