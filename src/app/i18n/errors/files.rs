//! Files read and written: corpora, text files imported, exports and what they could not keep.

use super::{Worded, digits, io_reason, path};
use crate::app::i18n::tr;
use crate::format::{LoadError, SaveError};
use crate::interchange::import::ImportError;
use crate::interchange::plain_text::encoding::{EncodingChoice, MalformedReason, TextEncoding};
use crate::interchange::plain_text::{ReadFile, TxtImportError, TxtImportFailure};
use crate::interchange::{ExportError, Loss, LossKind};

impl Worded for LoadError {
    fn worded(&self) -> String {
        match self {
            Self::Io { path: file, source } => tr!(
                "errors-cannot-read",
                path = path(file),
                reason = io_reason(source)
            ),
            // Each problem has its own place and description in the could-not-open window.
            Self::Invalid {
                path: file,
                diagnostics,
            } => tr!(
                "dialogs-invalid-corpus",
                file = path(file),
                count = diagnostics.len()
            ),
        }
    }
}

impl Worded for SaveError {
    fn worded(&self) -> String {
        match self {
            Self::Io { path: file, source } => tr!(
                "errors-cannot-write",
                path = path(file),
                reason = io_reason(source)
            ),
            Self::ChangedOnDisk { path: file } => {
                tr!("errors-changed-on-disk", path = path(file))
            }
            Self::Locked { path: file, holder } => {
                tr!("errors-locked", path = path(file), holder = holder.worded())
            }
            Self::Exists { path: file } => tr!("errors-exists", path = path(file)),
        }
    }
}

impl Worded for ExportError {
    fn worded(&self) -> String {
        match self {
            Self::Io { path: file, source } => tr!(
                "errors-cannot-write",
                path = path(file),
                reason = io_reason(source)
            ),
            Self::Exists { path: file } => tr!("errors-exists", path = path(file)),
        }
    }
}

impl Worded for ImportError {
    fn worded(&self) -> String {
        match self {
            Self::Io { path: file, source } => tr!(
                "errors-cannot-read",
                path = path(file),
                reason = io_reason(source)
            ),
            Self::Line {
                path: file,
                line,
                message,
            } => tr!(
                "errors-import-line",
                path = path(file),
                line = *line,
                detail = message.as_str()
            ),
            Self::Place {
                path: file,
                place,
                message,
            } => tr!(
                "errors-import-place",
                path = path(file),
                detail = format!("{place}: {message}")
            ),
        }
    }
}

/// How an encoding was chosen, after its name in a list: `BOM`, `given`, `detected`.
fn choice_name(choice: EncodingChoice) -> String {
    match choice {
        EncodingChoice::Mark => tr!("errors-encoding-mark"),
        EncodingChoice::Given => tr!("errors-encoding-given"),
        EncodingChoice::Detected => tr!("errors-encoding-detected"),
    }
}

/// How an encoding was chosen, in a sentence: from the file's mark, as given, detected.
fn how_chosen(choice: EncodingChoice) -> String {
    match choice {
        EncodingChoice::Mark => tr!("errors-encoding-from-mark"),
        EncodingChoice::Given => tr!("errors-encoding-given"),
        EncodingChoice::Detected => tr!("errors-encoding-detected"),
    }
}

impl Worded for TxtImportError {
    fn worded(&self) -> String {
        match self {
            Self::Io { path: file, source } => tr!(
                "errors-cannot-read",
                path = path(file),
                reason = io_reason(source)
            ),
            Self::Malformed {
                path: file,
                malformed,
            } => {
                let (byte, line, column) = (malformed.byte, malformed.line, malformed.column);
                let (encoding, how) = (malformed.encoding.name(), how_chosen(malformed.choice));
                let names = TextEncoding::accepted_names();
                match malformed.reason {
                    MalformedReason::InvalidSequence => tr!(
                        "errors-txt-invalid-sequence",
                        path = path(file),
                        encoding = encoding,
                        byte = byte,
                        line = line,
                        column = column,
                        how = how,
                        names = names
                    ),
                    MalformedReason::Utf8NotAsGiven => tr!(
                        "errors-txt-utf8-not-as-given",
                        path = path(file),
                        encoding = encoding,
                        byte = byte,
                        line = line,
                        column = column
                    ),
                    MalformedReason::Undetected { closest } => tr!(
                        "errors-txt-undetected",
                        path = path(file),
                        closest = closest,
                        byte = byte,
                        line = line,
                        column = column,
                        how = how,
                        names = names
                    ),
                }
            }
            Self::Control {
                path: file,
                encoding,
                choice,
                control,
            } => tr!(
                "errors-txt-control",
                path = path(file),
                character = control.name(),
                line = control.line,
                column = control.column,
                more = control.count - 1,
                encoding = encoding.name(),
                how = choice_name(*choice)
            ),
            Self::DuplicateId { id, first, second } => tr!(
                "errors-txt-duplicate-id",
                first = path(first),
                second = path(second),
                id = id.as_str()
            ),
            Self::NothingToImport { path: folder } => {
                tr!("errors-txt-nothing-to-import", path = path(folder))
            }
        }
    }
}

/// A text file read, for the could-not-open window: `texts/a.txt: windows-1256 (detected)`.
pub fn read_file(file: &ReadFile) -> String {
    tr!(
        "errors-txt-read-file",
        file = path(&file.path),
        encoding = file.encoding.name(),
        how = choice_name(file.choice)
    )
}

/// Text files that could not all be imported: every failure with its place, one a line,
/// then the files that were read and how.
pub fn txt_import_failure(failure: &TxtImportFailure) -> String {
    failure
        .errors
        .iter()
        .map(Worded::worded)
        .chain(
            failure
                .read
                .iter()
                .map(|file| tr!("dialogs-import-read", file = read_file(file))),
        )
        .collect::<Vec<_>>()
        .join("\n")
}

/// What a `.txt` import read, for the status line: the first files with their encodings,
/// then how many more were read in each encoding.
pub fn txt_import_summary(files: &[ReadFile]) -> String {
    let shown = crate::interchange::plain_text::SUMMARY_FILES;
    let name = |file: &ReadFile| {
        file.path.file_name().map_or_else(
            || file.path.display().to_string(),
            |n| n.to_string_lossy().into_owned(),
        )
    };
    let first: Vec<String> = files
        .iter()
        .take(shown)
        .map(|file| {
            tr!(
                "errors-txt-summary-file",
                file = path(std::path::Path::new(&name(file))),
                encoding = file.encoding.name(),
                how = choice_name(file.choice)
            )
        })
        .collect();
    let separator = tr!("errors-list-separator");
    let mut line = tr!(
        "errors-txt-imported",
        count = files.len(),
        files = first.join(&separator)
    );
    if files.len() > shown {
        let mut counts: Vec<((TextEncoding, EncodingChoice), usize)> = Vec::new();
        for file in &files[shown..] {
            let how = (file.encoding, file.choice);
            match counts.iter_mut().find(|(h, _)| *h == how) {
                Some((_, count)) => *count += 1,
                None => counts.push((how, 1)),
            }
        }
        let counted: Vec<String> = counts
            .iter()
            .map(|((encoding, choice), count)| {
                tr!(
                    "errors-txt-summary-count",
                    count = *count,
                    encoding = encoding.name(),
                    how = choice_name(*choice)
                )
            })
            .collect();
        line.push_str(&tr!(
            "errors-txt-imported-more",
            count = files.len() - shown,
            encodings = counted.join(&separator)
        ));
    }
    line
}

impl Worded for Loss {
    fn worded(&self) -> String {
        let (document, label) = (self.document.as_str(), self.label.as_str());
        let range = digits(&self.range.to_string());
        match &self.kind {
            LossKind::Overlap { kept } => tr!(
                "errors-loss-overlap",
                document = document,
                label = label,
                range = range,
                kept = digits(&kept.to_string())
            ),
            LossKind::Expanded { to } => tr!(
                "errors-loss-expanded",
                document = document,
                label = label,
                range = range,
                to = digits(&to.to_string())
            ),
            LossKind::Contracted { to } => tr!(
                "errors-loss-contracted",
                document = document,
                label = label,
                range = range,
                to = digits(&to.to_string())
            ),
            LossKind::NoToken => tr!(
                "errors-loss-no-token",
                document = document,
                label = label,
                range = range
            ),
        }
    }
}
