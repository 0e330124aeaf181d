//! The on-disk corpus format v1: reading with complete diagnostics, stable writing, atomic
//! files, and the lock that keeps two windows from writing one file.
//!
//! See `docs/corpus-format.md` for the format itself.

mod atomic;
mod check;
mod diagnostic;
mod file;
mod folder_write;
mod host;
mod lock;
mod raw;
mod read;
mod walk;
mod write;

pub use atomic::{AtomicWriter, finish_unflushed, write_atomic, write_atomic_unflushed};
pub(crate) use atomic::{resolve_symlinks, write_atomic_mode_of};
pub use diagnostic::{Code, Diagnostic};
pub use file::{CorpusFile, LoadError, SaveError, load, load_each, same_file};
pub use folder_write::{replace_folder, write_new_folder};
pub use lock::{CorpusLock, FOREIGN_LOCK_OLD, LockInfo, Locking, lock_path, login_name, read_lock};
pub use read::{Loaded, parse_corpus, parse_corpus_each};
pub use write::write_corpus;

/// The value of the `format` field that marks a taliq corpus.
pub const FORMAT_NAME: &str = "taliq-corpus";
/// The format version this taliq reads and writes.
pub const FORMAT_VERSION: u64 = 1;
/// The only offset unit of format v1: Unicode code points.
pub const OFFSET_UNIT: &str = "codepoint";

/// `value` as an array of strings (label lists, values, choices), `None` when it is not one.
pub(crate) fn string_array(value: &serde_json::Value) -> Option<Vec<String>> {
    value
        .as_array()?
        .iter()
        .map(|v| v.as_str().map(str::to_owned))
        .collect()
}

/// The two shapes a corpus file can take.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Form {
    /// One JSON object holding labels and documents.
    Json,
    /// A header line with the labels, then one document object per line.
    Jsonl,
}

impl Form {
    /// The form a file name implies: `.jsonl` and `.ndjson` are JSONL, anything else JSON.
    pub fn from_path(path: &std::path::Path) -> Self {
        match path.extension().and_then(|e| e.to_str()) {
            Some(ext)
                if ext.eq_ignore_ascii_case("jsonl") || ext.eq_ignore_ascii_case("ndjson") =>
            {
                Self::Jsonl
            }
            _ => Self::Json,
        }
    }
}
