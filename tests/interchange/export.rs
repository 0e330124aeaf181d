//! Exports of real Arabic corpora: golden files, round trips through each format's import,
//! valid tag sequences, and the command line's safety rules.

use std::fs;
use std::path::{Path, PathBuf};

use taliq::interchange::{
    Align, Format, LossKind, OffsetUnit, Options, Scheme, brat, conll, doccano, export_documents,
    jsonl, label_studio,
};
use taliq::model::{Corpus, Document};

use crate::support;
use support::{stderr, taliq};

const SAMPLE: &str = "assets/sample/sample.json";
const PYTHON: &str = "tests/fixtures/python_offsets.json";

fn load(path: &str) -> Corpus {
    taliq::format::load(path).expect("fixture loads")
}

/// A span as (start, end, label).
type Triple = (usize, usize, String);

/// Texts and spans, the part of a document every format must keep.
fn texts_and_spans(docs: &[Document]) -> Vec<(String, Vec<Triple>)> {
    docs.iter()
        .map(|d| {
            let spans = d
                .spans()
                .iter()
                .map(|s| (s.range.start(), s.range.end(), s.label.clone()))
                .collect();
            (d.text().to_owned(), spans)
        })
        .collect()
}

/// Writes an export's files under `dir` and returns the path of its first file.
fn write(dir: &Path, corpus: &Corpus, format: Format, options: Options) -> PathBuf {
    let out = export_documents(corpus, &corpus.documents, format, &options);
    taliq::interchange::write_files(dir, &out.files, false).expect("export written");
    dir.join(&out.files[0].0)
}

fn only(bytes: &[u8]) -> &str {
    std::str::from_utf8(bytes).expect("exports are UTF-8")
}

#[test]
fn sample_exports_match_the_inspected_golden_files() {
    let corpus = load(SAMPLE);
    let cases = [
        (Format::Jsonl, Scheme::Iob2, "sample.jsonl"),
        (Format::Conll, Scheme::Iob2, "sample.conll"),
        (Format::Conll, Scheme::Bioes, "sample.bioes.conll"),
        (Format::Hf, Scheme::Iob2, "sample.hf.jsonl"),
        (Format::Doccano, Scheme::Iob2, "sample.doccano.jsonl"),
        (
            Format::LabelStudio,
            Scheme::Iob2,
            "sample.label-studio.json",
        ),
    ];
    for (format, scheme, golden) in cases {
        let options = Options {
            scheme,
            ..Options::default()
        };
        let out = export_documents(&corpus, &corpus.documents, format, &options);
        let expected = fs::read_to_string(Path::new("tests/golden").join(golden)).unwrap();
        assert_eq!(only(&out.files[0].1), expected, "{golden}");
        if format == Format::Hf {
            let labels = fs::read_to_string("tests/golden/sample.hf.labels.json").unwrap();
            assert_eq!(only(&out.files[1].1), labels);
        }
    }
    let out = export_documents(
        &corpus,
        &corpus.documents,
        Format::Brat,
        &Options::default(),
    );
    for (name, bytes) in &out.files {
        let golden = Path::new("tests/golden/sample.brat").join(name);
        assert_eq!(bytes, &fs::read(&golden).unwrap(), "{}", golden.display());
    }
}

#[test]
fn lossless_formats_round_trip_texts_and_spans_of_both_fixtures() {
    for fixture in [SAMPLE, PYTHON] {
        let corpus = load(fixture);
        let expected = texts_and_spans(&corpus.documents);
        assert!(expected[0].1.len() >= 12, "{fixture} has its spans");
        for (format, unit) in [
            (Format::Jsonl, OffsetUnit::Codepoint),
            (Format::Jsonl, OffsetUnit::Utf16),
            (Format::Doccano, OffsetUnit::Codepoint),
            (Format::LabelStudio, OffsetUnit::Codepoint),
            (Format::Brat, OffsetUnit::Codepoint),
        ] {
            let dir = tempfile::tempdir().unwrap();
            let options = Options {
                offset_unit: unit,
                ..Options::default()
            };
            let file = write(dir.path(), &corpus, format, options);
            let paths = vec![file];
            let back = match format {
                Format::Jsonl => jsonl::import(&paths),
                Format::Doccano => doccano::import(&paths),
                Format::LabelStudio => label_studio::import(&paths),
                _ => brat::import(&[dir.path().to_path_buf()]),
            }
            .unwrap();
            assert_eq!(
                texts_and_spans(&back.documents),
                expected,
                "{fixture} via {format:?} {unit:?}"
            );
            let ids: Vec<_> = back.documents.iter().map(|d| d.id.as_str()).collect();
            assert_eq!(ids, ["000_f13009966aefca6f"], "{format:?}");
        }
    }
}

/// The entities a CoNLL export should give back: each span's text and label, except the ones
/// reported dropped, with the widened or narrowed text of the ones reported changed.
fn expected_entities(doc: &Document, losses: &[taliq::interchange::Loss]) -> Vec<(String, String)> {
    let mut entities: Vec<(usize, String, String)> = Vec::new();
    for span in doc.spans() {
        let loss = losses
            .iter()
            .find(|l| l.range == span.range && l.label == span.label);
        let range = match loss.map(|l| &l.kind) {
            None => span.range,
            Some(LossKind::Expanded { to } | LossKind::Contracted { to }) => *to,
            Some(LossKind::Overlap { .. } | LossKind::NoToken) => continue,
        };
        entities.push((
            range.start(),
            doc.slice(range).to_owned(),
            span.label.clone(),
        ));
    }
    entities.sort();
    entities.into_iter().map(|(_, t, l)| (t, l)).collect()
}

/// The rebuilt text joins tokens with spaces, so entity texts are compared without spaces.
fn entities_of(doc: &Document) -> Vec<(String, String)> {
    doc.spans()
        .iter()
        .map(|s| (doc.span_text(s).replace(' ', ""), s.label.clone()))
        .collect()
}

#[test]
fn conll_parsed_back_gives_the_same_entities_minus_the_reported_losses() {
    let corpus = load(PYTHON);
    let doc = &corpus.documents[0];
    for scheme in [Scheme::Iob2, Scheme::Bioes] {
        for align in [Align::Split, Align::Expand, Align::Contract] {
            let options = Options {
                scheme,
                align,
                ..Options::default()
            };
            let out = export_documents(&corpus, &corpus.documents, Format::Conll, &options);
            let dir = tempfile::tempdir().unwrap();
            taliq::interchange::write_files(dir.path(), &out.files, false).unwrap();
            let back = conll::import(&[dir.path().join(&out.files[0].0)]).unwrap();
            let expected: Vec<(String, String)> = expected_entities(doc, &out.losses)
                .into_iter()
                .map(|(t, l)| (t.replace([' ', '\n'], ""), l))
                .collect();
            assert_eq!(
                entities_of(&back.documents[0]),
                expected,
                "{scheme:?} {align:?}"
            );
        }
    }
}

#[test]
fn split_alignment_keeps_entities_after_proclitics_exact() {
    let corpus = load(PYTHON);
    let out = export_documents(
        &corpus,
        &corpus.documents,
        Format::Conll,
        &Options::default(),
    );
    // The fixture's only inexact cases are nested or overlapping spans (outer ones kept).
    assert!(
        out.losses
            .iter()
            .all(|l| matches!(l.kind, LossKind::Overlap { .. })),
        "{:?}",
        out.losses
    );
    assert_eq!(out.losses.len(), 4, "{:?}", out.losses);
    let text = only(&out.files[0].1);
    // لموسكو, وأوكرانيا and لأوكرانيا with the entity after the proclitic.
    assert!(text.contains("ل O\nموسكو B-LOC\n"), "{text}");
    assert!(text.contains("و O\nأوكرانيا B-LOC\n"), "{text}");
    assert!(text.contains("ل O\nأوكرانيا B-LOC\n"), "{text}");
    let expand = Options {
        align: Align::Expand,
        ..Options::default()
    };
    let out = export_documents(&corpus, &corpus.documents, Format::Conll, &expand);
    assert!(
        out.losses
            .iter()
            .any(|l| matches!(l.kind, LossKind::Expanded { .. }))
    );
}

/// Checks a tag sequence: no I- or E- that does not continue an entity of its label, no
/// entity left open under BIOES.
fn assert_valid_tags(tags: &[&str], scheme: Scheme) {
    let mut open: Option<&str> = None;
    for (i, tag) in tags.iter().enumerate() {
        let (prefix, label) = tag.split_once('-').unwrap_or((tag, ""));
        match prefix {
            "O" => {
                assert!(
                    scheme == Scheme::Iob2 || open.is_none(),
                    "open entity before {i}"
                );
                open = None;
            }
            "B" => {
                assert!(
                    scheme == Scheme::Iob2 || open.is_none(),
                    "open entity before {i}"
                );
                open = Some(label);
            }
            "S" => {
                assert_eq!(scheme, Scheme::Bioes);
                assert!(open.is_none(), "open entity before {i}");
            }
            "I" => assert_eq!(open, Some(label), "I- without B- at {i}: {tags:?}"),
            "E" => {
                assert_eq!(open, Some(label), "E- without B- at {i}");
                open = None;
            }
            _ => panic!("bad tag {tag}"),
        }
    }
    assert!(scheme == Scheme::Iob2 || open.is_none(), "entity left open");
}

#[test]
fn tag_sequences_are_valid_on_fixtures_and_a_generated_corpus() {
    let mut corpora = vec![load(SAMPLE), load(PYTHON)];
    corpora.push(taliq::synth::corpus(40, 3_000, 20, 9));
    for corpus in &corpora {
        for scheme in [Scheme::Iob2, Scheme::Bioes] {
            let options = Options {
                scheme,
                ..Options::default()
            };
            let out = export_documents(corpus, &corpus.documents, Format::Conll, &options);
            for sentence in only(&out.files[0].1).split("\n\n") {
                let tags: Vec<&str> = sentence
                    .lines()
                    .filter(|l| !l.starts_with("-DOCSTART-"))
                    .map(|l| l.rsplit_once(' ').expect("TOKEN TAG").1)
                    .collect();
                assert_valid_tags(&tags, scheme);
            }
        }
    }
}

const HOSTILE: &str = r##"{"format": "taliq-corpus", "version": 1, "annotator": "amal",
  "labels": [{"name": "PER", "color": "#e6194b"}, {"name": "LOC", "color": "#3cb44b"}],
  "documents": [{"id": "../../x", "status": "done", "text": "زار لافروف لأنقرة",
                 "spans": [{"start": 4, "end": 10, "label": "PER"},
                           {"start": 12, "end": 17, "label": "LOC", "annotator": "omar"}]},
                {"id": "a/b\u0000c", "status": "reviewed", "text": "نص عن موسكو",
                 "spans": [{"start": 6, "end": 11, "label": "LOC"}]},
                {"id": "new", "text": "نص"}]}"##;

#[test]
fn hostile_ids_write_inside_the_output_folder_only() {
    let dir = tempfile::tempdir().unwrap();
    let work = dir.path().join("work");
    fs::create_dir(&work).unwrap();
    fs::write(work.join("c.json"), HOSTILE).unwrap();
    let out = taliq(
        &["export", "c.json", "--format", "brat", "--out", "brat"],
        &work,
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let mut written: Vec<String> = fs::read_dir(work.join("brat"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    written.sort();
    assert_eq!(
        written,
        [
            "_._.._x.ann",
            "_._.._x.txt",
            "a_b_c.ann",
            "a_b_c.txt",
            "annotation.conf",
            "new.ann",
            "new.txt"
        ]
    );
    let outside: Vec<_> = fs::read_dir(dir.path()).unwrap().collect();
    assert_eq!(outside.len(), 1, "nothing beside the work folder");
    assert!(!work.join("x.txt").exists());
}

#[test]
fn existing_output_needs_force_and_split_writes_three_parts() {
    let dir = tempfile::tempdir().unwrap();
    fs::copy(PYTHON, dir.path().join("c.json")).unwrap();
    let args = [
        "export",
        "c.json",
        "--format",
        "jsonl",
        "--out",
        "c.export.jsonl",
    ];
    assert!(taliq(&args, dir.path()).status.success());
    let before = fs::read(dir.path().join("c.export.jsonl")).unwrap();
    let out = taliq(&args, dir.path());
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("already exists (use --force"),
        "{}",
        stderr(&out)
    );
    let mut forced = args.to_vec();
    forced.push("--force");
    assert!(taliq(&forced, dir.path()).status.success());
    assert_eq!(fs::read(dir.path().join("c.export.jsonl")).unwrap(), before);

    fs::write(dir.path().join("h.json"), HOSTILE).unwrap();
    let split = [
        "export", "h.json", "--format", "conll", "--out", "parts", "--split", "34/33/33", "--seed",
        "3",
    ];
    let out = taliq(&split, dir.path());
    assert!(out.status.success(), "{}", stderr(&out));
    let docs_in = |name: &str| {
        fs::read_to_string(dir.path().join("parts").join(name))
            .unwrap()
            .matches("-DOCSTART-")
            .count()
    };
    assert_eq!(
        docs_in("train.conll") + docs_in("dev.conll") + docs_in("test.conll"),
        3
    );
}

#[test]
fn status_and_annotator_filters_choose_what_is_exported() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("h.json"), HOSTILE).unwrap();
    let out = taliq(
        &[
            "export",
            "h.json",
            "--format",
            "jsonl",
            "--out",
            "o.jsonl",
            "--status",
            "done,reviewed",
            "--annotator",
            "omar",
        ],
        dir.path(),
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let text = fs::read_to_string(dir.path().join("o.jsonl")).unwrap();
    assert_eq!(text.lines().count(), 1, "{text}");
    assert!(
        text.contains(r#""spans":[{"start":12,"end":17,"label":"LOC"}]"#),
        "{text}"
    );
    // The only "new" document has no span by omar: nothing to export is an error, not an empty file.
    let out = taliq(
        &[
            "export",
            "h.json",
            "--format",
            "jsonl",
            "--out",
            "none.jsonl",
            "--status",
            "new",
            "--annotator",
            "omar",
        ],
        dir.path(),
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("no document matches"),
        "{}",
        stderr(&out)
    );
    assert!(!dir.path().join("none.jsonl").exists());
}

#[test]
fn conll_losses_are_counted_and_listed_on_stderr() {
    let dir = tempfile::tempdir().unwrap();
    fs::copy(SAMPLE, dir.path().join("c.json")).unwrap();
    let out = taliq(
        &["export", "c.json", "--format", "conll", "--out", "c.conll"],
        dir.path(),
    );
    assert!(out.status.success());
    let err = stderr(&out);
    assert!(
        err.contains("1 span not exported exactly (1 overlapping)"),
        "{err}"
    );
    assert!(
        err.contains("LOC span [4107, 4112) dropped: it overlaps the span [4086, 4112)"),
        "{err}"
    );
}

#[test]
fn bad_import_names_file_and_line_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(
        dir.path().join("in.conll"),
        "-DOCSTART- O\n\nزار O\nلافروف B-PER\nأنقرة\n",
    )
    .unwrap();
    let out = taliq(
        &["import", "--format", "conll", "in.conll", "--out", "c.json"],
        dir.path(),
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("in.conll:5: expected \"TOKEN TAG\""),
        "{}",
        stderr(&out)
    );
    assert!(!dir.path().join("c.json").exists());
}

#[test]
fn every_format_imports_through_the_command_line() {
    let dir = tempfile::tempdir().unwrap();
    fs::copy(PYTHON, dir.path().join("c.json")).unwrap();
    for (format, out, input) in [
        ("jsonl", "e.jsonl", "e.jsonl"),
        ("doccano", "d.jsonl", "d.jsonl"),
        ("label-studio", "l.json", "l.json"),
        ("brat", "b", "b"),
        ("conll", "e.conll", "e.conll"),
    ] {
        let exported = taliq(
            &["export", "c.json", "--format", format, "--out", out],
            dir.path(),
        );
        assert!(exported.status.success(), "{format}: {}", stderr(&exported));
        let back = format!("back-{format}.json");
        let imported = taliq(
            &["import", "--format", format, input, "--out", &back],
            dir.path(),
        );
        assert!(imported.status.success(), "{format}: {}", stderr(&imported));
        let corpus = taliq::format::load(dir.path().join(&back)).unwrap();
        let spans = corpus.documents[0].spans().len();
        // CoNLL keeps 31 of the 35 spans: four overlap a longer one.
        assert_eq!(spans, if format == "conll" { 31 } else { 35 }, "{format}");
    }
}

#[test]
fn hf_writes_labels_beside_a_file_or_inside_a_folder_and_once_per_split() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("h.json"), HOSTILE).unwrap();
    let run = |extra: &[&str]| {
        let mut args = vec!["export", "h.json", "--format", "hf"];
        args.extend_from_slice(extra);
        let out = taliq(&args, dir.path());
        assert!(out.status.success(), "{extra:?}: {}", stderr(&out));
    };
    run(&["--out", "ner.jsonl"]);
    let labels: Vec<String> =
        serde_json::from_str(&fs::read_to_string(dir.path().join("labels.json")).unwrap()).unwrap();
    assert_eq!(labels, ["O", "B-PER", "I-PER", "B-LOC", "I-LOC"]);
    let rows = fs::read_to_string(dir.path().join("ner.jsonl")).unwrap();
    let first: serde_json::Value = serde_json::from_str(rows.lines().next().unwrap()).unwrap();
    // زار لافروف لأنقرة: the lam of لأنقرة split off, أنقرة a LOC.
    assert_eq!(
        first["tokens"],
        serde_json::json!(["زار", "لافروف", "ل", "أنقرة"])
    );
    assert_eq!(first["ner_tags"], serde_json::json!([0, 1, 0, 3]));

    run(&["--out", "folder"]);
    assert!(dir.path().join("folder/data.jsonl").is_file());
    assert!(dir.path().join("folder/labels.json").is_file());

    run(&["--out", "parts", "--split", "34/33/33", "--scheme", "bioes"]);
    let mut names: Vec<String> = fs::read_dir(dir.path().join("parts"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(
        names,
        ["dev.jsonl", "labels.json", "test.jsonl", "train.jsonl"]
    );
}

#[test]
fn brat_split_writes_a_folder_per_part_each_with_its_conf() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("h.json"), HOSTILE).unwrap();
    let out = taliq(
        &[
            "export", "h.json", "--format", "brat", "--out", "b", "--split", "34/33/33",
        ],
        dir.path(),
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let mut anns = 0;
    for part in ["train", "dev", "test"] {
        let folder = dir.path().join("b").join(part);
        assert!(folder.join("annotation.conf").is_file(), "{part}");
        anns += fs::read_dir(&folder)
            .unwrap()
            .filter(|e| {
                e.as_ref()
                    .unwrap()
                    .path()
                    .extension()
                    .is_some_and(|x| x == "ann")
            })
            .count();
    }
    assert_eq!(anns, 3);
}

#[test]
fn options_that_do_not_apply_to_the_format_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("h.json"), HOSTILE).unwrap();
    for extra in [
        ["--format", "doccano", "--offset-unit", "utf16"],
        ["--format", "brat", "--scheme", "bioes"],
        ["--format", "jsonl", "--align", "expand"],
    ] {
        let mut args = vec!["export", "h.json", "--out", "o"];
        args.extend_from_slice(&extra);
        let out = taliq(&args, dir.path());
        assert_eq!(out.status.code(), Some(1), "{extra:?}");
        assert!(stderr(&out).contains(" to --format "), "{}", stderr(&out));
        assert!(!dir.path().join("o").exists(), "{extra:?} wrote output");
    }
}

#[test]
fn brat_reexport_replaces_an_earlier_export_whole_and_keeps_the_users_files() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("brat");
    let corpus = taliq::synth::corpus(6, 300, 3, 7);
    let names = |dir: &Path| {
        let mut names: Vec<String> = fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    };
    let export = |docs: &[Document]| {
        export_documents(&corpus, docs, Format::Brat, &Options::default()).files
    };
    taliq::interchange::write_files(&root, &export(&corpus.documents), false).unwrap();
    assert_eq!(names(&root).len(), 13, "{:?}", names(&root));
    // The corpus lost its first document: a re-export leaves exactly the five others.
    let fewer = export(&corpus.documents[1..]);
    taliq::interchange::write_files(&root, &fewer, true).unwrap();
    let mut expected: Vec<String> = fewer
        .iter()
        .map(|(p, _)| p.to_string_lossy().into_owned())
        .collect();
    expected.sort();
    assert_eq!(names(&root), expected);
    for (path, bytes) in &fewer {
        assert_eq!(&fs::read(root.join(path)).unwrap(), bytes);
    }
    assert_eq!(
        names(dir.path()),
        ["brat"],
        "no staging folder left beside it"
    );
    // A file of the user's (a lone .txt is not an exported document) is never lost: the
    // files are then replaced one by one.
    fs::write(root.join("README.txt"), "mine").unwrap();
    taliq::interchange::write_files(&root, &export(&corpus.documents), true).unwrap();
    assert_eq!(fs::read_to_string(root.join("README.txt")).unwrap(), "mine");
    assert_eq!(names(&root).len(), 14);
}

#[test]
fn an_invalid_corpus_leaves_an_earlier_export_as_it_was() {
    // conll is written while the corpus is read: the problem in the last document is found
    // after most of the export was made, and none of it may reach the output.
    let dir = tempfile::tempdir().unwrap();
    let mut corpus = taliq::synth::corpus(200, 1500, 10, 2);
    let text = taliq::format::write_corpus(&corpus, taliq::format::Form::Json);
    fs::write(dir.path().join("c.json"), &text).unwrap();
    let args = ["export", "c.json", "--format", "conll", "--out", "c.conll"];
    assert!(taliq(&args, dir.path()).status.success());
    let before = fs::read(dir.path().join("c.conll")).unwrap();

    corpus.documents.last_mut().unwrap().id = corpus.documents[0].id.clone();
    let text = taliq::format::write_corpus(&corpus, taliq::format::Form::Json);
    fs::write(dir.path().join("c.json"), &text).unwrap();
    let mut forced = args.to_vec();
    forced.push("--force");
    let out = taliq(&forced, dir.path());
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("doc-00000"), "{}", stderr(&out));
    assert_eq!(fs::read(dir.path().join("c.conll")).unwrap(), before);
    let names: Vec<_> = fs::read_dir(dir.path()).unwrap().collect();
    assert_eq!(names.len(), 2, "only the corpus and the export: {names:?}");
}
