//! `taliq import`: build a corpus file from other formats.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use super::ImportFormat;
use crate::format::CorpusFile;
use crate::interchange::plain_text as txt;
use crate::interchange::plain_text::encoding::TextEncoding;
use crate::interchange::{brat, conll, doccano, jsonl, label_studio};

pub(super) fn run(
    format: ImportFormat,
    paths: &[PathBuf],
    out: &Path,
    force: bool,
    encoding: Option<TextEncoding>,
) -> ExitCode {
    if encoding.is_some() && format != ImportFormat::Txt {
        eprintln!(
            "taliq: --encoding applies to --format txt only; the other formats are UTF-8 JSON or text"
        );
        return ExitCode::from(2);
    }
    if let Some(refused) = super::refuse_to_overwrite(out, force) {
        return refused;
    }
    let corpus = match format {
        ImportFormat::Txt => import_text_files(paths, encoding),
        ImportFormat::Jsonl => jsonl::import(paths).map_err(|e| e.to_string()),
        ImportFormat::Conll => conll::import(paths).map_err(|e| e.to_string()),
        ImportFormat::Brat => brat::import(paths).map_err(|e| e.to_string()),
        ImportFormat::LabelStudio => label_studio::import(paths).map_err(|e| e.to_string()),
        ImportFormat::Doccano => doccano::import(paths).map_err(|e| e.to_string()),
    };
    let corpus = match corpus {
        Ok(c) if c.documents.is_empty() => {
            return super::fail(&"no documents found in the input; nothing written");
        }
        Ok(c) => c,
        Err(e) => return super::fail(&e),
    };
    if let Err(e) = CorpusFile::create(out, &corpus, force) {
        return super::fail(&e);
    }
    eprintln!(
        "taliq: wrote {} to {}",
        super::count(corpus.documents.len(), "document"),
        out.display()
    );
    ExitCode::SUCCESS
}

/// Reads text files, telling on stderr each one's encoding (`art3.txt: windows-1256
/// (detected)`) and every file that failed, with its place.
fn import_text_files(
    paths: &[PathBuf],
    encoding: Option<TextEncoding>,
) -> Result<crate::model::Corpus, String> {
    match txt::import_txt_in(paths, encoding) {
        Ok(import) => {
            for file in &import.files {
                eprintln!("{file}");
            }
            Ok(import.corpus)
        }
        Err(failure) => {
            for file in &failure.read {
                eprintln!("{file}");
            }
            let n = failure.errors.len();
            Err(format!(
                "{failure}\n{n} file{} could not be imported; nothing written",
                if n == 1 { "" } else { "s" }
            ))
        }
    }
}
