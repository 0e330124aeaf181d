//! kill -9 at any moment loses nothing: the real binary is started writing (the window's
//! save and autosave through `taliq save-loop`, exports over existing files, an import over
//! an existing corpus, adjudication over an existing gold file) and killed with SIGKILL after
//! a random delay, many times. After every kill each file is, byte for byte, a complete
//! version the same command writes when left to finish (or the version it started from),
//! never a partial one; the only other files are hidden `.tmp` files that no listing of
//! taliq picks up, and the next complete run removes them.
//!
//! The delays are random (the seed is printed; `TALIQ_KILL9_SEED` repeats a run); nothing
//! here asserts a duration.

#![cfg(unix)]
#![allow(
    clippy::print_stderr,
    reason = "the seed, and how many kills fell mid-write, are printed for the record"
)]

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use taliq::format::{CorpusFile, LockInfo};
use taliq::model::{Corpus, Document};
use taliq::synth::{self, Rng};

const TALIQ: &str = env!("CARGO_BIN_EXE_taliq");

/// Every complete version a file may hold, by file name.
type Versions = BTreeMap<String, BTreeSet<Vec<u8>>>;

/// The random source of one test, seeded from the clock unless `TALIQ_KILL9_SEED` is set.
fn rng(test: &str) -> Rng {
    let seed = std::env::var("TALIQ_KILL9_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| {
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .expect("the clock is after 1970")
                .as_nanos() as u64
        });
    eprintln!("{test}: TALIQ_KILL9_SEED={seed}");
    Rng::new(seed)
}

fn taliq(args: &[&std::ffi::OsStr]) -> Command {
    let mut command = Command::new(TALIQ);
    command.args(args).stdin(Stdio::null());
    command
}

/// Runs a command to its end and insists that it succeeded.
fn run_to_end(mut command: Command) -> Duration {
    let start = Instant::now();
    let out = command.output().expect("taliq starts");
    assert!(
        out.status.success(),
        "{command:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    start.elapsed()
}

/// Starts `command`, waits for its `ready` line when `wait_ready`, lets it run for a random
/// time in `window`, and kills it with SIGKILL.
fn kill_midway(
    mut command: Command,
    wait_ready: bool,
    window: std::ops::Range<Duration>,
    rng: &mut Rng,
) {
    command.stdout(Stdio::piped()).stderr(Stdio::piped());
    let mut child = command.spawn().expect("taliq starts");
    if wait_ready {
        let mut line = String::new();
        BufReader::new(child.stdout.as_mut().expect("stdout is piped"))
            .read_line(&mut line)
            .expect("stdout reads");
        if line.trim() != "ready" {
            let out = child.wait_with_output().expect("taliq ends");
            panic!(
                "{command:?} did not start: {}",
                String::from_utf8_lossy(&out.stderr)
            );
        }
    }
    let spread = (window.end.saturating_sub(window.start)).as_micros().max(1) as usize;
    std::thread::sleep(window.start + Duration::from_micros(rng.below(spread) as u64));
    // std's kill is SIGKILL on Unix: no destructor, no flush, no cleanup runs.
    let _ = child.kill();
    child.wait().expect("taliq ends");
}

/// What a series of kills is about: the folder written, the versions its files may hold,
/// and a name for messages.
struct Target<'a> {
    dir: &'a Path,
    versions: &'a Versions,
    what: &'a str,
}

/// Kills `kills` runs of `command(i)` midway (see [`kill_midway`]) and checks the folder
/// after each; returns how many kills fell in the middle of a write.
fn kill_runs(
    target: &Target<'_>,
    kills: usize,
    wait_ready: bool,
    window: &std::ops::Range<Duration>,
    rng: &mut Rng,
    mut command: impl FnMut(usize) -> Command,
) -> usize {
    let mut mid_write = 0;
    for i in 0..kills {
        kill_midway(command(i), wait_ready, window.clone(), rng);
        let what = format!("{} kill {i}", target.what);
        let temps = check_after_kill(target.dir, target.versions, &what);
        mid_write += usize::from(temps > 0);
    }
    eprintln!(
        "{}: {mid_write} of {kills} kills fell in the middle of a write",
        target.what
    );
    mid_write
}

/// The second half of a command's run time (and a little after), where a command that
/// reads and computes first does its writing.
fn late_half(run: Duration) -> std::ops::Range<Duration> {
    run / 2..run + run / 10
}

/// The files of `dir` and below, by path relative to `dir`.
fn files_in(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    let mut found = BTreeMap::new();
    let mut folders = vec![dir.to_path_buf()];
    while let Some(folder) = folders.pop() {
        for entry in fs::read_dir(&folder).expect("the folder lists") {
            let path = entry.expect("the folder lists").path();
            if path.is_dir() {
                folders.push(path);
            } else {
                let name = path
                    .strip_prefix(dir)
                    .expect("a path under the folder")
                    .to_string_lossy()
                    .into_owned();
                found.insert(name, fs::read(&path).expect("the file reads"));
            }
        }
    }
    found
}

/// A temporary file, or a file inside a temporary folder (a brat folder being written whole).
fn is_temp(name: &str) -> bool {
    name.split('/').any(|part| {
        part.starts_with('.') && Path::new(part).extension().is_some_and(|e| e == "tmp")
    })
}

fn is_lock(name: &str) -> bool {
    let file = name.rsplit('/').next().unwrap_or(name);
    file.starts_with('.') && file.ends_with(".taliq-lock")
}

/// Checks every file of `dir` after a kill: data files hold a complete version, locks are
/// complete, temporary files are invisible to taliq's listings. Returns how many temporary
/// files the kill left (the kill fell in the middle of a write).
fn check_after_kill(dir: &Path, versions: &Versions, what: &str) -> usize {
    let mut temps = 0;
    for (name, bytes) in files_in(dir) {
        if is_temp(&name) {
            temps += 1;
        } else if is_lock(&name) {
            serde_json::from_slice::<LockInfo>(&bytes)
                .unwrap_or_else(|e| panic!("{what}: {name} is not a whole lock ({e})"));
        } else {
            let allowed = versions
                .get(&name)
                .unwrap_or_else(|| panic!("{what}: unexpected file {name}"));
            assert!(
                allowed.contains(&bytes),
                "{what}: {name} is none of its {} complete versions ({} bytes)",
                allowed.len(),
                bytes.len()
            );
        }
    }
    assert_listings_skip_temporaries(dir, what);
    temps
}

/// No folder listing of taliq (imports of every format, text files) returns a temporary file.
fn assert_listings_skip_temporaries(dir: &Path, what: &str) {
    let mut folders = vec![dir.to_path_buf()];
    folders.extend(
        fs::read_dir(dir)
            .expect("the folder lists")
            .map(|e| e.expect("the folder lists").path())
            // A staging folder is not data a user points taliq at; listings of `dir` must
            // not descend into it (checked below by the listed file's whole path).
            .filter(|p| {
                p.is_dir() && !is_temp(&p.file_name().unwrap_or_default().to_string_lossy())
            }),
    );
    let extensions = ["json", "jsonl", "conll", "txt", "ann", "tmp"];
    for folder in folders {
        let listed =
            taliq::interchange::collect_files(std::slice::from_ref(&folder), &extensions[..5])
                .expect("the folder lists")
                .into_iter()
                .chain(
                    taliq::interchange::plain_text::collect_txt_files(&[folder])
                        .unwrap_or_default(),
                );
        for file in listed {
            let name = file
                .strip_prefix(dir)
                .unwrap_or(&file)
                .to_string_lossy()
                .into_owned();
            assert!(
                !is_temp(&name) && !is_lock(&name),
                "{what}: a listing picked up {name}"
            );
        }
    }
}

/// Every file of the folder after a complete run: no temporary file is left.
fn assert_no_temporaries(dir: &Path, what: &str) {
    let temps: Vec<String> = files_in(dir).into_keys().filter(|n| is_temp(n)).collect();
    assert!(temps.is_empty(), "{what}: left behind {temps:?}");
}

fn add(versions: &mut Versions, dir: &Path) {
    for (name, bytes) in files_in(dir) {
        if !is_temp(&name) && !is_lock(&name) {
            versions.entry(name).or_default().insert(bytes);
        }
    }
}

/// Runs each command to its end, collecting every version the files of `dir` take, and
/// how long the longest run took.
fn learn_versions(dir: &Path, commands: impl Iterator<Item = Command>) -> (Versions, Duration) {
    let mut versions = Versions::new();
    let mut longest = Duration::ZERO;
    for command in commands {
        longest = longest.max(run_to_end(command));
        add(&mut versions, dir);
    }
    (versions, longest)
}

fn write_corpus(path: &Path, corpus: &Corpus) {
    CorpusFile::create(path, corpus, true).expect("the corpus is written");
}

#[test]
fn killing_the_windows_save_and_autosave_never_leaves_a_partial_file() {
    let mut rng = rng("save");
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("مقالات.json");
    write_corpus(&path, &synth::corpus(80, 3000, 20, 11));
    // The complete versions: the corpus as it started, then after each round of the loop
    // (it toggles one status, so the third round gives the first round's bytes again).
    let mut versions = Versions::new();
    add(&mut versions, dir.path());
    let round = |n: &str| {
        let mut command = taliq(&[
            "save-loop".as_ref(),
            path.as_os_str(),
            "--rounds".as_ref(),
            n.as_ref(),
        ]);
        command.stdout(Stdio::null());
        run_to_end(command)
    };
    round("1");
    add(&mut versions, dir.path());
    round("1");
    add(&mut versions, dir.path());
    let name = path.file_name().unwrap().to_string_lossy().into_owned();
    let corpus_versions = versions[&name].clone();
    // Three rounds take long enough for a kill to land anywhere in one.
    let window = round("3");
    add(&mut versions, dir.path());
    assert!(
        versions[&name] == corpus_versions,
        "the loop only ever writes these {} versions",
        corpus_versions.len()
    );
    // The autosave's recovery file holds the same bytes as the save after it.
    versions.insert("مقالات.recovery.json".to_owned(), corpus_versions.clone());
    versions.insert(format!("{name}.bak"), corpus_versions);

    let target = Target {
        dir: dir.path(),
        versions: &versions,
        what: "save",
    };
    let mid_write = kill_runs(
        &target,
        80,
        true,
        &(Duration::ZERO..window),
        &mut rng,
        |_| taliq(&["save-loop".as_ref(), path.as_os_str()]),
    );
    assert!(
        mid_write > 0,
        "no kill fell in a write: the test tested nothing"
    );
    // The next save (taking over the dead process's lock) cleans up, and releases its lock.
    round("1");
    check_after_kill(dir.path(), &versions, "after the kills");
    assert_no_temporaries(dir.path(), "the next save");
    assert!(!taliq::format::lock_path(&path).exists(), "lock released");
}

/// Two corpora over the same kind of text, to export and import alternately.
fn two_corpora(dir: &Path) -> [PathBuf; 2] {
    let a = dir.join("a.json");
    let b = dir.join("b.json");
    write_corpus(&a, &synth::corpus(40, 3000, 25, 21));
    write_corpus(&b, &synth::corpus(40, 3000, 25, 22));
    [a, b]
}

#[test]
fn killing_an_export_over_existing_files_never_leaves_a_partial_file() {
    let mut rng = rng("export");
    let inputs = tempfile::tempdir().unwrap();
    let sources = two_corpora(inputs.path());
    for (format, out_name) in [
        ("jsonl", "out.jsonl"),
        ("conll", "out.conll"),
        ("brat", "brat"),
    ] {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join(out_name);
        let export = |source: &Path| {
            taliq(&[
                "export".as_ref(),
                source.as_os_str(),
                "--format".as_ref(),
                format.as_ref(),
                "--out".as_ref(),
                out.as_os_str(),
                "--force".as_ref(),
            ])
        };
        let (versions, window) = learn_versions(dir.path(), sources.iter().map(|s| export(s)));
        let target = Target {
            dir: dir.path(),
            versions: &versions,
            what: format,
        };
        kill_runs(&target, 10, false, &late_half(window), &mut rng, |i| {
            export(&sources[i % 2])
        });
        run_to_end(export(&sources[0]));
        assert_no_temporaries(dir.path(), format);
    }
}

#[test]
fn killing_an_import_over_an_existing_corpus_never_leaves_a_partial_file() {
    let mut rng = rng("import");
    let inputs = tempfile::tempdir().unwrap();
    let mut folders = Vec::new();
    for (k, seed) in [(0, 31), (1, 32)] {
        let folder = inputs.path().join(format!("texts{k}"));
        fs::create_dir(&folder).unwrap();
        let mut text_rng = Rng::new(seed);
        for i in 0..60 {
            let (text, _) = synth::article(&mut text_rng, 4000);
            fs::write(folder.join(format!("مقال-{i:03}.txt")), text).unwrap();
        }
        folders.push(folder);
    }
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("corpus.json");
    let import = |folder: &Path| {
        taliq(&[
            "import".as_ref(),
            "--format".as_ref(),
            "txt".as_ref(),
            folder.as_os_str(),
            "--out".as_ref(),
            out.as_os_str(),
            "--force".as_ref(),
        ])
    };
    let (mut versions, window) = learn_versions(dir.path(), folders.iter().map(|f| import(f)));
    // The backup holds whichever version was there before.
    let corpus_versions = versions["corpus.json"].clone();
    versions.insert("corpus.json.bak".to_owned(), corpus_versions);
    let target = Target {
        dir: dir.path(),
        versions: &versions,
        what: "import",
    };
    kill_runs(&target, 16, false, &late_half(window), &mut rng, |i| {
        import(&folders[i % 2])
    });
    run_to_end(import(&folders[0]));
    assert_no_temporaries(dir.path(), "the next import");
}

#[test]
fn killing_adjudication_over_an_existing_gold_file_never_leaves_a_partial_file() {
    let mut rng = rng("adjudicate");
    let inputs = tempfile::tempdir().unwrap();
    // Two annotators over the same texts: amal, and omar who kept every other span of hers.
    let amal = synth::corpus(60, 3000, 20, 41);
    let mut omar = amal.clone();
    omar.annotator = Some("omar".to_owned());
    for doc in &mut omar.documents {
        let kept: Vec<_> = doc.spans().iter().step_by(2).cloned().collect();
        *doc = Document::new(doc.id.clone(), doc.text().to_owned());
        for span in kept {
            doc.add_span(span).unwrap();
        }
    }
    let amal_path = inputs.path().join("amal.json");
    let amal_again = inputs.path().join("amal-again.json");
    let omar_path = inputs.path().join("omar.json");
    write_corpus(&amal_path, &amal);
    write_corpus(&amal_again, &amal);
    write_corpus(&omar_path, &omar);
    let dir = tempfile::tempdir().unwrap();
    let gold = dir.path().join("gold.json");
    let adjudicate = |second: &Path| {
        taliq(&[
            "adjudicate".as_ref(),
            amal_path.as_os_str(),
            second.as_os_str(),
            "--gold".as_ref(),
            gold.as_os_str(),
        ])
    };
    // The old gold: what amal and omar agree on. The new: all of amal's, agreed with herself.
    run_to_end(adjudicate(&omar_path));
    let old = fs::read(&gold).unwrap();
    let window = run_to_end(adjudicate(&amal_again));
    let new = fs::read(&gold).unwrap();
    assert_ne!(old, new);
    let both: BTreeSet<Vec<u8>> = [old.clone(), new].into();
    let versions: Versions = [
        ("gold.json".to_owned(), both.clone()),
        ("gold.json.bak".to_owned(), both),
    ]
    .into();
    let target = Target {
        dir: dir.path(),
        versions: &versions,
        what: "adjudicate",
    };
    kill_runs(&target, 16, false, &late_half(window), &mut rng, |_| {
        // Each run starts from the old gold file.
        fs::write(&gold, &old).expect("the old gold is written");
        adjudicate(&amal_again)
    });
    run_to_end(adjudicate(&amal_again));
    assert_no_temporaries(dir.path(), "the next adjudication");
}
