//! `project sync`: share one annotator's work through git and take in everyone else's.
//!
//! Commit NAME's own file (nothing else of theirs is theirs to commit) and the gold when a
//! review changed it here, fetch, merge, push.
//! Every file has one writer, so merges are clean, except when one person worked on two
//! machines: then both versions of the file are kept, theirs beside ours, and the person is
//! told which to look at. Offline, or when the push fails, the commit stays local and the
//! next sync sends it.

use std::path::{Path, PathBuf};

use super::config::{ProjectConfig, ProjectError};
use super::create::complete_own_file;
use super::git::git;
use super::{ANNOTATIONS_DIR, GOLD_FILE, annotation_path};
use crate::format::write_atomic;
use crate::model::Status;

/// What a sync did.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct SyncReport {
    /// The commit message of the annotator's own work, when there was something to commit.
    pub committed: Option<String>,
    /// Whether the remote could be reached (fetched).
    pub fetched: bool,
    /// Commits that came in from the remote.
    pub received: usize,
    /// Whether the push went through.
    pub pushed: bool,
    /// Why fetching or pushing failed, as git said it.
    pub offline: Option<String>,
    /// Files that had changed on both sides: ours kept in place, theirs saved beside it
    /// (the path of the copy), for the user to compare.
    pub kept_both: Vec<(PathBuf, PathBuf)>,
    /// Documents assigned since the last sync that were added to the annotator's file.
    pub new_documents: usize,
}

impl SyncReport {
    /// One sentence a line, for the command line and the window's status.
    pub fn describe(&self) -> String {
        let mut lines = Vec::new();
        if self.new_documents > 0 {
            lines.push(format!(
                "{} new document(s) assigned to you were added to your file",
                self.new_documents
            ));
        }
        lines.push(self.committed.as_ref().map_or_else(
            || "nothing new of yours to commit".to_owned(),
            |m| format!("committed: {m}"),
        ));
        if self.fetched {
            lines.push(format!("{} commit(s) came in", self.received));
        }
        for (ours, theirs) in &self.kept_both {
            lines.push(format!(
                "{} was changed on two machines: yours is kept, the other version is in {}; compare them and keep what is right",
                ours.display(),
                theirs.display()
            ));
        }
        if self.pushed {
            lines.push("pushed".to_owned());
        } else if let Some(why) = &self.offline {
            lines.push(format!(
                "not shared: {why}; your commit stays here and the next sync sends it"
            ));
        }
        lines.join("\n")
    }
}

/// Syncs `annotator`'s work in the project clone `dir` with `remote` (e.g. `origin`).
///
/// # Errors
/// An unknown annotator, an unreadable project, or a local git failure (committing,
/// merging); a remote that cannot be reached is not an error but reported.
pub fn sync(dir: &Path, annotator: &str, remote: &str) -> Result<SyncReport, ProjectError> {
    let config = ProjectConfig::load(dir)?;
    let annotates = config.annotators.iter().any(|a| a == annotator);
    let gold = dir.join(GOLD_FILE);
    if !annotates && !gold.exists() {
        return Err(ProjectError::NotAnAnnotator {
            name: annotator.to_owned(),
            annotators: config.annotators.clone(),
        });
    }
    let mut report = SyncReport::default();
    let mut committed = Vec::new();
    if annotates {
        report.new_documents = complete_own_file(dir, &config, annotator)?;
        committed.extend(commit_own(dir, annotator)?);
    }
    // The gold is the reviewers' file: whoever reviewed here shares it.
    if gold.exists() {
        committed.extend(commit_gold(dir, &gold, annotator)?);
    }
    report.committed = (!committed.is_empty()).then(|| committed.join("; "));
    let branch = git(dir, &["rev-parse", "--abbrev-ref", "HEAD"])?
        .trim()
        .to_owned();
    if let Err(e) = git(dir, &["fetch", "--quiet", remote]) {
        report.offline = Some(message_of(&e));
        return Ok(report);
    }
    report.fetched = true;
    let upstream = format!("{remote}/{branch}");
    if git(dir, &["rev-parse", "--verify", "--quiet", &upstream]).is_ok() {
        let behind = git(dir, &["rev-list", "--count", &format!("HEAD..{upstream}")])?;
        report.received = behind.trim().parse().unwrap_or(0);
        if report.received > 0 {
            report.kept_both = merge(dir, &upstream)?;
        }
    }
    match git(dir, &["push", "--quiet", remote, &format!("HEAD:{branch}")]) {
        Ok(_) => report.pushed = true,
        Err(e) => report.offline = Some(message_of(&e)),
    }
    Ok(report)
}

fn message_of(error: &ProjectError) -> String {
    match error {
        ProjectError::Git { message, .. } => message.lines().next().unwrap_or("").to_owned(),
        other => other.to_string(),
    }
}

/// Commits the annotator's own file with their counts; `None` when it did not change.
fn commit_own(dir: &Path, annotator: &str) -> Result<Option<String>, ProjectError> {
    let relative = format!("{ANNOTATIONS_DIR}/{annotator}.json");
    git(dir, &["add", "--", &relative])?;
    let staged = git(dir, &["diff", "--cached", "--name-only", "--", &relative])?;
    if staged.trim().is_empty() {
        return Ok(None);
    }
    let corpus = crate::format::load(annotation_path(dir, annotator))?;
    let count = |status: &[Status]| {
        corpus
            .documents
            .iter()
            .filter(|d| status.contains(&d.status))
            .count()
    };
    let spans: usize = corpus.documents.iter().map(|d| d.spans().len()).sum();
    let message = format!(
        "{annotator}: {} done, {} in progress, {} new; {spans} spans",
        count(&[Status::Done, Status::Reviewed]),
        count(&[Status::InProgress]),
        count(&[Status::New]),
    );
    git(dir, &["commit", "--quiet", "-m", &message, "--", &relative])?;
    Ok(Some(message))
}

/// Commits `gold.json` when it changed, with its counts; `None` when it did not.
fn commit_gold(dir: &Path, gold: &Path, reviewer: &str) -> Result<Option<String>, ProjectError> {
    git(dir, &["add", "--", GOLD_FILE])?;
    let staged = git(dir, &["diff", "--cached", "--name-only", "--", GOLD_FILE])?;
    if staged.trim().is_empty() {
        return Ok(None);
    }
    let corpus = crate::format::load(gold)?;
    let done = corpus
        .documents
        .iter()
        .filter(|d| d.status == Status::Reviewed)
        .count();
    let message = format!(
        "gold ({reviewer}): {done} of {} documents reviewed",
        corpus.documents.len()
    );
    git(dir, &["commit", "--quiet", "-m", &message, "--", GOLD_FILE])?;
    Ok(Some(message))
}

/// Merges `upstream`; a file changed on both sides keeps our version in place and theirs
/// beside it as `NAME.theirs-COMMIT.EXT`. Returns those pairs.
fn merge(dir: &Path, upstream: &str) -> Result<Vec<(PathBuf, PathBuf)>, ProjectError> {
    if git(dir, &["merge", "--no-edit", "--quiet", upstream]).is_ok() {
        return Ok(Vec::new());
    }
    let conflicted = git(dir, &["diff", "--name-only", "--diff-filter=U"])?;
    let files: Vec<&str> = conflicted.lines().filter(|l| !l.is_empty()).collect();
    if files.is_empty() {
        // Not a content conflict (e.g. an untracked file in the way): leave the tree as it was.
        let _ = git(dir, &["merge", "--abort"]);
        return Err(ProjectError::MergeFailed {
            upstream: upstream.to_owned(),
        });
    }
    let theirs_commit = git(dir, &["rev-parse", "--short", upstream])?
        .trim()
        .to_owned();
    let mut kept = Vec::new();
    for file in files {
        let theirs = git(dir, &["show", &format!("{upstream}:{file}")]).unwrap_or_default();
        let ours_path = PathBuf::from(file);
        let stem = ours_path.file_stem().unwrap_or_default().to_string_lossy();
        let extension = ours_path
            .extension()
            .map(|e| format!(".{}", e.to_string_lossy()))
            .unwrap_or_default();
        let copy = ours_path.with_file_name(format!("{stem}.theirs-{theirs_commit}{extension}"));
        write_atomic(&dir.join(&copy), theirs.as_bytes(), false).map_err(|source| {
            ProjectError::Io {
                path: dir.join(&copy),
                source,
            }
        })?;
        git(dir, &["checkout", "--ours", "--", file])?;
        git(dir, &["add", "--", file, &copy.to_string_lossy()])?;
        kept.push((ours_path, copy));
    }
    git(
        dir,
        &[
            "commit",
            "--quiet",
            "--no-edit",
            "-m",
            &format!(
                "taliq sync: kept both versions of files changed on two machines ({upstream} {theirs_commit})"
            ),
        ],
    )?;
    Ok(kept)
}

/// Where a clone stands against its remote, as of its last fetch (no network is used).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct SyncState {
    /// Whether the remote's branch is known here (fetched at least once, or cloned).
    pub tracked: bool,
    /// Local commits the remote has not had.
    pub ahead: usize,
    /// Commits of the remote not merged here (as of the last fetch).
    pub behind: usize,
    /// Whether the annotator's own file has changes not committed yet.
    pub uncommitted: bool,
    /// When the clone last fetched (the time of `.git/FETCH_HEAD`), if ever.
    pub last_fetch: Option<std::time::SystemTime>,
}

impl SyncState {
    /// A short line for the window's status bar, e.g. "2 to send, 1 to take in; last sync 5 min ago".
    pub fn describe(&self, now: std::time::SystemTime) -> String {
        let mut parts = Vec::new();
        if self.uncommitted {
            parts.push("your work is not synced yet".to_owned());
        }
        if self.tracked {
            match (self.ahead, self.behind) {
                (0, 0) if !self.uncommitted => parts.push("up to date".to_owned()),
                (0, 0) => {}
                (a, 0) => parts.push(format!("{a} commit(s) to send")),
                (0, b) => parts.push(format!("{b} commit(s) to take in")),
                (a, b) => parts.push(format!("{a} to send, {b} to take in")),
            }
        } else {
            parts.push("never synced with a remote".to_owned());
        }
        let when = self.last_fetch.map_or_else(
            || "no sync yet".to_owned(),
            |t| {
                format!(
                    "last sync {}",
                    ago(now.duration_since(t).unwrap_or_default())
                )
            },
        );
        parts.push(when);
        parts.join("; ")
    }
}

/// "just now", "5 min ago", "3 h ago", "2 days ago".
fn ago(elapsed: std::time::Duration) -> String {
    let s = elapsed.as_secs();
    match s {
        0..60 => "just now".to_owned(),
        60..3600 => format!("{} min ago", s / 60),
        3600..86_400 => format!("{} h ago", s / 3600),
        _ => format!("{} days ago", s / 86_400),
    }
}

/// Where the clone `dir` stands against `remote` for `annotator`, from what git already
/// knows (the last fetch); nothing is fetched.
///
/// # Errors
/// When git cannot read the repository.
pub fn sync_state(dir: &Path, annotator: &str, remote: &str) -> Result<SyncState, ProjectError> {
    let relative = format!("{ANNOTATIONS_DIR}/{annotator}.json");
    let changed = git(dir, &["status", "--porcelain", "--", &relative])?;
    let branch = git(dir, &["rev-parse", "--abbrev-ref", "HEAD"])?
        .trim()
        .to_owned();
    let upstream = format!("{remote}/{branch}");
    let mut state = SyncState {
        uncommitted: !changed.trim().is_empty(),
        last_fetch: std::fs::metadata(dir.join(".git").join("FETCH_HEAD"))
            .and_then(|m| m.modified())
            .ok(),
        ..SyncState::default()
    };
    if git(dir, &["rev-parse", "--verify", "--quiet", &upstream]).is_ok() {
        let counts = git(
            dir,
            &[
                "rev-list",
                "--left-right",
                "--count",
                &format!("HEAD...{upstream}"),
            ],
        )?;
        let mut numbers = counts.split_whitespace().map(|n| n.parse().unwrap_or(0));
        state.tracked = true;
        state.ahead = numbers.next().unwrap_or(0);
        state.behind = numbers.next().unwrap_or(0);
    }
    Ok(state)
}
