//! Corpus files on disk: loading, and saving only over what was loaded.

use std::fs;
use std::hash::{DefaultHasher, Hasher};
use std::io;
use std::path::{Path, PathBuf};

use super::{Diagnostic, Form, Loaded, atomic, parse_corpus, parse_corpus_each, write_corpus};
use crate::model::Corpus;

/// Why a corpus file could not be loaded.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    /// The file could not be read.
    #[error("cannot read {}: {source}", path.display())]
    Io {
        /// The file.
        path: PathBuf,
        /// The underlying error.
        source: io::Error,
    },
    /// The file was read but is not a valid corpus.
    #[error("{} is not a valid corpus ({} problem{}):\n{}", path.display(), diagnostics.len(),
        if diagnostics.len() == 1 { "" } else { "s" },
        diagnostics.iter().map(|d| format!("  {}", d.display_in(path))).collect::<Vec<_>>().join("\n"))]
    Invalid {
        /// The file.
        path: PathBuf,
        /// Every problem found.
        diagnostics: Vec<Diagnostic>,
    },
}

/// Why a corpus could not be saved; the file on disk is then unchanged.
#[derive(Debug, thiserror::Error)]
pub enum SaveError {
    /// Writing failed.
    #[error("cannot write {}: {source}", path.display())]
    Io {
        /// The file.
        path: PathBuf,
        /// The underlying error.
        source: io::Error,
    },
    /// Someone changed the file since it was loaded; saving would lose their work.
    #[error("{} was changed on disk since it was opened; reload it or save under another name", path.display())]
    ChangedOnDisk {
        /// The file.
        path: PathBuf,
    },
    /// Another window holds the file's lock (see [`super::CorpusLock`]), so this one may not write it.
    #[error("{} is open in another window: {}; nothing was saved (save under another name, or take the file over)", path.display(), holder.describe())]
    Locked {
        /// The file.
        path: PathBuf,
        /// Who holds it (the window words it in its language from the fields).
        holder: Box<super::LockInfo>,
    },
    /// The target exists and overwriting was not asked for.
    #[error("{} already exists (use --force to overwrite)", path.display())]
    Exists {
        /// The file.
        path: PathBuf,
    },
}

/// Whether two paths name the same file (either may not exist yet, then only equal paths do).
pub fn same_file(a: &Path, b: &Path) -> bool {
    a == b
        || fs::canonicalize(a)
            .ok()
            .is_some_and(|a| fs::canonicalize(b).is_ok_and(|b| a == b))
}

/// Reads and validates a corpus file; the form follows the file name (`.jsonl` or JSON).
///
/// # Errors
/// [`LoadError::Io`] when the file cannot be read, [`LoadError::Invalid`] with every problem otherwise.
pub fn load(path: impl AsRef<Path>) -> Result<Corpus, LoadError> {
    // No fingerprint: nothing will be saved over this file through the result, and hashing
    // the whole file costs as much as a fifth of parsing it.
    read_and_parse(path.as_ref()).map(|(_, corpus, _)| corpus)
}

/// Reads and validates a corpus file as [`load`] does, handing each document to `each` as
/// soon as it is checked (see [`parse_corpus_each`]); the corpus returned has no documents.
///
/// # Errors
/// As [`load`]; documents handed over before an error are void.
pub fn load_each(
    path: impl AsRef<Path>,
    each: &mut dyn FnMut(Loaded),
) -> Result<Corpus, LoadError> {
    let path = path.as_ref();
    let bytes = read_bytes(path)?;
    parse_corpus_each(&bytes, Form::from_path(path), each).map_err(|d| invalid(path, d))
}

/// Reads and parses the corpus at `path`, returning its bytes too.
fn read_and_parse(path: &Path) -> Result<(Vec<u8>, Corpus, Form), LoadError> {
    let bytes = read_bytes(path)?;
    let form = Form::from_path(path);
    let corpus = parse_corpus(&bytes, form).map_err(|d| invalid(path, d))?;
    Ok((bytes, corpus, form))
}

fn read_bytes(path: &Path) -> Result<Vec<u8>, LoadError> {
    fs::read(path).map_err(|source| LoadError::Io {
        path: path.to_path_buf(),
        source,
    })
}

fn invalid(path: &Path, diagnostics: Vec<Diagnostic>) -> LoadError {
    LoadError::Invalid {
        path: path.to_path_buf(),
        diagnostics,
    }
}

/// Identity of a file's content, to notice that someone else changed it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Fingerprint {
    len: usize,
    hash: u64,
}

impl Fingerprint {
    fn of(bytes: &[u8]) -> Self {
        let mut hasher = DefaultHasher::new();
        hasher.write(bytes);
        Self {
            len: bytes.len(),
            hash: hasher.finish(),
        }
    }
}

/// A corpus file that was loaded successfully (or created by us) and may therefore be saved over.
///
/// There is no way to get one for a file that failed to load, so such a file is never overwritten.
#[derive(Debug)]
pub struct CorpusFile {
    path: PathBuf,
    form: Form,
    fingerprint: Fingerprint,
}

impl CorpusFile {
    /// Loads the corpus at `path`.
    ///
    /// # Errors
    /// [`LoadError::Io`] when the file cannot be read, [`LoadError::Invalid`] with every problem otherwise.
    pub fn open(path: impl AsRef<Path>) -> Result<(Self, Corpus), LoadError> {
        let path = path.as_ref().to_path_buf();
        let (bytes, corpus, form) = read_and_parse(&path)?;
        let file = Self {
            fingerprint: Fingerprint::of(&bytes),
            path,
            form,
        };
        Ok((file, corpus))
    }

    /// Writes a corpus to a new file at `path`; an existing file is replaced only if `overwrite`.
    ///
    /// # Errors
    /// [`SaveError::Exists`] when the file exists and `overwrite` is false; [`SaveError::Io`] on write errors.
    pub fn create(
        path: impl AsRef<Path>,
        corpus: &Corpus,
        overwrite: bool,
    ) -> Result<Self, SaveError> {
        let path = path.as_ref().to_path_buf();
        if !overwrite && path.exists() {
            return Err(SaveError::Exists { path });
        }
        let form = Form::from_path(&path);
        let bytes = write_corpus(corpus, form).into_bytes();
        atomic::write_atomic(&path, &bytes, overwrite).map_err(|source| SaveError::Io {
            path: path.clone(),
            source,
        })?;
        Ok(Self {
            fingerprint: Fingerprint::of(&bytes),
            path,
            form,
        })
    }

    /// The file's path.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The file's form (JSON or JSONL).
    pub fn form(&self) -> Form {
        self.form
    }

    /// Whether the file on disk differs from what was last loaded or saved here.
    ///
    /// # Errors
    /// When the file cannot be read (a deleted file counts as changed, not as an error).
    pub fn changed_on_disk(&self) -> io::Result<bool> {
        match fs::read(&self.path) {
            Ok(bytes) => Ok(Fingerprint::of(&bytes) != self.fingerprint),
            Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(true),
            Err(e) => Err(e),
        }
    }

    /// Saves the corpus over the file atomically, keeping the previous version as `NAME.bak`.
    ///
    /// # Errors
    /// [`SaveError::ChangedOnDisk`] when someone else changed the file since it was loaded;
    /// [`SaveError::Io`] when writing fails. The file is unchanged in both cases.
    pub fn save(&mut self, corpus: &Corpus) -> Result<(), SaveError> {
        let changed = self.changed_on_disk().map_err(|source| SaveError::Io {
            path: self.path.clone(),
            source,
        })?;
        if changed {
            return Err(SaveError::ChangedOnDisk {
                path: self.path.clone(),
            });
        }
        self.overwrite(corpus)
    }

    /// Saves over the file even if it changed on disk (after the user chose to), keeping a backup.
    ///
    /// # Errors
    /// [`SaveError::Io`] when writing fails; the file is then unchanged.
    pub fn overwrite(&mut self, corpus: &Corpus) -> Result<(), SaveError> {
        let bytes = write_corpus(corpus, self.form).into_bytes();
        atomic::write_atomic(&self.path, &bytes, true).map_err(|source| SaveError::Io {
            path: self.path.clone(),
            source,
        })?;
        self.fingerprint = Fingerprint::of(&bytes);
        Ok(())
    }
}
