//! `taliq save-loop` (hidden): the window's save and autosave, driven without a window, so
//! that a test can kill the real binary in the middle of them (`tests/kill9.rs`).
//!
//! It opens FILE as the window does (taking its lock), then repeats one edit (the first
//! document's status, between done and in progress), an autosave to the recovery file, and a
//! save, each through the same `AppState` code the window runs.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use crate::app::AppState;
use crate::model::Status;

pub(super) fn run(file: &Path, rounds: u64) -> ExitCode {
    let mut state = match AppState::open(file) {
        Ok(state) => state,
        Err(e) => return super::fail(&e),
    };
    if state.is_read_only() {
        return super::fail(&state.message);
    }
    // The test waits for this line before it starts its clock, so kills fall on writes.
    println!("ready");
    let _ = std::io::stdout().flush();
    let mut round = 0;
    while rounds == 0 || round < rounds {
        round += 1;
        let status = state.corpus.documents.first().map(|d| d.status);
        state.open_document(0);
        state.set_status(if status == Some(Status::Done) {
            Status::InProgress
        } else {
            Status::Done
        });
        // What autosave runs, with its error kept rather than shown in a status bar.
        if let Err(e) = state.flush_recovery() {
            return super::fail(&e);
        }
        if let Err(e) = state.save() {
            return super::fail(&e);
        }
    }
    ExitCode::SUCCESS
}
