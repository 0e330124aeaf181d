//! Where the open corpus came from.

use std::path::PathBuf;

use crate::format::CorpusFile;

/// Where the open corpus came from.
#[derive(Debug)]
pub enum Source {
    /// The sample built into the binary; saving it needs a new name.
    BundledSample,
    /// Text files imported in this session; saving needs a name.
    Untitled,
    /// A file on disk that loaded successfully.
    File(CorpusFile),
}

impl Source {
    /// A short name for the title and status bar.
    pub fn name(&self) -> String {
        match self {
            Self::BundledSample => crate::app::i18n::tr!("state-source-sample"),
            Self::Untitled => crate::app::i18n::tr!("state-source-untitled"),
            Self::File(file) => file.path().display().to_string(),
        }
    }

    /// The file path, when the corpus came from one.
    pub fn path(&self) -> Option<PathBuf> {
        match self {
            Self::BundledSample | Self::Untitled => None,
            Self::File(file) => Some(file.path().to_path_buf()),
        }
    }
}

/// The bundled sample corpus: the seed news article with the default labels.
pub const SAMPLE_CORPUS: &str = include_str!("../../../assets/sample/sample.json");
