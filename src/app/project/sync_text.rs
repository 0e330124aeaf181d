//! What a sync did and where the clone stands, in the window's language (the command line
//! keeps the library's English sentences).

use crate::app::i18n::tr;
use crate::project::sync::{SyncReport, SyncState};
use crate::text::isolates::path_unit;

/// One sentence a line: what the sync added, committed, took in, kept twice and sent.
pub fn report_text(report: &SyncReport) -> String {
    let mut lines = Vec::new();
    if report.new_documents > 0 {
        lines.push(tr!(
            "project-sync-new-documents",
            count = report.new_documents
        ));
    }
    lines.push(report.committed.as_ref().map_or_else(
        || tr!("project-sync-nothing-to-commit"),
        |message| tr!("project-sync-committed", message = message.as_str()),
    ));
    if report.fetched {
        lines.push(tr!("project-sync-received", count = report.received));
    }
    for (ours, theirs) in &report.kept_both {
        lines.push(tr!(
            "project-sync-kept-both",
            ours = path_unit(&ours.display().to_string()),
            theirs = path_unit(&theirs.display().to_string())
        ));
    }
    if report.pushed {
        lines.push(tr!("project-sync-pushed"));
    } else if let Some(why) = &report.offline {
        lines.push(tr!("project-sync-offline", reason = why.as_str()));
    }
    lines.join("\n")
}

/// A short line for the status bar: "2 to send, 1 to take in; last sync 5 min ago".
pub fn state_text(state: &SyncState, now: std::time::SystemTime) -> String {
    let mut parts = Vec::new();
    if state.uncommitted {
        parts.push(tr!("project-sync-uncommitted"));
    }
    if state.tracked {
        match (state.ahead, state.behind) {
            (0, 0) if !state.uncommitted => parts.push(tr!("project-sync-up-to-date")),
            (0, 0) => {}
            (ahead, 0) => parts.push(tr!("project-sync-to-send", count = ahead)),
            (0, behind) => parts.push(tr!("project-sync-to-take-in", count = behind)),
            (ahead, behind) => parts.push(tr!(
                "project-sync-to-send-and-take-in",
                ahead = ahead,
                behind = behind
            )),
        }
    } else {
        parts.push(tr!("project-sync-never"));
    }
    parts.push(state.last_fetch.map_or_else(
        || tr!("project-sync-not-yet"),
        |t| {
            let seconds = now.duration_since(t).unwrap_or_default().as_secs();
            match seconds {
                0..60 => tr!("project-sync-just-now"),
                60..3600 => tr!("project-sync-minutes-ago", count = seconds / 60),
                3600..86_400 => tr!("project-sync-hours-ago", count = seconds / 3600),
                _ => tr!("project-sync-days-ago", count = seconds / 86_400),
            }
        },
    ));
    parts.join(&tr!("project-sync-separator"))
}
