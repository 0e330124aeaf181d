//! Annotation logic over the text layer: where spans are drawn, and drawing documents.

pub mod highlights;
pub mod render;
