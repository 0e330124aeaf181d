//! Reading a corpus file into the model, collecting every problem on the way.
//!
//! The bytes are checked (empty, UTF-8), then read by the fast typed reader; if that
//! gives up, the slow reader walks the parsed JSON values and reports every missing or
//! mistyped field (syntax errors carry line and column). Either way the meaning is then
//! checked document by document, so one run reports all of a file's problems.

use serde_json::Value;

use super::Form;
use super::check::Checker;
use super::diagnostic::{Code, Diagnostic, Place};
use serde::de::DeserializeSeed;

use super::raw::{
    CorpusSeed, DocumentSink, FastCorpus, FastDocument, FastHeader, RawDocument, RawHeader,
    RawLabel,
};
use super::walk::{Walker, type_name};
use crate::model::textindex::line_and_column;
use crate::model::{Corpus, Document};

/// Parses a corpus from the bytes of a file of the given form.
///
/// # Errors
/// Every problem found in the file, each with its location; no corpus is returned
/// unless the file is entirely valid.
pub fn parse_corpus(bytes: &[u8], form: Form) -> Result<Corpus, Vec<Diagnostic>> {
    let text = decode(bytes)?;
    let mut checker = Checker::default();
    let corpus = match form {
        Form::Json => fast_json(text, &mut checker, None).or_else(|| slow_json(text, &mut checker)),
        Form::Jsonl => jsonl(text, &mut checker),
    };
    conclude(text, checker, corpus)
}

/// The corpus a reader made, if it found no problem; else every problem it found, the ones
/// about the top-level object placed there.
fn conclude(
    text: &str,
    checker: Checker,
    corpus: Option<Corpus>,
) -> Result<Corpus, Vec<Diagnostic>> {
    match corpus {
        Some(corpus) if checker.diagnostics.is_empty() => Ok(corpus),
        _ => {
            let mut diagnostics = checker.diagnostics;
            place_at_top_object(text, &mut diagnostics);
            Err(diagnostics)
        }
    }
}

/// Gives the diagnostics about the JSON form's top-level object itself (a missing
/// `format`, `documents` not an array, an array instead of an object), which have no
/// field or document to name, the line and column where that object starts.
fn place_at_top_object(text: &str, diagnostics: &mut [Diagnostic]) {
    let start = text.len() - text.trim_start().len();
    let (line, column) = line_and_column(&text.as_bytes()[..start]);
    for d in diagnostics.iter_mut().filter(|d| d.location().is_empty()) {
        d.line = Some(line);
        d.column = Some(column);
    }
}

/// Checks that the bytes are non-empty UTF-8 without a byte-order mark.
fn decode(bytes: &[u8]) -> Result<&str, Vec<Diagnostic>> {
    // SIMD validation first: Arabic text is all multi-byte characters, which the standard
    // library checks one at a time (a sixth of loading a corpus); its error places the problem.
    let text = simdutf8::basic::from_utf8(bytes).or_else(|_| std::str::from_utf8(bytes));
    let text = text.map_err(|e| {
        let at = e.valid_up_to();
        let (line, column) = line_and_column(&bytes[..at]);
        let mut d = Diagnostic::new(
            Code::InvalidUtf8,
            format!(
                "invalid UTF-8 at byte offset {at} (byte 0x{:02x}); the file must be UTF-8",
                bytes[at]
            ),
        );
        d.line = Some(line);
        d.column = Some(column);
        vec![d]
    })?;
    if text.starts_with('\u{feff}') {
        let mut d = Diagnostic::new(
            Code::ByteOrderMark,
            "the file starts with a byte-order mark (U+FEFF); save it as UTF-8 without BOM",
        );
        d.line = Some(1);
        d.column = Some(1);
        return Err(vec![d]);
    }
    if text.trim().is_empty() {
        return Err(vec![Diagnostic::new(
            Code::EmptyFile,
            "the file is empty; a corpus file holds at least {\"format\": \"taliq-corpus\", \"version\": 1, ...}",
        )]);
    }
    Ok(text)
}

/// A syntax diagnostic, with `serde_json`'s byte column turned into a character column.
fn syntax_diagnostic(text: &str, error: &serde_json::Error, line_offset: usize) -> Diagnostic {
    let mut message = error.to_string();
    if let Some(i) = message.rfind(" at line ") {
        message.truncate(i);
    }
    let mut d = Diagnostic::new(Code::Syntax, format!("malformed JSON: {message}"));
    let line_text = text
        .split('\n')
        .nth(error.line().saturating_sub(1))
        .unwrap_or("");
    let mut byte_column = error.column().min(line_text.len());
    while !line_text.is_char_boundary(byte_column) {
        byte_column -= 1;
    }
    d.line = Some(error.line() + line_offset);
    d.column = Some(line_text[..byte_column].chars().count().max(1));
    d
}

/// Checks a header's labels and builds the corpus shell they belong to.
fn start_corpus(header: RawHeader, checker: &mut Checker, place: &Place) -> Corpus {
    let RawHeader {
        annotator,
        labels,
        mut extra,
    } = header;
    if let Some(labels) = labels {
        checker.labels_are_known();
        for (i, label) in labels.into_iter().enumerate() {
            checker.label(label, &place.child("labels").index(i));
        }
    }
    corpus_shell(
        annotator,
        extra_with_declarations(&mut extra, checker, place),
        checker,
    )
}

/// Checks the relation types and document labels among a header's unknown fields (after
/// its labels); returns the fields left.
fn extra_with_declarations(
    extra: &mut crate::model::Extra,
    checker: &mut Checker,
    place: &Place,
) -> crate::model::Extra {
    checker.declarations(extra, place);
    std::mem::take(extra)
}

/// A corpus with no documents yet, holding what the checker accepted of its header.
fn corpus_shell(
    annotator: Option<String>,
    extra: crate::model::Extra,
    checker: &mut Checker,
) -> Corpus {
    let (relation_labels, document_labels) = checker.take_declarations();
    Corpus {
        annotator,
        labels: checker.take_labels(),
        relation_labels,
        document_labels,
        documents: Vec::new(),
        extra,
    }
}

fn check_documents(corpus: &mut Corpus, documents: Vec<RawDocument>, checker: &mut Checker) {
    corpus.documents.reserve(documents.len());
    for (i, raw) in documents.into_iter().enumerate() {
        corpus
            .documents
            .push(checker.document(raw, Place::document(i, None)));
    }
}

/// Runs one step of the slow reader and moves its diagnostics into the checker's, in order.
fn walked<T>(checker: &mut Checker, step: impl FnOnce(&mut Walker) -> T) -> T {
    let mut walker = Walker::default();
    let result = step(&mut walker);
    checker.diagnostics.append(&mut walker.diagnostics);
    result
}

/// The slow reader's header: walks and checks each label in turn.
fn slow_header(
    map: serde_json::Map<String, Value>,
    checker: &mut Checker,
    place: &Place,
) -> Option<Corpus> {
    let (header, label_values) = walked(checker, |w| w.header(map, place))?;
    if let Some(values) = label_values {
        checker.labels_are_known();
        for (i, value) in values.into_iter().enumerate() {
            let label_place = place.child("labels").index(i);
            if let Some(raw) = walked(checker, |w| w.label(value, &label_place)) {
                checker.label(raw, &label_place);
            }
        }
    }
    let mut extra = header.extra;
    let extra = extra_with_declarations(&mut extra, checker, place);
    Some(corpus_shell(header.annotator, extra, checker))
}

/// The slow reader's document: walks it, then checks it if it has an id and a text.
fn slow_document(value: Value, mut place: Place, corpus: &mut Corpus, checker: &mut Checker) {
    if let Some(raw) = walked(checker, |w| w.document(value, &mut place)) {
        let doc = checker.document(raw, place);
        corpus.documents.push(doc);
    }
}

/// What [`parse_corpus_each`] hands over, in file order.
#[derive(Debug)]
#[allow(
    clippy::large_enum_variant,
    reason = "almost every value is a document, moved once; a box would be one more allocation each"
)]
pub enum Loaded {
    /// The next document, checked.
    Document(Document),
    /// Forget every document handed over so far: they come again from the first.
    Restart,
}

/// Parses a corpus as [`parse_corpus`] does, but hands each document to `each` as soon as it
/// is checked instead of keeping it: the corpus returned holds no documents. A large export
/// is then written while the file is read, and no more than a few documents are held at once.
///
/// Documents handed over before an error are void: on an error the caller discards what it
/// made of them (the error lists every problem, as [`parse_corpus`]'s does).
///
/// # Errors
/// As [`parse_corpus`].
pub fn parse_corpus_each(
    bytes: &[u8],
    form: Form,
    each: &mut dyn FnMut(Loaded),
) -> Result<Corpus, Vec<Diagnostic>> {
    let text = decode(bytes)?;
    let mut checker = Checker::default();
    let corpus = match form {
        Form::Json => {
            let mut handed = false;
            let mut handing = |loaded: Loaded| {
                handed = true;
                each(loaded);
            };
            if let Some(corpus) = fast_json(text, &mut checker, Some(&mut handing)) {
                return conclude(text, checker, Some(corpus));
            }
            if handed {
                each(Loaded::Restart);
            }
            slow_json(text, &mut checker)
        }
        Form::Jsonl => jsonl(text, &mut checker),
    };
    // The slow reader and the JSONL form keep the documents; they are handed over once the
    // whole file is known to be valid.
    let mut corpus = conclude(text, checker, corpus)?;
    for doc in std::mem::take(&mut corpus.documents) {
        each(Loaded::Document(doc));
    }
    Ok(corpus)
}

/// Checks documents as the fast reader hands them over, into the corpus its labels began,
/// or on to `each` when there is one.
struct Checking<'c, 'e> {
    checker: &'c mut Checker,
    corpus: Corpus,
    each: Option<&'e mut dyn FnMut(Loaded)>,
}

impl DocumentSink for Checking<'_, '_> {
    fn labels(&mut self, labels: Vec<RawLabel>, declarations: crate::model::Extra) {
        let header = RawHeader {
            labels: Some(labels),
            extra: declarations,
            ..RawHeader::default()
        };
        self.corpus = start_corpus(header, self.checker, &Place::default());
    }

    fn document(&mut self, index: usize, document: RawDocument) {
        let doc = self
            .checker
            .document(document, Place::document(index, None));
        match &mut self.each {
            Some(each) => each(Loaded::Document(doc)),
            None => self.corpus.documents.push(doc),
        }
    }
}

/// The fast reader over a whole JSON corpus: `None` when it gives up (the slow reader then
/// reports why), with whatever it checked on the way undone.
fn fast_json(
    text: &str,
    checker: &mut Checker,
    each: Option<&mut dyn FnMut(Loaded)>,
) -> Option<Corpus> {
    let mut sink = Checking {
        checker,
        corpus: Corpus::default(),
        each,
    };
    let mut deserializer = serde_json::Deserializer::from_str(text);
    let read = CorpusSeed(&mut sink)
        .deserialize(&mut deserializer)
        .and_then(|corpus| deserializer.end().map(|()| corpus));
    let Checking {
        checker,
        corpus,
        each,
    } = sink;
    match read {
        Ok(FastCorpus(header, None)) => Some(Corpus {
            annotator: header.annotator,
            // The declarations went with the labels, before the documents.
            extra: header.extra,
            ..corpus
        }),
        Ok(FastCorpus(header, Some(documents))) => {
            let mut corpus = start_corpus(header, checker, &Place::default());
            check_documents(&mut corpus, documents, checker);
            if let Some(each) = each {
                for doc in std::mem::take(&mut corpus.documents) {
                    each(Loaded::Document(doc));
                }
            }
            Some(corpus)
        }
        Err(_) => {
            // Documents checked before the surprise will be checked again by the slow reader.
            *checker = Checker::default();
            None
        }
    }
}

/// The slow reader over a whole JSON corpus: every problem reported with its place.
fn slow_json(text: &str, checker: &mut Checker) -> Option<Corpus> {
    let value: Value = match serde_json::from_str(text) {
        Ok(v) => v,
        Err(e) => {
            checker.diagnostics.push(syntax_diagnostic(text, &e, 0));
            return None;
        }
    };
    let place = Place::default();
    let Value::Object(mut map) = value else {
        checker.diagnostics.push(place.diagnostic(
            Code::WrongType,
            format!(
                "a corpus file is a JSON object, found {}",
                type_name(&value)
            ),
        ));
        return None;
    };
    let documents = map.remove("documents");
    let mut corpus = slow_header(map, checker, &place)?;
    match documents {
        None => checker
            .diagnostics
            .push(place.diagnostic(Code::MissingField, "missing field \"documents\"")),
        Some(Value::Array(items)) => {
            for (i, item) in items.into_iter().enumerate() {
                slow_document(item, Place::document(i, None), &mut corpus, checker);
            }
        }
        Some(other) => checker
            .diagnostics
            .push(place.child("documents").diagnostic(
                Code::WrongType,
                format!(
                    "\"documents\" must be an array, found {}",
                    type_name(&other)
                ),
            )),
    }
    Some(corpus)
}

fn jsonl(text: &str, checker: &mut Checker) -> Option<Corpus> {
    let mut lines = text
        .split('\n')
        .enumerate()
        .map(|(i, line)| (i + 1, line))
        .filter(|(_, line)| !line.trim().is_empty());
    let (header_line, header_text) = lines.next()?;
    let header_place = Place {
        line: Some(header_line),
        ..Place::default()
    };
    let mut corpus = if let Ok(FastHeader(header)) = serde_json::from_str::<FastHeader>(header_text)
    {
        Some(start_corpus(header, checker, &header_place))
    } else {
        match serde_json::from_str::<Value>(header_text) {
            Err(e) => {
                checker
                    .diagnostics
                    .push(syntax_diagnostic(header_text, &e, header_line - 1));
                None
            }
            Ok(Value::Object(mut map)) => {
                if map.remove("documents").is_some() {
                    checker
                        .diagnostics
                        .push(header_place.child("documents").diagnostic(
                            Code::InvalidValue,
                            "a JSONL header holds no documents: put one document per line after it",
                        ));
                }
                Some(slow_header(map, checker, &header_place)?)
            }
            Ok(other) => {
                checker.diagnostics.push(header_place.diagnostic(
                    Code::WrongType,
                    format!(
                        "the first line of a JSONL corpus is the header object, found {}",
                        type_name(&other)
                    ),
                ));
                return None;
            }
        }
    };
    // Documents are still checked when the header could not be read, to report their problems too.
    let mut shell = Corpus::default();
    let target = corpus.as_mut().unwrap_or(&mut shell);
    for (index, (line_number, line)) in lines.enumerate() {
        let place = Place::document(index, Some(line_number));
        if let Ok(FastDocument(raw)) = serde_json::from_str::<FastDocument>(line) {
            let doc = checker.document(raw, place);
            target.documents.push(doc);
            continue;
        }
        match serde_json::from_str::<Value>(line) {
            Ok(value) => slow_document(value, place, target, checker),
            Err(e) => checker
                .diagnostics
                .push(syntax_diagnostic(line, &e, line_number - 1)),
        }
    }
    corpus
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::format::write_corpus;

    /// What `parse_corpus_each` hands over, the documents after the last restart, and how
    /// many restarts there were.
    fn each(text: &str) -> (Result<Corpus, Vec<Diagnostic>>, Vec<Document>, usize) {
        let (mut docs, mut restarts) = (Vec::new(), 0);
        let result = parse_corpus_each(text.as_bytes(), Form::Json, &mut |loaded| match loaded {
            Loaded::Document(doc) => docs.push(doc),
            Loaded::Restart => {
                restarts += 1;
                docs.clear();
            }
        });
        (result, docs, restarts)
    }

    fn assert_same_as_parse_corpus(text: &str, expected_restarts: usize) {
        let whole = parse_corpus(text.as_bytes(), Form::Json).unwrap();
        let (header, docs, restarts) = each(text);
        let header = header.unwrap();
        assert_eq!(restarts, expected_restarts);
        assert!(header.documents.is_empty());
        assert_eq!(docs, whole.documents);
        assert_eq!(
            (&header.annotator, &header.labels, &header.extra),
            (&whole.annotator, &whole.labels, &whole.extra)
        );
    }

    fn sample() -> Corpus {
        let mut corpus = crate::synth::corpus(40, 600, 6, 9);
        corpus.extra.insert("project".into(), "أخبار العالم".into());
        corpus
    }

    #[test]
    fn documents_are_handed_over_as_parse_corpus_reads_them() {
        let text = write_corpus(&sample(), Form::Json);
        assert!(text.find("\"labels\"") < text.find("\"documents\""));
        assert_same_as_parse_corpus(&text, 0);
    }

    #[test]
    fn labels_after_the_documents_and_a_header_field_last_still_read_the_same() {
        let mut value: Value = serde_json::from_str(&write_corpus(&sample(), Form::Json)).unwrap();
        let map = value.as_object_mut().unwrap();
        let labels = map.shift_remove("labels").unwrap();
        let annotator = map.shift_remove("annotator").unwrap();
        map.insert("labels".into(), labels);
        map.insert("annotator".into(), annotator);
        assert_same_as_parse_corpus(&value.to_string(), 0);
    }

    #[test]
    fn a_surprise_for_the_fast_reader_restarts_the_documents_from_the_first() {
        // `"status": null` is valid but not what the fast reader expects; it gives up at the
        // sixth document, after handing over five.
        let mut value: Value = serde_json::from_str(&write_corpus(&sample(), Form::Json)).unwrap();
        value["documents"][5]["status"] = Value::Null;
        assert_same_as_parse_corpus(&value.to_string(), 1);
    }

    #[test]
    fn an_invalid_document_gives_the_errors_of_parse_corpus() {
        let mut value: Value = serde_json::from_str(&write_corpus(&sample(), Form::Json)).unwrap();
        value["documents"][7]["spans"][0]["end"] = 100_000.into();
        value["documents"][30]["spans"][1]["label"] = "مجهول".into();
        let text = value.to_string();
        let expected = parse_corpus(text.as_bytes(), Form::Json).unwrap_err();
        assert_eq!(expected.len(), 2);
        let (result, _, _) = each(&text);
        assert_eq!(result.unwrap_err(), expected);
    }
}
