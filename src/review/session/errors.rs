//! Why a review cannot start: the annotators' corpora as given, or their files.

/// Why a review cannot start.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ReviewError {
    /// A review compares at least two annotators.
    #[error("a review needs at least two annotators' corpora, got {0}")]
    TooFew(usize),
    /// The same document holds different texts for two annotators.
    #[error(
        "document {id:?} has a different text for {other} than for {first}: first difference at code point {offset}"
    )]
    TextDiffers {
        /// The document id.
        id: String,
        /// The first annotator holding the document.
        first: String,
        /// The annotator whose text differs.
        other: String,
        /// First differing code point.
        offset: usize,
    },
    /// The gold corpus holds a document whose text is not the annotators'.
    #[error(
        "document {id:?} of the gold corpus has a different text than the annotators': first difference at code point {offset}"
    )]
    GoldTextDiffers {
        /// The document id.
        id: String,
        /// First differing code point.
        offset: usize,
    },
    /// No document is held by every annotator, so there is nothing to review.
    #[error("no document is held by every annotator's corpus")]
    NothingInCommon,
}

/// Why a review of files cannot start: [`ReviewError`] with the files named.
#[derive(Debug, thiserror::Error)]
pub enum OpenReviewError {
    /// The gold file is one of the annotators' files.
    #[error("the gold file {} is one of the annotators' files: choose another name", gold.display())]
    GoldIsAnnotators {
        /// The gold file.
        gold: std::path::PathBuf,
    },
    /// An annotator's file cannot be read or is not a valid corpus.
    #[error(transparent)]
    Load(#[from] crate::format::LoadError),
    /// The same document holds different texts in two annotators' files.
    #[error(
        "document {id:?} has a different text in {} ({other}) than in {} ({first}): first difference at code point {offset}",
        other_file.display(),
        first_file.display()
    )]
    TextDiffers {
        /// The document id.
        id: String,
        /// The first annotator holding the document.
        first: String,
        /// Their file (boxed: the error stays small).
        first_file: Box<std::path::Path>,
        /// The annotator whose text differs.
        other: String,
        /// Their file.
        other_file: Box<std::path::Path>,
        /// First differing code point.
        offset: usize,
    },
    /// The annotators' corpora cannot be reviewed together.
    #[error(transparent)]
    Review(ReviewError),
}
