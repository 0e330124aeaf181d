//! Exports and imports of other tools' formats, plain-text import, offsets as Python sees them.
//!
//! One test binary per area (each links the crate once); a module per file.

#[path = "../support/mod.rs"]
mod support;

mod export;
mod import_encodings;
mod python_offsets;
mod relations_export;
