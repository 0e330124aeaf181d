//! Annotation logic over the text layer: selections, edits with undo, search, highlights, rendering.

mod apply;
mod declarations;
pub mod edit;
pub mod highlights;
pub mod history;
mod label_set;
pub mod links;
pub mod pick;
pub mod render;
pub mod search;
pub mod selection;
pub mod suggestions;
