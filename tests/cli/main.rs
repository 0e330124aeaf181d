//! The command line, run as a user would.
//!
//! One test binary per area (each links the crate once); a module per file.

#[path = "../support/mod.rs"]
mod support;

mod agree_cli;
mod cli;
mod generate_cli;
mod import_txt_cli;
mod suggest_cli;
mod train_cli;
