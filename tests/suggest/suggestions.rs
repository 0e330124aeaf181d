//! Suggestions in the corpus file: round trips, located errors, older files unchanged,
//! and exports, agreement and review that see spans only.

#![allow(
    clippy::unwrap_used,
    reason = "fixture helpers fail the test that calls them"
)]

use taliq::format::{Code, Form, parse_corpus, write_corpus};
use taliq::interchange::{Format, Options, export_documents};
use taliq::model::{CharRange, Corpus, RejectedSuggestion, Suggestion};

const SAMPLE: &str = "assets/sample/sample.json";

fn range(a: usize, b: usize) -> CharRange {
    CharRange::new(a, b).unwrap()
}

/// A corpus of Arabic with harakat, Latin and digits, a hand-made span, an accepted one,
/// suggestions and a rejection.
const WITH_SUGGESTIONS: &str = r##"{
  "format": "taliq-corpus",
  "version": 1,
  "offset_unit": "codepoint",
  "labels": [
    {"name": "PER", "color": "#e6194b", "key": "1"},
    {"name": "LOC", "color": "#3cb44b", "key": "3"}
  ],
  "documents": [
    {
      "id": "d1",
      "status": "in_progress",
      "text": "زارَ بوتين لروسيا عام 2022 مع Reuters وبوتين",
      "spans": [
        {"start": 5, "end": 10, "label": "PER", "text": "بوتين"},
        {"start": 12, "end": 17, "label": "LOC", "text": "روسيا", "source": "matcher"}
      ],
      "suggestions": [
        {"start": 39, "end": 44, "label": "LOC", "text": "بوتين", "score": 0.25, "source": "matcher", "note": "kept"},
        {"start": 39, "end": 44, "label": "PER", "text": "بوتين", "score": 0.75, "source": "matcher"}
      ],
      "rejected_suggestions": [
        {"start": 30, "end": 37, "label": "PER", "text": "Reuters"}
      ]
    }
  ]
}
"##;

#[test]
fn suggestions_round_trip_byte_for_byte_in_both_forms() {
    let corpus = parse_corpus(WITH_SUGGESTIONS.as_bytes(), Form::Json).unwrap();
    let doc = &corpus.documents[0];
    assert_eq!(doc.suggestions().len(), 2);
    assert_eq!(doc.suggestions()[0].label, "LOC", "kept in span order");
    assert!((doc.suggestions()[1].score - 0.75).abs() < f32::EPSILON);
    assert_eq!(doc.suggestions()[0].extra["note"], "kept");
    assert_eq!(doc.rejected_suggestions()[0].label, "PER");
    assert_eq!(doc.spans()[0].source, None, "made by hand");
    assert_eq!(doc.spans()[1].source.as_deref(), Some("matcher"));
    assert_eq!(write_corpus(&corpus, Form::Json), WITH_SUGGESTIONS);
    let jsonl = write_corpus(&corpus, Form::Jsonl);
    let back = parse_corpus(jsonl.as_bytes(), Form::Jsonl).unwrap();
    assert_eq!(back, corpus);
    assert_eq!(write_corpus(&back, Form::Jsonl), jsonl);
}

#[test]
fn the_sample_and_a_file_without_suggestions_save_unchanged() {
    let bytes = std::fs::read(SAMPLE).unwrap();
    let corpus = parse_corpus(&bytes, Form::Json).unwrap();
    assert!(corpus.documents.iter().all(|d| d.suggestions().is_empty()));
    assert_eq!(write_corpus(&corpus, Form::Json).as_bytes(), &bytes[..]);
}

#[test]
fn scores_are_written_so_that_they_read_back_the_same() {
    let mut corpus = Corpus::with_default_labels();
    let mut doc = taliq::model::Document::new("d", "قال بوتين");
    for (score, label) in [
        (0.1_f32, "PER"),
        (1.0, "ORG"),
        (0.0, "LOC"),
        (1.0 / 3.0, "MISC"),
    ] {
        doc.add_suggestion(Suggestion::new(range(4, 9), label, score, "tagger"))
            .unwrap();
    }
    corpus.documents.push(doc);
    let text = write_corpus(&corpus, Form::Json);
    assert!(text.contains("\"score\": 0.1,"), "{text}");
    assert!(text.contains("\"score\": 1,"), "{text}");
    let back = parse_corpus(text.as_bytes(), Form::Json).unwrap();
    assert_eq!(back, corpus);
    assert_eq!(write_corpus(&back, Form::Json), text);
}

/// The diagnostics of a corpus whose only document holds these suggestions and rejections.
fn problems(suggestions: &str, rejected: &str) -> Vec<(Code, String, String)> {
    let text = format!(
        r##"{{"format": "taliq-corpus", "version": 1, "labels": [{{"name": "PER", "color": "#e6194b"}}],
 "documents": [{{"id": "d", "text": "كَتَبَ بوتين 😀", "suggestions": [{suggestions}], "rejected_suggestions": [{rejected}]}}]}}"##
    );
    parse_corpus(text.as_bytes(), Form::Json)
        .expect_err("invalid")
        .into_iter()
        .map(|d| (d.code, d.field.clone().unwrap_or_default(), d.message))
        .collect()
}

#[test]
fn bad_suggestions_are_all_reported_with_their_place() {
    let found = problems(
        r#"{"start": 7, "end": 12, "label": "PER", "score": 1.5, "source": "m"},
           {"start": 1, "end": 12, "label": "PER", "score": 0.5, "source": "m"},
           {"start": 7, "end": 99, "label": "PER", "score": 0.5, "source": "m"},
           {"start": 7, "end": 12, "label": "ORG", "score": 0.5, "source": "m"},
           {"start": 7, "end": 12, "label": "PER", "score": 0.5},
           {"start": 7, "end": 12, "label": "PER", "text": "بوتي", "score": 0.5, "source": "m"}"#,
        r#"{"start": 9, "end": 9, "label": "PER"}, {"start": 0, "end": 6, "label": "LOC"}"#,
    );
    let has = |code: Code, field: &str| found.iter().any(|(c, f, _)| *c == code && f == field);
    assert!(
        has(Code::InvalidValue, "documents[0].suggestions[0].score"),
        "{found:#?}"
    );
    assert!(
        has(Code::SplitsCluster, "documents[0].suggestions[1].start"),
        "{found:#?}"
    );
    assert!(
        has(Code::OutOfRange, "documents[0].suggestions[2].end"),
        "{found:#?}"
    );
    assert!(
        has(Code::UnknownLabel, "documents[0].suggestions[3].label"),
        "{found:#?}"
    );
    assert!(
        has(Code::MissingField, "documents[0].suggestions[4]"),
        "{found:#?}"
    );
    assert!(
        has(Code::TextMismatch, "documents[0].suggestions[5].text"),
        "{found:#?}"
    );
    assert!(
        has(Code::EmptySpan, "documents[0].rejected_suggestions[0]"),
        "{found:#?}"
    );
    assert!(
        has(
            Code::UnknownLabel,
            "documents[0].rejected_suggestions[1].label"
        ),
        "{found:#?}"
    );
    let score = found
        .iter()
        .find(|(c, _, _)| *c == Code::InvalidValue)
        .unwrap();
    assert!(
        score.2.contains("1.5") && score.2.contains("0..=1"),
        "{}",
        score.2
    );
}

#[test]
fn duplicate_suggestions_and_a_wrong_type_are_located() {
    let found = problems(
        r#"{"start": 7, "end": 12, "label": "PER", "score": 0.5, "source": "m"},
           {"start": 7, "end": 12, "label": "PER", "score": 0.6, "source": "t"}"#,
        r#""PER""#,
    );
    assert!(
        found
            .iter()
            .any(|(c, f, _)| *c == Code::DuplicateSpan && f == "documents[0].suggestions[1]")
    );
    assert!(
        found
            .iter()
            .any(|(c, f, _)| *c == Code::WrongType && f == "documents[0].rejected_suggestions[0]")
    );
}

/// The sample with suggestions, rejections and every span marked as accepted from a recommender.
fn sample_with_suggestions() -> (Corpus, Corpus) {
    let plain = taliq::format::load(SAMPLE).unwrap();
    let mut rich = plain.clone();
    for doc in &mut rich.documents {
        let spans: Vec<_> = doc.spans().to_vec();
        for (i, span) in spans.iter().enumerate() {
            let index = doc.find_span(span.range, &span.label).unwrap();
            let mut taken = doc.remove_span(index);
            taken.source = Some("tagger".to_owned());
            doc.add_span(taken).unwrap();
            // A suggestion on the same range with another label, and one rejection.
            let other = if span.label == "PER" { "ORG" } else { "PER" };
            doc.add_suggestion(Suggestion::new(span.range, other, 0.5, "matcher"))
                .unwrap();
            if i == 0 {
                doc.add_rejected(RejectedSuggestion::new(span.range, "MISC"))
                    .unwrap();
            }
        }
        // A suggestion where no span is, over the first word.
        doc.add_suggestion(Suggestion::new(range(0, 2), "LOC", 0.9, "tagger"))
            .unwrap();
    }
    (plain, rich)
}

#[test]
fn exports_hold_spans_only() {
    let (plain, rich) = sample_with_suggestions();
    for format in [
        Format::Jsonl,
        Format::Conll,
        Format::Hf,
        Format::Brat,
        Format::LabelStudio,
        Format::Doccano,
    ] {
        let options = Options::default();
        let a = export_documents(&plain, &plain.documents, format, &options);
        let b = export_documents(&rich, &rich.documents, format, &options);
        assert_eq!(a.files, b.files, "{format:?}");
    }
}

#[test]
fn agreement_and_review_ignore_suggestions() {
    let (plain, rich) = sample_with_suggestions();
    let mut other = plain.clone();
    // The second annotator misses the first span of each document.
    for doc in &mut other.documents {
        if !doc.spans().is_empty() {
            doc.remove_span(0);
        }
    }
    let names = ["a".to_owned(), "b".to_owned()];
    let plain_report = taliq::review::agree(&[plain.clone(), other.clone()], &names).unwrap();
    let rich_report = taliq::review::agree(&[rich.clone(), other.clone()], &names).unwrap();
    // Compared as JSON: a figure that is NaN (no data) is never equal to itself.
    assert_eq!(
        serde_json::to_string(&plain_report).unwrap(),
        serde_json::to_string(&rich_report).unwrap()
    );
    let mut session =
        taliq::review::session::ReviewSession::new(vec![("a".into(), rich), ("b".into(), other)])
            .unwrap();
    let mut gold = session.blank_gold();
    session.attach_gold(&mut gold).unwrap();
    assert!(
        gold.documents
            .iter()
            .all(|d| d.suggestions().is_empty() && d.rejected_suggestions().is_empty())
    );
    let candidates = session.candidates(0);
    assert!(!candidates.is_empty());
    assert!(
        candidates
            .iter()
            .all(|c| plain.documents[0].find_span(c.range, &c.label).is_some()),
        "candidates come from spans, never from suggestions"
    );
}
