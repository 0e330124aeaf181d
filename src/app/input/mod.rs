//! What the keyboard and the menus ask for: the command table and its dispatch.

pub mod commands;
pub mod keys;
