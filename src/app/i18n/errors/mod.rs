//! The library's errors as the window words them: each error type the window can meet is
//! [`Worded`] here, variant by variant, in the language in force, with its located parts
//! (path, line, field, document) as the message's variables.
//!
//! The library's own `Display` stays English: it is what the command line prints. Every
//! `match` below names each variant, so a new variant does not compile until it is worded.
//! What the library gives only as English free text (a gazetteer line's reason, git's own
//! words, a format's detail) follows the window's sentence as its details.

pub mod diagnostics;
mod files;
#[cfg(test)]
mod tests;
mod work;

use std::io;
use std::path::Path;

pub use files::{read_file, txt_import_failure, txt_import_summary};

use super::{Digits, localize_digits, tr};
use crate::format::LockInfo;

/// An error the window can say in its language.
pub trait Worded {
    /// The error in the language in force, located as the library locates it.
    fn worded(&self) -> String;
}

/// `path` as a message variable: one left-to-right unit that keeps its folders in order in
/// an Arabic sentence.
pub(super) fn path(path: &Path) -> String {
    crate::text::isolates::path_unit(&path.display().to_string())
}

/// Text as written with Western digits (a code-point range, a date) in the digits in force.
pub(super) fn digits(text: &str) -> String {
    let digits = super::catalog().digits();
    if digits == Digits::Western {
        text.to_owned()
    } else {
        localize_digits(text, digits)
    }
}

/// Why the system refused, by the error's kind; the system's own text only for the kinds
/// taliq does not name (and for an error a library made up with words of its own).
pub fn io_reason(error: &io::Error) -> String {
    use io::ErrorKind as Kind;
    match error.kind() {
        Kind::NotFound => tr!("errors-io-not-found"),
        Kind::PermissionDenied => tr!("errors-io-permission-denied"),
        Kind::AlreadyExists => tr!("errors-io-already-exists"),
        Kind::StorageFull => tr!("errors-io-storage-full"),
        Kind::QuotaExceeded => tr!("errors-io-quota-exceeded"),
        Kind::ReadOnlyFilesystem => tr!("errors-io-read-only-filesystem"),
        Kind::IsADirectory => tr!("errors-io-is-a-directory"),
        Kind::NotADirectory => tr!("errors-io-not-a-directory"),
        Kind::DirectoryNotEmpty => tr!("errors-io-directory-not-empty"),
        Kind::InvalidData => tr!("errors-io-invalid-data"),
        Kind::UnexpectedEof => tr!("errors-io-unexpected-eof"),
        Kind::FileTooLarge => tr!("errors-io-file-too-large"),
        Kind::InvalidFilename => tr!("errors-io-invalid-filename"),
        Kind::CrossesDevices => tr!("errors-io-crosses-devices"),
        Kind::ResourceBusy | Kind::ExecutableFileBusy | Kind::WouldBlock => {
            tr!("errors-io-busy")
        }
        Kind::TimedOut => tr!("errors-io-timed-out"),
        Kind::Interrupted => tr!("errors-io-interrupted"),
        Kind::OutOfMemory => tr!("errors-io-out-of-memory"),
        Kind::Unsupported => tr!("errors-io-unsupported"),
        Kind::NotConnected
        | Kind::ConnectionRefused
        | Kind::ConnectionReset
        | Kind::ConnectionAborted
        | Kind::HostUnreachable
        | Kind::NetworkUnreachable
        | Kind::NetworkDown
        | Kind::StaleNetworkFileHandle => tr!("errors-io-network"),
        _ => tr!("errors-io-other", detail = error.to_string()),
    }
}

impl Worded for io::Error {
    fn worded(&self) -> String {
        io_reason(self)
    }
}

/// Who holds a file's lock, from its fields: `amal (pid 4242 on lab-3) since 2025-06-01
/// 14:02:11 UTC`, the date, time and process in the digits in force.
pub fn lock_holder(holder: &LockInfo) -> String {
    let when = holder
        .since
        .strip_suffix('Z')
        .and_then(|since| since.split_once('T'));
    match when {
        Some((date, time)) => tr!(
            "errors-lock-holder",
            owner = holder.owner.as_str(),
            pid = holder.pid,
            host = holder.host.as_str(),
            date = digits(date),
            time = digits(time)
        ),
        // A lock file written by hand, or by a later taliq: its time as it is.
        None => tr!(
            "errors-lock-holder-since",
            owner = holder.owner.as_str(),
            pid = holder.pid,
            host = holder.host.as_str(),
            since = holder.since.as_str()
        ),
    }
}

impl Worded for LockInfo {
    fn worded(&self) -> String {
        lock_holder(self)
    }
}
