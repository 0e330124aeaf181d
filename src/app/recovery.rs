//! Autosave to a recovery file beside the corpus, so that a crash costs no work.
//!
//! The recovery file is a full corpus in the corpus's own form, written atomically; it is
//! removed after a successful save, and offered back on start when it is newer than the corpus.

use std::path::{Path, PathBuf};
use std::time::SystemTime;

use crate::format::{self, Form, write_atomic, write_corpus};
use crate::model::Corpus;

/// Seconds between autosaves while there are unsaved changes.
pub const AUTOSAVE_SECONDS: f64 = 30.0;

/// `NAME.recovery.EXT` beside the corpus `NAME.EXT`.
pub fn recovery_path(corpus_path: &Path) -> PathBuf {
    let stem = corpus_path
        .file_stem()
        .unwrap_or_default()
        .to_string_lossy();
    let extension = corpus_path
        .extension()
        .map_or_else(|| "json".into(), |e| e.to_string_lossy());
    corpus_path.with_file_name(format!("{stem}.recovery.{extension}"))
}

/// Writes the corpus to the recovery file of `corpus_path`.
///
/// # Errors
/// When the file cannot be written.
pub fn write_recovery(corpus_path: &Path, corpus: &Corpus) -> std::io::Result<()> {
    let bytes = write_corpus(corpus, Form::from_path(corpus_path)).into_bytes();
    write_atomic(&recovery_path(corpus_path), &bytes, false)
}

/// Removes the recovery file (after a save made it pointless); a missing file is fine.
pub fn remove_recovery(corpus_path: &Path) {
    let _ = std::fs::remove_file(recovery_path(corpus_path));
}

/// Unsaved work found beside a corpus on start.
#[derive(Debug)]
pub struct Recovery {
    /// The recovery file.
    pub path: PathBuf,
    /// When it was written.
    pub modified: SystemTime,
    /// What it holds.
    pub corpus: Corpus,
}

/// The recovery file of `corpus_path` if it is newer than the corpus and a valid corpus.
pub fn find_recovery(corpus_path: &Path) -> Option<Recovery> {
    let path = recovery_path(corpus_path);
    let modified = std::fs::metadata(&path).and_then(|m| m.modified()).ok()?;
    let corpus_modified = std::fs::metadata(corpus_path)
        .and_then(|m| m.modified())
        .ok();
    if corpus_modified.is_some_and(|c| c > modified) {
        return None;
    }
    let corpus = format::load(&path).ok()?;
    Some(Recovery {
        path,
        modified,
        corpus,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recovery_sits_beside_the_corpus_in_the_same_form() {
        assert_eq!(
            recovery_path(Path::new("/d/amal.json")),
            PathBuf::from("/d/amal.recovery.json")
        );
        assert_eq!(
            recovery_path(Path::new("big.jsonl")),
            PathBuf::from("big.recovery.jsonl")
        );
    }
}
