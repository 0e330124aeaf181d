//! The corpus format: loading with located errors, saving atomically, hostile text, relations on disk.
//!
//! One test binary per area (each links the crate once); a module per file.

#[path = "../support/mod.rs"]
mod support;

mod hostile_text;
mod kill9;
mod load_errors;
mod relations_format;
mod save;
