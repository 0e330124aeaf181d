//! Exports written while the corpus is read: checked documents go in batches of 64 to export
//! threads, and their output to the file batch by batch, in order. A large export then holds
//! a few batches of documents and of output at once, instead of the whole corpus and the
//! whole file, and reading the next documents overlaps exporting the last ones.
//!
//! Only single-file formats whose output is one piece per document and that need nothing
//! of the corpus but its documents stream ([`StreamExport::supports`]); the others, and
//! exports with a filter or a split, go through [`super::export_to`].

use std::collections::BTreeMap;
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::mpsc::{self, Receiver, Sender, SyncSender};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;

use super::{ExportError, Format, Loss, Options, Unrepresented, write_piece};
use crate::format::{AtomicWriter, Loaded};
use crate::model::{Corpus, Document};

/// Documents exported as one piece by one thread.
const BATCH: usize = 64;
/// Batches waiting for an export thread before the reader waits in turn.
const QUEUED_BATCHES: usize = 4;
/// Export threads at most: past a few, reading the corpus is the bottleneck.
const MAX_EXPORTERS: usize = 4;

/// A batch of documents, numbered in file order.
type Batch = (usize, Vec<Document>);

/// What an export thread made of one batch.
struct Exported {
    number: usize,
    bytes: Vec<u8>,
    losses: Vec<Loss>,
    documents: usize,
    unrepresented: Unrepresented,
}

/// What the writer thread wrote once every batch is in.
struct Written {
    file: AtomicWriter,
    losses: Vec<Loss>,
    documents: usize,
    unrepresented: Unrepresented,
    /// The first write that failed; later pieces are then only drained.
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

/// The threads of one export: exporters turning batches into bytes, one writer putting the
/// bytes in the file in order.
struct Pipeline {
    batches: SyncSender<Batch>,
    exporters: Vec<JoinHandle<()>>,
    writer: JoinHandle<Written>,
}

/// An export being written while its corpus is read; see the module documentation.
pub struct StreamExport {
    format: Format,
    options: Options,
    out: PathBuf,
    batch: Vec<Document>,
    sent: usize,
    pipeline: Option<Pipeline>,
}

impl StreamExport {
    /// Whether `format` can be streamed.
    pub fn supports(format: Format) -> bool {
        matches!(
            format,
            Format::Conll | Format::Jsonl | Format::Doccano | Format::LabelStudio
        )
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
        if let Some(parent) = out.parent().filter(|p| !p.as_os_str().is_empty()) {
            std::fs::create_dir_all(parent).map_err(|source| ExportError::Io {
                path: parent.to_path_buf(),
                source,
            })?;
        }
        let mut export = Self {
            format,
            options,
            out: out.to_path_buf(),
            batch: Vec::with_capacity(BATCH),
            sent: 0,
            pipeline: None,
        };
        export.pipeline = Some(export.start().map_err(|source| ExportError::Io {
            path: out.to_path_buf(),
            source,
        })?);
        Ok(export)
    }

    /// Makes the temporary file and starts the threads.
    fn start(&self) -> io::Result<Pipeline> {
        let file = AtomicWriter::create(&self.out, None)?;
        let (format, options) = (self.format, self.options);
        let (batches, queue) = mpsc::sync_channel::<Batch>(QUEUED_BATCHES);
        let queue = Arc::new(Mutex::new(queue));
        let (pieces, received) = mpsc::channel();
        let exporters = std::thread::available_parallelism()
            .map_or(1, std::num::NonZero::get)
            .clamp(1, MAX_EXPORTERS);
        let mut handles = Vec::with_capacity(exporters);
        for i in 0..exporters {
            let (queue, pieces) = (Arc::clone(&queue), pieces.clone());
            handles.push(
                std::thread::Builder::new()
                    .name(format!("taliq-export-{i}"))
                    .spawn(move || export_batches(&queue, &pieces, format, options))?,
            );
        }
        let writer = std::thread::Builder::new()
            .name("taliq-export-writer".to_owned())
            .spawn(move || write_pieces(&received, file, format))?;
        Ok(Pipeline {
            batches,
            exporters: handles,
            writer,
        })
    }

    /// Takes what the corpus reader hands over ([`crate::format::load_each`]).
    pub fn take(&mut self, loaded: Loaded) {
        match loaded {
            Loaded::Document(doc) => {
                self.batch.push(doc);
                if self.batch.len() == BATCH {
                    self.send_batch();
                }
            }
            Loaded::Restart => {
                // Rare (a file the fast reader gave up on midway): start over with a new file.
                self.batch.clear();
                if let Some(old) = self.pipeline.take() {
                    drop(old.join());
                }
                self.sent = 0;
                self.pipeline = self.start().ok();
            }
        }
    }

    fn send_batch(&mut self) {
        let batch = std::mem::replace(&mut self.batch, Vec::with_capacity(BATCH));
        if let Some(pipeline) = &self.pipeline {
            // The exporters stop receiving only when one panicked, which `finish` reports.
            let _ = pipeline.batches.send((self.sent, batch));
        }
        self.sent += 1;
    }

    /// Writes the last documents and replaces the output file with the whole export.
    ///
    /// # Errors
    /// [`ExportError::Io`] when a write failed; the output file is then unchanged.
    pub fn finish(mut self) -> Result<Streamed, ExportError> {
        if !self.batch.is_empty() {
            self.send_batch();
        }
        let io_error = |source| ExportError::Io {
            path: self.out.clone(),
            source,
        };
        let Some(pipeline) = self.pipeline.take() else {
            return Err(io_error(io::Error::other(
                "the export could not start again after a restart",
            )));
        };
        let written = pipeline.join();
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

impl Pipeline {
    /// Lets the threads finish what was sent and returns what the writer wrote.
    fn join(self) -> Written {
        drop(self.batches);
        for exporter in self.exporters {
            if let Err(panic) = exporter.join() {
                std::panic::resume_unwind(panic);
            }
        }
        self.writer
            .join()
            .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
    }
}

impl Drop for StreamExport {
    /// Abandoned (the corpus was invalid): the threads stop and the temporary file goes.
    fn drop(&mut self) {
        if let Some(pipeline) = self.pipeline.take() {
            drop(pipeline.join());
        }
    }
}

/// An export thread: turns batches into bytes until the reader is done.
fn export_batches(
    queue: &Mutex<Receiver<Batch>>,
    pieces: &Sender<Exported>,
    format: Format,
    options: Options,
) {
    // The streamed formats take nothing from the corpus but its documents.
    let corpus = Corpus::default();
    loop {
        // The lock is held only while waiting for the next batch, not while exporting it.
        let next = match queue.lock() {
            Ok(queue) => queue.recv(),
            Err(_) => return,
        };
        let Ok((number, documents)) = next else {
            return;
        };
        let mut unrepresented = Unrepresented::new(format);
        unrepresented.add(&documents);
        let mut bytes = Vec::with_capacity(super::output_estimate(format, &documents));
        let losses = write_piece(&mut bytes, format, &corpus, &documents, options);
        let exported = Exported {
            number,
            bytes,
            losses,
            documents: documents.len(),
            unrepresented,
        };
        if pieces.send(exported).is_err() {
            return;
        }
    }
}

/// The writer thread: puts the exporters' pieces in the file in batch order.
fn write_pieces(received: &Receiver<Exported>, file: AtomicWriter, format: Format) -> Written {
    let mut written = Written {
        file,
        losses: Vec::new(),
        documents: 0,
        unrepresented: Unrepresented::new(format),
        error: None,
    };
    let mut waiting: BTreeMap<usize, Exported> = BTreeMap::new();
    let mut next = 0;
    let mut bytes_written = 0;
    for exported in received {
        waiting.insert(exported.number, exported);
        while let Some(mut exported) = waiting.remove(&next) {
            next += 1;
            written.losses.extend(exported.losses);
            written.documents += exported.documents;
            written.unrepresented.merge(&exported.unrepresented);
            if format == Format::LabelStudio && bytes_written == 0 {
                // Each task line starts with the comma that follows the one before it; the
                // first one's opens the array (as `label_studio::finish` does in one go).
                if let Some(first) = exported.bytes.first_mut() {
                    *first = b'[';
                }
            }
            bytes_written += exported.bytes.len();
            if written.error.is_none() {
                written.error = written.file.write_all(&exported.bytes).err();
            }
        }
    }
    if format == Format::LabelStudio && written.error.is_none() {
        let end: &[u8] = if bytes_written == 0 {
            b"[]\n"
        } else {
            b"\n]\n"
        };
        written.error = written.file.write_all(end).err();
    }
    written
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::interchange::{Align, Scheme, export_documents, unrepresented};

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
        for format in [
            Format::Conll,
            Format::Jsonl,
            Format::Doccano,
            Format::LabelStudio,
        ] {
            let out = dir.path().join(format!("out-{format:?}"));
            let streamed = stream(&corpus.documents, format, options, &out).unwrap();
            let whole = export_documents(&corpus, &corpus.documents, format, &options);
            assert!(
                corpus.documents.len() > 4 * BATCH,
                "{format:?}: several batches"
            );
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
    fn a_corpus_without_documents_streams_what_one_go_writes() {
        let corpus = Corpus::with_default_labels();
        let dir = tempfile::tempdir().unwrap();
        for format in [
            Format::Conll,
            Format::Jsonl,
            Format::Doccano,
            Format::LabelStudio,
        ] {
            let out = dir.path().join(format!("empty-{format:?}"));
            let streamed = stream(&[], format, Options::default(), &out).unwrap();
            let whole = export_documents(&corpus, &[], format, &Options::default());
            assert_eq!(std::fs::read(&out).unwrap(), whole.files[0].1, "{format:?}");
            assert_eq!(streamed.documents, 0);
        }
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
