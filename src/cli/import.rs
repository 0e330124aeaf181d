//! `taliq import`: build a corpus file from other formats.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use crate::format::CorpusFile;
use crate::import::txt;

pub(super) fn run_txt(paths: &[PathBuf], out: &Path, force: bool) -> ExitCode {
    if out.exists() && !force {
        return super::fail(&format!(
            "{} already exists (use --force to overwrite)",
            out.display()
        ));
    }
    let corpus = match txt::import_txt(paths) {
        Ok(c) => c,
        Err(e) => return super::fail(&e),
    };
    if let Err(e) = CorpusFile::create(out, &corpus, force) {
        return super::fail(&e);
    }
    eprintln!(
        "taliq: wrote {} documents to {}",
        corpus.documents.len(),
        out.display()
    );
    ExitCode::SUCCESS
}
