//! `taliq validate`: report every problem in corpus files.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use crate::format::{self, LoadError};
use crate::model::Corpus;

pub(super) fn run(files: &[PathBuf], json: bool) -> ExitCode {
    let mut all_valid = true;
    for path in files {
        let result = format::load(path);
        all_valid &= result.is_ok();
        if json {
            print_json(path, &result);
        } else {
            print_text(path, &result);
        }
    }
    if all_valid {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}

fn print_text(path: &Path, result: &Result<Corpus, LoadError>) {
    match result {
        Ok(corpus) => {
            let spans: usize = corpus.documents.iter().map(|d| d.spans().len()).sum();
            println!(
                "{}: valid ({}, {}, {})",
                path.display(),
                super::count(corpus.documents.len(), "document"),
                super::count(spans, "span"),
                super::count(corpus.labels.len(), "label")
            );
        }
        Err(LoadError::Invalid { diagnostics, .. }) => {
            for d in diagnostics {
                println!("{}", d.display_in(path));
            }
            let n = diagnostics.len();
            println!(
                "{}: invalid ({n} problem{})",
                path.display(),
                if n == 1 { "" } else { "s" }
            );
        }
        Err(e @ LoadError::Io { .. }) => println!("{e}"),
    }
}

fn print_json(path: &Path, result: &Result<Corpus, LoadError>) {
    let file = path.display().to_string();
    match result {
        Ok(_) => {}
        Err(LoadError::Invalid { diagnostics, .. }) => {
            for d in diagnostics {
                let mut value = serde_json::to_value(d).unwrap_or_default();
                if let Some(map) = value.as_object_mut() {
                    map.shift_insert(0, "file".into(), file.clone().into());
                }
                println!("{value}");
            }
        }
        Err(LoadError::Io { source, .. }) => {
            let value =
                serde_json::json!({"file": file, "code": "io", "message": source.to_string()});
            println!("{value}");
        }
    }
}
