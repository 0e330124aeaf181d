//! What the window shows, apart from how it is drawn.

use std::path::{Path, PathBuf};

use crate::format::{self, CorpusFile, Diagnostic, Form, LoadError};
use crate::model::{Corpus, Status};

/// Where the open corpus came from.
#[derive(Debug)]
pub enum Source {
    /// The sample built into the binary; saving it needs a new name.
    BundledSample,
    /// A file on disk that loaded successfully.
    File(CorpusFile),
}

impl Source {
    /// A short name for the title and status bar.
    pub fn name(&self) -> String {
        match self {
            Self::BundledSample => "bundled sample".to_owned(),
            Self::File(file) => file.path().display().to_string(),
        }
    }

    /// The file path, when the corpus came from one.
    pub fn path(&self) -> Option<PathBuf> {
        match self {
            Self::BundledSample => None,
            Self::File(file) => Some(file.path().to_path_buf()),
        }
    }
}

/// The window's state: the open corpus and what is selected in it.
#[derive(Debug)]
pub struct AppState {
    /// The open corpus.
    pub corpus: Corpus,
    /// Where it came from.
    pub source: Source,
    /// Index of the selected document.
    pub selected: usize,
    /// Show only documents with this status.
    pub status_filter: Option<Status>,
}

impl AppState {
    /// State on a loaded corpus.
    pub fn new(corpus: Corpus, source: Source) -> Self {
        Self {
            corpus,
            source,
            selected: 0,
            status_filter: None,
        }
    }

    /// State on the bundled sample corpus.
    ///
    /// # Errors
    /// The sample's diagnostics, should it ever be invalid (a test keeps it valid).
    pub fn sample() -> Result<Self, Vec<Diagnostic>> {
        let corpus = format::parse_corpus(super::SAMPLE_CORPUS.as_bytes(), Form::Json)?;
        Ok(Self::new(corpus, Source::BundledSample))
    }

    /// State on the corpus file at `path`.
    ///
    /// # Errors
    /// When the file cannot be read or is not a valid corpus.
    pub fn open(path: &Path) -> Result<Self, LoadError> {
        let (file, corpus) = CorpusFile::open(path)?;
        Ok(Self::new(corpus, Source::File(file)))
    }

    /// Indices of the documents the list shows under the current filter.
    pub fn visible_documents(&self) -> Vec<usize> {
        self.corpus
            .documents
            .iter()
            .enumerate()
            .filter(|(_, d)| self.status_filter.is_none_or(|s| d.status == s))
            .map(|(i, _)| i)
            .collect()
    }
}
