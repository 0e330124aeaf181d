//! The `taliq` binary's subcommands, run as a user would.

use std::fs;
use std::path::Path;

use crate::support;
use support::{stderr, stdout, taliq};

const VALID: &str = r##"{"format": "taliq-corpus", "version": 1, "annotator": "amal",
  "labels": [{"name": "PER", "color": "#e6194b"}, {"name": "LOC", "color": "#3cb44b"}],
  "documents": [{"id": "a", "status": "done", "text": "زار لافروف لأنقرة",
                 "spans": [{"start": 4, "end": 10, "label": "PER"},
                           {"start": 12, "end": 17, "label": "LOC", "annotator": "omar"}]},
                {"id": "b", "text": "نص"}]}"##;

#[test]
fn help_lists_every_subcommand() {
    let dir = tempfile::tempdir().unwrap();
    let out = taliq(&["--help"], dir.path());
    assert!(out.status.success());
    let help = stdout(&out);
    for sub in ["validate", "stats", "import", "agree"] {
        assert!(
            help.lines().any(|l| l.trim_start().starts_with(sub)),
            "{sub} missing:\n{help}"
        );
    }
}

#[test]
fn validate_exit_codes_and_messages() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("good.json"), VALID).unwrap();
    fs::write(
        dir.path().join("bad.json"),
        VALID.replace("\"end\": 17", "\"end\": 18"),
    )
    .unwrap();

    let out = taliq(&["validate", "good.json"], dir.path());
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
    assert_eq!(
        stdout(&out),
        "good.json: valid (2 documents, 2 spans, 2 labels)\n"
    );

    let out = taliq(&["validate", "good.json", "bad.json"], dir.path());
    assert_eq!(out.status.code(), Some(1));
    let text = stdout(&out);
    assert!(
        text.contains("bad.json: document \"a\" (#0), span 1, field documents[0].spans[1].end: end 18 is past the end of the text (17 code points)"),
        "{text}"
    );
    assert!(text.contains("bad.json: invalid (1 problem)"), "{text}");

    let out = taliq(&["validate", "missing.json"], dir.path());
    assert_eq!(out.status.code(), Some(1));
    assert!(stdout(&out).contains("cannot read missing.json"));

    let out = taliq(&["validate"], dir.path());
    assert_eq!(out.status.code(), Some(2), "usage error");
    let out = taliq(&["validate", "--bogus", "good.json"], dir.path());
    assert_eq!(out.status.code(), Some(2), "usage error");
}

#[test]
fn validate_json_prints_one_diagnostic_per_line() {
    let dir = tempfile::tempdir().unwrap();
    let bad = VALID
        .replace("\"end\": 17", "\"end\": 18")
        .replace("\"id\": \"b\"", "\"id\": \"a\"");
    fs::write(dir.path().join("bad.json"), bad).unwrap();
    let out = taliq(&["validate", "--json", "bad.json"], dir.path());
    assert_eq!(out.status.code(), Some(1));
    let lines: Vec<serde_json::Value> = stdout(&out)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 2);
    assert_eq!(lines[0]["file"], "bad.json");
    assert_eq!(lines[0]["code"], "out-of-range");
    assert_eq!(lines[0]["document"], "a");
    assert_eq!(lines[0]["span_index"], 1);
    assert_eq!(lines[1]["code"], "duplicate-document");
    assert_eq!(lines[1]["document_index"], 1);
}

#[test]
fn stats_counts_status_labels_and_annotators() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("c.json"), VALID).unwrap();
    let out = taliq(&["stats", "--json", "c.json"], dir.path());
    assert!(out.status.success(), "{}", stderr(&out));
    let v: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(v["documents"], 2);
    assert_eq!(v["documents_by_status"]["done"], 1);
    assert_eq!(v["documents_by_status"]["new"], 1);
    assert_eq!(v["spans_by_label"]["PER"], 1);
    assert_eq!(v["spans_by_annotator"]["amal"], 1);
    assert_eq!(v["spans_by_annotator"]["omar"], 1);
    let out = taliq(&["stats", "c.json"], dir.path());
    let text = stdout(&out);
    assert!(
        text.lines().any(|l| l.split_whitespace().eq(["done", "1"])),
        "{text}"
    );
    assert!(
        text.lines().any(|l| l.split_whitespace().eq(["omar", "1"])),
        "{text}"
    );
}

#[test]
fn import_txt_builds_a_valid_corpus_and_never_clobbers() {
    let dir = tempfile::tempdir().unwrap();
    let texts = dir.path().join("texts");
    fs::create_dir(&texts).unwrap();
    fs::write(texts.join("one.txt"), "زار لافروف أنقرة\r\nسطر ثانٍ").unwrap();
    fs::write(texts.join("two.txt"), "بِسْمِ اللَّهِ").unwrap();
    let out = taliq(
        &["import", "--format", "txt", "texts", "--out", "c.json"],
        dir.path(),
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stderr(&out).contains("taliq: wrote 2 documents to c.json"));
    let corpus = taliq::format::load(dir.path().join("c.json")).unwrap();
    assert_eq!(corpus.documents.len(), 2);
    assert_eq!(corpus.documents[0].id, "one");
    // One file: one document, in the singular.
    let out = taliq(
        &[
            "import",
            "--format",
            "txt",
            "texts/one.txt",
            "--out",
            "one.json",
        ],
        dir.path(),
    );
    assert!(
        stderr(&out).contains("taliq: wrote 1 document to one.json"),
        "{}",
        stderr(&out)
    );
    let out = taliq(&["validate", "one.json"], dir.path());
    assert_eq!(
        stdout(&out),
        "one.json: valid (1 document, 0 spans, 5 labels)\n"
    );
    assert_eq!(corpus.documents[0].text(), "زار لافروف أنقرة\r\nسطر ثانٍ");
    assert_eq!(corpus.labels.len(), 5);
    let out = taliq(&["validate", "c.json"], dir.path());
    assert_eq!(out.status.code(), Some(0));

    // An existing output is not replaced without --force.
    let before = fs::read(dir.path().join("c.json")).unwrap();
    let out = taliq(
        &[
            "import",
            "--format",
            "txt",
            "texts/two.txt",
            "--out",
            "c.json",
        ],
        dir.path(),
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("already exists"), "{}", stderr(&out));
    assert_eq!(fs::read(dir.path().join("c.json")).unwrap(), before);
    let out = taliq(
        &[
            "import",
            "--format",
            "txt",
            "texts/two.txt",
            "--out",
            "c.json",
            "--force",
        ],
        dir.path(),
    );
    assert!(out.status.success());
    assert_eq!(
        taliq::format::load(dir.path().join("c.json"))
            .unwrap()
            .documents
            .len(),
        1
    );
    assert_eq!(fs::read(dir.path().join("c.json.bak")).unwrap(), before);
}

#[test]
fn import_txt_names_file_and_byte_of_invalid_utf8_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let mut bytes = "سطر أول\nسطر".as_bytes().to_vec();
    bytes.extend([0xd8, 0x20]);
    fs::write(dir.path().join("latin1.txt"), bytes).unwrap();
    let out = taliq(
        &["import", "--format", "txt", "latin1.txt", "--out", "c.json"],
        dir.path(),
    );
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(
        err.contains(
            "latin1.txt: invalid UTF-8 at byte offset 20 (line 2, column 4; encoding detected)"
        ),
        "{err}"
    );
    assert!(!dir.path().join("c.json").exists());
}

/// A text file of `tests/fixtures/encodings` (see `tests/import_encodings.rs`).
fn encoding_fixture(name: &str) -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/encodings")
        .join(name)
}

#[test]
fn cli_reads_each_encoding_and_writes_a_valid_corpus() {
    let dir = tempfile::tempdir().unwrap();
    for (file, encoding) in [
        ("utf16le-bom.txt", None),
        ("windows-1256.txt", Some("cp1256")),
        ("iso-8859-6.txt", Some("iso-8859-6")),
    ] {
        let mut args = vec!["import", "--format", "txt"];
        let input = encoding_fixture(file);
        args.push(input.to_str().unwrap());
        args.extend(["--out", "c.json", "--force"]);
        if let Some(e) = encoding {
            args.extend(["--encoding", e]);
        }
        let out = taliq(&args, dir.path());
        assert!(out.status.success(), "{file}: {}", stderr(&out));
        let corpus = taliq::format::load(dir.path().join("c.json")).unwrap();
        assert_eq!(
            corpus.documents[0].text(),
            fs::read_to_string(encoding_fixture("sentence.txt")).unwrap(),
            "{file}"
        );
    }
}

#[test]
fn cli_writes_nothing_when_a_file_is_invalid_in_its_encoding() {
    let dir = tempfile::tempdir().unwrap();
    for (file, good, encoding) in [
        ("bad-utf8.txt", "utf8-bom.txt", "utf-8"),
        ("bad-utf16le.txt", "utf16le-bom.txt", "utf-16le"),
        ("bad-utf16be.txt", "utf16be.txt", "utf-16be"),
        ("bad-iso-8859-6.txt", "iso-8859-6.txt", "iso-8859-6"),
    ] {
        // A good file first, so a half-done import would have something to write.
        let good = encoding_fixture(good);
        let bad = encoding_fixture(file);
        let out = taliq(
            &[
                "import",
                "--format",
                "txt",
                good.to_str().unwrap(),
                bad.to_str().unwrap(),
                "--out",
                "c.json",
                "--encoding",
                encoding,
            ],
            dir.path(),
        );
        assert_eq!(out.status.code(), Some(1), "{file}: {}", stderr(&out));
        let err = stderr(&out);
        assert!(
            err.contains(file) && err.contains("byte offset") && err.contains("line 2, column 3"),
            "{err}"
        );
        assert!(!dir.path().join("c.json").exists(), "{file}");
    }
    assert_eq!(
        fs::read_dir(dir.path()).unwrap().count(),
        0,
        "no stray file"
    );
}

#[test]
fn cli_unknown_encoding_is_a_usage_error_listing_the_accepted() {
    let dir = tempfile::tempdir().unwrap();
    let input = encoding_fixture("sentence.txt");
    let out = taliq(
        &[
            "import",
            "--format",
            "txt",
            input.to_str().unwrap(),
            "--out",
            "c.json",
            "--encoding",
            "latin1",
        ],
        dir.path(),
    );
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(
        err.contains("latin1") && err.contains("windows-1256") && err.contains("iso-8859-6"),
        "{err}"
    );
    assert!(!dir.path().join("c.json").exists());
}

#[test]
fn cli_encoding_with_another_format_is_a_usage_error() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("a.conll"), "زار O\n").unwrap();
    let out = taliq(
        &[
            "import",
            "--format",
            "conll",
            "a.conll",
            "--out",
            "c.json",
            "--encoding",
            "cp1256",
        ],
        dir.path(),
    );
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(stderr(&out).contains("--format txt"), "{}", stderr(&out));
    assert!(!dir.path().join("c.json").exists());
}

#[test]
fn shape_prints_harfbuzz_fields_in_font_units() {
    let dir = tempfile::tempdir().unwrap();
    let out = taliq(&["shape", "--json", "لا"], dir.path());
    assert!(out.status.success(), "{}", stderr(&out));
    let glyphs: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    // HarfBuzz 15 (hb-shape --language=ar): alef final form then lam initial form, two clusters.
    assert_eq!(
        glyphs,
        serde_json::json!([{"g": 10, "cl": 1, "ax": 300, "dx": 0, "dy": 0},
                           {"g": 71, "cl": 0, "ax": 218, "dx": 0, "dy": 0}])
    );
    let out = taliq(&["shape", "لا"], dir.path());
    assert_eq!(stdout(&out), "[10=1+300|71=0+218]\n");
}

#[test]
fn render_writes_a_png_of_the_document() {
    let dir = tempfile::tempdir().unwrap();
    let sample = std::env::current_dir()
        .unwrap()
        .join("assets/sample/sample.json");
    let out = taliq(
        &[
            "render",
            sample.to_str().unwrap(),
            "--width",
            "500",
            "--out",
            "page.png",
        ],
        dir.path(),
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let png =
        taliq::text::raster::Canvas::decode_png(&fs::read(dir.path().join("page.png")).unwrap())
            .unwrap();
    assert_eq!(png.width, 500);
    assert!(
        png.height > 2000,
        "the whole article is drawn: {} px",
        png.height
    );
    let out = taliq(
        &[
            "render",
            sample.to_str().unwrap(),
            "--doc",
            "nope",
            "--out",
            "x.png",
        ],
        dir.path(),
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("no document \"nope\""));
    assert!(!dir.path().join("x.png").exists());
}
