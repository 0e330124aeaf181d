//! The window's languages: every string it shows is a message of `assets/i18n/<code>.ftl`
//! (Project Fluent), looked up by id with [`tr!`]; the command line and file formats stay
//! English.
//!
//! The language in force is per thread: the window runs on one thread and sets it at the
//! start of every frame from its preferences ([`set_locale`]), and tests run windows in
//! different languages side by side on their own threads. Threading a catalog through every
//! panel, dialog and status message would put a parameter on nearly every function of the
//! window for no gain.

pub mod catalog;
pub mod errors;
pub mod locale;
#[cfg(test)]
mod tests;

use std::cell::RefCell;
use std::rc::Rc;

pub use catalog::{Arg, Catalog, localize_digits, parse_number, western_digits};
pub use errors::Worded;
pub use locale::{Digits, Language};

thread_local! {
    /// The catalog in force on this thread: English with Western digits until a window
    /// sets its own.
    static CURRENT: RefCell<Rc<Catalog>> =
        RefCell::new(Rc::new(Catalog::new(Language::English, Digits::Western)));
}

/// Makes `language` with numbers in `digits` the one in force on this thread (a cheap
/// check when nothing changed, as at the start of every frame).
pub fn set_locale(language: Language, digits: Digits) {
    CURRENT.with(|current| {
        let unchanged = {
            let catalog = current.borrow();
            catalog.language() == language && catalog.digits() == digits
        };
        if !unchanged {
            *current.borrow_mut() = Rc::new(Catalog::new(language, digits));
        }
    });
}

/// The catalog in force on this thread.
pub fn catalog() -> Rc<Catalog> {
    CURRENT.with(|current| Rc::clone(&current.borrow()))
}

/// The language in force on this thread.
pub fn language() -> Language {
    catalog().language()
}

/// Whether the window reads right to left now (mirrored).
pub fn is_rtl() -> bool {
    language().is_rtl()
}

/// Message `id` in the language in force, its variables set from `args` (see [`tr!`]).
pub fn text(id: &str, args: &[(&str, Arg)]) -> String {
    catalog().text(id, args)
}

/// `n` written in the digits in force (a count shown outside a message: a badge, a table).
pub fn number(n: impl Into<f64>) -> String {
    catalog().number(n.into())
}

/// `value` with `places` decimals in the digits in force (a score in a table).
pub fn decimal(value: f64, places: usize) -> String {
    catalog().decimal(value, places)
}

/// A message of the window in the language in force: `tr!("menu-file")`, or with its
/// variables `tr!("status-saved", file = name, spans = count)` — text stays as it is,
/// numbers choose the plural form and take the chosen digits.
///
/// The id must be a literal: the tests find every id the code asks for and check that each
/// language has it with the same variables.
macro_rules! tr {
    ($id:literal) => {
        $crate::app::i18n::text($id, &[])
    };
    ($id:literal, $($name:ident = $value:expr),+ $(,)?) => {
        $crate::app::i18n::text(
            $id,
            &[$((stringify!($name), $crate::app::i18n::Arg::from($value))),+],
        )
    };
}
pub(crate) use tr;

/// A message id kept for later lookup (a table row, a diagnostic's description): the
/// literal itself, marked so the tests check that every language has it.
macro_rules! msg_id {
    ($id:literal) => {
        $id
    };
}
pub(crate) use msg_id;
