//! The review mode's state: the annotators' corpora lined up with the gold corpus, and in
//! a team project its groups. Nothing of the window: the state hub holds it.

use std::collections::BTreeMap;
use std::path::PathBuf;

use crate::app::i18n::{Worded, tr};
use crate::model::Corpus;
use crate::project::review::{ReviewGroup, group_corpora};
use crate::review::session::ReviewSession;

/// The review mode: where the candidates come from (the candidate picked is the state's
/// one [`crate::annotate::pick::Pick`]).
#[derive(Debug)]
pub struct Review {
    /// The annotators' corpora, lined up with the gold corpus.
    pub session: ReviewSession,
    /// The annotators' files, in tier order.
    pub files: Vec<PathBuf>,
    /// The pick the candidate list last scrolled to, so it follows a new pick once.
    pub listed_pick: Option<usize>,
    /// The rows of the candidate list on screen in the last frame.
    pub list_rows: std::ops::Range<usize>,
    /// The annotator pair the confusion heat map shows (`None`: all pairs summed).
    pub heat_map_pair: Option<usize>,
    /// In a team project's review, its groups of documents and annotators.
    pub project: Option<ProjectReview>,
}

/// A team project's review: one session a group of annotators, all into the project's gold.
#[derive(Debug)]
pub struct ProjectReview {
    /// The project folder.
    pub dir: PathBuf,
    /// Its review groups, as prepared when the review opened.
    pub groups: Vec<ReviewGroup>,
    /// The group under review.
    pub current: usize,
    /// The annotators' corpora, by name.
    pub(super) corpora: BTreeMap<String, Corpus>,
}

impl ProjectReview {
    /// The session of group `index`: its annotators compared over its documents.
    pub(super) fn session(&self, index: usize) -> Result<ReviewSession, String> {
        let group = self
            .groups
            .get(index)
            .ok_or_else(|| tr!("review-group-unavailable"))?;
        let annotators = group_corpora(group, |name| self.corpora.get(name));
        ReviewSession::new(annotators).map_err(|e| e.worded())
    }
}

/// The "start a review" window's fields.
#[derive(Debug, Default)]
pub struct ReviewOpener {
    /// The annotators' corpus files, in tier order.
    pub files: Vec<PathBuf>,
    /// A path being typed to add to the files.
    pub typed: String,
    /// Where the gold corpus is (or will be) written.
    pub gold: String,
}
