//! What the keyboard and the menus ask for: the commands ([`commands`]), every key binding
//! as a row of one table ([`keymap`]) and how it reads in menus and F1 ([`help`]), and
//! turning the keys of a frame into actions ([`dispatch`]). Nothing here draws.

pub mod commands;
pub mod dispatch;
pub mod help;
pub mod keymap;
