//! What the keyboard and the menus ask for: the commands ([`commands`]), every key binding
//! as a row of one table ([`keymap`]), and turning the keys of a frame into actions
//! ([`dispatch`]). Nothing here draws.

pub mod commands;
pub mod dispatch;
pub mod keymap;
