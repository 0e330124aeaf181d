//! Team projects on git: a folder holding the source documents, who annotates which, each
//! annotator's own corpus file and the gold, kept in a git repository that is the team's
//! only server. Every file has one writer, so syncing never meets a merge conflict.
//!
//! ```text
//! taliq-project.json      name, labels, annotators, overlap, seed, blind, assignment
//! guidelines.md           the team's annotation guidelines
//! documents.json          the source corpus (no spans)
//! annotations/NAME.json   NAME's documents, an ordinary taliq corpus written only by NAME
//! gold.json               the reviewer's adjudicated corpus (once a review began)
//! ```
//!
//! Every corpus file of a project is an ordinary taliq corpus that the rest of taliq reads.
//! See `docs/projects.md`.

pub mod adjudicate;
pub mod assign;
pub mod config;
pub mod create;
pub mod git;
pub mod guidelines;
pub mod review;
pub mod status;
pub mod sync;

use std::path::{Path, PathBuf};

pub use adjudicate::{Adjudicated, adjudicate};
pub use config::{ProjectConfig, ProjectError};
pub use create::{
    AddReport, Sources, add_annotator, add_documents, annotator_corpus, complete_own_file, init,
};
pub use review::{PreparedReview, ReviewGroup, prepare_review, review_groups};
pub use status::{ProjectStatus, reviewed_in_gold, status};
pub use sync::{SyncReport, SyncState, sync, sync_state};

/// The project file's name in a project folder.
pub const PROJECT_FILE: &str = "taliq-project.json";
/// The guidelines' file name.
pub const GUIDELINES_FILE: &str = "guidelines.md";
/// The source corpus's file name.
pub const DOCUMENTS_FILE: &str = "documents.json";
/// The folder of the annotators' corpora.
pub const ANNOTATIONS_DIR: &str = "annotations";
/// The gold corpus's file name.
pub const GOLD_FILE: &str = "gold.json";

/// The corpus file of `annotator` in the project folder `dir`.
pub fn annotation_path(dir: &Path, annotator: &str) -> PathBuf {
    dir.join(ANNOTATIONS_DIR).join(format!("{annotator}.json"))
}

/// Whether `name` can name an annotator: it becomes a file name and a git commit's author,
/// so letters (any script), digits, `-`, `_` and `.` only, not starting with `.`, at most
/// 64 characters.
pub fn valid_annotator_name(name: &str) -> bool {
    !name.is_empty()
        && name.chars().count() <= 64
        && !name.starts_with('.')
        && name
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '-' | '_' | '.'))
}
