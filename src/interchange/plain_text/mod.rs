//! Plain-text import: each `.txt` file becomes one document named after its stem.
//!
//! Each file is read as [`encoding`] decodes it: by its byte-order mark (which is dropped),
//! else in the encoding the caller names, else in the one its bytes show; the encoding of
//! every file is reported. Text with a control character no corpus may hold is refused
//! with its place; when any file fails, no corpus is made.

pub mod encoding;

use std::collections::HashMap;
use std::fmt::{self, Write as _};
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use crate::model::controls::{ForbiddenControl, find_forbidden_control};
use crate::model::{Corpus, Document};
use encoding::{Decoded, EncodingChoice, Malformed, MalformedReason, TextEncoding, decode_text};

/// Why a text file (or a folder of them) could not be imported.
#[derive(Debug, thiserror::Error)]
pub enum TxtImportError {
    /// A file or folder could not be read.
    #[error("cannot read {}: {source}", path.display())]
    Io {
        /// The file or folder.
        path: PathBuf,
        /// The underlying error.
        source: io::Error,
    },
    /// A file is not valid in the encoding it was read in.
    #[error("{}: {}", path.display(), malformed_message(.malformed))]
    Malformed {
        /// The file.
        path: PathBuf,
        /// Where and why.
        malformed: Malformed,
    },
    /// A file's text holds a control character no corpus may hold.
    #[error(
        "{}: {} (read as {encoding}, {choice}): control characters other than tab, line feed, carriage return and form feed are not text; if the file is in another encoding, name it with `taliq import --encoding`",
        path.display(),
        control.describe()
    )]
    Control {
        /// The file.
        path: PathBuf,
        /// The encoding it was read in.
        encoding: TextEncoding,
        /// How that encoding was chosen.
        choice: EncodingChoice,
        /// The first such character, with its line and column.
        control: ForbiddenControl,
    },
    /// Two files would give the same document id.
    #[error("{} and {} would both become document {id:?}", first.display(), second.display())]
    DuplicateId {
        /// The id.
        id: String,
        /// The first file with that stem.
        first: PathBuf,
        /// The second file with that stem.
        second: PathBuf,
    },
    /// A folder held no `.txt` file, or no path was given.
    #[error("no .txt file found in {}", path.display())]
    NothingToImport {
        /// The folder.
        path: PathBuf,
    },
}

/// A file read: its path and the encoding it was read in, shown as
/// `texts/art3.txt: windows-1256 (detected)`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReadFile {
    /// The file, as found.
    pub path: PathBuf,
    /// The encoding it was read in.
    pub encoding: TextEncoding,
    /// How that encoding was chosen.
    pub choice: EncodingChoice,
}

impl fmt::Display for ReadFile {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}: {} ({})",
            self.path.display(),
            self.encoding,
            self.choice
        )
    }
}

/// A corpus made of text files, with how each was read.
#[derive(Debug)]
pub struct TxtImport {
    /// One document per file, in the order of [`Self::files`].
    pub corpus: Corpus,
    /// Each file with its encoding.
    pub files: Vec<ReadFile>,
}

/// Text files that could not all be imported: every failure, and the files that were read.
#[derive(Debug)]
pub struct TxtImportFailure {
    /// What failed, each naming its file and place; never empty.
    pub errors: Vec<TxtImportError>,
    /// The files that were read without a problem.
    pub read: Vec<ReadFile>,
}

impl fmt::Display for TxtImportFailure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, error) in self.errors.iter().enumerate() {
            if i > 0 {
                f.write_str("\n")?;
            }
            write!(f, "{error}")?;
        }
        Ok(())
    }
}

impl std::error::Error for TxtImportFailure {}

impl From<TxtImportError> for TxtImportFailure {
    fn from(error: TxtImportError) -> Self {
        Self {
            errors: vec![error],
            read: Vec::new(),
        }
    }
}

/// The `.txt` files a list of paths stands for: files as given, folders by their `.txt` files in name order.
///
/// # Errors
/// When a folder cannot be listed or holds no `.txt` file.
pub fn collect_txt_files(paths: &[PathBuf]) -> Result<Vec<PathBuf>, TxtImportError> {
    let mut files = Vec::new();
    for path in paths {
        if path.is_dir() {
            let io_error = |source| TxtImportError::Io {
                path: path.clone(),
                source,
            };
            let mut found: Vec<PathBuf> = fs::read_dir(path)
                .map_err(io_error)?
                .filter_map(Result::ok)
                .map(|e| e.path())
                .filter(|p| {
                    p.is_file() && p.extension().is_some_and(|e| e.eq_ignore_ascii_case("txt"))
                })
                .collect();
            if found.is_empty() {
                return Err(TxtImportError::NothingToImport { path: path.clone() });
            }
            found.sort();
            files.extend(found);
        } else {
            files.push(path.clone());
        }
    }
    Ok(files)
}

/// The sentence after the file name of a [`TxtImportError::Malformed`].
fn malformed_message(m: &Malformed) -> String {
    let place = format!(
        "at byte offset {} (line {}, column {}; encoding {})",
        m.byte,
        m.line,
        m.column,
        m.choice.how()
    );
    let name_it = format!(
        "name it with `taliq import --encoding` ({})",
        TextEncoding::accepted_names()
    );
    match m.reason {
        MalformedReason::InvalidSequence => format!(
            "invalid {} {place}; if the file is in another encoding, {name_it}",
            m.encoding
        ),
        MalformedReason::Utf8NotAsGiven => format!(
            "the file is UTF-8 (a character beyond ASCII at byte offset {}, line {}, column {}), and read as the {} given it would be mojibake; drop `--encoding`: each file's encoding is then detected",
            m.byte, m.line, m.column, m.encoding
        ),
        MalformedReason::Undetected { closest } => format!(
            "invalid UTF-8 {place}, and not Arabic in windows-1256 or ISO-8859-6 either (its bytes look most like {closest}, which taliq does not read); if it is in one taliq reads, {name_it}"
        ),
    }
}

/// Reads one text file as a document; see [`txt_document`].
///
/// # Errors
/// When the file cannot be read, is not valid in its encoding (naming the byte offset), or
/// holds a forbidden control character (naming its line and column).
pub fn read_txt_document(
    path: &Path,
    encoding: Option<TextEncoding>,
) -> Result<(Document, ReadFile), TxtImportError> {
    let bytes = fs::read(path).map_err(|source| TxtImportError::Io {
        path: path.to_path_buf(),
        source,
    })?;
    txt_document(path, &bytes, encoding)
}

/// The document the bytes of text file `path` make, with how the file was read: id from
/// the file stem, text as decoded (see [`decode_text`]: a byte-order mark is dropped,
/// nothing else changes).
///
/// The title (`meta.title`) is the first non-blank line and `meta.source` the file name.
///
/// # Errors
/// [`TxtImportError::Malformed`] when the bytes are not valid in their encoding,
/// [`TxtImportError::Control`] when the text holds a control character no corpus may hold.
pub fn txt_document(
    path: &Path,
    bytes: &[u8],
    encoding: Option<TextEncoding>,
) -> Result<(Document, ReadFile), TxtImportError> {
    let Decoded {
        text,
        encoding,
        choice,
    } = decode_text(bytes, encoding).map_err(|malformed| TxtImportError::Malformed {
        path: path.to_path_buf(),
        malformed,
    })?;
    if let Some(control) = find_forbidden_control(&text) {
        return Err(TxtImportError::Control {
            path: path.to_path_buf(),
            encoding,
            choice,
            control,
        });
    }
    let id = path
        .file_stem()
        .unwrap_or_default()
        .to_string_lossy()
        .into_owned();
    let title = text
        .lines()
        .map(str::trim)
        .find(|l| !l.is_empty())
        .unwrap_or("")
        .to_owned();
    let mut doc = Document::new(id, text);
    let mut meta = serde_json::Map::new();
    meta.insert("title".into(), title.into());
    let source = path
        .file_name()
        .unwrap_or_default()
        .to_string_lossy()
        .into_owned();
    meta.insert("source".into(), source.into());
    doc.meta = Some(meta.into());
    let read = ReadFile {
        path: path.to_path_buf(),
        encoding,
        choice,
    };
    Ok((doc, read))
}

/// Imports `.txt` files and folders of them into a new corpus with the default label set,
/// each file in the encoding its byte-order mark announces, else the one its bytes show.
///
/// # Errors
/// Every file that cannot be read or decoded or holds a forbidden control, and every two
/// files with the same stem.
pub fn import_txt(paths: &[PathBuf]) -> Result<TxtImport, TxtImportFailure> {
    import_txt_in(paths, None)
}

/// As [`import_txt`], the files without a byte-order mark read in `encoding` when one is
/// given (a mark always decides).
///
/// # Errors
/// As [`import_txt`].
pub fn import_txt_in(
    paths: &[PathBuf],
    encoding: Option<TextEncoding>,
) -> Result<TxtImport, TxtImportFailure> {
    let files = collect_txt_files(paths)?;
    let mut corpus = Corpus::with_default_labels();
    let mut read = Vec::with_capacity(files.len());
    let mut errors = Vec::new();
    let mut seen: HashMap<String, PathBuf> = HashMap::new();
    // Every file is read, so one run lists every file to fix, not just the first.
    for file in files {
        let (doc, file_read) = match read_txt_document(&file, encoding) {
            Ok(read) => read,
            Err(e) => {
                errors.push(e);
                continue;
            }
        };
        if let Some(first) = seen.insert(doc.id.clone(), file.clone()) {
            errors.push(TxtImportError::DuplicateId {
                id: doc.id,
                first,
                second: file,
            });
            continue;
        }
        corpus.documents.push(doc);
        read.push(file_read);
    }
    if errors.is_empty() {
        Ok(TxtImport {
            corpus,
            files: read,
        })
    } else {
        Err(TxtImportFailure { errors, read })
    }
}

/// The files shown in full by [`summary`]; the rest are counted by encoding.
pub const SUMMARY_FILES: usize = 6;

/// One line telling how text files were read, for the window's status bar:
/// `imported 3 text files: art1.txt UTF-8 (BOM), art2.txt windows-1256 (detected), …`;
/// past six files, the rest counted by encoding.
pub fn summary(files: &[ReadFile]) -> String {
    let name = |file: &ReadFile| {
        file.path.file_name().map_or_else(
            || file.path.display().to_string(),
            |n| n.to_string_lossy().into_owned(),
        )
    };
    let shown: Vec<String> = files
        .iter()
        .take(SUMMARY_FILES)
        .map(|f| format!("{} {} ({})", name(f), f.encoding, f.choice))
        .collect();
    let n = files.len();
    let mut line = format!(
        "imported {n} text file{}: {}",
        if n == 1 { "" } else { "s" },
        shown.join(", ")
    );
    if n > SUMMARY_FILES {
        let mut counts: Vec<(String, usize)> = Vec::new();
        for f in &files[SUMMARY_FILES..] {
            let how = format!("{} ({})", f.encoding, f.choice);
            match counts.iter_mut().find(|(h, _)| *h == how) {
                Some((_, count)) => *count += 1,
                None => counts.push((how, 1)),
            }
        }
        let counted: Vec<String> = counts.iter().map(|(h, c)| format!("{c} {h}")).collect();
        let _ = write!(
            line,
            ", and {} more: {}",
            n - SUMMARY_FILES,
            counted.join(", ")
        );
    }
    line
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folder_import_keeps_text_exactly_and_orders_by_name() {
        let dir = tempfile::tempdir().unwrap();
        fs::write(dir.path().join("b.txt"), "\n  عنوان ثانٍ\r\nسطر").unwrap();
        fs::write(dir.path().join("a.txt"), "مرحبا").unwrap();
        fs::write(dir.path().join("notes.md"), "ignored").unwrap();
        let corpus = import_txt(&[dir.path().to_path_buf()]).unwrap().corpus;
        let ids: Vec<_> = corpus.documents.iter().map(|d| d.id.as_str()).collect();
        assert_eq!(ids, ["a", "b"]);
        assert_eq!(corpus.documents[1].text(), "\n  عنوان ثانٍ\r\nسطر");
        assert_eq!(
            corpus.documents[1].meta.as_ref().unwrap()["title"],
            "عنوان ثانٍ"
        );
        assert_eq!(corpus.labels.len(), 5);
    }

    #[test]
    fn invalid_utf8_names_file_and_byte_offset() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("bad.txt");
        let mut bytes = "سطر\nاب".as_bytes().to_vec();
        bytes.push(0xff);
        fs::write(&path, &bytes).unwrap();
        let failure = import_txt(std::slice::from_ref(&path)).unwrap_err();
        let message = failure.to_string();
        let err = &failure.errors[0];
        assert!(
            matches!(
                err,
                TxtImportError::Malformed {
                    malformed: Malformed {
                        byte: 11,
                        line: 2,
                        column: 3,
                        ..
                    },
                    ..
                }
            ),
            "{message}"
        );
        assert!(
            message.contains("bad.txt") && message.contains("byte offset 11"),
            "{message}"
        );
    }

    #[test]
    fn same_stem_twice_is_an_error() {
        let dir = tempfile::tempdir().unwrap();
        fs::create_dir(dir.path().join("x")).unwrap();
        fs::write(dir.path().join("a.txt"), "أ").unwrap();
        fs::write(dir.path().join("x").join("a.txt"), "ب").unwrap();
        let failure = import_txt(&[dir.path().join("a.txt"), dir.path().join("x")]).unwrap_err();
        assert!(
            matches!(&failure.errors[..], [TxtImportError::DuplicateId { id, .. }] if id == "a"),
            "{failure}"
        );
    }
}
