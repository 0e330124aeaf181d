//! Every validation error of the corpus loader, each asserting the message names the place.

use taliq::format::{Code, Diagnostic, Form, parse_corpus};

const LABELS: &str = r##"[{"name": "PER", "color": "#e6194b", "key": "1"},
                         {"name": "LOC", "color": "#3cb44b", "key": "3"}]"##;

/// A corpus file with the standard labels around the given documents array.
fn corpus_with(documents: &str) -> String {
    format!(
        r#"{{"format": "taliq-corpus", "version": 1, "labels": {LABELS}, "documents": {documents}}}"#
    )
}

fn errors(json: &str) -> Vec<Diagnostic> {
    parse_corpus(json.as_bytes(), Form::Json).expect_err("the input is invalid")
}

fn only_error(json: &str) -> Diagnostic {
    let mut all = errors(json);
    assert_eq!(all.len(), 1, "expected one problem, got {all:#?}");
    all.remove(0)
}

/// A document with one span, written as JSON.
fn doc_with_span(text: &str, span: &str) -> String {
    corpus_with(&format!(
        r#"[{{"id": "d1", "text": "{text}", "spans": [{span}]}}]"#
    ))
}

#[test]
fn empty_file_is_named_as_such() {
    for input in ["", "  \n\t"] {
        let d = only_error(input);
        assert_eq!(d.code, Code::EmptyFile);
        assert!(d.message.contains("empty"), "{}", d.message);
    }
}

#[test]
fn invalid_utf8_gives_byte_offset_line_and_column() {
    let mut bytes = b"{\"format\": \"taliq-corpus\",\n \"x\": \"".to_vec();
    bytes.extend("عرب".as_bytes());
    bytes.push(0xC0);
    bytes.extend(b"\"}");
    let all = parse_corpus(&bytes, Form::Json).unwrap_err();
    assert_eq!(all.len(), 1);
    let d = &all[0];
    assert_eq!(d.code, Code::InvalidUtf8);
    assert!(d.message.contains("byte offset 40"), "{}", d.message);
    // Ten characters precede the bad byte on line 2: it is in column 11.
    assert_eq!((d.line, d.column), (Some(2), Some(11)));
}

#[test]
fn byte_order_mark_is_reported() {
    let json = format!("\u{feff}{}", corpus_with("[]"));
    assert_eq!(only_error(&json).code, Code::ByteOrderMark);
}

#[test]
fn syntax_error_has_line_and_character_column() {
    // The missing comma comes after Arabic text: the column counts characters, not bytes.
    let json = "{\"format\": \"taliq-corpus\",\n\"annotator\": \"أمل\" \"version\": 1}";
    let d = only_error(json);
    assert_eq!(d.code, Code::Syntax);
    assert_eq!(d.line, Some(2));
    // `"annotator": "أمل" ` is 19 characters (27 bytes); the unexpected quote is the 20th.
    assert_eq!(d.column, Some(20), "{d}");
    assert!(
        d.to_string()
            .starts_with("line 2, column 20: malformed JSON"),
        "{d}"
    );
}

#[test]
fn wrong_format_and_unknown_version_are_refused_by_name() {
    let d = only_error(r#"{"format": "doccano", "version": 1, "labels": [], "documents": []}"#);
    assert_eq!(d.code, Code::WrongFormat);
    assert!(d.message.contains("\"doccano\"") && d.message.contains("taliq-corpus"));
    let d =
        only_error(r#"{"format": "taliq-corpus", "version": 2, "labels": [], "documents": []}"#);
    assert_eq!(d.code, Code::UnsupportedVersion);
    assert!(d.message.contains("unsupported version 2"), "{}", d.message);
    let d = only_error(r#"{"labels": [], "documents": []}"#);
    assert_eq!(d.code, Code::WrongFormat);
    let d = only_error("[1, 2]");
    assert_eq!(d.code, Code::WrongType);
}

#[test]
fn fuzz_top_level_problems_are_placed_at_the_top_object() {
    // Found by tests/fuzz_readers.rs: a file without "format" was refused with no place at all.
    let d = only_error(
        "\n\n  {\"7\": \"taliq-corpus\", \"version\": 1.5, \"labels\": [], \"documents\": []}",
    );
    assert_eq!(d.code, Code::WrongFormat);
    assert_eq!((d.line, d.column), (Some(3), Some(3)), "{d}");
    assert!(
        d.to_string()
            .starts_with("line 3, column 3: missing field \"format\""),
        "{d}"
    );
    let d = only_error("[1, 2]");
    assert_eq!(
        d.to_string(),
        "line 1, column 1: a corpus file is a JSON object, found an array"
    );
}

#[test]
fn utf16_offset_unit_is_refused() {
    let json = r#"{"format": "taliq-corpus", "version": 1, "offset_unit": "utf16", "labels": [], "documents": []}"#;
    let d = only_error(json);
    assert_eq!(d.code, Code::WrongOffsetUnit);
    assert_eq!(d.field.as_deref(), Some("offset_unit"));
}

#[test]
fn missing_and_mistyped_fields_name_the_field() {
    let all = errors(&corpus_with(
        r#"[{"id": "d1", "spans": []}, {"id": 7, "text": "نص", "status": "finished"}]"#,
    ));
    let found: Vec<_> = all
        .iter()
        .map(|d| (d.code, d.document_index, d.field.clone()))
        .collect();
    assert_eq!(
        found,
        [
            (Code::MissingField, Some(0), Some("documents[0]".to_owned())),
            (Code::WrongType, Some(1), Some("documents[1].id".to_owned())),
            (
                Code::InvalidValue,
                Some(1),
                Some("documents[1].status".to_owned())
            ),
        ]
    );
    assert!(all[0].message.contains("\"text\""));
    assert_eq!(all[0].document.as_deref(), Some("d1"));
    assert!(all[2].message.contains("finished"));
}

#[test]
fn start_not_before_end_is_an_empty_span() {
    let d = only_error(&doc_with_span(
        "زار موسكو",
        r#"{"start": 4, "end": 4, "label": "LOC"}"#,
    ));
    assert_eq!(d.code, Code::EmptySpan);
    assert_eq!((d.document.as_deref(), d.span_index), (Some("d1"), Some(0)));
    let d = only_error(&doc_with_span(
        "زار موسكو",
        r#"{"start": 6, "end": 4, "label": "LOC"}"#,
    ));
    assert_eq!(d.code, Code::EmptySpan);
}

#[test]
fn end_past_text_is_out_of_range_in_code_points() {
    // 9 code points but 17 bytes: an offset valid in bytes is out of range in code points.
    let d = only_error(&doc_with_span(
        "زار موسكو",
        r#"{"start": 4, "end": 10, "label": "LOC"}"#,
    ));
    assert_eq!(d.code, Code::OutOfRange);
    assert!(d.message.contains("(9 code points)"), "{}", d.message);
    assert_eq!(d.field.as_deref(), Some("documents[0].spans[0].end"));
}

#[test]
fn negative_or_fractional_offsets_are_wrong_types() {
    let d = only_error(&doc_with_span(
        "زار موسكو",
        r#"{"start": -1, "end": 4, "label": "LOC"}"#,
    ));
    assert_eq!(d.code, Code::WrongType);
    let d = only_error(&doc_with_span(
        "زار موسكو",
        r#"{"start": 1.5, "end": 4, "label": "LOC"}"#,
    ));
    assert_eq!(d.code, Code::WrongType);
}

#[test]
fn harakah_cut_from_its_letter_is_rejected() {
    // "مُحَمَّد": meem, damma, hah, fatha, meem, shadda, fatha, dal. Offset 1 splits meem from damma.
    let d = only_error(&doc_with_span(
        "مُحَمَّد",
        r#"{"start": 1, "end": 8, "label": "PER"}"#,
    ));
    assert_eq!(d.code, Code::SplitsCluster);
    assert!(d.message.contains("U+064F"), "{}", d.message);
    assert_eq!(d.field.as_deref(), Some("documents[0].spans[0].start"));
    // End between shadda and its fatha.
    let d = only_error(&doc_with_span(
        "مُحَمَّد",
        r#"{"start": 0, "end": 6, "label": "PER"}"#,
    ));
    assert_eq!(d.code, Code::SplitsCluster);
    assert!(d.message.contains("end 6"), "{}", d.message);
}

#[test]
fn lam_alef_boundary_is_valid() {
    let json = doc_with_span(
        "لأوكرانيا",
        r#"{"start": 1, "end": 9, "label": "LOC", "text": "أوكرانيا"}"#,
    );
    let corpus = parse_corpus(json.as_bytes(), Form::Json).unwrap();
    let doc = &corpus.documents[0];
    assert_eq!(doc.span_text(&doc.spans()[0]), "أوكرانيا");
}

#[test]
fn span_text_must_equal_covered_text() {
    // The span text is off by one: the kind of error a UTF-16 or RTL-confused tool makes.
    let d = only_error(&doc_with_span(
        "قال الكرملين اليوم",
        r#"{"start": 5, "end": 12, "label": "LOC", "text": "الكرملين"}"#,
    ));
    assert_eq!(d.code, Code::TextMismatch);
    assert!(
        d.message.contains("\"الكرملين\"") && d.message.contains("\"لكرملين\""),
        "{}",
        d.message
    );
    assert!(d.message.contains("text[5:12]"));
}

#[test]
fn unknown_label_lists_the_known_ones() {
    let d = only_error(&doc_with_span(
        "زار موسكو",
        r#"{"start": 4, "end": 9, "label": "GPE"}"#,
    ));
    assert_eq!(d.code, Code::UnknownLabel);
    assert!(
        d.message.contains("\"GPE\"") && d.message.contains("PER, LOC"),
        "{}",
        d.message
    );
}

#[test]
fn duplicate_document_id_names_the_first() {
    let all = errors(&corpus_with(
        r#"[{"id": "a", "text": "x"}, {"id": "b", "text": "y"}, {"id": "a", "text": "z"}]"#,
    ));
    assert_eq!(all.len(), 1);
    assert_eq!(all[0].code, Code::DuplicateDocument);
    assert_eq!(all[0].document_index, Some(2));
    assert!(all[0].message.contains("document #0"));
}

#[test]
fn same_range_and_label_twice_is_a_duplicate_span() {
    let span = r#"{"start": 4, "end": 9, "label": "LOC"}"#;
    let json = doc_with_span(
        "زار موسكو",
        &format!(r#"{span}, {{"start": 4, "end": 9, "label": "PER"}}, {span}"#),
    );
    let d = only_error(&json);
    assert_eq!(d.code, Code::DuplicateSpan);
    assert_eq!(d.span_index, Some(2));
}

#[test]
fn label_set_errors() {
    let json = r##"{"format": "taliq-corpus", "version": 1, "documents": [], "labels": [
        {"name": "PER", "color": "#e6194b", "key": "1"},
        {"name": "PER", "color": "#000000"},
        {"name": "ORG", "color": "blue", "key": "1"},
        {"name": "LOC", "color": "#3cb44b", "key": "12"},
        {"color": "#3cb44b"}]}"##;
    let codes: Vec<_> = errors(json)
        .iter()
        .map(|d| (d.code, d.field.clone().unwrap_or_default()))
        .collect();
    assert_eq!(
        codes,
        [
            (Code::DuplicateLabel, "labels[1].name".to_owned()),
            (Code::InvalidValue, "labels[2].color".to_owned()),
            (Code::DuplicateHotkey, "labels[2].key".to_owned()),
            (Code::InvalidValue, "labels[3].key".to_owned()),
            (Code::MissingField, "labels[4]".to_owned()),
        ]
    );
}

#[test]
fn every_problem_is_reported_not_just_the_first() {
    let json = corpus_with(
        r#"[{"id": "a", "text": "مُحَمَّد في لندن", "spans": [
              {"start": 1, "end": 8, "label": "PER"},
              {"start": 12, "end": 16, "label": "GPE"},
              {"start": 12, "end": 40, "label": "LOC"}]},
            {"id": "a", "text": "نص", "spans": [{"start": 0, "end": 2, "label": "LOC", "text": "xx"}]}]"#,
    );
    let codes: Vec<_> = errors(&json).iter().map(|d| d.code).collect();
    assert_eq!(
        codes,
        [
            Code::UnknownLabel,
            Code::OutOfRange,
            Code::SplitsCluster,
            Code::DuplicateDocument,
            Code::TextMismatch
        ]
    );
}

#[test]
fn jsonl_diagnostics_carry_file_lines() {
    let jsonl = format!(
        "{}\n{}\n\n{}\n{}\n",
        r##"{"format": "taliq-corpus", "version": 1, "labels": [{"name": "LOC", "color": "#3cb44b"}]}"##,
        r#"{"id": "a", "text": "زار موسكو", "spans": [{"start": 4, "end": 9, "label": "LOC"}]}"#,
        r#"{"id": "b", "text": "زار موسكو", "spans": [{"start": 4, "end": 19, "label": "LOC"}]}"#,
        r#"{"id": "c", "text": "زار موسكو" "spans": []}"#,
    );
    let all = parse_corpus(jsonl.as_bytes(), Form::Jsonl).unwrap_err();
    let found: Vec<_> = all
        .iter()
        .map(|d| (d.code, d.line, d.document.clone()))
        .collect();
    assert_eq!(
        found,
        [
            (Code::OutOfRange, Some(4), Some("b".to_owned())),
            (Code::Syntax, Some(5), None)
        ]
    );
    assert_eq!(
        all[1].column,
        Some(33),
        "the unexpected quote after the 32 characters of text"
    );
}

#[test]
fn jsonl_header_must_not_hold_documents() {
    let jsonl = r#"{"format": "taliq-corpus", "version": 1, "labels": [], "documents": []}"#;
    let d = only_error_jsonl(jsonl);
    assert_eq!(d.code, Code::InvalidValue);
    assert_eq!(d.line, Some(1));
}

fn only_error_jsonl(text: &str) -> Diagnostic {
    let mut all = parse_corpus(text.as_bytes(), Form::Jsonl).expect_err("the input is invalid");
    assert_eq!(all.len(), 1, "{all:#?}");
    all.remove(0)
}

#[test]
fn every_copy_of_a_span_repeated_thousands_of_times_is_reported() {
    // Each copy after the first is its own problem; finding them is linear, not quadratic.
    let copies = 20_000;
    let spans = vec![r#"{"start": 4, "end": 10, "label": "PER"}"#; copies].join(",");
    let json = format!(
        r##"{{"format": "taliq-corpus", "version": 1, "labels": [{{"name": "PER", "color": "#e6194b"}}],
            "documents": [{{"id": "a", "text": "زار لافروف لأنقرة", "spans": [{spans}]}}]}}"##
    );
    let diagnostics = parse_corpus(json.as_bytes(), Form::Json).unwrap_err();
    assert_eq!(diagnostics.len(), copies - 1);
    assert!(diagnostics.iter().all(|d| d.code == Code::DuplicateSpan));
    assert_eq!(diagnostics[0].span_index, Some(1));
}

#[test]
fn labels_without_a_colour_get_free_palette_colours_and_a_bad_colour_is_still_an_error() {
    let json = r##"{"format": "taliq-corpus", "version": 1, "labels": [
        {"name": "PER", "color": "#e6194b", "key": "1"},
        {"name": "شخصية"},
        {"name": "EVENT", "key": "e"}],
      "documents": [{"id": "d", "text": "قال بوتين", "spans": [{"start": 4, "end": 9, "label": "شخصية"}]}]}"##;
    let corpus = parse_corpus(json.as_bytes(), Form::Json).expect("colour is optional");
    let colors: Vec<String> = corpus.labels.iter().map(|l| l.color.to_string()).collect();
    // PER keeps its own; the others take the next palette colours no label has.
    assert_eq!(colors, ["#e6194b", "#4363d8", "#3cb44b"]);
    // Saved, the file says every colour (and still loads).
    let written = taliq::format::write_corpus(&corpus, Form::Json);
    assert!(written.contains("#4363d8") && written.contains("#3cb44b"));
    assert!(parse_corpus(written.as_bytes(), Form::Json).is_ok());

    let bad = json.replace(
        r#"{"name": "EVENT", "key": "e"}"#,
        r#"{"name": "EVENT", "color": "blue"}"#,
    );
    let d = only_error(&bad);
    assert_eq!(d.code, Code::InvalidValue);
    assert!(
        d.field.as_deref().is_some_and(|f| f.ends_with("color")),
        "{d:?}"
    );
}

/// Regression for 74f0483, the smallest input of what `fuzz_corpus_json` found (its check:
/// an accepted corpus's span labels are in its label set): a second `"documents"` key after
/// the labels. The fast reader handed the labels over with one list and built the corpus of
/// the other with the label set already taken, so the file loaded with no labels at all.
/// The spans were still checked against the declared names, so only a span with a declared
/// label shows it (one with an undeclared label was rejected before the fix too). Both
/// orders of the keys; the last list is the one kept, as the slow reader keeps it.
#[test]
fn second_documents_key_keeps_the_labels_its_spans_use() {
    let labelled =
        r#"[{"id": "d1", "text": "زار موسكو", "spans": [{"start": 4, "end": 9, "label": "LOC"}]}]"#;
    let head = r#""format": "taliq-corpus", "version": 1"#;
    for json in [
        format!(r#"{{{head}, "labels": {LABELS}, "documents": [], "documents": {labelled}}}"#),
        format!(r#"{{{head}, "documents": [], "labels": {LABELS}, "documents": {labelled}}}"#),
    ] {
        let corpus = parse_corpus(json.as_bytes(), Form::Json).expect("the last list is read");
        let labels: Vec<&str> = corpus.labels.iter().map(|l| l.name.as_str()).collect();
        assert_eq!(labels, ["PER", "LOC"], "{json}");
        assert_eq!(corpus.documents.len(), 1, "{json}");
        let span = &corpus.documents[0].spans()[0];
        assert_eq!(
            (span.label.as_str(), span.range.start()),
            ("LOC", 4),
            "{json}"
        );
    }
}
