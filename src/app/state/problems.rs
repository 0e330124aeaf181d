//! Why files could not be opened, kept for the could-not-open window: a corpus file's
//! located problems as the reader found them (each shown by its diagnostic code in the
//! window's language), or lines of text for what has no code.

use std::path::PathBuf;

use crate::format::{Diagnostic, LoadError};

/// Why the last files could not be opened.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problems {
    /// A corpus file that is not a valid corpus: every problem with its place.
    Invalid {
        /// The file.
        path: PathBuf,
        /// Every problem found, in the reader's order.
        diagnostics: Vec<Diagnostic>,
    },
    /// What has no diagnostic code (a file that cannot be read, text files that could not be
    /// imported, a request that cannot be met): lines for people, already in the window's
    /// language where taliq words them.
    Lines(String),
}

impl Problems {
    /// Every problem as lines of text, as the terminal gets them (English, one line per
    /// located problem after the file's).
    pub fn text(&self) -> String {
        match self {
            Self::Invalid { path, diagnostics } => LoadError::Invalid {
                path: path.clone(),
                diagnostics: diagnostics.clone(),
            }
            .to_string(),
            Self::Lines(lines) => lines.clone(),
        }
    }

    /// The status bar's line: the first of [`Self::text`] (the window lists the rest).
    pub fn first_line(&self) -> String {
        match self {
            Self::Invalid { path, diagnostics } => crate::app::i18n::tr!(
                "dialogs-invalid-corpus",
                file = crate::text::isolates::path_unit(&path.display().to_string()),
                count = diagnostics.len()
            ),
            Self::Lines(lines) => lines.lines().next().unwrap_or_default().to_owned(),
        }
    }
}

impl From<LoadError> for Problems {
    fn from(error: LoadError) -> Self {
        match error {
            LoadError::Invalid { path, diagnostics } => Self::Invalid { path, diagnostics },
            LoadError::Io { path, source } => Self::Lines(crate::app::i18n::tr!(
                "dialogs-cannot-read",
                file = crate::text::isolates::path_unit(&path.display().to_string()),
                error = crate::app::i18n::errors::io_reason(&source)
            )),
        }
    }
}

impl From<String> for Problems {
    fn from(lines: String) -> Self {
        Self::Lines(lines)
    }
}
