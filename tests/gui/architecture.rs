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

/// A source file of `src/app` with its module path (`["app", "review", "panel"]`).
struct Module {
    file: PathBuf,
    path: Vec<String>,
    /// The source without comments, module declarations and its test module.
    code: String,
    /// Names declared as child modules (`mod x;`), for a `mod.rs`.
    children: Vec<String>,
}

fn module_path(file: &Path) -> Vec<String> {
    let rel = file
        .strip_prefix("src")
        .expect("under src")
        .with_extension("");
    let mut parts: Vec<String> = rel
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    if parts.last().is_some_and(|p| p == "mod") {
        parts.pop();
    }
    parts
}

fn read_module(file: PathBuf) -> Module {
    let raw = std::fs::read_to_string(&file).expect("a source file");
    let before_tests = raw.split("#[cfg(test)]").next().unwrap_or_default();
    let mut children = Vec::new();
    let mut code = String::new();
    for line in before_tests.lines() {
        let t = line.trim_start();
        if t.starts_with("//") {
            continue;
        }
        let declared = t
            .trim_start_matches("pub(crate) ")
            .trim_start_matches("pub ")
            .strip_prefix("mod ")
            .and_then(|rest| rest.strip_suffix(';'));
        if let Some(name) = declared {
            children.push(name.to_owned());
            continue;
        }
        code.push_str(line.split(" //").next().unwrap_or(line));
        code.push('\n');
    }
    Module {
        path: module_path(&file),
        file,
        code,
        children,
    }
}

/// The paths named after `prefix` in `code` (`crate::app::a::b`, `super::{a, b::c}`),
/// each as its segments, groups expanded one level.
fn paths_after(code: &str, prefix: &str) -> Vec<Vec<String>> {
    let ident = |c: char| c.is_alphanumeric() || c == '_';
    let mut found = Vec::new();
    for (at, _) in code.match_indices(prefix) {
        if code[..at].ends_with(|c: char| ident(c) || c == ':') {
            continue;
        }
        let rest = &code[at + prefix.len()..];
        let mut base = Vec::new();
        let mut tail = rest;
        loop {
            let name: String = tail.chars().take_while(|c| ident(*c)).collect();
            if name.is_empty() {
                break;
            }
            tail = &tail[name.len()..];
            base.push(name);
            match tail.strip_prefix("::") {
                Some(t) => tail = t,
                None => break,
            }
        }
        if let Some(group) = tail.strip_prefix('{') {
            let group = group.split('}').next().unwrap_or_default();
            for item in group.split(',') {
                let mut path = base.clone();
                path.extend(
                    item.trim()
                        .split("::")
                        .map(|s| s.split(" as ").next().unwrap_or(s).trim().to_owned())
                        .filter(|s| !s.is_empty() && s != "self"),
                );
                found.push(path);
            }
        } else if !base.is_empty() {
            found.push(base);
        }
    }
    found
}

/// The module files the code of `src/app` imports from one another, by file.
fn app_imports() -> (Vec<Module>, Vec<Vec<usize>>) {
    let modules: Vec<Module> = rust_files(Path::new("src/app"))
        .into_iter()
        .map(read_module)
        .collect();
    let index = |path: &[String]| modules.iter().position(|m| m.path == path);
    // `pub use x::{a, b}` in a folder's mod.rs: where each re-exported name comes from.
    let mut reexports = std::collections::HashMap::new();
    for m in modules.iter().filter(|m| m.file.ends_with("mod.rs")) {
        for statement in m.code.split(';') {
            let statement = statement.replace('\n', " ");
            let Some(rest) = statement.trim().strip_prefix("pub use ") else {
                continue;
            };
            for path in paths_after(&format!("\u{1}{rest}"), "\u{1}") {
                let mut full = if path.first().is_some_and(|p| p == "crate") {
                    path[1..].to_vec()
                } else {
                    [m.path.clone(), path].concat()
                };
                let name = full.last().cloned().unwrap_or_default();
                if full.len() > 1 {
                    reexports.insert((m.path.clone(), name), std::mem::take(&mut full));
                }
            }
        }
    }
    let resolve = |path: &[String]| -> Option<usize> {
        let mut path = path.to_vec();
        for _ in 0..5 {
            let k = (1..=path.len())
                .rev()
                .find(|&k| index(&path[..k]).is_some())?;
            match path
                .get(k)
                .and_then(|name| reexports.get(&(path[..k].to_vec(), name.clone())))
            {
                Some(target) => path = [target.clone(), path[k + 1..].to_vec()].concat(),
                None => return index(&path[..k]),
            }
        }
        None
    };
    let mut edges = vec![Vec::new(); modules.len()];
    for (i, m) in modules.iter().enumerate() {
        let mut targets: Vec<Vec<String>> = paths_after(&m.code, "crate::app::")
            .into_iter()
            .map(|p| [vec!["app".to_owned()], p].concat())
            .collect();
        // `super::` from a module is its parent; several climb further.
        for (at, _) in m.code.match_indices("super::") {
            if m.code[..at].ends_with("super::") {
                continue;
            }
            let rest = &m.code[at..];
            let ups = rest.matches("super::").count().min(
                rest.split(|c: char| !(c.is_alphanumeric() || c == '_' || c == ':'))
                    .next()
                    .unwrap_or_default()
                    .matches("super::")
                    .count(),
            );
            let base = &m.path[..m.path.len().saturating_sub(ups)];
            let after = &rest["super::".len() * ups..];
            for p in paths_after(&format!("\u{1}{after}"), "\u{1}") {
                targets.push([base.to_vec(), p].concat());
            }
        }
        for child in &m.children {
            for p in paths_after(&m.code, &format!("{child}::")) {
                targets.push([m.path.clone(), vec![child.clone()], p].concat());
            }
        }
        for t in targets {
            if let Some(j) = resolve(&t).filter(|j| *j != i) {
                edges[i].push(j);
            }
        }
    }
    (modules, edges)
}

/// Strongly connected components of more than one file (Tarjan).
fn cycles(edges: &[Vec<usize>]) -> Vec<Vec<usize>> {
    struct Walk<'a> {
        edges: &'a [Vec<usize>],
        index: Vec<Option<usize>>,
        low: Vec<usize>,
        stack: Vec<usize>,
        on_stack: Vec<bool>,
        next: usize,
        found: Vec<Vec<usize>>,
    }
    fn visit(w: &mut Walk<'_>, v: usize) {
        w.index[v] = Some(w.next);
        w.low[v] = w.next;
        w.next += 1;
        w.stack.push(v);
        w.on_stack[v] = true;
        for &u in &w.edges[v] {
            match w.index[u] {
                None => {
                    visit(w, u);
                    w.low[v] = w.low[v].min(w.low[u]);
                }
                Some(i) if w.on_stack[u] => w.low[v] = w.low[v].min(i),
                Some(_) => {}
            }
        }
        if Some(w.low[v]) == w.index[v] {
            let mut component = Vec::new();
            while let Some(u) = w.stack.pop() {
                w.on_stack[u] = false;
                component.push(u);
                if u == v {
                    break;
                }
            }
            if component.len() > 1 {
                w.found.push(component);
            }
        }
    }
    let n = edges.len();
    let mut w = Walk {
        edges,
        index: vec![None; n],
        low: vec![0; n],
        stack: Vec::new(),
        on_stack: vec![false; n],
        next: 0,
        found: Vec::new(),
    };
    for v in 0..n {
        if w.index[v].is_none() {
            visit(&mut w, v);
        }
    }
    w.found
}

/// The folder of `src/app` a module belongs to (`review`), or `app` for the root's files.
fn folder(module: &Module) -> &str {
    if module.file.parent() == Some(Path::new("src/app")) {
        "app"
    } else {
        &module.path[1]
    }
}

#[test]
fn no_import_cycle_crosses_a_folder_of_the_window() {
    let (modules, edges) = app_imports();
    assert!(
        edges.iter().map(Vec::len).sum::<usize>() > 200,
        "the imports were read"
    );
    let crossing: Vec<Vec<String>> = cycles(&edges)
        .into_iter()
        .filter(|c| {
            let first = folder(&modules[c[0]]);
            c.iter().any(|&i| folder(&modules[i]) != first)
        })
        .map(|c| {
            c.iter()
                .map(|&i| modules[i].file.display().to_string())
                .collect()
        })
        .collect();
    assert!(
        crossing.is_empty(),
        "import cycles across folders: {crossing:#?}"
    );
}

#[test]
fn the_cycle_check_finds_a_cycle_through_two_folders() {
    // The check itself: a feature panel that took the whole app (`&mut TaliqApp`, from the
    // frame that draws the panel) would close a cycle.
    let mut edges = vec![vec![1], vec![2], vec![0], vec![]];
    assert_eq!(cycles(&edges).len(), 1);
    edges[2].clear();
    assert!(cycles(&edges).is_empty());
}

#[test]
fn features_never_see_the_whole_app() {
    // Views of the features get a `PanelContext`; the frame (shell, input, the app) holds
    // the app.
    let features = [
        "annotate",
        "relations",
        "labels",
        "review",
        "suggest",
        "project",
        "welcome",
    ];
    let (modules, _) = app_imports();
    let leaks: Vec<String> = modules
        .iter()
        .filter(|m| features.contains(&folder(m)) && m.code.contains("TaliqApp"))
        .map(|m| m.file.display().to_string())
        .collect();
    assert!(leaks.is_empty(), "features using TaliqApp: {leaks:?}");
}

#[test]
fn no_file_is_long_without_saying_why() {
    // ~600 lines of code (blank and comment lines aside) is where a file should be split
    // along its concepts; a longer one says why at its top ("long because").
    let mut long = Vec::new();
    for file in rust_files(Path::new("src")) {
        let text = std::fs::read_to_string(&file).expect("a source file");
        let code = text
            .lines()
            .filter(|l| !l.trim().is_empty() && !l.trim_start().starts_with("//"))
            .count();
        if code > 600 && !text.lines().take(20).any(|l| l.contains("long because")) {
            long.push(format!("{}: {code} lines of code", file.display()));
        }
    }
    assert!(long.is_empty(), "{long:#?}");
}
