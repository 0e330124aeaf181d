//! `taliq agree`: agreement between annotators' corpora, as a table or JSON.

use std::fmt::Write as _;
use std::path::PathBuf;
use std::process::ExitCode;

use crate::format;
use crate::review::{self, Figures, Report};

/// How many of the least agreed documents the text table lists.
const WORST_DOCUMENTS: usize = 10;

pub(super) fn run(files: &[PathBuf], json: bool) -> ExitCode {
    // The files are independent, so they are read side by side: loading is most of the time.
    let loaded: Vec<_> = std::thread::scope(|scope| {
        let readers: Vec<_> = files
            .iter()
            .map(|path| scope.spawn(move || format::load(path)))
            .collect();
        readers
            .into_iter()
            .map(std::thread::ScopedJoinHandle::join)
            .collect()
    });
    let mut corpora = Vec::with_capacity(files.len());
    for result in loaded {
        match result {
            Ok(Ok(c)) => corpora.push(c),
            Ok(Err(e)) => return super::fail(&e),
            // A panic in a reader is a bug; say so rather than lose it.
            Err(_) => return super::fail(&"a corpus reader panicked"),
        }
    }
    let names: Vec<String> = files.iter().map(|p| p.display().to_string()).collect();
    let report = match review::agree(&corpora, &names) {
        Ok(r) => r,
        Err(review::AlignError::TextDiffers {
            id,
            first,
            other,
            offset,
        }) => {
            return super::fail(&format!(
                "document {id:?} has a different text in {} than in {}: first difference at code point {offset}",
                names[other], names[first]
            ));
        }
        Err(e) => return super::fail(&e),
    };
    if json {
        match serde_json::to_string_pretty(&report) {
            Ok(s) => println!("{s}"),
            Err(e) => return super::fail(&e),
        }
    } else {
        print!("{}", render(&report));
    }
    // Freeing three corpora's millions of strings one by one takes a tenth of the run; the
    // process ends now, and the system takes the memory back at once.
    std::mem::forget(corpora);
    ExitCode::SUCCESS
}

/// A figure to three decimals, `-` when there is none. A value that rounds to zero is
/// `0.000`, never `-0.000`: alpha of two annotators who each marked one other name in a
/// long article is -0.0003, and a sign on a zero reads as a finding that is not there.
fn num(x: Option<f64>) -> String {
    x.map_or_else(
        || "-".to_owned(),
        |v| {
            let shown = format!("{v:.3}");
            if shown.bytes().all(|b| matches!(b, b'-' | b'0' | b'.')) {
                shown.trim_start_matches('-').to_owned()
            } else {
                shown
            }
        },
    )
}

fn row(out: &mut String, f: &Figures) {
    let spans: Vec<String> = f.spans.iter().map(u64::to_string).collect();
    let _ = writeln!(
        out,
        "{:<10}{:>14}{:>8}{:>8}{:>8}{:>9}{:>8}{:>8}{:>8}{:>9}",
        f.label,
        spans.join("/"),
        num(f.exact.precision),
        num(f.exact.recall),
        num(f.exact.f1),
        num(f.partial.f1),
        num(f.cohen_kappa),
        num(f.fleiss_kappa),
        num(f.krippendorff_alpha),
        num(f.unitizing_alpha),
    );
}

/// The report as aligned text tables.
fn render(report: &Report) -> String {
    let mut out = String::new();
    for (i, name) in report.annotators.iter().enumerate() {
        let _ = writeln!(out, "annotator {}: {name}", i + 1);
    }
    let _ = writeln!(
        out,
        "compared {} documents ({} tokens)",
        report.documents, report.tokens
    );
    for d in &report.partial_documents {
        let held: Vec<String> = d.present_in.iter().map(|&i| (i + 1).to_string()).collect();
        let _ = writeln!(
            out,
            "not compared: {} (only in annotator {})",
            d.id,
            held.join(", ")
        );
    }
    let _ = writeln!(out);
    let _ = writeln!(
        out,
        "{:<10}{:>14}{:>8}{:>8}{:>8}{:>9}{:>8}{:>8}{:>8}{:>9}",
        "label", "spans", "P", "R", "F1", "part.F1", "cohen", "fleiss", "alpha", "alpha_u"
    );
    for f in &report.per_label {
        row(&mut out, f);
    }
    row(&mut out, &report.overall);
    for pair in &report.pairs {
        if pair.confusion.is_empty() {
            continue;
        }
        let _ = writeln!(
            out,
            "\nlabel conflicts, annotator {} → annotator {}:",
            pair.reference + 1,
            pair.other + 1
        );
        for c in &pair.confusion {
            let _ = writeln!(
                out,
                "  {:<8} → {:<8}{:>6}",
                c.reference_label, c.other_label, c.count
            );
        }
    }
    render_links(&mut out, report);
    if !report.only_one.is_empty() {
        let _ = writeln!(out, "\nspans no other annotator overlaps:");
        for o in &report.only_one {
            let _ = writeln!(
                out,
                "  annotator {} {:<8}{:>6}",
                o.annotator + 1,
                o.label,
                o.count
            );
        }
    }
    let mut worst: Vec<_> = report.per_document.iter().collect();
    worst.sort_by(|a, b| {
        let key = |d: &&review::DocumentFigures| d.overall.partial.f1.unwrap_or(1.0);
        key(a).total_cmp(&key(b)).then_with(|| a.id.cmp(&b.id))
    });
    let _ = writeln!(out, "\ndocuments by partial F1, lowest first:");
    for d in worst.iter().take(WORST_DOCUMENTS) {
        let _ = writeln!(
            out,
            "  {:<24} F1 {}  partial F1 {}  alpha {}",
            d.id,
            num(d.overall.exact.f1),
            num(d.overall.partial.f1),
            num(d.overall.krippendorff_alpha)
        );
    }
    out
}

/// Relation and document-label agreement, when the corpora have them.
fn render_links(out: &mut String, report: &Report) {
    let links = &report.links;
    if let Some(all) = &links.relations {
        let _ = writeln!(
            out,
            "\nrelations (exact endpoints and type): P {}  R {}  F1 {}",
            num(all.precision),
            num(all.recall),
            num(all.f1)
        );
        for p in &links.relation_pairs {
            let _ = writeln!(
                out,
                "  annotators {} / {}: {} matched of {} and {}, F1 {}",
                p.reference + 1,
                p.other + 1,
                p.matched,
                p.reference_relations,
                p.other_relations,
                num(p.figures.f1)
            );
        }
    }
    for d in &links.document_labels {
        let _ = writeln!(
            out,
            "document label {}: Cohen's kappa {} (mean over pairs), Krippendorff's alpha {} on {} documents",
            d.name,
            num(d.cohen_kappa),
            num(d.krippendorff_alpha),
            d.documents
        );
    }
}
