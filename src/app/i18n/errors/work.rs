//! The work on a corpus: edits, reviews, team projects and the tagger.

use super::{Worded, digits, io_reason, path};
use crate::annotate::edit::EditError;
use crate::app::i18n::tr;
use crate::model::SpanError;
use crate::project::ProjectError;
use crate::review::AlignError;
use crate::review::session::{OpenReviewError, ReviewError};
use crate::suggest::gazetteer::{GazetteerError, GazetteerProblem};
use crate::suggest::tagger::{LabelMismatch, ModelError, TrainError};

impl Worded for ProjectError {
    fn worded(&self) -> String {
        match self {
            Self::Io { path: file, source } => tr!(
                "errors-project-io",
                path = path(file),
                reason = io_reason(source)
            ),
            Self::Invalid { path: file, what } => tr!(
                "errors-project-invalid",
                path = path(file),
                detail = what.as_str()
            ),
            Self::Load(error) => error.worded(),
            Self::Refused(why) => tr!("errors-project-refused", detail = why.as_str()),
            Self::NotAnAnnotator { name, annotators } => tr!(
                "errors-project-not-an-annotator",
                name = name.as_str(),
                annotators = annotators.join(&tr!("errors-list-separator"))
            ),
            Self::MergeFailed { upstream } => {
                tr!("errors-project-merge-failed", upstream = upstream.as_str())
            }
            Self::NothingToReview { documents } => {
                tr!("errors-project-nothing-to-review", documents = *documents)
            }
            Self::ReviewOpen { path: file, holder } => tr!(
                "errors-project-review-open",
                path = path(file),
                holder = holder.worded()
            ),
            Self::Save(error) => error.worded(),
            Self::Review(error) => error.worded(),
            Self::Edit(error) => error.worded(),
            Self::Git { command, message } => tr!(
                "errors-project-git",
                command = command.as_str(),
                detail = message.trim()
            ),
        }
    }
}

impl Worded for ReviewError {
    fn worded(&self) -> String {
        match self {
            Self::TooFew(count) => tr!("errors-review-too-few", count = *count),
            Self::TextDiffers {
                id,
                first,
                other,
                offset,
            } => tr!(
                "errors-review-text-differs",
                document = id.as_str(),
                first = first.as_str(),
                other = other.as_str(),
                offset = *offset
            ),
            Self::GoldTextDiffers { id, offset } => tr!(
                "errors-review-gold-text-differs",
                document = id.as_str(),
                offset = *offset
            ),
            Self::NothingInCommon => tr!("errors-review-nothing-in-common"),
        }
    }
}

impl Worded for OpenReviewError {
    fn worded(&self) -> String {
        match self {
            Self::GoldIsAnnotators { gold } => {
                tr!("errors-review-gold-is-annotators", path = path(gold))
            }
            Self::Load(error) => error.worded(),
            Self::TextDiffers {
                id,
                first,
                first_file,
                other,
                other_file,
                offset,
            } => tr!(
                "errors-review-files-differ",
                document = id.as_str(),
                first = first.as_str(),
                first_file = path(first_file),
                other = other.as_str(),
                other_file = path(other_file),
                offset = *offset
            ),
            Self::Review(error) => error.worded(),
        }
    }
}

impl Worded for AlignError {
    fn worded(&self) -> String {
        match self {
            Self::TooFew(count) => tr!("errors-align-too-few", count = *count),
            Self::TextDiffers {
                id,
                first,
                other,
                offset,
            } => tr!(
                "errors-align-text-differs",
                document = id.as_str(),
                first = *first,
                other = *other,
                offset = *offset
            ),
        }
    }
}

impl Worded for ModelError {
    fn worded(&self) -> String {
        match self {
            Self::Io { path: file, source } => tr!(
                "errors-model-io",
                path = path(file),
                reason = io_reason(source)
            ),
            Self::Invalid {
                path: file,
                place,
                message,
            } => tr!(
                "errors-model-invalid",
                path = path(file),
                detail = format!("{place}: {message}")
            ),
        }
    }
}

impl Worded for TrainError {
    fn worded(&self) -> String {
        match self {
            Self::Cancelled => tr!("errors-train-cancelled"),
            Self::NoSpans => tr!("errors-train-no-spans"),
            Self::TooFewSentences { sentences } => {
                tr!("errors-train-too-few-sentences", sentences = *sentences)
            }
        }
    }
}

impl Worded for LabelMismatch {
    fn worded(&self) -> String {
        let separator = tr!("errors-list-separator");
        tr!(
            "errors-model-labels",
            missing = self.missing.join(&separator),
            labels = self.corpus.join(&separator)
        )
    }
}

impl Worded for GazetteerError {
    fn worded(&self) -> String {
        let reason = self.problem.worded();
        match self.line {
            Some(line) => tr!(
                "errors-gazetteer-line",
                path = path(&self.path),
                line = line,
                reason = reason
            ),
            None => tr!("errors-gazetteer", path = path(&self.path), reason = reason),
        }
    }
}

impl Worded for GazetteerProblem {
    fn worded(&self) -> String {
        match self {
            Self::Unreadable { kind, reason } => {
                io_reason(&std::io::Error::new(*kind, reason.clone()))
            }
            Self::NotUtf8 { byte } => tr!("errors-gazetteer-not-utf8", byte = *byte),
            Self::NoTab { line } => tr!("errors-gazetteer-no-tab", text = line.as_str()),
            Self::BadLabel { label } => tr!("errors-gazetteer-bad-label", label = label.as_str()),
            Self::EmptyName { name } => tr!("errors-gazetteer-empty-name", name = name.as_str()),
            Self::UnknownLabel { label, labels } => tr!(
                "errors-gazetteer-unknown-label",
                label = label.as_str(),
                labels = labels.join(&tr!("errors-list-separator"))
            ),
        }
    }
}

impl Worded for SpanError {
    fn worded(&self) -> String {
        match self {
            Self::Empty(range) => tr!("errors-span-empty", range = digits(&range.to_string())),
            Self::OutOfRange { range, len } => tr!(
                "errors-span-out-of-range",
                range = digits(&range.to_string()),
                length = *len
            ),
            Self::SplitsCluster { range, offset } => tr!(
                "errors-span-splits-cluster",
                range = digits(&range.to_string()),
                offset = *offset
            ),
            Self::Duplicate { range, label } => tr!(
                "errors-span-duplicate",
                range = digits(&range.to_string()),
                label = label.as_str()
            ),
            Self::DuplicateId(id) => tr!("errors-span-duplicate-id", id = id.as_str()),
        }
    }
}

impl Worded for EditError {
    fn worded(&self) -> String {
        match self {
            Self::NoDocument(index) => tr!("errors-edit-no-document", index = *index),
            Self::Span(error) => error.worded(),
            Self::Labels(why) => tr!("errors-edit-labels", detail = why.as_str()),
            Self::NoSpan { range, label } => tr!(
                "errors-edit-no-span",
                range = digits(&range.to_string()),
                label = label.as_str()
            ),
            Self::Relation(why) => tr!("errors-edit-relation", detail = why.as_str()),
            Self::DocumentLabel(why) => {
                tr!("errors-edit-document-label", detail = why.as_str())
            }
            Self::NoSuggestion { range, label } => tr!(
                "errors-edit-no-suggestion",
                range = digits(&range.to_string()),
                label = label.as_str()
            ),
        }
    }
}
