//! What a file is asked for: every place of the window that needs a file from the person
//! (Open, Save As, a model, a gazetteer, a review's files…) names a [`FilePurpose`]; the
//! frame asks the system's file dialog or opens taliq's own chooser, and hands the answer
//! to the purpose. One table says what each purpose picks, under which title and filters.

use crate::app::i18n::{msg_id, tr};

/// What is being picked: one file, several, a new file's name, or a folder.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PickKind {
    /// One existing file.
    File,
    /// One or more existing files.
    Files,
    /// A file to write (it may exist: then it is replaced, after asking).
    SaveFile,
    /// An existing folder.
    Folder,
}

/// A named set of file extensions the chooser lists.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FileFilter {
    /// The id of what the files are ("taliq corpus"; `assets/i18n/*.ftl`).
    pub name: &'static str,
    /// Their extensions, without the dot, lower case.
    pub extensions: &'static [&'static str],
}

const CORPUS: FileFilter = FileFilter {
    name: msg_id!("file-chooser-filter-corpus"),
    extensions: &["json", "jsonl"],
};
const PLAIN_TEXT: FileFilter = FileFilter {
    name: msg_id!("file-chooser-filter-text"),
    extensions: &["txt"],
};

/// What a picked file is for: each answers differently (open it, save to it, add it…).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FilePurpose {
    /// File → Open…: a corpus, or text files to import.
    OpenCorpus,
    /// File → Save As… (and Save on a corpus without a file).
    SaveCorpusAs,
    /// File → Import text files….
    ImportText,
    /// File → Open Project…: a team project's folder.
    OpenProject,
    /// Suggestions: load a tagger model.
    LoadModel,
    /// Suggestions: save the tagger model.
    SaveModel,
    /// Suggestions: add a gazetteer.
    AddGazetteer,
    /// Start a review: the annotators' corpus files.
    ReviewFiles,
    /// Start a review: the gold file (created if missing).
    ReviewGold,
}

impl FilePurpose {
    /// What is picked for it.
    pub fn kind(self) -> PickKind {
        match self {
            Self::OpenCorpus | Self::ImportText | Self::ReviewFiles => PickKind::Files,
            Self::SaveCorpusAs | Self::SaveModel | Self::ReviewGold => PickKind::SaveFile,
            Self::OpenProject => PickKind::Folder,
            Self::LoadModel | Self::AddGazetteer => PickKind::File,
        }
    }

    /// The dialog's title, in the window's language.
    pub fn title(self) -> String {
        match self {
            Self::OpenCorpus => tr!("file-chooser-title-open-corpus"),
            Self::SaveCorpusAs => tr!("file-chooser-title-save-corpus-as"),
            Self::ImportText => tr!("file-chooser-title-import-text"),
            Self::OpenProject => tr!("file-chooser-title-open-project"),
            Self::LoadModel => tr!("file-chooser-title-load-model"),
            Self::SaveModel => tr!("file-chooser-title-save-model"),
            Self::AddGazetteer => tr!("file-chooser-title-add-gazetteer"),
            Self::ReviewFiles => tr!("file-chooser-title-review-files"),
            Self::ReviewGold => tr!("file-chooser-title-review-gold"),
        }
    }

    /// The filters offered, the first one chosen at first (a folder has none).
    pub fn filters(self) -> &'static [FileFilter] {
        match self {
            Self::OpenCorpus => &[
                FileFilter {
                    name: msg_id!("file-chooser-filter-corpus-or-text"),
                    extensions: &["json", "jsonl", "txt"],
                },
                CORPUS,
                PLAIN_TEXT,
            ],
            Self::SaveCorpusAs | Self::ReviewFiles | Self::ReviewGold => &[CORPUS],
            Self::ImportText => &[PLAIN_TEXT],
            Self::OpenProject => &[],
            Self::LoadModel => &[FileFilter {
                name: msg_id!("file-chooser-filter-model"),
                extensions: &["model", "bin"],
            }],
            Self::SaveModel => &[FileFilter {
                name: msg_id!("file-chooser-filter-model"),
                extensions: &["model"],
            }],
            Self::AddGazetteer => &[FileFilter {
                name: msg_id!("file-chooser-filter-gazetteer"),
                extensions: &["txt", "tsv"],
            }],
        }
    }

    /// The name a new file is offered under.
    pub fn suggested_name(self) -> Option<&'static str> {
        match self {
            Self::SaveCorpusAs => Some("corpus.json"),
            Self::SaveModel => Some("tagger.model"),
            Self::ReviewGold => Some("gold.json"),
            _ => None,
        }
    }

    /// What a button of taliq's chooser that takes the whole folder shown says, when the
    /// purpose can take one (the text files of a folder are imported together).
    pub fn whole_folder(self) -> Option<String> {
        match self {
            Self::ImportText => Some(tr!("file-chooser-import-folder")),
            _ => None,
        }
    }

    /// The label of the button that takes `count` chosen files ("open", "open 3 files").
    pub fn verb(self, count: usize) -> String {
        let id = match self {
            Self::OpenCorpus | Self::OpenProject => msg_id!("file-chooser-verb-open"),
            Self::SaveCorpusAs | Self::SaveModel => msg_id!("file-chooser-verb-save"),
            Self::ImportText => msg_id!("file-chooser-verb-import"),
            Self::LoadModel => msg_id!("file-chooser-verb-load"),
            Self::AddGazetteer | Self::ReviewFiles => msg_id!("file-chooser-verb-add"),
            Self::ReviewGold => msg_id!("file-chooser-verb-choose"),
        };
        // Nothing chosen yet reads as one: "open", not "open 0 files".
        crate::app::i18n::text(id, &[("count", crate::app::i18n::Arg::from(count.max(1)))])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_purpose_that_picks_files_has_a_filter_and_a_new_file_has_a_name() {
        let all = [
            FilePurpose::OpenCorpus,
            FilePurpose::SaveCorpusAs,
            FilePurpose::ImportText,
            FilePurpose::OpenProject,
            FilePurpose::LoadModel,
            FilePurpose::SaveModel,
            FilePurpose::AddGazetteer,
            FilePurpose::ReviewFiles,
            FilePurpose::ReviewGold,
        ];
        for purpose in all {
            assert_eq!(
                purpose.filters().is_empty(),
                purpose.kind() == PickKind::Folder,
                "{purpose:?}"
            );
            if purpose.kind() == PickKind::SaveFile {
                assert!(purpose.suggested_name().is_some(), "{purpose:?}");
            }
        }
    }
}
