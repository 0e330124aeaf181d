//! Relations, document labels and span notes through the exports (issue #14): brat's `R`
//! and `AnnotatorNotes` lines and its `annotation.conf`, jsonl lines, both read back; the
//! formats that cannot hold them say what they dropped.

#![allow(
    clippy::unwrap_used,
    reason = "fixture helpers fail the test that calls them"
)]

use std::collections::BTreeSet;

use taliq::app::{AppState, Source};
use taliq::format::{Form, parse_corpus};
use taliq::interchange::{
    Format, Options, brat, doccano, export_documents, jsonl, label_studio, unrepresented,
    write_files,
};
use taliq::model::{Corpus, Document};

/// The relations fixture with three relations (one across the line break), a note on
/// أردوغانَ and two document labels.
fn corpus() -> Corpus {
    let text = std::fs::read_to_string("tests/fixtures/relations.json").unwrap();
    let mut state = AppState::new(
        parse_corpus(text.as_bytes(), Form::Json).unwrap(),
        Source::Untitled,
    );
    state.add_relation("met", 0, 1).unwrap();
    state.add_relation("based_in", 3, 4).unwrap();
    state.add_relation("related", 1, 3).unwrap();
    let span = &state.corpus.documents[0].spans()[1];
    state.pick = taliq::annotate::pick::Pick::span(span.range, &span.label);
    assert!(state.set_span_note("هل هو الرئيس؟"));
    assert!(state.set_document_label("topic", vec!["politics".into(), "economy".into()]));
    state.corpus
}

/// The first file of an export of every document of `corpus`, as text.
fn exported_text(corpus: &Corpus, format: Format) -> String {
    let exported = export_documents(corpus, &corpus.documents, format, &Options::default());
    String::from_utf8(exported.files[0].1.clone()).unwrap()
}

/// A document's relations as (type, from text, to text), and its notes as (span text, note).
type Links = (
    BTreeSet<(String, String, String)>,
    BTreeSet<(String, String)>,
);

/// The [`Links`] of a document, by span texts (ids may be renumbered by a format).
fn links(doc: &Document) -> Links {
    let text = |id: &str| {
        doc.span_text(&doc.spans()[doc.span_by_id(id).unwrap()])
            .to_owned()
    };
    let relations = doc
        .relations()
        .iter()
        .map(|r| (r.label.clone(), text(&r.from), text(&r.to)))
        .collect();
    let notes = doc
        .spans()
        .iter()
        .filter_map(|s| Some((doc.span_text(s).to_owned(), s.note.clone()?)))
        .collect();
    (relations, notes)
}

#[test]
fn brat_writes_r_lines_notes_and_relation_types_and_reads_them_back() {
    let corpus = corpus();
    let exported = export_documents(
        &corpus,
        &corpus.documents,
        Format::Brat,
        &Options::default(),
    );
    let file = |name: &str| {
        let (_, bytes) = exported
            .files
            .iter()
            .find(|(p, _)| p.to_str() == Some(name))
            .unwrap();
        String::from_utf8(bytes.clone()).unwrap()
    };
    let ann = file("d1.ann");
    // Every line in brat's standoff grammar.
    for line in ann.lines() {
        let columns: Vec<&str> = line.split('\t').collect();
        let ok = match line.chars().next() {
            Some('T') => columns.len() == 3 && columns[1].split(' ').count() >= 3,
            Some('R') => {
                let args: Vec<&str> = columns[1].split(' ').collect();
                columns.len() == 2
                    && args.len() == 3
                    && args[1].starts_with("Arg1:T")
                    && args[2].starts_with("Arg2:T")
            }
            Some('#') => columns.len() == 3 && columns[1].starts_with("AnnotatorNotes T"),
            _ => false,
        };
        assert!(ok, "not brat standoff: {line:?}");
    }
    assert!(ann.contains("R1\tmet Arg1:T1 Arg2:T2\n"), "{ann}");
    assert!(ann.contains("R3\trelated Arg1:T2 Arg2:T4\n"), "{ann}");
    assert!(
        ann.contains("#1\tAnnotatorNotes T2\tهل هو الرئيس؟\n"),
        "{ann}"
    );
    let conf = file("annotation.conf");
    assert!(conf.contains("[relations]\nmet\tArg1:PER, Arg2:PER\nbased_in\tArg1:ORG, Arg2:LOC\nrelated\tArg1:<ENTITY>, Arg2:<ENTITY>\n"), "{conf}");

    let dir = tempfile::tempdir().unwrap();
    write_files(dir.path(), &exported.files, false).unwrap();
    let back = brat::import(&[dir.path().to_path_buf()]).unwrap();
    assert_eq!(links(&back.documents[0]), links(&corpus.documents[0]));
    let kinds: Vec<&str> = back
        .relation_labels
        .iter()
        .map(|r| r.name.as_str())
        .collect();
    assert_eq!(kinds, ["met", "based_in", "related"]);
    // brat has no document labels: the export says it dropped them.
    let notes = unrepresented(Format::Brat, &corpus.documents);
    assert!(
        notes
            .iter()
            .any(|n| n.contains("document labels of 1 document dropped")),
        "{notes:?}"
    );
    assert!(!notes.iter().any(|n| n.contains("relation")), "{notes:?}");
}

#[test]
fn jsonl_lines_carry_relations_labels_and_notes_and_read_back_whole() {
    let corpus = corpus();
    let text = exported_text(&corpus, Format::Jsonl);
    let line: serde_json::Value = serde_json::from_str(text.lines().next().unwrap()).unwrap();
    assert_eq!(
        line["relations"][0],
        serde_json::json!({"id": "R1", "label": "met", "from": "T1", "to": "T2"})
    );
    assert_eq!(
        line["labels"],
        serde_json::json!({"topic": ["politics", "economy"]})
    );
    assert_eq!(line["spans"][1]["note"], "هل هو الرئيس؟");
    assert_eq!(line["spans"][2].get("id"), None, "أنقرة is in no relation");
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("d.jsonl");
    std::fs::write(&path, &text).unwrap();
    let back = jsonl::import(std::slice::from_ref(&path)).unwrap();
    let (doc, original) = (&back.documents[0], &corpus.documents[0]);
    assert_eq!(links(doc), links(original));
    assert_eq!(doc.relations(), original.relations(), "ids kept too");
    assert_eq!(doc.labels, original.labels);
    assert!(back.document_labels[0].multiple);
    assert!(unrepresented(Format::Jsonl, &corpus.documents).is_empty());
}

#[test]
fn conll_and_the_formats_without_a_place_say_what_they_dropped() {
    let corpus = corpus();
    for format in [Format::Conll, Format::Hf] {
        let notes = unrepresented(format, &corpus.documents);
        for expected in [
            "3 relations dropped: this format holds spans only",
            "1 span note dropped",
        ] {
            assert!(
                notes.iter().any(|n| n.contains(expected)),
                "{format:?}: {notes:?}"
            );
        }
    }
    let conll = unrepresented(Format::Conll, &corpus.documents);
    assert!(
        conll
            .iter()
            .any(|n| n.contains("document labels of 1 document dropped")),
        "{conll:?}"
    );
    // hf keeps document labels as columns, in every row.
    let rows = exported_text(&corpus, Format::Hf);
    for row in rows.lines() {
        let row: serde_json::Value = serde_json::from_str(row).unwrap();
        assert_eq!(
            row["topic"],
            serde_json::json!(["politics", "economy"]),
            "{row}"
        );
        assert_eq!(row["country"], serde_json::json!([]), "{row}");
    }
}

#[test]
fn label_studio_tasks_carry_relation_and_choices_results_as_its_importer_reads_them() {
    let corpus = corpus();
    let text = exported_text(&corpus, Format::LabelStudio);
    let tasks: serde_json::Value = serde_json::from_str(&text).unwrap();
    let results = tasks[0]["annotations"][0]["result"].as_array().unwrap();
    // As Label Studio's docs show them: a relation between two region ids, and choices.
    assert_eq!(
        results[5],
        serde_json::json!({"from_id": "t1", "to_id": "t2", "type": "relation", "direction": "right", "labels": ["met"]})
    );
    assert_eq!(
        results[8],
        serde_json::json!({"id": "c1", "from_name": "topic", "to_name": "text", "type": "choices",
                           "value": {"choices": ["politics", "economy"]}})
    );
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("ls.json");
    std::fs::write(&path, &text).unwrap();
    let back = label_studio::import(std::slice::from_ref(&path)).unwrap();
    let (doc, original) = (&back.documents[0], &corpus.documents[0]);
    assert_eq!(links(doc).0, links(original).0);
    assert_eq!(doc.labels, original.labels);
    // A relation drawn leftwards in Label Studio points the other way.
    let left = text.replacen(
        r#""to_id":"t2","type":"relation","direction":"right""#,
        r#""to_id":"t2","type":"relation","direction":"left""#,
        1,
    );
    assert_ne!(left, text);
    std::fs::write(&path, &left).unwrap();
    let back = label_studio::import(std::slice::from_ref(&path)).unwrap();
    let met = links(&back.documents[0])
        .0
        .into_iter()
        .find(|r| r.0 == "met")
        .unwrap();
    assert_eq!((met.1.as_str(), met.2.as_str()), ("أردوغانَ", "بوتينُ"));
    // Notes have no place there, and it says so.
    let notes = unrepresented(Format::LabelStudio, &corpus.documents);
    assert_eq!(
        notes,
        ["1 span note dropped: this format has no place for them"]
    );
}

#[test]
fn doccano_writes_entities_relations_and_cats_as_its_relation_projects_do() {
    let mut corpus = corpus();
    let text = exported_text(&corpus, Format::Doccano);
    let line: serde_json::Value = serde_json::from_str(text.lines().next().unwrap()).unwrap();
    // The shape doccano's "sequence labelling with relations" export has.
    assert_eq!(
        line["entities"][0],
        serde_json::json!({"id": 0, "label": "PER", "start_offset": 6, "end_offset": 12})
    );
    assert_eq!(
        line["relations"][0],
        serde_json::json!({"id": 0, "from_id": 0, "to_id": 1, "type": "met"})
    );
    // Two document labels declared: each category says which.
    assert_eq!(
        line["cats"],
        serde_json::json!(["topic:politics", "topic:economy"])
    );
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("d.jsonl");
    std::fs::write(&path, &text).unwrap();
    let back = doccano::import(std::slice::from_ref(&path)).unwrap();
    let (doc, original) = (&back.documents[0], &corpus.documents[0]);
    assert_eq!(links(doc).0, links(original).0);
    assert_eq!(doc.labels, original.labels);

    // With one document label, plain category names; read back as "category".
    corpus.document_labels.truncate(1);
    let text = exported_text(&corpus, Format::Doccano);
    assert!(text.contains(r#""cats":["politics","economy"]"#), "{text}");
    // A corpus without relation types or document labels keeps the plain shape.
    let plain = parse_corpus(
        std::fs::read("assets/sample/sample.json")
            .unwrap()
            .as_slice(),
        Form::Json,
    )
    .unwrap();
    let text = exported_text(&plain, Format::Doccano);
    assert!(text.contains(r#""label":[["#) && !text.contains("entities"));
}
