//! `taliq generate`: the manual pages and completions cover every subcommand clap knows,
//! found by walking clap's own command tree (a new subcommand is checked without a word here).

use std::fs;
use std::path::Path;

use clap::CommandFactory as _;

use crate::support::{stderr, stdout, taliq};

/// Every visible subcommand as its path of names from the top: `["project", "init"]`, …
fn visible_subcommands() -> Vec<Vec<String>> {
    fn walk(command: &clap::Command, above: &[String], into: &mut Vec<Vec<String>>) {
        for sub in command.get_subcommands().filter(|s| !s.is_hide_set()) {
            let mut path = above.to_vec();
            path.push(sub.get_name().to_owned());
            walk(sub, &path, into);
            into.push(path);
        }
    }
    let mut all = Vec::new();
    walk(&taliq::cli::Cli::command(), &[], &mut all);
    all
}

#[test]
fn the_manual_has_a_page_for_every_subcommand_named_by_its_parent() {
    let dir = tempfile::tempdir().unwrap();
    let out = taliq(&["generate", "man", "--out", "man"], dir.path());
    assert!(out.status.success(), "{}", stderr(&out));
    let man = dir.path().join("man");
    let page = |name: &str| {
        fs::read_to_string(man.join(format!("{name}.1")))
            .unwrap_or_else(|e| panic!("no page {name}.1: {e}"))
    };
    let subcommands = visible_subcommands();
    assert!(subcommands.len() > 20, "{subcommands:?}");
    for path in &subcommands {
        let name = format!("taliq-{}", path.join("-"));
        let page_text = page(&name);
        assert!(page_text.contains(".TH"), "{name}.1 is no manual page");
        let parent = if path.len() == 1 {
            "taliq".to_owned()
        } else {
            format!("taliq-{}", path[..path.len() - 1].join("-"))
        };
        // roff escapes the dashes of names: taliq\-project\-init(1).
        assert!(
            page(&parent).contains(&format!("{}(1)", name.replace('-', "\\-"))),
            "{parent}.1 does not name {name}(1)"
        );
    }
    // The hidden test hook is no part of the manual.
    assert!(!man.join("taliq-save-loop.1").exists());
    let listed = stdout(&out);
    assert_eq!(listed.lines().count(), subcommands.len() + 1, "{listed}");
}

#[test]
fn every_shells_completions_name_every_subcommand() {
    let dir = tempfile::tempdir().unwrap();
    for (shell, file) in [
        ("bash", "taliq.bash"),
        ("zsh", "_taliq"),
        ("fish", "taliq.fish"),
        ("powershell", "_taliq.ps1"),
    ] {
        let out = taliq(
            &["generate", "completions", shell, "--out", "c"],
            dir.path(),
        );
        assert!(out.status.success(), "{shell}: {}", stderr(&out));
        let path = Path::new("c").join(file);
        assert_eq!(stdout(&out).trim(), path.display().to_string());
        let script = fs::read_to_string(dir.path().join(path)).unwrap();
        for sub in visible_subcommands() {
            let name = sub.last().unwrap();
            assert!(script.contains(name.as_str()), "{shell}: no {name}");
        }
        // A flag of a nested subcommand too: the completions go all the way down.
        assert!(script.contains("annotators"), "{shell}: no --annotators");
    }
}

#[test]
fn completions_print_to_standard_output_without_a_folder() {
    let dir = tempfile::tempdir().unwrap();
    let out = taliq(&["generate", "completions", "bash"], dir.path());
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).contains("_taliq()"), "{}", stdout(&out));
    let out = taliq(&["generate", "man"], dir.path());
    assert!(stdout(&out).starts_with(".ie"), "{}", stdout(&out));
}

#[test]
fn a_folder_that_cannot_be_made_is_reported_with_its_path() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("file"), "").unwrap();
    let out = taliq(&["generate", "man", "--out", "file/man"], dir.path());
    assert_eq!(out.status.code(), Some(1));
    let error = stderr(&out);
    assert!(
        error.contains(&format!(
            "cannot make the folder {}",
            Path::new("file/man").display()
        )),
        "{error}"
    );
}
