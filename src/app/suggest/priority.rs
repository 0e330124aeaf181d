//! The training thread yields the cores to the window: it runs at a lower scheduling
//! priority, so a frame that wants a core gets it while the optimiser runs.
//!
//! The worker leaves one core to the window, but the window is not one thread: the GL
//! driver (Mesa's software renderer under Xvfb), the compositor and the rest of the desktop
//! want cores too, and on 2 cores a frame could wait behind the optimiser (a 71 ms frame
//! while training, docs/suggestions.md).

/// How much nicer than the window the training thread is: 10, as `nice` defaults to.
const BACKGROUND_NICENESS: i32 = 10;

/// Lowers the calling thread's priority by [`BACKGROUND_NICENESS`] (threads it starts
/// later inherit it). Linux only: elsewhere the call would lower the whole process.
/// Returns the thread's new niceness.
///
/// # Errors
/// Why the priority could not be read or set (the thread then runs as before).
#[cfg(target_os = "linux")]
pub fn run_in_background() -> Result<i32, String> {
    use rustix::process::{getpriority_process, setpriority_process};
    // On Linux a thread id names one thread where a process id is expected.
    let thread = Some(rustix::thread::gettid());
    let now = getpriority_process(thread).map_err(|e| e.to_string())?;
    let nicer = now.saturating_add(BACKGROUND_NICENESS).min(19);
    setpriority_process(thread, nicer).map_err(|e| e.to_string())?;
    Ok(nicer)
}

/// Lowers the calling thread's priority: not done off Linux (see the Linux version).
///
/// # Errors
/// Always: there is no per-thread priority to set here.
#[cfg(not(target_os = "linux"))]
pub fn run_in_background() -> Result<i32, String> {
    Err("a thread's priority is only lowered on Linux".to_owned())
}

#[cfg(all(test, target_os = "linux"))]
mod tests {
    use super::*;
    use rustix::process::getpriority_process;

    fn own_niceness() -> i32 {
        getpriority_process(Some(rustix::thread::gettid())).expect("own priority")
    }

    #[test]
    fn only_the_thread_that_asks_runs_in_the_background() {
        let before = own_niceness();
        let (set, seen, child) = std::thread::spawn(|| {
            let before = own_niceness();
            let set = run_in_background().expect("lowering one's own priority is allowed");
            let child = std::thread::spawn(own_niceness).join().expect("child");
            (set, (before, own_niceness()), child)
        })
        .join()
        .expect("worker");
        assert_eq!(set, (seen.0 + BACKGROUND_NICENESS).min(19));
        assert_eq!(seen.1, set, "the worker runs at the niceness it set");
        assert!(seen.1 > seen.0 || seen.0 == 19);
        assert_eq!(child, set, "threads it starts inherit it");
        assert_eq!(
            own_niceness(),
            before,
            "the thread that started it is untouched"
        );
    }
}
