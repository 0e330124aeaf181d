//! Plain-text import: each `.txt` file becomes one document named after its stem.
//!
//! Files are read as [`encoding`] decodes them: UTF-8 or UTF-16 by their byte-order
//! mark (which is dropped), UTF-8 without one, or the encoding the caller names.

pub mod encoding;

use std::collections::HashMap;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use crate::model::{Corpus, Document};
use encoding::{Malformed, MalformedReason, TextEncoding, decode_text};

/// Why plain-text files could not be imported; nothing is written then.
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
    match m.reason {
        MalformedReason::InvalidSequence => format!(
            "invalid {} at byte offset {} (line {}, column {}); if the file is in another encoding, name it with `taliq import --encoding` ({})",
            m.encoding,
            m.byte,
            m.line,
            m.column,
            TextEncoding::accepted_names()
        ),
        MalformedReason::OtherMark(marked) => format!(
            "at byte offset 0 (line 1, column 1): the file starts with the byte-order mark of {marked}, not of {}; drop --encoding to let the mark decide",
            m.encoding
        ),
    }
}

/// Reads one text file as a document; see [`txt_document`].
///
/// # Errors
/// When the file cannot be read or is not valid in its encoding (naming the byte offset).
pub fn read_txt_document(
    path: &Path,
    encoding: Option<TextEncoding>,
) -> Result<Document, TxtImportError> {
    let bytes = fs::read(path).map_err(|source| TxtImportError::Io {
        path: path.to_path_buf(),
        source,
    })?;
    txt_document(path, &bytes, encoding)
}

/// The document the bytes of text file `path` make: id from the file stem, text as
/// decoded (see [`decode_text`]: a byte-order mark is dropped, nothing else changes).
///
/// The title (`meta.title`) is the first non-blank line and `meta.source` the file name.
///
/// # Errors
/// [`TxtImportError::Malformed`] when the bytes are not valid in their encoding.
pub fn txt_document(
    path: &Path,
    bytes: &[u8],
    encoding: Option<TextEncoding>,
) -> Result<Document, TxtImportError> {
    let text = decode_text(bytes, encoding).map_err(|malformed| TxtImportError::Malformed {
        path: path.to_path_buf(),
        malformed,
    })?;
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
    Ok(doc)
}

/// Imports `.txt` files and folders of them into a new corpus with the default label set,
/// each file in the encoding its byte-order mark announces, else UTF-8.
///
/// # Errors
/// The first file that cannot be read or decoded, or two files with the same stem.
pub fn import_txt(paths: &[PathBuf]) -> Result<Corpus, TxtImportError> {
    import_txt_in(paths, None)
}

/// As [`import_txt`], every file read in `encoding` when one is given (a byte-order mark of
/// that encoding is still dropped).
///
/// # Errors
/// As [`import_txt`].
pub fn import_txt_in(
    paths: &[PathBuf],
    encoding: Option<TextEncoding>,
) -> Result<Corpus, TxtImportError> {
    let files = collect_txt_files(paths)?;
    let mut corpus = Corpus::with_default_labels();
    let mut seen: HashMap<String, PathBuf> = HashMap::new();
    for file in files {
        let doc = read_txt_document(&file, encoding)?;
        if let Some(first) = seen.insert(doc.id.clone(), file.clone()) {
            return Err(TxtImportError::DuplicateId {
                id: doc.id,
                first,
                second: file,
            });
        }
        corpus.documents.push(doc);
    }
    Ok(corpus)
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
        let corpus = import_txt(&[dir.path().to_path_buf()]).unwrap();
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
        let err = import_txt(std::slice::from_ref(&path)).unwrap_err();
        let message = err.to_string();
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
        let err = import_txt(&[dir.path().join("a.txt"), dir.path().join("x")]).unwrap_err();
        assert!(
            matches!(err, TxtImportError::DuplicateId { ref id, .. } if id == "a"),
            "{err}"
        );
    }
}
