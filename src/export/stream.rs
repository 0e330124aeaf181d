//! Exports written while the corpus is read: checked documents go in batches to a writer
//! thread, and its output to the file a megabyte at a time. A large export then holds a few
//! batches of documents and one piece of output at once, instead of the whole corpus and the
//! whole file, and reading the next documents overlaps writing the last ones.
//!
//! Only single-file formats whose output is one piece per document and that need nothing
//! of the corpus but its documents stream ([`StreamExport::supports`]); the others, and
//! exports with a filter or a split, go through [`super::export_to`].

use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::mpsc::{self, Receiver, SyncSender};
use std::thread::JoinHandle;

use super::{ExportError, Format, Loss, Options, Unrepresented, write_piece};
use crate::format::{AtomicWriter, Loaded};
use crate::model::{Corpus, Document};

/// Documents sent to the writer thread at once.
const BATCH: usize = 64;
/// Batches waiting for the writer thread before the reader waits in turn.
const QUEUED_BATCHES: usize = 4;
/// Output gathered before it is written to the file.
const PIECE: usize = 1 << 20;

/// What the reader tells the writer thread.
enum Message {
    /// The next documents, in file order.
    Documents(Vec<Document>),
    /// Forget everything written: the documents come again from the first.
    Restart,
}

/// What the writer thread made once the reader is done.
struct Written {
    file: AtomicWriter,
    losses: Vec<Loss>,
    documents: usize,
    unrepresented: Unrepresented,
    /// The first write that failed; later batches are then only drained.
    error: Option<io::Error>,
}

/// What a streamed export wrote.
#[derive(Debug)]
pub struct Streamed {
    /// Spans not kept exactly, in document order.
    pub losses: Vec<Loss>,
    /// Documents exported.
    pub documents: usize,
    /// What the format dropped of whole documents, as [`super::unrepresented`] says it.
    pub notes: Vec<String>,
}

/// An export being written while its corpus is read; see the module documentation.
pub struct StreamExport {
    out: PathBuf,
    batch: Vec<Document>,
    sender: Option<SyncSender<Message>>,
    worker: Option<JoinHandle<Written>>,
}

impl StreamExport {
    /// Whether `format` can be streamed.
    pub fn supports(format: Format) -> bool {
        matches!(format, Format::Conll | Format::Jsonl | Format::Doccano)
    }

    /// Starts an export to the file `out` (not replaced until [`StreamExport::finish`]).
    ///
    /// # Errors
    /// [`ExportError::Exists`] when `out` exists and `force` is false; [`ExportError::Io`]
    /// when its temporary file cannot be made.
    pub fn begin(
        format: Format,
        options: Options,
        out: &Path,
        force: bool,
    ) -> Result<Self, ExportError> {
        debug_assert!(Self::supports(format), "{format:?} does not stream");
        if !force && out.exists() {
            return Err(ExportError::Exists {
                path: out.to_path_buf(),
            });
        }
        let io_error = |source| ExportError::Io {
            path: out.to_path_buf(),
            source,
        };
        if let Some(parent) = out.parent().filter(|p| !p.as_os_str().is_empty()) {
            std::fs::create_dir_all(parent).map_err(io_error)?;
        }
        let file = AtomicWriter::create(out, None).map_err(io_error)?;
        let (sender, receiver) = mpsc::sync_channel(QUEUED_BATCHES);
        let worker = std::thread::Builder::new()
            .name("taliq-export".to_owned())
            .spawn(move || write_batches(&receiver, file, format, options))
            .map_err(io_error)?;
        Ok(Self {
            out: out.to_path_buf(),
            batch: Vec::with_capacity(BATCH),
            sender: Some(sender),
            worker: Some(worker),
        })
    }

    /// Takes what the corpus reader hands over ([`crate::format::load_each`]).
    pub fn take(&mut self, loaded: Loaded) {
        match loaded {
            Loaded::Document(doc) => {
                self.batch.push(doc);
                if self.batch.len() == BATCH {
                    let batch = std::mem::replace(&mut self.batch, Vec::with_capacity(BATCH));
                    self.send(Message::Documents(batch));
                }
            }
            Loaded::Restart => {
                self.batch.clear();
                self.send(Message::Restart);
            }
        }
    }

    fn send(&self, message: Message) {
        // The writer only stops receiving when it panicked, which `finish` reports.
        if let Some(sender) = &self.sender {
            let _ = sender.send(message);
        }
    }

    /// Writes the last documents and replaces the output file with the whole export.
    ///
    /// # Errors
    /// [`ExportError::Io`] when a write failed; the output file is then unchanged.
    pub fn finish(mut self) -> Result<Streamed, ExportError> {
        let rest = std::mem::take(&mut self.batch);
        if !rest.is_empty() {
            self.send(Message::Documents(rest));
        }
        drop(self.sender.take());
        let Some(worker) = self.worker.take() else {
            unreachable!("the worker is only taken here")
        };
        let written = worker
            .join()
            .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
        let io_error = |source| ExportError::Io {
            path: self.out.clone(),
            source,
        };
        if let Some(error) = written.error {
            return Err(io_error(error));
        }
        written.file.finish(false).map_err(io_error)?;
        Ok(Streamed {
            losses: written.losses,
            documents: written.documents,
            notes: written.unrepresented.notes(),
        })
    }
}

impl Drop for StreamExport {
    /// Abandoned (the corpus was invalid): the writer stops and its temporary file goes.
    fn drop(&mut self) {
        drop(self.sender.take());
        if let Some(worker) = self.worker.take() {
            let _ = worker.join();
        }
    }
}

/// The writer thread: exports each batch, writing the output a piece at a time.
fn write_batches(
    receiver: &Receiver<Message>,
    file: AtomicWriter,
    format: Format,
    options: Options,
) -> Written {
    // The streamed formats take nothing from the corpus but its documents.
    let corpus = Corpus::default();
    let mut written = Written {
        file,
        losses: Vec::new(),
        documents: 0,
        unrepresented: Unrepresented::new(format),
        error: None,
    };
    let mut piece = Vec::with_capacity(PIECE + PIECE / 4);
    for message in receiver {
        match message {
            Message::Documents(documents) => {
                if written.error.is_some() {
                    continue;
                }
                written.unrepresented.add(&documents);
                written.documents += documents.len();
                let losses = write_piece(&mut piece, format, &corpus, &documents, options);
                written.losses.extend(losses);
                if piece.len() >= PIECE {
                    written.error = written.file.write_all(&piece).err();
                    piece.clear();
                }
            }
            Message::Restart => {
                piece.clear();
                written.losses.clear();
                written.documents = 0;
                written.unrepresented = Unrepresented::new(format);
                written.error = written.file.restart().err();
            }
        }
    }
    if written.error.is_none() {
        written.error = written.file.write_all(&piece).err();
    }
    written
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::{Align, Scheme, export_documents, unrepresented};

    fn corpus() -> Corpus {
        // More than a batch and more than a piece of output, with an empty document.
        let mut corpus = crate::synth::corpus(300, 4000, 30, 4);
        corpus.documents[17] = Document::new("empty", " \u{2029}\n");
        corpus
    }

    fn stream(
        documents: &[Document],
        format: Format,
        options: Options,
        out: &Path,
    ) -> Result<Streamed, ExportError> {
        let mut export = StreamExport::begin(format, options, out, true)?;
        for doc in documents {
            export.take(Loaded::Document(doc.clone()));
        }
        export.finish()
    }

    #[test]
    fn streamed_exports_write_the_bytes_losses_and_notes_of_one_go() {
        let corpus = corpus();
        let dir = tempfile::tempdir().unwrap();
        let options = Options {
            scheme: Scheme::Bioes,
            align: Align::Split,
            ..Options::default()
        };
        for format in [Format::Conll, Format::Jsonl, Format::Doccano] {
            let out = dir.path().join(format!("out-{format:?}"));
            let streamed = stream(&corpus.documents, format, options, &out).unwrap();
            let whole = export_documents(&corpus, &corpus.documents, format, &options);
            assert!(whole.files[0].1.len() > PIECE, "{format:?}: several pieces");
            assert_eq!(std::fs::read(&out).unwrap(), whole.files[0].1, "{format:?}");
            assert_eq!(streamed.losses, whole.losses, "{format:?}");
            assert_eq!(streamed.documents, corpus.documents.len());
            assert_eq!(streamed.notes, unrepresented(format, &corpus.documents));
        }
        let conll = stream(
            &corpus.documents,
            Format::Conll,
            options,
            &dir.path().join("c"),
        );
        assert!(
            !conll.unwrap().losses.is_empty(),
            "the fixture has overlaps"
        );
    }

    #[test]
    fn a_restart_forgets_what_was_written_before_it() {
        let corpus = corpus();
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("out.conll");
        let mut export =
            StreamExport::begin(Format::Conll, Options::default(), &out, false).unwrap();
        for doc in corpus.documents.iter().rev().take(200) {
            export.take(Loaded::Document(doc.clone()));
        }
        export.take(Loaded::Restart);
        for doc in &corpus.documents {
            export.take(Loaded::Document(doc.clone()));
        }
        let streamed = export.finish().unwrap();
        let whole = export_documents(
            &corpus,
            &corpus.documents,
            Format::Conll,
            &Options::default(),
        );
        assert_eq!(std::fs::read(&out).unwrap(), whole.files[0].1);
        assert_eq!(streamed.losses, whole.losses);
        assert_eq!(streamed.documents, corpus.documents.len());
    }

    #[test]
    fn an_abandoned_export_leaves_the_old_file_and_no_temporary_file() {
        let corpus = corpus();
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("out.jsonl");
        std::fs::write(&out, "قديم\n").unwrap();
        let mut export =
            StreamExport::begin(Format::Jsonl, Options::default(), &out, true).unwrap();
        for doc in &corpus.documents {
            export.take(Loaded::Document(doc.clone()));
        }
        drop(export);
        assert_eq!(std::fs::read_to_string(&out).unwrap(), "قديم\n");
        let names: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
        assert_eq!(names.len(), 1, "{names:?}");
        let refused = StreamExport::begin(Format::Jsonl, Options::default(), &out, false);
        assert!(matches!(refused, Err(ExportError::Exists { .. })));
    }
}
