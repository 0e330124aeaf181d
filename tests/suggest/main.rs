//! Suggestions: the matcher and the window's suggestion workflow on real articles.
//!
//! One test binary per area (each links the crate once); a module per file.

mod matcher;
mod second_stage;
mod suggestions;
