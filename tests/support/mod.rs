//! Running the `taliq` binary as a user would, shared by the command-line test files.

// Each test file uses the helpers it needs; the others would be unused there.
#![allow(dead_code)]

use std::path::Path;
use std::process::{Command, Output};

/// Runs `taliq` with `args` in `dir` and waits for it.
pub fn taliq(args: &[&str], dir: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_taliq"))
        .args(args)
        .current_dir(dir)
        .output()
        .expect("taliq runs")
}

/// What a run printed on standard output.
pub fn stdout(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// What a run printed on standard error.
pub fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}
