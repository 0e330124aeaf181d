//! `taliq export`: write a corpus in another tool's format, saying what could not be kept.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::Path;
use std::process::ExitCode;

use crate::interchange::{
    Align, Filter, Format, OffsetUnit, Options, Scheme, StreamExport, export_to,
};

use super::ExportArgs;

pub(super) fn run(args: &ExportArgs) -> ExitCode {
    let token_format = matches!(args.format, Format::Conll | Format::Hf);
    if args.offset_unit != OffsetUnit::Codepoint && args.format != Format::Jsonl {
        return super::fail(
            &"--offset-unit applies to --format jsonl only (doccano is always UTF-16; the others count code points)",
        );
    }
    if !token_format && (args.scheme != Scheme::default() || args.align != Align::default()) {
        return super::fail(&"--scheme and --align apply to --format conll and hf only");
    }
    let filter = Filter {
        statuses: args.status.clone(),
        annotator: args.annotator.clone(),
    };
    let options = Options {
        offset_unit: args.offset_unit,
        scheme: args.scheme,
        align: args.align,
    };
    if StreamExport::supports(args.format)
        && args.split.is_none()
        && filter.statuses.is_empty()
        && filter.annotator.is_none()
    {
        return streamed(args, options);
    }
    let mut corpus = match crate::format::load(&args.file) {
        Ok(c) => c,
        Err(e) => return super::fail(&e),
    };
    let had_documents = !corpus.documents.is_empty();
    let documents = filter.take(&mut corpus);
    if documents.is_empty() && had_documents {
        return super::fail(&"no document matches --status/--annotator; nothing written");
    }
    let notes = crate::interchange::unrepresented(args.format, &documents);
    let count = documents.len();
    let split = args.split.as_ref().map(|s| (s, args.seed));
    let losses = match export_to(
        &corpus,
        documents,
        args.format,
        &options,
        &args.out,
        split,
        args.force,
    ) {
        Ok(l) => l,
        Err(e) => return super::fail(&e),
    };
    for note in notes {
        eprintln!("taliq: note: {note}");
    }
    report(&losses, count, &args.out);
    ExitCode::SUCCESS
}

/// The whole corpus to one file, written while it is read: see [`StreamExport`].
fn streamed(args: &ExportArgs, options: Options) -> ExitCode {
    let mut export = match StreamExport::begin(args.format, options, &args.out, args.force) {
        Ok(e) => e,
        Err(e) => return super::fail(&e),
    };
    // On an invalid corpus the export is dropped unfinished, and the output file stays as it was.
    if let Err(e) = crate::format::load_each(&args.file, &mut |loaded| export.take(loaded)) {
        return super::fail(&e);
    }
    let written = match export.finish() {
        Ok(w) => w,
        Err(e) => return super::fail(&e),
    };
    for note in written.notes {
        eprintln!("taliq: note: {note}");
    }
    report(&written.losses, written.documents, &args.out);
    ExitCode::SUCCESS
}

fn report(losses: &[crate::interchange::Loss], documents: usize, out: &Path) {
    // One write for the whole report: stderr is unbuffered, and a line per lost span written
    // piece by piece made tens of thousands of system calls on a large corpus.
    let mut text = String::new();
    if !losses.is_empty() {
        let mut by_kind: BTreeMap<&str, usize> = BTreeMap::new();
        for loss in losses {
            *by_kind.entry(loss.kind.name()).or_default() += 1;
        }
        let counts: Vec<String> = by_kind.iter().map(|(k, n)| format!("{n} {k}")).collect();
        let _ = writeln!(
            text,
            "taliq: warning: {} span{} not exported exactly ({}):",
            losses.len(),
            if losses.len() == 1 { "" } else { "s" },
            counts.join(", ")
        );
        for loss in losses {
            let _ = writeln!(text, "  {loss}");
        }
    }
    let _ = writeln!(
        text,
        "taliq: exported {} to {}",
        super::count(documents, "document"),
        out.display()
    );
    eprint!("{text}");
}
