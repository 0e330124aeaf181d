//! Property tests: random mixed texts with random valid spans survive save → load, and
//! spans that cut a grapheme cluster are always rejected.

use proptest::prelude::*;
use taliq::format::{Code, Form, parse_corpus, write_corpus};
use taliq::model::{CharRange, Corpus, Document, Span, SpanError};
use unicode_segmentation::UnicodeSegmentation;

/// Pieces a text is built from: Arabic letters, harakat, lam-alef, Latin, digits, emoji
/// (with skin tone, ZWJ sequence and flag), quotes, line breaks (LF and CRLF), tabs, controls.
const PIECES: &[&str] = &[
    "ب",
    "ل",
    "ا",
    "أ",
    "ة",
    "ي",
    "ى",
    "ك",
    "م",
    "ن",
    "و",
    "ف",
    "ـ",
    "پ",
    "گ",
    "\u{064E}",
    "\u{064F}",
    "\u{0650}",
    "\u{0651}",
    "\u{0652}",
    "\u{064B}",
    "\u{0670}",
    "لأ",
    "لا",
    "لإ",
    "لآ",
    "a",
    "Z",
    "é",
    "e\u{0301}",
    "1",
    "٢",
    "۳",
    " ",
    " ",
    "\n",
    "\r\n",
    "\t",
    "😀",
    "👍🏽",
    "👩‍💻",
    "🇸🇦",
    "“",
    "”",
    "«",
    "»",
    "،",
    "\"",
    "\\",
    // Form feed: the one control besides tab and newlines a text may hold (issue #25).
    "\u{c}",
    "\u{200F}",
];

fn text_strategy() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(PIECES), 0..120).prop_map(|p| p.concat())
}

/// Code-point offsets of every grapheme-cluster boundary of `text`, ends included.
fn cluster_boundaries(text: &str) -> Vec<usize> {
    let mut offsets = vec![0];
    let mut at = 0;
    for g in text.graphemes(true) {
        at += g.chars().count();
        offsets.push(at);
    }
    offsets
}

fn corpus_strategy() -> impl Strategy<Value = Corpus> {
    let doc = (
        text_strategy(),
        prop::collection::vec((any::<usize>(), any::<usize>(), 0..5usize), 0..12),
    );
    prop::collection::vec(doc, 1..4).prop_map(|docs| {
        let mut corpus = Corpus::with_default_labels();
        let labels: Vec<String> = corpus.labels.iter().map(|l| l.name.clone()).collect();
        for (i, (text, picks)) in docs.into_iter().enumerate() {
            let bounds = cluster_boundaries(&text);
            let mut doc = Document::new(format!("doc {i} / «{i}»"), text);
            for (a, b, label) in picks {
                let (a, b) = (bounds[a % bounds.len()], bounds[b % bounds.len()]);
                if a != b {
                    // Duplicates are refused by add_span; what remains is a valid span set.
                    let _ = doc.add_span(Span::new(CharRange::between(a, b), &labels[label]));
                }
            }
            corpus.documents.push(doc);
        }
        corpus
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn valid_corpora_survive_save_and_load(corpus in corpus_strategy()) {
        for form in [Form::Json, Form::Jsonl] {
            let saved = write_corpus(&corpus, form);
            let loaded = parse_corpus(saved.as_bytes(), form);
            prop_assert!(loaded.is_ok(), "{form:?}: {:?}\n{saved}", loaded.err());
            let loaded = loaded.unwrap();
            prop_assert_eq!(&loaded, &corpus);
            prop_assert_eq!(write_corpus(&loaded, form), saved);
            // Every span's saved text is Python's text[start:end].
            for doc in &loaded.documents {
                for span in doc.spans() {
                    let python: String = doc.text().chars().skip(span.range.start()).take(span.range.len()).collect();
                    prop_assert_eq!(doc.span_text(span), python.as_str());
                }
            }
        }
    }

    #[test]
    fn spans_cutting_a_cluster_are_always_rejected(text in text_strategy(), pick in any::<usize>(), other in any::<usize>()) {
        let bounds = cluster_boundaries(&text);
        let n = text.chars().count();
        let inside: Vec<usize> = (1..n).filter(|o| bounds.binary_search(o).is_err()).collect();
        prop_assume!(!inside.is_empty());
        let cut = inside[pick % inside.len()];
        let edge = bounds[other % bounds.len()];
        prop_assume!(edge != cut);
        let range = CharRange::between(cut, edge);

        let doc = Document::new("d", text.clone());
        let checked = doc.check_range(range);
        prop_assert!(matches!(checked, Err(SpanError::SplitsCluster { offset, .. }) if offset == cut), "{checked:?}");

        let json = serde_json::json!({
            "format": "taliq-corpus", "version": 1,
            "labels": [{"name": "PER", "color": "#e6194b"}],
            "documents": [{"id": "d", "text": text,
                           "spans": [{"start": range.start(), "end": range.end(), "label": "PER"}]}],
        });
        let errors = parse_corpus(json.to_string().as_bytes(), Form::Json).unwrap_err();
        prop_assert_eq!(errors.len(), 1);
        prop_assert_eq!(errors[0].code, Code::SplitsCluster);
    }
}

/// A corpus file with random, often invalid, spans: out of range, inside clusters, with
/// wrong text, unknown labels or twice the same.
fn messy_file_strategy() -> impl Strategy<Value = serde_json::Value> {
    let span = (
        0..40usize,
        0..40usize,
        prop::sample::select(&["PER", "LOC", "GPE"][..]),
        any::<bool>(),
    );
    let doc = (
        text_strategy(),
        prop::collection::vec(span, 0..6),
        0..3usize,
    );
    prop::collection::vec(doc, 1..4).prop_map(|docs| {
        let documents: Vec<serde_json::Value> = docs
            .into_iter()
            .map(|(text, spans, id)| {
                let spans: Vec<serde_json::Value> = spans
                    .into_iter()
                    .map(|(start, end, label, with_text)| {
                        let mut span =
                            serde_json::json!({"start": start, "end": end, "label": label});
                        if with_text {
                            span["text"] = text
                                .chars()
                                .skip(start)
                                .take(end.saturating_sub(start))
                                .collect::<String>()
                                .into();
                        }
                        span
                    })
                    .collect();
                serde_json::json!({"id": format!("d{id}"), "text": text, "spans": spans})
            })
            .collect();
        serde_json::json!({
            "format": "taliq-corpus", "version": 1,
            "labels": [{"name": "PER", "color": "#e6194b"}, {"name": "LOC", "color": "#3cb44b"}],
            "documents": documents,
        })
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    /// The fast reader (well-typed files) and the slow one (any file) report the same problems.
    #[test]
    fn fast_and_slow_readers_agree(file in messy_file_strategy()) {
        let fast = parse_corpus(file.to_string().as_bytes(), Form::Json);
        // A mistyped annotator sends the reader down the slow path and adds one problem first.
        let mut mistyped = file.clone();
        mistyped["annotator"] = 5.into();
        let slow = parse_corpus(mistyped.to_string().as_bytes(), Form::Json).unwrap_err();
        prop_assert_eq!(slow[0].code, Code::WrongType);
        prop_assert_eq!(slow[0].field.as_deref(), Some("annotator"));
        match fast {
            Ok(_) => prop_assert_eq!(slow.len(), 1),
            Err(fast) => prop_assert_eq!(&slow[1..], &fast[..]),
        }
    }
}

#[test]
fn fuzz_a_float_in_an_unknown_field_survives_save_and_load_exactly() {
    // Found by cargo fuzz: an 84-digit integer in a document's unknown field (too big for
    // u64, so a float) was read as 8.88888888888889e83, not the nearest double, and saved
    // and read again became 8.888888888888891e83: serde_json parses floats exactly only with
    // its float_roundtrip feature.
    let big = format!("{}22", "8".repeat(82));
    let json = format!(
        r#"{{"format": "taliq-corpus", "version": 1, "labels": [],
        "documents": [{{"id": "a", "text": "زار", "score": {big},
                       "meta": {{"confidence": 0.1234567890123456789, "tiny": 5e-324}}}}]}}"#
    );
    let corpus = parse_corpus(json.as_bytes(), Form::Json).unwrap();
    // The double nearest the integer, as Python's float() gives it.
    assert_eq!(corpus.documents[0].extra["score"], 8.888_888_888_888_888e83);
    for form in [Form::Json, Form::Jsonl] {
        let saved = write_corpus(&corpus, form);
        assert_eq!(
            parse_corpus(saved.as_bytes(), form).unwrap(),
            corpus,
            "{form:?}"
        );
    }
}
