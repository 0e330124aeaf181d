//! The Arabic text engine: shaping, layout, rendering, tokenising.
//!
//! One test binary per area (each links the crate once); a module per file.

mod interface_lines;
mod layout;
mod render;
mod shaping;
mod tokenize_reference;
