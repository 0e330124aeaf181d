//! Saving: round trips, byte-stable output, backups, never losing data, and the lock that
//! keeps two windows from writing one file.

use std::fs;

use taliq::annotate::selection::Selection;
use taliq::app::AppState;
use taliq::format::{
    CorpusFile, Form, LoadError, LockInfo, SaveError, parse_corpus, read_lock, write_corpus,
};
use taliq::model::{CharRange, Span};

const WITH_EXTRAS: &str = r##"{
  "format": "taliq-corpus", "version": 1, "annotator": "amal",
  "project": {"name": "ankara-talks", "round": 2},
  "labels": [{"name": "PER", "color": "#E6194B", "key": "1", "description": "شخص", "x-shortcut-help": "press 1"},
             {"name": "LOC", "color": "#3cb44b"}],
  "documents": [
    {"id": "d2", "text": "زار لافروف أنقرة.\r\nثم عاد", "meta": {"title": "زيارة", "tags": ["a", 1, null, 2.5]},
     "status": "done", "reviewer_note": "ok",
     "spans": [{"start": 11, "end": 16, "label": "LOC", "confidence": 0.9},
               {"start": 4, "end": 10, "label": "PER", "annotator": "omar"}]},
    {"id": "d1", "text": "نص بلا وسوم"}
  ]
}"##;

#[test]
fn load_save_load_is_identical_and_second_save_is_byte_identical() {
    for form in [Form::Json, Form::Jsonl] {
        let corpus = parse_corpus(WITH_EXTRAS.as_bytes(), Form::Json).unwrap();
        let first = write_corpus(&corpus, form);
        let again = parse_corpus(first.as_bytes(), form).unwrap();
        assert_eq!(again, corpus, "{form:?}");
        assert_eq!(write_corpus(&again, form), first, "{form:?}");
    }
}

#[test]
fn unknown_fields_and_meta_survive_in_place() {
    let corpus = parse_corpus(WITH_EXTRAS.as_bytes(), Form::Json).unwrap();
    let saved = write_corpus(&corpus, Form::Json);
    let value: serde_json::Value = serde_json::from_str(&saved).unwrap();
    assert_eq!(value["project"]["round"], 2);
    assert_eq!(value["labels"][0]["x-shortcut-help"], "press 1");
    let d2 = &value["documents"][0];
    assert_eq!(d2["reviewer_note"], "ok");
    assert_eq!(d2["meta"]["tags"], serde_json::json!(["a", 1, null, 2.5]));
    assert_eq!(
        d2["text"], "زار لافروف أنقرة.\r\nثم عاد",
        "line endings are kept as they are"
    );
    // Spans are saved in order, each with its text and its unknown fields.
    assert_eq!(
        d2["spans"][0],
        serde_json::json!({"start": 4, "end": 10, "label": "PER", "text": "لافروف", "annotator": "omar"})
    );
    assert_eq!(d2["spans"][1]["confidence"], 0.9);
    assert_eq!(d2["spans"][1]["text"], "أنقرة");
    // Document order is the file's, not sorted by id.
    assert_eq!(value["documents"][1]["id"], "d1");
    assert_eq!(value["labels"][0]["color"], "#e6194b");
}

#[test]
fn saved_layout_is_one_label_and_one_span_per_line() {
    let corpus = parse_corpus(WITH_EXTRAS.as_bytes(), Form::Json).unwrap();
    let saved = write_corpus(&corpus, Form::Json);
    let lines: Vec<&str> = saved.lines().collect();
    assert_eq!(lines[0], "{");
    assert_eq!(lines[1], "  \"format\": \"taliq-corpus\",");
    assert!(
        lines
            .iter()
            .any(|l| l.trim_start().starts_with("{\"name\": \"LOC\""))
    );
    let span_lines = lines
        .iter()
        .filter(|l| l.trim_start().starts_with("{\"start\":"))
        .count();
    assert_eq!(span_lines, 2);
}

#[test]
fn adding_a_span_changes_exactly_one_line() {
    let mut corpus = parse_corpus(WITH_EXTRAS.as_bytes(), Form::Json).unwrap();
    let before = write_corpus(&corpus, Form::Json);
    corpus.documents[0]
        .add_span(Span::new(CharRange::new(0, 3).unwrap(), "PER"))
        .unwrap();
    let after = write_corpus(&corpus, Form::Json);
    let (b, a): (Vec<_>, Vec<_>) = (before.lines().collect(), after.lines().collect());
    assert_eq!(a.len(), b.len() + 1);
    let added: Vec<_> = a.iter().filter(|l| !b.contains(l)).collect();
    assert_eq!(
        added,
        [&r#"        {"start": 0, "end": 3, "label": "PER", "text": "زار"},"#]
    );
    let removed = b.iter().filter(|l| !a.contains(l)).count();
    assert_eq!(removed, 0);
}

#[test]
fn save_is_atomic_keeps_backup_and_refuses_files_changed_on_disk() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("corpus.json");
    fs::write(&path, WITH_EXTRAS).unwrap();
    let (mut file, mut corpus) = CorpusFile::open(&path).unwrap();
    corpus.documents[1].status = taliq::model::Status::InProgress;
    file.save(&corpus).unwrap();
    assert_eq!(
        fs::read_to_string(dir.path().join("corpus.json.bak")).unwrap(),
        WITH_EXTRAS
    );
    let saved = fs::read_to_string(&path).unwrap();
    assert_eq!(taliq::format::load(&path).unwrap(), corpus);

    // Someone else edits the file: our next save must not silently overwrite it.
    fs::write(&path, saved.replace("نص بلا وسوم", "نص آخر")).unwrap();
    corpus.documents[1].status = taliq::model::Status::Done;
    let err = file.save(&corpus).unwrap_err();
    assert!(matches!(err, SaveError::ChangedOnDisk { .. }), "{err}");
    assert!(fs::read_to_string(&path).unwrap().contains("نص آخر"));
    // Overwriting on purpose still works and keeps their version as the backup.
    file.overwrite(&corpus).unwrap();
    assert!(
        fs::read_to_string(dir.path().join("corpus.json.bak"))
            .unwrap()
            .contains("نص آخر")
    );
}

#[test]
fn a_file_that_failed_to_load_is_left_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("broken.json");
    let broken = WITH_EXTRAS.replace("\"end\": 16", "\"end\": 99");
    fs::write(&path, &broken).unwrap();
    let err = CorpusFile::open(&path).unwrap_err();
    let LoadError::Invalid { diagnostics, .. } = &err else {
        panic!("{err}")
    };
    assert_eq!(diagnostics.len(), 1);
    assert!(
        err.to_string()
            .contains("broken.json: document \"d2\" (#0), span 0"),
        "{err}"
    );
    // The only way to write there again is to create a new file, which refuses to replace it.
    let corpus = parse_corpus(WITH_EXTRAS.as_bytes(), Form::Json).unwrap();
    assert!(matches!(
        CorpusFile::create(&path, &corpus, false),
        Err(SaveError::Exists { .. })
    ));
    assert_eq!(fs::read_to_string(&path).unwrap(), broken);
    assert!(!dir.path().join("broken.json.bak").exists());
}

#[test]
fn jsonl_files_are_read_and_written_as_jsonl() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("corpus.jsonl");
    let corpus = parse_corpus(WITH_EXTRAS.as_bytes(), Form::Json).unwrap();
    CorpusFile::create(&path, &corpus, false).unwrap();
    let text = fs::read_to_string(&path).unwrap();
    let lines: Vec<_> = text.lines().collect();
    assert_eq!(lines.len(), 3, "a header and one line per document");
    assert!(
        lines[0]
            .starts_with(r#"{"format": "taliq-corpus", "version": 1, "offset_unit": "codepoint""#)
    );
    assert!(lines[1].starts_with(r#"{"id": "d2""#));
    assert_eq!(taliq::format::load(&path).unwrap(), corpus);
}

/// A corpus file in a fresh folder, and the folder.
fn corpus_file(name: &str) -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let path = dir.path().join(name);
    fs::write(&path, WITH_EXTRAS).expect("the corpus is written");
    (dir, path)
}

/// Labels زار, the first word of the first document, as PER: an edit of the window.
fn label_first_word(state: &mut AppState) {
    state.selection = Selection::new(0, 3);
    state.apply_label("PER");
}

fn lock_token(path: &std::path::Path) -> Option<String> {
    read_lock(path)
        .expect("the lock reads")
        .map(|holder| holder.token)
}

#[test]
fn a_second_window_on_a_file_opens_it_read_only_and_cannot_save_over_the_first() {
    let (dir, path) = corpus_file("مقالات.json");
    let mut first = AppState::open(&path).unwrap();
    assert!(!first.is_read_only(), "{}", first.message);
    let holder = read_lock(&path)
        .unwrap()
        .expect("the first window locked the file");
    assert_eq!(
        (holder.owner.as_str(), holder.pid),
        ("amal", std::process::id())
    );

    let mut second = AppState::open(&path).unwrap();
    assert!(second.is_read_only());
    assert_eq!(second.lock_holder(), Some(&holder));
    assert!(
        second.message.starts_with("read-only: amal (pid "),
        "{}",
        second.message
    );
    // Edits are refused with a message, and nothing changes.
    label_first_word(&mut second);
    assert!(second.corpus.documents[0].spans().len() == 2 && !second.history.is_dirty());
    assert!(
        second.message.contains("has this file open"),
        "{}",
        second.message
    );
    let before = fs::read(&path).unwrap();
    let err = second.save().unwrap_err();
    assert!(matches!(err, SaveError::Locked { .. }), "{err}");
    assert!(
        err.to_string().contains("is open in another window: amal"),
        "{err}"
    );
    assert_eq!(fs::read(&path).unwrap(), before, "nothing written");

    // The first window edits and saves as usual.
    label_first_word(&mut first);
    first.save().unwrap();
    assert_eq!(
        taliq::format::load(&path).unwrap().documents[0]
            .spans()
            .len(),
        3
    );

    // Closing the read-only window leaves the first window's lock alone.
    drop(second);
    assert_eq!(lock_token(&path), Some(holder.token.clone()));
    // Save As from a read-only window writes elsewhere and makes that file its own.
    let mut third = AppState::open(&path).unwrap();
    assert!(third.is_read_only());
    let copy = dir.path().join("نسخة.json");
    third.save_as(&copy, false).unwrap();
    assert!(!third.is_read_only());
    assert!(read_lock(&copy).unwrap().is_some());
    // …but not onto a file another window holds.
    let err = third.save_as(&path, true).unwrap_err();
    assert!(matches!(err, SaveError::Locked { .. }), "{err}");
    drop(third);
    assert!(
        !taliq::format::lock_path(&copy).exists(),
        "released on close"
    );
    // Opening another file releases the lock of the first one.
    first.open_paths(std::slice::from_ref(&copy)).unwrap();
    assert_eq!(lock_token(&path), None);
    assert!(lock_token(&copy).is_some());
}

#[test]
fn a_lock_left_by_a_dead_process_is_taken_over_and_its_autosave_offered() {
    let (_dir, path) = corpus_file("corpus.json");
    // What a window killed with -9 leaves: its lock, naming a process that is gone, and
    // its autosave.
    let mut killed = AppState::open(&path).unwrap();
    label_first_word(&mut killed);
    killed.autosave(f64::MAX, true);
    let mut lock = read_lock(&path).unwrap().unwrap();
    let mut child = std::process::Command::new("true").spawn().unwrap();
    lock.pid = child.id();
    child.wait().unwrap();
    std::mem::forget(killed);
    fs::write(
        taliq::format::lock_path(&path),
        serde_json::to_vec(&lock).unwrap(),
    )
    .unwrap();

    let mut next = AppState::open(&path).unwrap();
    assert!(!next.is_read_only());
    assert!(
        next.message.starts_with("took over the lock"),
        "{}",
        next.message
    );
    let now = read_lock(&path).unwrap().unwrap();
    assert_eq!(now.pid, std::process::id());
    assert_ne!(now.token, lock.token);
    assert!(
        next.recovery.is_some(),
        "the dead window's work is offered back"
    );
    next.restore_recovery();
    assert_eq!(next.corpus.documents[0].spans().len(), 3);
    next.save().unwrap();
}

#[test]
fn a_live_lock_of_another_host_is_respected_until_taken_over() {
    let (_dir, path) = corpus_file("corpus.json");
    let foreign = LockInfo {
        owner: "omar".to_owned(),
        pid: 1,
        host: "another-machine".to_owned(),
        since: "2020-01-02T03:04:05Z".to_owned(),
        boot: None,
        token: "omar's".to_owned(),
    };
    fs::write(
        taliq::format::lock_path(&path),
        serde_json::to_vec(&foreign).unwrap(),
    )
    .unwrap();
    let mut state = AppState::open(&path).unwrap();
    assert!(state.is_read_only(), "a lock we cannot check is respected");
    let holder = state.lock_holder().unwrap();
    assert!(
        holder.is_old(),
        "but shown as old: its holder has probably gone"
    );
    assert_eq!(
        holder.describe(),
        "omar (pid 1 on another-machine) since 2020-01-02 03:04:05 UTC"
    );
    state.take_over_file();
    assert!(!state.is_read_only());
    label_first_word(&mut state);
    state.save().unwrap();
    drop(state);
    assert_eq!(lock_token(&path), None, "our lock, released on close");
}

#[test]
fn a_window_whose_file_was_taken_over_cannot_save_and_leaves_the_new_lock() {
    let (_dir, path) = corpus_file("corpus.json");
    let mut first = AppState::open(&path).unwrap();
    label_first_word(&mut first);
    let mut second = AppState::open(&path).unwrap();
    second.take_over_file();
    let taken = lock_token(&path).unwrap();
    let err = first.save().unwrap_err();
    assert!(matches!(err, SaveError::Locked { .. }), "{err}");
    assert!(
        first.is_read_only(),
        "the first window learns it lost the file"
    );
    // Its autosave does not write over the new holder's recovery file either.
    assert!(first.flush_recovery().is_err());
    assert!(!taliq::app::state::recovery::recovery_path(&path).exists());
    drop(first);
    assert_eq!(
        lock_token(&path),
        Some(taken),
        "not removed by its old holder"
    );
    second.save().unwrap();
}

#[test]
fn a_read_only_window_does_not_offer_the_holders_autosave() {
    let (_dir, path) = corpus_file("corpus.json");
    let mut first = AppState::open(&path).unwrap();
    label_first_word(&mut first);
    first.autosave(f64::MAX, true);
    let recovery = taliq::app::state::recovery::recovery_path(&path);
    assert!(recovery.exists());
    let second = AppState::open(&path).unwrap();
    assert!(second.is_read_only() && second.recovery.is_none());
    drop(second);
    assert!(recovery.exists(), "the holder's autosave stays");
}

#[cfg(unix)]
#[test]
fn saving_a_window_keeps_the_files_mode_and_writes_through_its_symlink() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let shared = dir.path().join("shared");
    fs::create_dir(&shared).unwrap();
    let target = shared.join("amal.json");
    fs::write(&target, WITH_EXTRAS).unwrap();
    fs::set_permissions(&target, fs::Permissions::from_mode(0o640)).unwrap();
    let link = dir.path().join("mine.json");
    std::os::unix::fs::symlink(&target, &link).unwrap();

    let mut state = AppState::open(&link).unwrap();
    // Every path to the file finds one lock, beside the file itself.
    assert!(shared.join(".amal.json.taliq-lock").exists());
    assert!(AppState::open(&target).unwrap().is_read_only());
    label_first_word(&mut state);
    state.autosave(f64::MAX, true);
    assert!(shared.join("amal.recovery.json").exists());
    state.save().unwrap();
    assert!(
        fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert_eq!(
        fs::metadata(&target).unwrap().permissions().mode() & 0o777,
        0o640
    );
    assert_eq!(
        taliq::format::load(&target).unwrap().documents[0]
            .spans()
            .len(),
        3
    );
    assert_eq!(
        fs::read_to_string(shared.join("amal.json.bak")).unwrap(),
        WITH_EXTRAS
    );
    assert!(!dir.path().join("mine.json.bak").exists());
    assert!(
        !shared.join("amal.recovery.json").exists(),
        "removed by the save"
    );
}

#[test]
fn a_read_only_window_gets_the_file_once_its_holder_lets_go_with_what_they_saved() {
    let (_dir, path) = corpus_file("corpus.json");
    let mut first = AppState::open(&path).unwrap();
    let mut second = AppState::open(&path).unwrap();
    second.open_document(1);
    assert!(!second.watch_lock(10.0), "still held");
    label_first_word(&mut first);
    first.save().unwrap();
    drop(first);
    assert!(!second.watch_lock(11.0), "it looks only every few seconds");
    assert!(second.is_read_only());
    assert!(second.watch_lock(12.5));
    assert!(!second.is_read_only());
    assert_eq!(
        second.corpus.documents[0].spans().len(),
        3,
        "what the holder saved is loaded"
    );
    assert_eq!(second.selected, 1, "on the document it showed");
    assert!(
        second
            .message
            .ends_with("with the changes saved in the other window"),
        "{}",
        second.message
    );
    second.open_document(0);
    second.selection = Selection::new(19, 21);
    second.apply_label("LOC");
    second.save().unwrap();
    assert_eq!(
        taliq::format::load(&path).unwrap().documents[0]
            .spans()
            .len(),
        4
    );
}
