//! The shape of the code, checked: what issue #22 made of `src/app/` stays so.

use std::path::{Path, PathBuf};

/// Every `.rs` file under `dir`, recursively.
fn rust_files(dir: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).expect("a source folder") {
            let path = entry.expect("a folder entry").path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                files.push(path);
            }
        }
    }
    files.sort();
    files
}

#[test]
fn keys_are_handled_only_through_the_key_table() {
    // The key table and its dispatch live in src/app/input; the text widgets (the bidi
    // field) handle their own editing keys as egui's TextEdit does. Anywhere else a key
    // must come from a row of `input::keymap::KEYMAP`.
    let allowed = [Path::new("src/app/input"), Path::new("src/app/widgets")];
    let patterns = [
        "Key::",
        "consume_key",
        "key_pressed",
        "consume_shortcut",
        "Modifiers::",
        "key_down",
    ];
    let mut found = Vec::new();
    for file in rust_files(Path::new("src/app")) {
        if allowed.iter().any(|a| file.starts_with(a)) {
            continue;
        }
        let text = std::fs::read_to_string(&file).expect("a source file");
        for (n, line) in text.lines().enumerate() {
            if line.trim_start().starts_with("//") {
                continue;
            }
            if let Some(p) = patterns.iter().find(|p| line.contains(**p)) {
                found.push(format!("{}:{}: {p}", file.display(), n + 1));
            }
        }
    }
    assert!(
        found.is_empty(),
        "keys handled outside the key table:\n{}",
        found.join("\n")
    );
}
