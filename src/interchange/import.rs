//! What every format's import shares: the error with its place, the corpus builder, reading
//! a file's bytes as UTF-8, and walking the files and folders given.
//!
//! Each format reads one file's bytes (`read_into`), so that the same code serves files on
//! disk (`import`) and bytes in memory (`import_bytes`, what the fuzz tests call).

use std::collections::HashSet;
use std::io;
use std::path::{Path, PathBuf};

use crate::model::{CharRange, Color, Corpus, Document, Label, Span};

/// Why files could not be imported; nothing is written then.
#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    /// A file or folder could not be read.
    #[error("cannot read {}: {source}", path.display())]
    Io {
        /// The file or folder.
        path: PathBuf,
        /// The underlying error.
        source: io::Error,
    },
    /// A line of a file is wrong.
    #[error("{}:{line}: {message}", path.display())]
    Line {
        /// The file.
        path: PathBuf,
        /// 1-based line.
        line: usize,
        /// What is wrong.
        message: String,
    },
    /// A part of a file that has no line of its own (a task of a JSON array, a whole file) is wrong.
    #[error("{}: {place}: {message}", path.display())]
    Place {
        /// The file.
        path: PathBuf,
        /// Where in the file, e.g. `task 3`.
        place: String,
        /// What is wrong.
        message: String,
    },
}

/// Collects imported documents into a corpus: unique ids, labels created as met.
#[derive(Debug)]
pub struct CorpusBuilder {
    corpus: Corpus,
    ids: HashSet<String>,
}

impl Default for CorpusBuilder {
    fn default() -> Self {
        Self::new()
    }
}

impl CorpusBuilder {
    /// A builder starting from taliq's default labels.
    pub fn new() -> Self {
        Self {
            corpus: Corpus::with_default_labels(),
            ids: HashSet::new(),
        }
    }

    /// Makes sure a label of this name exists.
    fn label(&mut self, name: &str) {
        if self.corpus.label(name).is_none() {
            let taken: Vec<Color> = self.corpus.labels.iter().map(|l| l.color).collect();
            let color = crate::model::next_palette_color(&taken);
            self.corpus.labels.push(Label::new(name, color, None, None));
        }
    }

    /// Adds a span to a document, turning a bad range into a message for the caller to place.
    ///
    /// # Errors
    /// When the range is not a valid span (outside the text, cutting a cluster, duplicated).
    pub fn add_span(
        &mut self,
        doc: &mut Document,
        start: usize,
        end: usize,
        label: &str,
    ) -> Result<(), String> {
        if label.is_empty() {
            return Err("empty label".into());
        }
        let range = CharRange::new(start, end)
            .ok_or_else(|| format!("span start {start} is after its end {end}"))?;
        doc.add_span(Span::new(range, label))
            .map_err(|e| e.to_string())?;
        self.label(label);
        Ok(())
    }

    /// Gives the span `start..end` labelled `label` of `doc` the id `id` (the format's own
    /// name for it), for relations to refer to.
    ///
    /// # Errors
    /// When there is no such span, or another span has the id.
    pub fn name_span(
        doc: &mut Document,
        start: usize,
        end: usize,
        label: &str,
        id: &str,
    ) -> Result<(), String> {
        let index = CharRange::new(start, end)
            .and_then(|r| doc.find_span(r, label))
            .ok_or_else(|| format!("no span {start}..{end} {label} to name {id}"))?;
        if doc.span_by_id(id).is_some_and(|other| other != index) {
            return Err(format!("span id {id:?} is used twice"));
        }
        doc.set_span_id(index, Some(id.to_owned()));
        Ok(())
    }

    /// Adds a relation between two named spans of `doc`, declaring its type (between any
    /// labels) if the corpus has none of that name.
    ///
    /// # Errors
    /// A span id no span of the document has, or a relation id used twice.
    pub fn add_relation(
        &mut self,
        doc: &mut Document,
        relation: crate::model::Relation,
    ) -> Result<(), String> {
        if relation.label.is_empty() {
            return Err("empty relation label".into());
        }
        let label = relation.label.clone();
        doc.add_relation(relation).map_err(|e| e.to_string())?;
        if self.corpus.relation_label(&label).is_none() {
            let labels: Vec<Color> = self.corpus.labels.iter().map(|l| l.color).collect();
            let relations: Vec<Color> = self
                .corpus
                .relation_labels
                .iter()
                .map(|l| l.color)
                .collect();
            let color = crate::model::relation_palette_color(&labels, &relations);
            self.corpus
                .relation_labels
                .push(crate::model::RelationLabel::new(&label, color));
        }
        Ok(())
    }

    /// Gives `doc` the values `values` of document label `name`, declaring the label and
    /// its values as they come (several values make it `multiple`).
    ///
    /// # Errors
    /// An empty name or value.
    pub fn set_document_label(
        &mut self,
        doc: &mut Document,
        name: &str,
        values: Vec<String>,
    ) -> Result<(), String> {
        if name.is_empty() || values.iter().any(String::is_empty) {
            return Err(format!("document label {name:?}: empty name or value"));
        }
        if self.corpus.document_label(name).is_none() {
            self.corpus
                .document_labels
                .push(crate::model::DocumentLabel::new(name, &[], false));
        }
        let Some(declared) = self
            .corpus
            .document_labels
            .iter_mut()
            .find(|d| d.name == name)
        else {
            return Err(format!("document label {name:?} could not be declared"));
        };
        for value in &values {
            if !declared.values.contains(value) {
                declared.values.push(value.clone());
            }
        }
        declared.multiple |= values.len() > 1;
        if !values.is_empty() {
            doc.labels.push((name.to_owned(), values));
        }
        Ok(())
    }

    /// Adds a document.
    ///
    /// # Errors
    /// When a document with the same id was added before, or its text holds a control
    /// character no corpus may hold (the corpus written would not open).
    pub fn push(&mut self, doc: Document) -> Result<(), String> {
        if let Some(control) = crate::model::controls::find_forbidden_control(doc.text()) {
            return Err(format!(
                "document {:?}: its text holds {}: control characters other than tab, line feed, carriage return and form feed are not text",
                doc.id,
                control.describe()
            ));
        }
        if !self.ids.insert(doc.id.clone()) {
            return Err(format!("document id {:?} appears twice", doc.id));
        }
        self.corpus.documents.push(doc);
        Ok(())
    }

    /// The corpus built.
    pub fn finish(self) -> Corpus {
        self.corpus
    }
}

/// Reads a file's bytes (or names why not).
///
/// # Errors
/// [`ImportError::Io`] when the file cannot be read.
pub fn read_bytes(path: &Path) -> Result<Vec<u8>, ImportError> {
    std::fs::read(path).map_err(|source| ImportError::Io {
        path: path.to_path_buf(),
        source,
    })
}

/// The UTF-8 text of a file's bytes, without a leading byte-order mark: Windows editors
/// add one, and it would otherwise glue itself to the first token or break the JSON.
///
/// # Errors
/// [`ImportError::Line`] at the first invalid UTF-8 byte.
pub fn utf8_text<'a>(path: &Path, bytes: &'a [u8]) -> Result<&'a str, ImportError> {
    let text = utf8_text_exact(path, bytes)?;
    Ok(text.strip_prefix('\u{feff}').unwrap_or(text))
}

/// The UTF-8 text of a file's bytes exactly, a byte-order mark included (brat counts it
/// as a character).
///
/// # Errors
/// [`ImportError::Line`] at the first invalid UTF-8 byte, with its byte offset.
pub fn utf8_text_exact<'a>(path: &Path, bytes: &'a [u8]) -> Result<&'a str, ImportError> {
    std::str::from_utf8(bytes).map_err(|e| {
        let byte = e.valid_up_to();
        let (line, column) = crate::model::textindex::line_and_column(&bytes[..byte]);
        ImportError::Line {
            path: path.to_path_buf(),
            line,
            message: format!("invalid UTF-8 at byte offset {byte} (column {column})"),
        }
    })
}

/// The file stem of `path`, used to name documents that carry no id.
pub fn stem(path: &Path) -> String {
    path.file_stem()
        .unwrap_or_default()
        .to_string_lossy()
        .into_owned()
}

/// A document's `meta` as the corpus format holds it: an object, or none when missing or null.
///
/// # Errors
/// A message naming `field` when it is another JSON type, which no corpus file could hold.
pub fn meta_object(
    value: Option<&serde_json::Value>,
    field: &str,
) -> Result<Option<serde_json::Value>, String> {
    match value {
        None | Some(serde_json::Value::Null) => Ok(None),
        Some(meta @ serde_json::Value::Object(_)) => Ok(Some(meta.clone())),
        Some(other) => Err(format!("\"{field}\" must be an object, found {other}")),
    }
}

/// Reads one file's bytes into a builder: what each format's import does per file.
pub type ReadInto = fn(&mut CorpusBuilder, &Path, &[u8]) -> Result<(), ImportError>;

/// Imports the files `paths` stand for (see [`collect_files`]), each read by `read_into`
/// into one corpus, so that document ids stay unique across them.
///
/// # Errors
/// The first unreadable file, or the first error `read_into` gives.
pub fn import_files(
    paths: &[PathBuf],
    extensions: &[&str],
    read_into: ReadInto,
) -> Result<Corpus, ImportError> {
    let mut builder = CorpusBuilder::new();
    for path in collect_files(paths, extensions)? {
        read_into(&mut builder, &path, &read_bytes(&path)?)?;
    }
    Ok(builder.finish())
}

/// The corpus one file's bytes make through `read_into`; `path` only names it (in errors
/// and in the ids of documents that carry none).
///
/// # Errors
/// The first error `read_into` gives.
pub fn import_one(path: &Path, bytes: &[u8], read_into: ReadInto) -> Result<Corpus, ImportError> {
    let mut builder = CorpusBuilder::new();
    read_into(&mut builder, path, bytes)?;
    Ok(builder.finish())
}

/// Reads a JSONL file's bytes into a builder, one document a line through
/// `read_line(builder, value, file stem, line number)`; blank lines are skipped.
///
/// # Errors
/// The first bad line with its file and number.
pub fn read_json_lines(
    builder: &mut CorpusBuilder,
    path: &Path,
    bytes: &[u8],
    read_line: impl Fn(&mut CorpusBuilder, &serde_json::Value, &str, usize) -> Result<Document, String>,
) -> Result<(), ImportError> {
    let text = utf8_text(path, bytes)?;
    let stem = stem(path);
    for (i, line) in text.split('\n').enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let err = |message: String| ImportError::Line {
            path: path.to_path_buf(),
            line: i + 1,
            message,
        };
        let value: serde_json::Value =
            serde_json::from_str(line).map_err(|e| err(format!("invalid JSON: {e}")))?;
        let doc = read_line(builder, &value, &stem, i + 1).map_err(err)?;
        builder.push(doc).map_err(err)?;
    }
    Ok(())
}

/// The files a list of paths stands for: files as given, folders by their files with one of
/// `extensions`, in name order.
///
/// # Errors
/// When a folder cannot be listed.
pub fn collect_files(paths: &[PathBuf], extensions: &[&str]) -> Result<Vec<PathBuf>, ImportError> {
    let mut files = Vec::new();
    for path in paths {
        if path.is_dir() {
            let mut found: Vec<PathBuf> = std::fs::read_dir(path)
                .map_err(|source| ImportError::Io {
                    path: path.clone(),
                    source,
                })?
                .filter_map(Result::ok)
                .map(|e| e.path())
                .filter(|p| {
                    p.is_file()
                        && p.extension()
                            .and_then(|e| e.to_str())
                            .is_some_and(|e| extensions.iter().any(|x| e.eq_ignore_ascii_case(x)))
                })
                .collect();
            found.sort();
            files.extend(found);
        } else {
            files.push(path.clone());
        }
    }
    Ok(files)
}
