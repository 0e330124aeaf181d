//! Saving: round trips, byte-stable output, backups, and never losing data.

use std::fs;

use taliq::format::{CorpusFile, Form, LoadError, SaveError, parse_corpus, write_corpus};
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
