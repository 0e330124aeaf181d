//! A panic in the window costs no work: each frame runs under `catch_unwind`, and a panic
//! writes the unsaved work to the recovery file (which the next start offers back, as after
//! a kill) before the unwinding goes on and the process ends. A panic elsewhere on the
//! window's thread is caught by [`crate::app::TaliqApp`]'s `Drop`; one on the export worker only
//! ends the export.

use std::cell::Cell;
use std::panic::{self, AssertUnwindSafe};

use crate::app::AppState;

/// A crash on request, to check that a panic costs no work: `TALIQ_DEBUG_CRASH=frame` or
/// `=export` (no other use; the tests set [`TaliqApp::debug_crash`] directly).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DebugCrash {
    /// Panic in the first frame that has unsaved changes.
    Frame,
    /// Panic on the worker thread of the next export.
    Export,
}

impl DebugCrash {
    /// The crash `TALIQ_DEBUG_CRASH` asks for, if any.
    pub fn from_env() -> Option<Self> {
        match std::env::var("TALIQ_DEBUG_CRASH").ok()?.as_str() {
            "frame" => Some(Self::Frame),
            "export" => Some(Self::Export),
            _ => None,
        }
    }
}

thread_local! {
    /// Whether this thread is inside a guarded frame, for the panic hook's words.
    static IN_FRAME: Cell<bool> = const { Cell::new(false) };
}

/// Runs one frame, marked as such for the panic hook's words; a panic in it is caught and
/// returned, for the caller to save the unsaved work before resuming it.
pub(crate) fn guarded(frame: impl FnOnce()) -> std::thread::Result<()> {
    IN_FRAME.set(true);
    let result = panic::catch_unwind(AssertUnwindSafe(frame));
    IN_FRAME.set(false);
    result
}

/// Writes what is unsaved to the recovery file after a panic, and says where it went.
pub fn save_after_crash(state: &mut AppState) -> String {
    if !state.history.is_dirty() {
        return "nothing was unsaved".to_owned();
    }
    let file = state.source.name();
    match state.flush_recovery() {
        Ok(Some(path)) => format!(
            "your unsaved work is in {}; taliq offers it back when you open {file} again",
            path.display()
        ),
        Ok(None) => format!(
            "unsaved changes to {file} are lost: it has no file, and no folder was found for its recovery file"
        ),
        Err(e) => format!(
            "could not write the recovery file of {file} ({e}); changes since the last autosave are lost"
        ),
    }
}

#[allow(
    clippy::print_stderr,
    reason = "the window is going away: the terminal is the only place left to say it"
)]
pub(crate) fn report(message: &str) {
    eprintln!("taliq: {message}");
}

/// Installs the window's panic hook: the usual message (with its backtrace), then a line on
/// what becomes of the user's work.
pub fn install_panic_hook() {
    let previous = panic::take_hook();
    panic::set_hook(Box::new(move |info| {
        previous(info);
        let thread = std::thread::current();
        let note = if IN_FRAME.get() || thread.name() == Some("main") {
            "the window hit a bug and closes; writing your unsaved work to the recovery file first"
                .to_owned()
        } else {
            let name = thread.name().unwrap_or("unnamed");
            format!(
                "a background task failed (thread {name}); the window goes on and your annotations are untouched"
            )
        };
        report(&note);
    }));
}
