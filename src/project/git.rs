//! Git through the `git` program the user already has: its credential helpers, ssh agent,
//! hooks and configuration apply as to any other git command, and pushing works (which
//! gitoxide cannot do yet); taliq stores no credentials and builds no C library for it.

use std::path::Path;
use std::process::Command;

use super::ProjectError;

/// The git program, looked for on the `PATH`: `git.exe` on Windows (what Git for Windows
/// installs; the standard library would add the `.exe` too, the name says what is looked
/// for — a `git.cmd` shim is not run, that would take a shell).
const GIT: &str = if cfg!(windows) { "git.exe" } else { "git" };

/// Runs `git ARGS` in `dir`, returning what it printed on stdout.
///
/// # Errors
/// [`ProjectError::Git`] when git cannot be started or exits with an error, with what it
/// printed on stderr.
pub fn git(dir: &Path, args: &[&str]) -> Result<String, ProjectError> {
    let command = args.join(" ");
    let output = Command::new(GIT)
        .arg("-C")
        .arg(dir)
        .args(identity(dir))
        .args(args)
        // Never stop to ask for a password on a terminal: a sync from the window has none.
        .env("GIT_TERMINAL_PROMPT", "0")
        .output()
        .map_err(|e| ProjectError::Git {
            command: command.clone(),
            message: format!("cannot run git ({e}); is git installed?"),
        })?;
    if output.status.success() {
        Ok(String::from_utf8_lossy(&output.stdout).into_owned())
    } else {
        let stderr = String::from_utf8_lossy(&output.stderr);
        let stdout = String::from_utf8_lossy(&output.stdout);
        let message = if stderr.trim().is_empty() {
            stdout
        } else {
            stderr
        };
        let message = message.trim().to_owned();
        Err(ProjectError::Git { command, message })
    }
}

/// `-c user.name=… -c user.email=…` when git has no identity configured (a fresh machine
/// or CI), so that commits still work; the user's own identity wins when there is one.
fn identity(dir: &Path) -> Vec<String> {
    let configured = |key: &str| {
        Command::new(GIT)
            .arg("-C")
            .arg(dir)
            .args(["config", "--get", key])
            .output()
            .is_ok_and(|o| o.status.success() && !o.stdout.trim_ascii().is_empty())
    };
    let mut args = Vec::new();
    if !configured("user.name") {
        args.extend(["-c".to_owned(), "user.name=taliq".to_owned()]);
    }
    if !configured("user.email") {
        args.extend(["-c".to_owned(), "user.email=taliq@localhost".to_owned()]);
    }
    args
}

/// Makes `dir` a git repository (if it is not one) and commits everything in it.
///
/// # Errors
/// As [`git`].
pub fn init_and_commit(dir: &Path, message: &str) -> Result<(), ProjectError> {
    if !dir.join(".git").exists() {
        git(dir, &["init", "--quiet"])?;
    }
    commit_all(dir, message)
}

/// Commits every change in the project folder with `message` (nothing when nothing changed).
///
/// # Errors
/// As [`git`].
pub fn commit_all(dir: &Path, message: &str) -> Result<(), ProjectError> {
    git(dir, &["add", "--all"])?;
    let staged = git(dir, &["status", "--porcelain"])?;
    if staged.trim().is_empty() {
        return Ok(());
    }
    git(dir, &["commit", "--quiet", "-m", message]).map(drop)
}
