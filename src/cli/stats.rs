//! `taliq stats`: documents by status, spans by label and by annotator.

use std::path::Path;
use std::process::ExitCode;

use crate::format;
use crate::model::CorpusStats;

pub(super) fn run(path: &Path, json: bool) -> ExitCode {
    let corpus = match format::load(path) {
        Ok(c) => c,
        Err(e) => return super::fail(&e),
    };
    let stats = CorpusStats::of(&corpus);
    if json {
        match serde_json::to_string_pretty(&stats) {
            Ok(s) => println!("{s}"),
            Err(e) => return super::fail(&e),
        }
    } else {
        print!("{}", render(path, &stats));
    }
    ExitCode::SUCCESS
}

/// The counts as an aligned text table.
fn render(path: &Path, stats: &CorpusStats) -> String {
    use std::fmt::Write as _;
    let mut out = String::new();
    let _ = writeln!(out, "{}", path.display());
    let _ = writeln!(
        out,
        "  documents  {:>8}   ({} code points)",
        stats.documents, stats.code_points
    );
    for (status, n) in &stats.documents_by_status {
        let _ = writeln!(out, "    {status:<14}{n:>7}");
    }
    let _ = writeln!(out, "  spans      {:>8}", stats.spans);
    let _ = writeln!(out, "  by label");
    for (label, n) in &stats.spans_by_label {
        let _ = writeln!(out, "    {label:<14}{n:>7}");
    }
    let _ = writeln!(out, "  by annotator");
    for (who, n) in &stats.spans_by_annotator {
        let _ = writeln!(out, "    {who:<14}{n:>7}");
    }
    out
}
