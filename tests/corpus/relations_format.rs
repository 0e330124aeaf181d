//! Relations, document labels and span notes in the corpus file (issue #14): round trips in
//! both forms, one located error for each invalid case, and files without them unchanged.

#![allow(
    clippy::unwrap_used,
    reason = "fixture helpers fail the test that calls them"
)]

use taliq::format::{Code, Form, parse_corpus, parse_corpus_each, write_corpus};
use taliq::model::{Relation, Status};

/// Arabic with harakat, Latin and digits: who met whom where, a topic and a note. The
/// relation `r3` crosses the line break of the text.
const WITH_RELATIONS: &str = r##"{
  "format": "taliq-corpus",
  "version": 1,
  "offset_unit": "codepoint",
  "labels": [
    {"name": "PER", "color": "#e6194b", "key": "1"},
    {"name": "ORG", "color": "#4363d8", "key": "2"},
    {"name": "LOC", "color": "#3cb44b", "key": "3"}
  ],
  "relation_labels": [
    {"name": "met", "color": "#911eb4", "key": "m", "from": ["PER"], "to": ["PER"]},
    {"name": "based_in", "color": "#f58231", "from": ["ORG"], "to": ["LOC"]},
    {"name": "related", "color": "#808080", "from": [], "to": []}
  ],
  "document_labels": [
    {"name": "topic", "values": ["politics", "economy", "سياسة"], "multiple": true},
    {"name": "country", "values": ["RU", "TR"], "multiple": false}
  ],
  "documents": [
    {
      "id": "d1",
      "status": "in_progress",
      "labels": {"topic": ["politics", "سياسة"], "country": ["TR"]},
      "text": "التقى بوتينُ أردوغانَ في أنقرة 2022\nوقالت Reuters في موسكو",
      "spans": [
        {"start": 6, "end": 12, "label": "PER", "text": "بوتينُ", "id": "T1"},
        {"start": 13, "end": 21, "label": "PER", "text": "أردوغانَ", "id": "T2", "note": "هل هو الرئيس؟"},
        {"start": 25, "end": 30, "label": "LOC", "text": "أنقرة", "id": "T3"},
        {"start": 42, "end": 49, "label": "ORG", "text": "Reuters", "id": "T4"},
        {"start": 53, "end": 58, "label": "LOC", "text": "موسكو", "id": "T5"}
      ],
      "relations": [
        {"id": "R1", "label": "met", "from": "T1", "to": "T2"},
        {"id": "R2", "label": "based_in", "from": "T4", "to": "T5", "confidence": "high"},
        {"id": "R3", "label": "related", "from": "T2", "to": "T4"}
      ]
    }
  ]
}
"##;

#[test]
fn relations_labels_and_notes_round_trip_in_both_forms() {
    let corpus = parse_corpus(WITH_RELATIONS.as_bytes(), Form::Json).unwrap();
    assert_eq!(corpus.relation_labels.len(), 3);
    assert_eq!(corpus.relation_labels[0].key, Some('m'));
    assert!(corpus.relation_labels[1].allows("ORG", "LOC"));
    assert!(!corpus.relation_labels[1].allows("LOC", "ORG"));
    assert!(corpus.relation_labels[2].allows("LOC", "PER"), "empty: any");
    assert!(corpus.document_labels[0].multiple);
    let doc = &corpus.documents[0];
    assert_eq!(doc.status, Status::InProgress);
    assert_eq!(
        doc.labels,
        [
            (
                "topic".to_owned(),
                vec!["politics".to_owned(), "سياسة".to_owned()]
            ),
            ("country".to_owned(), vec!["TR".to_owned()])
        ]
    );
    assert_eq!(doc.spans()[1].note.as_deref(), Some("هل هو الرئيس؟"));
    assert_eq!(doc.spans()[0].id.as_deref(), Some("T1"));
    assert!(
        doc.spans()[0].extra.is_empty(),
        "id and note are fields, not extras"
    );
    assert_eq!(doc.relations().len(), 3);
    assert_eq!(doc.relations()[1].extra["confidence"], "high");
    assert!(doc.extra.is_empty());
    // Byte for byte in the JSON form; the same corpus through JSONL.
    assert_eq!(write_corpus(&corpus, Form::Json), WITH_RELATIONS);
    let jsonl = write_corpus(&corpus, Form::Jsonl);
    let back = parse_corpus(jsonl.as_bytes(), Form::Jsonl).unwrap();
    assert_eq!(back, corpus);
    assert_eq!(write_corpus(&back, Form::Jsonl), jsonl);
    // The streaming reader sees the declarations before the documents, as taliq writes them.
    let mut handed = Vec::new();
    parse_corpus_each(WITH_RELATIONS.as_bytes(), Form::Json, &mut |loaded| {
        if let taliq::format::Loaded::Document(d) = loaded {
            handed.push(d);
        }
    })
    .unwrap();
    assert_eq!(handed, corpus.documents);
}

#[test]
fn declarations_written_after_the_documents_are_still_understood() {
    // A hand-made file: the declarations come last, after documents that use them.
    let mut value: serde_json::Value = serde_json::from_str(WITH_RELATIONS).unwrap();
    let map = value.as_object_mut().unwrap();
    for key in ["relation_labels", "document_labels"] {
        let moved = map.shift_remove(key).unwrap();
        map.insert(key.to_owned(), moved);
    }
    let text = serde_json::to_string_pretty(&value).unwrap();
    assert!(text.find("\"documents\"") < text.find("\"relation_labels\""));
    let corpus = parse_corpus(text.as_bytes(), Form::Json).unwrap();
    let expected = parse_corpus(WITH_RELATIONS.as_bytes(), Form::Json).unwrap();
    assert_eq!(corpus, expected);
    let mut documents = 0;
    let mut restarted = false;
    parse_corpus_each(text.as_bytes(), Form::Json, &mut |loaded| match loaded {
        taliq::format::Loaded::Document(_) => documents += 1,
        taliq::format::Loaded::Restart => {
            restarted = true;
            documents = 0;
        }
    })
    .unwrap();
    assert_eq!((documents, restarted), (1, true));
}

#[test]
fn a_file_without_them_and_the_sample_save_unchanged() {
    let sample = std::fs::read_to_string("assets/sample/sample.json").unwrap();
    let jsonl = write_corpus(
        &parse_corpus(sample.as_bytes(), Form::Json).unwrap(),
        Form::Jsonl,
    );
    for (text, form) in [(sample, Form::Json), (jsonl, Form::Jsonl)] {
        let corpus = parse_corpus(text.as_bytes(), form).unwrap();
        assert!(corpus.relation_labels.is_empty() && corpus.document_labels.is_empty());
        assert!(
            corpus
                .documents
                .iter()
                .all(|d| d.relations().is_empty() && d.labels.is_empty())
        );
        // Compared as booleans: a failure must not print a whole article.
        assert!(write_corpus(&corpus, form) == text, "{form:?} changed");
    }
}

/// The first diagnostic of `WITH_RELATIONS` with `from` replaced by `to`: its code, field and
/// message.
fn problem(from: &str, to: &str) -> (Code, String, String) {
    assert!(WITH_RELATIONS.contains(from), "{from}");
    let text = WITH_RELATIONS.replacen(from, to, 1);
    let errors = parse_corpus(text.as_bytes(), Form::Json).expect_err("invalid");
    assert_eq!(errors.len(), 1, "{errors:#?}");
    let d = &errors[0];
    if d.field
        .as_deref()
        .is_some_and(|f| f.starts_with("documents"))
    {
        assert_eq!(d.document.as_deref(), Some("d1"), "{d:?}");
    }
    (
        d.code,
        d.field.clone().unwrap_or_default(),
        d.message.clone(),
    )
}

#[test]
fn each_invalid_case_is_one_located_error() {
    let (code, field, message) = problem(r#""to": "T2"}"#, r#""to": "T9"}"#);
    assert_eq!(code, Code::UnknownSpanId);
    assert_eq!(field, "documents[0].relations[0].to");
    assert!(message.contains("\"T9\""), "{message}");

    let (code, field, message) = problem(
        r#""label": "met", "from": "T1", "to": "T2""#,
        r#""label": "met", "from": "T1", "to": "T3""#,
    );
    assert_eq!(code, Code::RelationNotAllowed);
    assert_eq!(field, "documents[0].relations[0].label");
    assert!(
        message.contains("from a PER span to a LOC span") && message.contains("from PER to PER"),
        "{message}"
    );

    let (code, field, message) = problem(r#""country": ["TR"]"#, r#""country": ["EG"]"#);
    assert_eq!(code, Code::UnknownLabel);
    assert_eq!(field, "documents[0].labels.country");
    assert!(
        message.contains("\"EG\"") && message.contains("RU, TR"),
        "{message}"
    );

    let (code, field, _) = problem(r#""country": ["TR"]"#, r#""country": ["TR", "RU"]"#);
    assert_eq!(
        (code, field.as_str()),
        (Code::InvalidValue, "documents[0].labels.country")
    );

    let (code, field, message) = problem(r#""labels": {"topic""#, r#""labels": {"genre""#);
    assert_eq!(
        (code, field.as_str()),
        (Code::UnknownLabel, "documents[0].labels.genre")
    );
    assert!(message.contains("topic, country"), "{message}");

    let (code, field, message) = problem(r#""label": "related""#, r#""label": "cites""#);
    assert_eq!(
        (code, field.as_str()),
        (Code::UnknownLabel, "documents[0].relations[2].label")
    );
    assert!(message.contains("met, based_in, related"), "{message}");

    let (code, field, _) = problem(r#""id": "R3""#, r#""id": "R1""#);
    assert_eq!(
        (code, field.as_str()),
        (Code::DuplicateId, "documents[0].relations[2].id")
    );

    // A span id given twice: the second span loses it, and the relation to T5 (its old id,
    // now no span's) is reported.
    let text = WITH_RELATIONS.replacen(r#""id": "T5""#, r#""id": "T4""#, 1);
    let errors = parse_corpus(text.as_bytes(), Form::Json).expect_err("invalid");
    let codes: Vec<(Code, Option<usize>, Option<&str>)> = errors
        .iter()
        .map(|d| (d.code, d.span_index, d.field.as_deref()))
        .collect();
    assert_eq!(
        codes,
        [
            (Code::DuplicateId, Some(4), Some("documents[0].spans[4].id")),
            (
                Code::UnknownSpanId,
                None,
                Some("documents[0].relations[1].to")
            ),
        ]
    );

    // An unknown span label in a type: reported at the type (and its relation, ORG → LOC,
    // no longer fits it).
    let text = WITH_RELATIONS.replacen(r#""from": ["ORG"]"#, r#""from": ["ORGANISATION"]"#, 1);
    let errors = parse_corpus(text.as_bytes(), Form::Json).expect_err("invalid");
    assert_eq!(errors[0].code, Code::UnknownLabel);
    assert_eq!(errors[0].field.as_deref(), Some("relation_labels[1].from"));
    assert!(
        errors[0].message.contains("\"ORGANISATION\""),
        "{}",
        errors[0].message
    );

    let (code, field, _) = problem(r#""note": "هل هو الرئيس؟""#, r#""note": 7"#);
    assert_eq!(
        (code, field.as_str()),
        (Code::WrongType, "documents[0].spans[1].note")
    );

    let (code, field, _) = problem(r#""multiple": false"#, r#""multiple": "no""#);
    assert_eq!(
        (code, field.as_str()),
        (Code::WrongType, "document_labels[1].multiple")
    );
}

#[test]
fn relations_are_kept_whole_through_the_documents_own_edits() {
    let mut corpus = parse_corpus(WITH_RELATIONS.as_bytes(), Form::Json).unwrap();
    let doc = &mut corpus.documents[0];
    let err = doc
        .add_relation(Relation::new("R4", "met", "T1", "T7"))
        .unwrap_err();
    assert!(err.to_string().contains("\"T7\""), "{err}");
    assert!(
        doc.add_relation(Relation::new("R1", "met", "T1", "T2"))
            .is_err()
    );
    assert_eq!(doc.fresh_id("R"), "R4");
    assert_eq!(doc.fresh_id("T"), "T6");
    assert_eq!(doc.relations_of("T2").count(), 2);
    let removed = doc.remove_relation("R3").unwrap();
    assert_eq!(removed.to, "T4");
    assert_eq!(doc.relations_of("T2").count(), 1);
    let mut span = taliq::model::Span::new(taliq::model::CharRange::new(0, 5).unwrap(), "PER");
    span.id = Some("T1".to_owned());
    assert!(doc.add_span(span).is_err(), "T1 is taken");
}

#[test]
fn a_relation_type_read_without_a_colour_takes_none_of_the_labels_colours() {
    // Issue #25 item 12: it took the palette's first colour, PER's red.
    let file = r##"{
  "format": "taliq-corpus", "version": 1, "offset_unit": "codepoint",
  "labels": [
    {"name": "PER", "color": "#e6194b"}, {"name": "ORG"}, {"name": "LOC"}
  ],
  "relation_labels": [{"name": "met"}, {"name": "based_in"}],
  "documents": []
}"##;
    let corpus = parse_corpus(file.as_bytes(), Form::Json).unwrap();
    let labels: Vec<_> = corpus.labels.iter().map(|l| l.color).collect();
    let relations: Vec<_> = corpus.relation_labels.iter().map(|r| r.color).collect();
    assert_eq!(relations.len(), 2);
    for color in &relations {
        assert!(!labels.contains(color), "{color:?} is a label's colour");
    }
    assert_ne!(relations[0], relations[1]);
}
