//! `taliq suggest` and `taliq import-suggestions`, run as a user would.

#![allow(
    clippy::unwrap_used,
    reason = "fixture helpers fail the test that calls them"
)]

use std::fs;
use std::path::Path;

use crate::support;
use support::{stderr, taliq};

/// Two documents: the first labels بوتين and موسكو once; the second mentions them again,
/// after proclitics and with harakat, next to an emoji (so UTF-16 offsets differ).
const CORPUS: &str = r##"{"format": "taliq-corpus", "version": 1,
  "labels": [{"name": "PER", "color": "#e6194b"}, {"name": "LOC", "color": "#3cb44b"}, {"name": "ORG", "color": "#4363d8"}],
  "documents": [{"id": "a", "text": "زار بوتين موسكو",
                 "spans": [{"start": 4, "end": 9, "label": "PER"}, {"start": 10, "end": 15, "label": "LOC"}]},
                {"id": "b", "text": "😀 قال بُوتين لموسكو وبوتين CIA"}]}"##;

fn setup() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("c.json"), CORPUS).unwrap();
    dir
}

fn load(path: &Path) -> taliq::model::Corpus {
    taliq::format::load(path).expect("the output is a valid corpus")
}

/// (start, end, label, source) of a document's suggestions.
fn suggested(doc: &taliq::model::Document) -> Vec<(usize, usize, String, String)> {
    doc.suggestions()
        .iter()
        .map(|s| {
            (
                s.range.start(),
                s.range.end(),
                s.label.clone(),
                s.source.clone(),
            )
        })
        .collect()
}

#[test]
fn suggest_proposes_the_other_mentions_and_validates() {
    let dir = setup();
    let out = taliq(&["suggest", "c.json", "--out", "s.json"], dir.path());
    assert!(out.status.success(), "{}", stderr(&out));
    let corpus = load(&dir.path().join("s.json"));
    assert!(
        corpus.documents[0].suggestions().is_empty(),
        "its mentions are spans"
    );
    let m = "matcher".to_owned();
    assert_eq!(
        suggested(&corpus.documents[1]),
        [
            (6, 12, "PER".to_owned(), m.clone()),
            (14, 19, "LOC".to_owned(), m.clone()),
            (21, 26, "PER".to_owned(), m)
        ]
    );
    let valid = taliq(&["validate", "s.json"], dir.path());
    assert!(valid.status.success(), "{}", stderr(&valid));
    // The output exists now: no overwrite without --force.
    let again = taliq(&["suggest", "c.json", "--out", "s.json"], dir.path());
    assert!(!again.status.success());
}

#[test]
fn as_spans_writes_spans_with_their_source_and_the_gazetteer_teaches() {
    let dir = setup();
    fs::write(dir.path().join("g.tsv"), "# منظمات\nORG\tCIA\n").unwrap();
    let out = taliq(
        &[
            "suggest",
            "c.json",
            "--out",
            "s.json",
            "--as-spans",
            "--gazetteer",
            "g.tsv",
        ],
        dir.path(),
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let valid = taliq(&["validate", "s.json"], dir.path());
    assert!(valid.status.success(), "{}", stderr(&valid));
    let corpus = load(&dir.path().join("s.json"));
    let doc = &corpus.documents[1];
    assert!(doc.suggestions().is_empty());
    let spans: Vec<(&str, &str, Option<&str>)> = doc
        .spans()
        .iter()
        .map(|s| (doc.span_text(s), s.label.as_str(), s.source.as_deref()))
        .collect();
    assert_eq!(
        spans,
        [
            ("بُوتين", "PER", Some("matcher")),
            ("موسكو", "LOC", Some("matcher")),
            ("بوتين", "PER", Some("matcher")),
            ("CIA", "ORG", Some("matcher")),
        ]
    );
    let hand_made = &corpus.documents[0].spans()[0];
    assert_eq!(hand_made.source, None);
    // A gazetteer with a bad line is refused with its place, and nothing is written.
    fs::write(dir.path().join("bad.tsv"), "ORG\tCIA\nGPE\tلندن\n").unwrap();
    let out = taliq(
        &[
            "suggest",
            "c.json",
            "--out",
            "t.json",
            "--gazetteer",
            "bad.tsv",
        ],
        dir.path(),
    );
    assert!(!out.status.success());
    assert!(
        stderr(&out).contains("bad.tsv:2: unknown label \"GPE\""),
        "{}",
        stderr(&out)
    );
    assert!(!dir.path().join("t.json").exists());
}

#[test]
fn jsonl_predictions_in_utf16_units_are_imported() {
    let dir = setup();
    // بُوتين is 6..12 in code points, 7..13 in UTF-16 units after the emoji.
    fs::write(
        dir.path().join("p.jsonl"),
        "{\"id\": \"b\", \"spans\": [{\"start\": 7, \"end\": 13, \"label\": \"PER\", \"score\": 0.8}]}\n",
    )
    .unwrap();
    let out = taliq(
        &[
            "import-suggestions",
            "c.json",
            "p.jsonl",
            "--out",
            "s.json",
            "--offset-unit",
            "utf16",
            "--source",
            "arabert",
        ],
        dir.path(),
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let corpus = load(&dir.path().join("s.json"));
    assert_eq!(
        suggested(&corpus.documents[1]),
        [(6, 12, "PER".to_owned(), "arabert".to_owned())]
    );
    assert!((corpus.documents[1].suggestions()[0].score - 0.8).abs() < 1e-6);
}

#[test]
fn label_studio_predictions_are_imported_with_their_scores() {
    let dir = setup();
    let tasks = serde_json::json!([
        {"data": {"id": "b", "text": "😀 قال بُوتين لموسكو وبوتين CIA"},
         "predictions": [{"model_version": "camel", "score": 0.6, "result": [
            {"type": "labels", "value": {"start": 14, "end": 19, "text": "موسكو", "labels": ["LOC"]}},
            {"type": "labels", "score": 0.9, "value": {"start": 27, "end": 30, "labels": ["ORG"]}}]}]},
        {"data": {"id": "a", "text": "زار بوتين موسكو"},
         "predictions": [{"result": [
            {"type": "labels", "value": {"start": 4, "end": 9, "labels": ["PER"]}}]}]}
    ]);
    fs::write(dir.path().join("ls.json"), tasks.to_string()).unwrap();
    let out = taliq(
        &[
            "import-suggestions",
            "c.json",
            "ls.json",
            "--out",
            "s.json",
            "--format",
            "ls",
        ],
        dir.path(),
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let corpus = load(&dir.path().join("s.json"));
    let b = &corpus.documents[1];
    let scores: Vec<(usize, f32)> = b
        .suggestions()
        .iter()
        .map(|s| (s.range.start(), s.score))
        .collect();
    assert_eq!(scores, [(14, 0.6), (27, 0.9)]);
    assert!(
        corpus.documents[0].suggestions().is_empty(),
        "a prediction equal to a span is not a suggestion"
    );
}

#[test]
fn bad_offsets_are_all_listed_and_nothing_is_written() {
    let dir = setup();
    let lines = [
        r#"{"id": "b", "spans": [{"start": 6, "end": 12, "label": "PER", "score": 0.5}]}"#,
        r#"{"id": "b", "spans": [{"start": 7, "end": 12, "label": "PER"}, {"start": 20, "end": 99, "label": "PER"}]}"#,
        r#"{"id": "nope", "spans": []}"#,
        r#"{"id": "a", "spans": [{"start": 4, "end": 9, "label": "GPE"}]}"#,
    ];
    fs::write(dir.path().join("p.jsonl"), lines.join("\n")).unwrap();
    let out = taliq(
        &["import-suggestions", "c.json", "p.jsonl", "--out", "s.json"],
        dir.path(),
    );
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(!dir.path().join("s.json").exists(), "nothing written");
    for expected in [
        "p.jsonl: line 2: span 0: document \"b\": span [7, 12) has an edge at 7 inside a grapheme cluster",
        "p.jsonl: line 2: span 1: document \"b\": span [20, 99) ends past the end of the text",
        "p.jsonl: line 3: document \"nope\": no document of the corpus has this id",
        "p.jsonl: line 4: span 0: document \"a\": unknown label \"GPE\"",
        "4 problems in the predictions; nothing written",
    ] {
        assert!(err.contains(expected), "missing {expected:?} in:\n{err}");
    }
}

#[test]
fn help_lists_the_new_subcommands() {
    let dir = tempfile::tempdir().unwrap();
    let out = taliq(&["--help"], dir.path());
    let help = String::from_utf8_lossy(&out.stdout);
    for sub in ["suggest", "import-suggestions"] {
        assert!(
            help.lines().any(|l| l.trim_start().starts_with(sub)),
            "{sub} missing:\n{help}"
        );
    }
}
