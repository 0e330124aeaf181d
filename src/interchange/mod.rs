//! The formats other tools read and write, both ways: exports for training tools (jsonl,
//! CoNLL, HF, brat, Label Studio, doccano), each format's import beside its export, and
//! plain text imported as a new corpus ([`plain_text`]).
//!
//! Every format keeps offsets exact on Arabic text; what a format cannot represent
//! (nested spans in flat BIO, span edges inside a token) is returned as [`Loss`]es so that
//! the caller can say so.
//!
//! ```
//! use taliq::interchange::{Format, Options, export_documents};
//! use taliq::model::{CharRange, Corpus, Document, Span};
//!
//! let mut corpus = Corpus::with_default_labels();
//! let mut doc = Document::new("d1", "زار لروسيا");
//! doc.add_span(Span::new(CharRange::new(5, 10).unwrap(), "LOC")).unwrap();
//! corpus.documents.push(doc);
//! let out = export_documents(&corpus, &corpus.documents, Format::Conll, &Options::default());
//! assert_eq!(out.files[0].0.to_str(), Some("export.conll"));
//! assert_eq!(String::from_utf8(out.files[0].1.clone()).unwrap(),
//!            "-DOCSTART- O\n\nزار O\nل O\nروسيا B-LOC\n\n");
//! assert!(out.losses.is_empty(), "the proclitic lam was split off");
//! ```

pub mod brat;
pub mod conll;
pub mod doccano;
pub mod hf;
pub mod import;
pub mod jsonl;
pub mod label_studio;
pub mod names;
pub mod plain_text;
pub mod select;
pub mod stream;
mod unrepresented;
pub mod utf16;

use std::fmt;
use std::io;
use std::path::{Path, PathBuf};

use crate::model::{CharRange, Corpus, Document};

pub use conll::{Align, Scheme};
pub use import::{CorpusBuilder, ImportError, collect_files, stem};
pub use select::{Filter, Split};
pub use stream::{StreamExport, Streamed};
pub use unrepresented::{Unrepresented, unrepresented};

/// The formats taliq exports to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// One JSON document per line with character offsets (spaCy, Prodigy, HF `load_dataset("json")`).
    Jsonl,
    /// Token per line with IOB2 or BIOES tags, blank line between sentences.
    Conll,
    /// Token-classification JSONL (`tokens`, integer `ner_tags`) plus `labels.json`.
    Hf,
    /// A brat folder: `ID.txt` and `ID.ann` per document and `annotation.conf`.
    Brat,
    /// A Label Studio task list (JSON array).
    LabelStudio,
    /// doccano sequence-labelling JSONL, offsets in UTF-16 units.
    Doccano,
}

impl Format {
    /// The file extension of one part of the export, or `None` for folder formats.
    pub fn extension(self) -> Option<&'static str> {
        match self {
            Self::Jsonl | Self::Hf | Self::Doccano => Some("jsonl"),
            Self::Conll => Some("conll"),
            Self::LabelStudio => Some("json"),
            Self::Brat => None,
        }
    }
}

/// Offset unit of a JSONL export.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum OffsetUnit {
    /// Unicode code points (Python `str` indices), taliq's own unit.
    #[default]
    Codepoint,
    /// UTF-16 code units (JavaScript string indices).
    Utf16,
}

impl OffsetUnit {
    /// The name written in files.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Codepoint => "codepoint",
            Self::Utf16 => "utf16",
        }
    }
}

/// How an export is made.
#[derive(Debug, Clone, Copy, Default)]
pub struct Options {
    /// Offset unit of the `jsonl` export.
    pub offset_unit: OffsetUnit,
    /// Tag scheme of the token formats (`conll`, `hf`).
    pub scheme: Scheme,
    /// What the token formats do with a span edge inside a token.
    pub align: Align,
}

/// A span an export could not keep exactly.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Loss {
    /// Id of the document.
    pub document: String,
    /// The span as annotated.
    pub range: CharRange,
    /// Its label.
    pub label: String,
    /// What happened to it.
    pub kind: LossKind,
}

/// What an export did to a span it could not keep.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LossKind {
    /// Dropped because it overlaps a longer (or equally long, earlier) span; flat tags hold one.
    Overlap {
        /// The span kept instead.
        kept: CharRange,
    },
    /// An edge fell inside a token, so the entity was widened to whole tokens.
    Expanded {
        /// The range written.
        to: CharRange,
    },
    /// An edge fell inside a token, so the entity was narrowed to the tokens fully inside it.
    Contracted {
        /// The range written.
        to: CharRange,
    },
    /// No token could carry it (it covers no whole token, or only white space).
    NoToken,
}

impl LossKind {
    /// A short stable name, for counting losses by kind.
    pub fn name(&self) -> &'static str {
        match self {
            Self::Overlap { .. } => "overlapping",
            Self::Expanded { .. } => "expanded",
            Self::Contracted { .. } => "contracted",
            Self::NoToken => "no-token",
        }
    }
}

impl fmt::Display for Loss {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "document {:?}: {} span {}",
            self.document, self.label, self.range
        )?;
        match &self.kind {
            LossKind::Overlap { kept } => {
                write!(f, " dropped: it overlaps the span {kept} kept instead")
            }
            LossKind::Expanded { to } => {
                write!(f, " widened to {to}: an edge falls inside a token")
            }
            LossKind::Contracted { to } => {
                write!(f, " narrowed to {to}: an edge falls inside a token")
            }
            LossKind::NoToken => write!(f, " dropped: it covers no whole token"),
        }
    }
}

/// The files of an export, relative to its output root, and what it could not keep.
#[derive(Debug, Default)]
pub struct Exported {
    /// Relative path and content of every file, in writing order.
    pub files: Vec<(PathBuf, Vec<u8>)>,
    /// Spans not kept exactly, in document order.
    pub losses: Vec<Loss>,
}

/// Exports documents (already filtered) as one part: single-file formats produce one file
/// named `export.EXT`, brat its folder's files, `hf` its rows and `labels.json`.
pub fn export_documents(
    corpus: &Corpus,
    documents: &[Document],
    format: Format,
    options: &Options,
) -> Exported {
    let name = format
        .extension()
        .map_or(String::new(), |ext| format!("export.{ext}"));
    export_parts(corpus, &[(&name, documents)], format, options)
}

/// Exports named parts (e.g. `train.jsonl`, `dev.jsonl`): `name` is the file of single-file
/// formats and the folder of brat (empty for the root); `hf` writes one `labels.json`
/// shared by every part so that tag numbers agree.
pub fn export_parts(
    corpus: &Corpus,
    parts: &[(&str, &[Document])],
    format: Format,
    options: &Options,
) -> Exported {
    export_parts_with_progress(corpus, parts, format, options, &mut |_| {})
}

/// Documents exported between two progress reports.
const PROGRESS_STEP: usize = 64;

/// As [`export_parts`], calling `progress` with the number of documents done so far.
///
/// Formats whose output is one piece per document (jsonl, doccano, CoNLL, hf rows, Label
/// Studio's task lines) are exported in steps, which gives the same bytes as one go; brat
/// (names kept unique across the whole part) reports once per part.
pub fn export_parts_with_progress(
    corpus: &Corpus,
    parts: &[(&str, &[Document])],
    format: Format,
    options: &Options,
    progress: &mut dyn FnMut(usize),
) -> Exported {
    let mut out = Exported::default();
    let mut done = 0;
    for &(name, documents) in parts {
        if format == Format::Brat {
            for (file, bytes) in brat::export(corpus, documents) {
                out.files.push((Path::new(name).join(file), bytes));
            }
            done += documents.len();
            progress(done);
            continue;
        }
        let step = PROGRESS_STEP;
        // Every writer appends to one buffer: no piece is copied again or checked for UTF-8.
        let mut bytes = Vec::with_capacity(output_estimate(format, documents));
        // Pieces are independent, so a long part's second half is written on another thread
        // while this one writes the first in progress steps; the halves join in order.
        let half = if documents.len() >= PARALLEL_DOCUMENTS
            && std::thread::available_parallelism().map_or(1, std::num::NonZero::get) > 1
        {
            documents.len() / 2
        } else {
            documents.len()
        };
        let (first, second) = documents.split_at(half);
        std::thread::scope(|scope| {
            let background = (!second.is_empty()).then(|| {
                scope.spawn(|| {
                    let mut bytes = Vec::with_capacity(output_estimate(format, second));
                    let losses = write_piece(&mut bytes, format, corpus, second, *options);
                    (bytes, losses)
                })
            });
            for chunk in first.chunks(step) {
                let losses = write_piece(&mut bytes, format, corpus, chunk, *options);
                out.losses.extend(losses);
                done += chunk.len();
                progress(done);
            }
            if let Some(background) = background {
                let (rest, losses) = background
                    .join()
                    .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
                bytes.extend_from_slice(&rest);
                out.losses.extend(losses);
                done += second.len();
                progress(done);
            }
        });
        if format == Format::LabelStudio {
            label_studio::finish(&mut bytes);
        }
        out.files.push((PathBuf::from(name), bytes));
    }
    if format == Format::Hf {
        out.files.push((
            PathBuf::from(hf::LABELS_FILE),
            hf::labels_json(corpus, options.scheme).into_bytes(),
        ));
    }
    out
}

/// Parts of at least this many documents are written by two threads (where there are two
/// cores), each one half.
const PARALLEL_DOCUMENTS: usize = 256;

/// Appends documents in a single-file format to `out`, returning the spans not kept exactly.
fn write_piece(
    out: &mut Vec<u8>,
    format: Format,
    corpus: &Corpus,
    documents: &[Document],
    options: Options,
) -> Vec<Loss> {
    match format {
        Format::Jsonl => jsonl::write(out, documents, options.offset_unit),
        Format::Conll => return conll::write(out, documents, options),
        Format::Hf => return hf::write(out, corpus, documents, options),
        Format::Doccano => doccano::write(out, documents, doccano::shape(corpus)),
        Format::LabelStudio => label_studio::write_tasks(out, documents),
        Format::Brat => unreachable!("brat is exported as a folder"),
    }
    Vec::new()
}

/// Appends `value` to `out` as one line of compact JSON.
fn json_line(out: &mut Vec<u8>, value: &impl serde::Serialize) {
    // Writing to a Vec cannot fail, and the rows of exports hold only strings, numbers and
    // JSON values, which always serialise.
    let _ = serde_json::to_writer(&mut *out, value);
    out.push(b'\n');
}

/// Bytes a single-file part is likely to take, erring on the large side: a buffer that grows
/// by doubling copies itself each time (a tenth of a CoNLL export's time), while capacity
/// that is never written costs no memory.
fn output_estimate(format: Format, documents: &[Document]) -> usize {
    let text: usize = documents.iter().map(|d| d.text().len()).sum();
    let spans: usize = documents.iter().map(|d| d.spans().len()).sum();
    let per_document = 64 * documents.len();
    match format {
        // A token a line with its tag; hf quotes each token and numbers its tag.
        Format::Conll | Format::Hf => 2 * text + per_document,
        Format::Jsonl | Format::Doccano => text + 64 * spans + per_document,
        // The text, and each span's result with its text again.
        Format::LabelStudio => 2 * text + 160 * spans + per_document,
        Format::Brat => 0,
    }
}

/// Exports to `out` and writes the files; returns the spans not kept exactly.
///
/// Without a split, `out` is the file of single-file formats, the folder of brat, and for
/// `hf` either a `.jsonl` file (with `labels.json` beside it) or a folder (holding
/// `data.jsonl` and `labels.json`). With a split, `out` is a folder holding one part per
/// name (`train.EXT`, `dev.EXT`, `test.EXT`; brat: `train/`, `dev/`, `test/`).
///
/// # Errors
/// As [`write_files`]; nothing is written when an output file exists and `force` is false.
pub fn export_to(
    corpus: &Corpus,
    documents: Vec<Document>,
    format: Format,
    options: &Options,
    out: &Path,
    split: Option<(&Split, u64)>,
    force: bool,
) -> Result<Vec<Loss>, ExportError> {
    export_to_with_progress(
        corpus,
        documents,
        format,
        options,
        out,
        split,
        force,
        &mut |_| {},
    )
}

/// As [`export_to`], calling `progress` with the number of documents exported so far.
///
/// # Errors
/// As [`export_to`].
#[allow(
    clippy::too_many_arguments,
    reason = "export_to's arguments plus the progress callback"
)]
pub fn export_to_with_progress(
    corpus: &Corpus,
    documents: Vec<Document>,
    format: Format,
    options: &Options,
    out: &Path,
    split: Option<(&Split, u64)>,
    force: bool,
    progress: &mut dyn FnMut(usize),
) -> Result<Vec<Loss>, ExportError> {
    let (root, exported) = if let Some((split, seed)) = split {
        let parts = split.apply(documents, seed);
        let names: Vec<String> = parts
            .iter()
            .map(|(part, _)| {
                format
                    .extension()
                    .map_or((*part).to_owned(), |ext| format!("{part}.{ext}"))
            })
            .collect();
        let refs: Vec<(&str, &[Document])> = names
            .iter()
            .zip(&parts)
            .map(|(n, (_, d))| (n.as_str(), d.as_slice()))
            .collect();
        (
            out.to_path_buf(),
            export_parts_with_progress(corpus, &refs, format, options, progress),
        )
    } else {
        let is_file = match format {
            Format::Brat => false,
            Format::Hf => out.extension().is_some(),
            _ => true,
        };
        let (root, name) = if is_file {
            let root = out
                .parent()
                .filter(|p| !p.as_os_str().is_empty())
                .unwrap_or(Path::new("."));
            (
                root.to_path_buf(),
                out.file_name()
                    .unwrap_or_default()
                    .to_string_lossy()
                    .into_owned(),
            )
        } else if format == Format::Hf {
            (out.to_path_buf(), "data.jsonl".to_owned())
        } else {
            (out.to_path_buf(), String::new())
        };
        (
            root,
            export_parts_with_progress(corpus, &[(&name, &documents)], format, options, progress),
        )
    };
    write_files(&root, &exported.files, force)?;
    Ok(exported.losses)
}

/// Why an export could not be written; nothing was written then unless the error says so.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    /// A file or folder could not be created or written.
    #[error("cannot write {}: {source}", path.display())]
    Io {
        /// The file or folder.
        path: PathBuf,
        /// The underlying error.
        source: io::Error,
    },
    /// An output file exists and overwriting was not asked for.
    #[error("{} already exists (use --force to overwrite)", path.display())]
    Exists {
        /// The existing file.
        path: PathBuf,
    },
}

/// Exports of up to this many files flush each to disk before it replaces the old one; larger
/// ones (brat: two files a document) flush their folders once at the end, since a flush costs
/// milliseconds a file, far more than writing it.
const FLUSHED_FILES: usize = 8;

/// Writes the files of an export under `root`, each atomically; refuses before writing
/// anything if one exists and `force` is not set.
///
/// Every file is written beside its place and renamed over it, so a reader or a killed
/// process sees the old file or the new one, never half. Many files into a folder that does
/// not exist yet (brat) are written as a whole new folder instead
/// ([`crate::format::write_new_folder`]): no folder or the complete one; into a folder holding
/// nothing but an earlier such export, as a new folder swapped with it
/// ([`crate::format::replace_folder`]). Exports of a few
/// files also flush each to disk first ([`crate::format::write_atomic`]); exports of many files (brat) flush
/// their folders once at the end instead, so a power cut may lose such a file's new content.
///
/// Paths come from [`export_parts`], whose names are sanitised, so nothing lands outside `root`.
///
/// # Errors
/// [`ExportError::Exists`] before any write; [`ExportError::Io`] when a write fails (files
/// written before it stay).
pub fn write_files(
    root: &Path,
    files: &[(PathBuf, Vec<u8>)],
    force: bool,
) -> Result<(), ExportError> {
    if !force && let Some((rel, _)) = files.iter().find(|(rel, _)| root.join(rel).exists()) {
        return Err(ExportError::Exists {
            path: root.join(rel),
        });
    }
    let flush_each = files.len() <= FLUSHED_FILES;
    let io_error = |source| ExportError::Io {
        path: root.to_path_buf(),
        source,
    };
    if !flush_each && std::fs::symlink_metadata(root).is_err() {
        return crate::format::write_new_folder(root, files).map_err(io_error);
    }
    if !flush_each
        && crate::format::replace_folder(root, files, &brat::earlier_export).map_err(io_error)?
    {
        return Ok(());
    }
    let mut folders: Vec<PathBuf> = Vec::new();
    for (rel, bytes) in files {
        let path = root.join(rel);
        if let Some(parent) = path.parent()
            && !folders.iter().any(|f| f == parent)
        {
            std::fs::create_dir_all(parent).map_err(|source| ExportError::Io {
                path: parent.to_path_buf(),
                source,
            })?;
            folders.push(parent.to_path_buf());
        }
        let written = if flush_each {
            crate::format::write_atomic(&path, bytes, false)
        } else {
            crate::format::write_atomic_unflushed(&path, bytes)
        };
        written.map_err(|source| ExportError::Io { path, source })?;
    }
    if !flush_each {
        for folder in &folders {
            crate::format::finish_unflushed(folder);
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    #[test]
    fn exporting_in_steps_gives_the_bytes_of_one_go_and_reports_progress() {
        // Past PARALLEL_DOCUMENTS, so the second half is written on another thread.
        let corpus = crate::synth::corpus(PARALLEL_DOCUMENTS + 150, 800, 6, 5);
        let docs = &corpus.documents;
        let options = Options::default();
        let whole: Vec<(Format, String)> = vec![
            (Format::Jsonl, jsonl::export(docs, options.offset_unit)),
            (Format::Conll, conll::export(docs, &options).0),
            (Format::Hf, hf::export(&corpus, docs, &options).0),
            (Format::Doccano, doccano::export(docs)),
            (Format::LabelStudio, label_studio::export(docs)),
        ];
        for (format, expected) in whole {
            let mut reports = Vec::new();
            let out =
                export_parts_with_progress(&corpus, &[("x", docs)], format, &options, &mut |n| {
                    reports.push(n);
                });
            assert_eq!(
                String::from_utf8(out.files[0].1.clone()).unwrap(),
                expected,
                "{format:?}"
            );
            assert_eq!(
                reports.last(),
                Some(&(PARALLEL_DOCUMENTS + 150)),
                "{format:?}"
            );
            assert!(
                reports.windows(2).all(|w| w[0] < w[1]),
                "{format:?}: {reports:?}"
            );
        }
    }

    use super::*;

    #[test]
    fn notes_name_meta_and_token_less_documents_a_format_drops() {
        let mut titled = Document::new("a", "زار بوتين موسكو");
        titled.meta = Some(serde_json::json!({"title": "زيارة"}));
        let docs = [titled, Document::new("b", "\u{200f} \n")];
        assert!(unrepresented(Format::Jsonl, &docs).is_empty());
        assert!(unrepresented(Format::LabelStudio, &docs).is_empty());
        assert_eq!(
            unrepresented(Format::Doccano, &docs),
            ["1 document with meta: this format has no place for it"]
        );
        let conll = unrepresented(Format::Conll, &docs);
        assert_eq!(conll.len(), 3, "{conll:?}");
        assert!(
            conll[1].starts_with("1 document without tokens"),
            "{conll:?}"
        );
    }
}
