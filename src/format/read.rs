//! Reading a corpus file into the model, collecting every problem on the way.
//!
//! The bytes are checked (empty, UTF-8), parsed as JSON values (syntax errors carry
//! line and column), then walked field by field; every rule broken becomes a
//! [`Diagnostic`] and the walk goes on, so that one run reports all of a file's problems.

use std::collections::{HashMap, HashSet};

use serde_json::{Map, Value};

use super::diagnostic::{Code, Diagnostic};
use super::{FORMAT_NAME, FORMAT_VERSION, Form, OFFSET_UNIT};
use crate::model::textindex::{chars_to_bytes_sorted, is_grapheme_boundary, line_and_column};
use crate::model::{CharRange, Color, Corpus, Document, Extra, Label, Span, Status};

/// Parses a corpus from the bytes of a file of the given form.
///
/// # Errors
/// Every problem found in the file, each with its location; no corpus is returned
/// unless the file is entirely valid.
pub fn parse_corpus(bytes: &[u8], form: Form) -> Result<Corpus, Vec<Diagnostic>> {
    let text = decode(bytes)?;
    let mut reader = Reader::default();
    let corpus = match form {
        Form::Json => reader.json(text),
        Form::Jsonl => reader.jsonl(text),
    };
    match corpus {
        Some(corpus) if reader.diagnostics.is_empty() => Ok(corpus),
        _ => Err(reader.diagnostics),
    }
}

/// Checks that the bytes are non-empty UTF-8 without a byte-order mark.
fn decode(bytes: &[u8]) -> Result<&str, Vec<Diagnostic>> {
    let text = std::str::from_utf8(bytes).map_err(|e| {
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

/// A syntax diagnostic, with serde's byte column turned into a character column.
fn syntax_diagnostic(text: &str, error: &serde_json::Error, line_offset: usize) -> Diagnostic {
    let mut d = Diagnostic::new(
        Code::Syntax,
        format!("malformed JSON: {}", strip_position(error)),
    );
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

/// `serde_json`'s message without its trailing " at line L column C", which we report ourselves.
fn strip_position(error: &serde_json::Error) -> String {
    let message = error.to_string();
    match message.rfind(" at line ") {
        Some(i) => message[..i].to_owned(),
        None => message,
    }
}

/// The JSON type of a value, for messages.
fn type_name(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

/// Where in the file the walk is, so that diagnostics can say it.
#[derive(Clone, Default)]
struct Place {
    line: Option<usize>,
    document: Option<String>,
    document_index: Option<usize>,
    span_index: Option<usize>,
    field: String,
}

impl Place {
    fn child(&self, name: &str) -> Self {
        let mut place = self.clone();
        place.field = if self.field.is_empty() {
            name.to_owned()
        } else {
            format!("{}.{name}", self.field)
        };
        place
    }

    fn index(&self, i: usize) -> Self {
        let mut place = self.clone();
        place.field = format!("{}[{i}]", self.field);
        place
    }

    fn diagnostic(&self, code: Code, message: impl Into<String>) -> Diagnostic {
        let mut d = Diagnostic::new(code, message);
        d.line = self.line;
        d.document.clone_from(&self.document);
        d.document_index = self.document_index;
        d.span_index = self.span_index;
        d.field = (!self.field.is_empty()).then(|| self.field.clone());
        d
    }
}

/// The label set, as far as it could be read, and what spans need to check against it.
#[derive(Default)]
struct Header {
    annotator: Option<String>,
    labels: Vec<Label>,
    label_names: HashSet<String>,
    /// Whether the label set could be read, so that spans can be checked against it.
    labels_known: bool,
    extra: Extra,
}

/// One span read from the file before its range is checked against the text.
struct RawSpan {
    index: usize,
    start: usize,
    end: usize,
    label: String,
    text: Option<String>,
    annotator: Option<String>,
    extra: Extra,
}

#[derive(Default)]
struct Reader {
    diagnostics: Vec<Diagnostic>,
}

impl Reader {
    fn report(&mut self, d: Diagnostic) {
        self.diagnostics.push(d);
    }

    fn json(&mut self, text: &str) -> Option<Corpus> {
        let value: Value = match serde_json::from_str(text) {
            Ok(v) => v,
            Err(e) => {
                self.report(syntax_diagnostic(text, &e, 0));
                return None;
            }
        };
        let place = Place::default();
        let Value::Object(mut map) = value else {
            self.report(place.diagnostic(
                Code::WrongType,
                format!(
                    "a corpus file is a JSON object, found {}",
                    type_name(&value)
                ),
            ));
            return None;
        };
        let documents = map.remove("documents");
        let mut header = self.header(map, &place)?;
        let mut corpus_documents = Vec::new();
        match documents {
            None => {
                self.report(place.diagnostic(Code::MissingField, "missing field \"documents\""));
            }
            Some(Value::Array(items)) => {
                let mut ids = HashMap::new();
                for (i, item) in items.into_iter().enumerate() {
                    let mut doc_place = place.child("documents").index(i);
                    doc_place.document_index = Some(i);
                    if let Some(doc) = self.document(item, doc_place, &header, &mut ids) {
                        corpus_documents.push(doc);
                    }
                }
            }
            Some(other) => self.report(place.child("documents").diagnostic(
                Code::WrongType,
                format!(
                    "\"documents\" must be an array, found {}",
                    type_name(&other)
                ),
            )),
        }
        Some(Corpus {
            annotator: header.annotator.take(),
            labels: std::mem::take(&mut header.labels),
            documents: corpus_documents,
            extra: std::mem::take(&mut header.extra),
        })
    }

    fn jsonl(&mut self, text: &str) -> Option<Corpus> {
        let mut header: Option<Header> = None;
        let mut header_failed = false;
        let mut documents = Vec::new();
        let mut ids = HashMap::new();
        let mut document_index = 0;
        for (line_index, line) in text.split('\n').enumerate() {
            let line_number = line_index + 1;
            if line.trim().is_empty() {
                continue;
            }
            let place = Place {
                line: Some(line_number),
                ..Place::default()
            };
            let value: Value = match serde_json::from_str(line) {
                Ok(v) => v,
                Err(e) => {
                    self.report(syntax_diagnostic(line, &e, line_index));
                    if header.is_none() && !header_failed {
                        header_failed = true;
                    } else {
                        document_index += 1;
                    }
                    continue;
                }
            };
            if header.is_none() && !header_failed {
                let Value::Object(mut map) = value else {
                    self.report(place.diagnostic(
                        Code::WrongType,
                        format!(
                            "the first line of a JSONL corpus is the header object, found {}",
                            type_name(&value)
                        ),
                    ));
                    return None;
                };
                if map.remove("documents").is_some() {
                    self.report(place.child("documents").diagnostic(
                        Code::InvalidValue,
                        "a JSONL header holds no documents: put one document per line after it",
                    ));
                }
                header = Some(self.header(map, &place)?);
                continue;
            }
            let mut doc_place = place;
            doc_place.document_index = Some(document_index);
            document_index += 1;
            let empty = Header::default();
            if let Some(doc) = self.document(
                value,
                doc_place,
                header.as_ref().unwrap_or(&empty),
                &mut ids,
            ) {
                documents.push(doc);
            }
        }
        let header = header?;
        Some(Corpus {
            annotator: header.annotator,
            labels: header.labels,
            documents,
            extra: header.extra,
        })
    }

    /// Reads the fields common to the JSON top level and the JSONL header line.
    ///
    /// Returns `None` when the file is not a taliq corpus of a version we read: then
    /// nothing else in it can be trusted to mean what we think.
    fn header(&mut self, mut map: Map<String, Value>, place: &Place) -> Option<Header> {
        match map.remove("format") {
            Some(Value::String(s)) if s == FORMAT_NAME => {}
            Some(other) => {
                self.report(place.child("format").diagnostic(
                    Code::WrongFormat,
                    format!("\"format\" is {other}, expected \"{FORMAT_NAME}\": this is not a taliq corpus"),
                ));
                return None;
            }
            None => {
                self.report(place.diagnostic(
                    Code::WrongFormat,
                    format!("missing field \"format\": a taliq corpus starts with {{\"format\": \"{FORMAT_NAME}\", \"version\": {FORMAT_VERSION}, ...}}"),
                ));
                return None;
            }
        }
        match map.remove("version") {
            Some(Value::Number(n)) if n.as_u64() == Some(FORMAT_VERSION) => {}
            Some(other) => {
                self.report(place.child("version").diagnostic(
                    Code::UnsupportedVersion,
                    format!("unsupported version {other}: this taliq reads corpus format version {FORMAT_VERSION}"),
                ));
                return None;
            }
            None => {
                self.report(place.diagnostic(Code::MissingField, "missing field \"version\""));
                return None;
            }
        }
        match map.remove("offset_unit") {
            None => {}
            Some(Value::String(s)) if s == OFFSET_UNIT => {}
            Some(other) => self.report(place.child("offset_unit").diagnostic(
                Code::WrongOffsetUnit,
                format!("\"offset_unit\" is {other}; format version 1 counts offsets in Unicode code points (\"{OFFSET_UNIT}\")"),
            )),
        }
        let mut header = Header {
            annotator: self.optional_string(&mut map, "annotator", place),
            ..Header::default()
        };
        match map.remove("labels") {
            None => self.report(place.diagnostic(Code::MissingField, "missing field \"labels\"")),
            Some(Value::Array(items)) => {
                header.labels_known = true;
                self.labels(items, &place.child("labels"), &mut header);
            }
            Some(other) => self.report(place.child("labels").diagnostic(
                Code::WrongType,
                format!("\"labels\" must be an array, found {}", type_name(&other)),
            )),
        }
        header.extra = map;
        Some(header)
    }

    fn labels(&mut self, items: Vec<Value>, place: &Place, header: &mut Header) {
        let mut keys: HashMap<char, String> = HashMap::new();
        for (i, item) in items.into_iter().enumerate() {
            let place = place.index(i);
            let Value::Object(mut map) = item else {
                self.report(place.diagnostic(
                    Code::WrongType,
                    format!("a label is an object, found {}", type_name(&item)),
                ));
                continue;
            };
            let name = self.required_string(&mut map, "name", &place);
            let color = self
                .required_string(&mut map, "color", &place)
                .and_then(|c| {
                    c.parse::<Color>()
                        .map_err(|e| {
                            self.report(place.child("color").diagnostic(Code::InvalidValue, e));
                        })
                        .ok()
                });
            let key = self.optional_string(&mut map, "key", &place).and_then(|k| {
                let mut chars = k.chars();
                if let (Some(c), None) = (chars.next(), chars.next()) {
                    Some(c)
                } else {
                    self.report(place.child("key").diagnostic(
                        Code::InvalidValue,
                        format!("hotkey {k:?} must be a single character"),
                    ));
                    None
                }
            });
            let description = self.optional_string(&mut map, "description", &place);
            let Some(name) = name else { continue };
            if name.is_empty() {
                self.report(
                    place
                        .child("name")
                        .diagnostic(Code::InvalidValue, "label name is empty"),
                );
                continue;
            }
            if !header.label_names.insert(name.clone()) {
                self.report(place.child("name").diagnostic(
                    Code::DuplicateLabel,
                    format!("label {name:?} is defined twice"),
                ));
                continue;
            }
            if let Some(other) = key.and_then(|key| keys.insert(key, name.clone())) {
                self.report(place.child("key").diagnostic(
                    Code::DuplicateHotkey,
                    format!(
                        "hotkey {:?} of label {name:?} is already the hotkey of {other:?}",
                        key.unwrap_or_default()
                    ),
                ));
            }
            if let Some(color) = color {
                header.labels.push(Label {
                    name,
                    color,
                    key,
                    description,
                    extra: map,
                });
            }
        }
    }

    fn document(
        &mut self,
        value: Value,
        mut place: Place,
        header: &Header,
        ids: &mut HashMap<String, usize>,
    ) -> Option<Document> {
        let Value::Object(mut map) = value else {
            self.report(place.diagnostic(
                Code::WrongType,
                format!("a document is an object, found {}", type_name(&value)),
            ));
            return None;
        };
        let id = self.required_string(&mut map, "id", &place);
        if let Some(id) = &id {
            place.document = Some(id.clone());
            let index = place.document_index.unwrap_or_default();
            if id.is_empty() {
                self.report(
                    place
                        .child("id")
                        .diagnostic(Code::InvalidValue, "document id is empty"),
                );
            } else if let Some(first) = ids.insert(id.clone(), index) {
                ids.insert(id.clone(), first);
                self.report(place.child("id").diagnostic(
                    Code::DuplicateDocument,
                    format!("document id {id:?} is already used by document #{first}"),
                ));
            }
        }
        let text = self.required_string(&mut map, "text", &place);
        let meta = match map.remove("meta") {
            None => None,
            Some(v @ Value::Object(_)) => Some(v),
            Some(other) => {
                self.report(place.child("meta").diagnostic(
                    Code::WrongType,
                    format!("\"meta\" must be an object, found {}", type_name(&other)),
                ));
                None
            }
        };
        let status = self
            .optional_string(&mut map, "status", &place)
            .and_then(|s| {
                s.parse::<Status>()
                    .map_err(|e| {
                        self.report(place.child("status").diagnostic(Code::InvalidValue, e));
                    })
                    .ok()
            });
        let raw_spans = match map.remove("spans") {
            None => Vec::new(),
            Some(Value::Array(items)) => self.raw_spans(items, &place.child("spans"), header),
            Some(other) => {
                self.report(place.child("spans").diagnostic(
                    Code::WrongType,
                    format!("\"spans\" must be an array, found {}", type_name(&other)),
                ));
                Vec::new()
            }
        };
        let (id, text) = (id?, text?);
        let char_len = text.chars().count();
        let spans = self.check_spans(&text, char_len, raw_spans, &place);
        let mut doc = Document::from_checked_parts(id, text, char_len, spans);
        doc.meta = meta;
        doc.status = status.unwrap_or_default();
        doc.extra = map;
        Some(doc)
    }

    fn raw_spans(&mut self, items: Vec<Value>, place: &Place, header: &Header) -> Vec<RawSpan> {
        let mut spans = Vec::with_capacity(items.len());
        for (index, item) in items.into_iter().enumerate() {
            let mut place = place.index(index);
            place.span_index = Some(index);
            let Value::Object(mut map) = item else {
                self.report(place.diagnostic(
                    Code::WrongType,
                    format!("a span is an object, found {}", type_name(&item)),
                ));
                continue;
            };
            let start = self.required_offset(&mut map, "start", &place);
            let end = self.required_offset(&mut map, "end", &place);
            let label = self.required_string(&mut map, "label", &place);
            let text = self.optional_string(&mut map, "text", &place);
            let annotator = self.optional_string(&mut map, "annotator", &place);
            if let Some(label) = label
                .as_ref()
                .filter(|l| header.labels_known && !header.label_names.contains(*l))
            {
                self.report(place.child("label").diagnostic(
                    Code::UnknownLabel,
                    format!(
                        "unknown label {label:?}: the file's labels are {}",
                        label_list(header)
                    ),
                ));
            }
            if let (Some(start), Some(end), Some(label)) = (start, end, label) {
                spans.push(RawSpan {
                    index,
                    start,
                    end,
                    label,
                    text,
                    annotator,
                    extra: map,
                });
            }
        }
        spans
    }

    /// Checks spans against their text: order of edges, range, grapheme boundaries, text, duplicates.
    fn check_spans(
        &mut self,
        text: &str,
        char_len: usize,
        raw: Vec<RawSpan>,
        place: &Place,
    ) -> Vec<Span> {
        let span_place = |index: usize, field: &str| {
            let mut p = place.child("spans").index(index);
            p.span_index = Some(index);
            if field.is_empty() { p } else { p.child(field) }
        };
        let mut in_range = Vec::with_capacity(raw.len());
        for span in raw {
            if span.start >= span.end {
                self.report(span_place(span.index, "").diagnostic(
                    Code::EmptySpan,
                    format!(
                        "start {} is not before end {}: a span covers at least one character",
                        span.start, span.end
                    ),
                ));
            } else if span.end > char_len {
                self.report(span_place(span.index, "end").diagnostic(
                    Code::OutOfRange,
                    format!(
                        "end {} is past the end of the text ({char_len} code points)",
                        span.end
                    ),
                ));
            } else {
                in_range.push(span);
            }
        }
        let mut edges: Vec<usize> = in_range.iter().flat_map(|s| [s.start, s.end]).collect();
        edges.sort_unstable();
        edges.dedup();
        let bytes = chars_to_bytes_sorted(text, &edges);
        let byte_of = |offset: usize| {
            edges
                .binary_search(&offset)
                .ok()
                .and_then(|i| bytes[i])
                .unwrap_or(text.len())
        };
        let mut seen: HashSet<(usize, usize, String)> = HashSet::with_capacity(in_range.len());
        let mut spans = Vec::with_capacity(in_range.len());
        for span in in_range {
            let (start_byte, end_byte) = (byte_of(span.start), byte_of(span.end));
            let mut ok = true;
            for (edge, byte, field) in [
                (span.start, start_byte, "start"),
                (span.end, end_byte, "end"),
            ] {
                if !is_grapheme_boundary(text, byte) {
                    ok = false;
                    let cut = text[byte..].chars().next().map_or(0, u32::from);
                    self.report(span_place(span.index, field).diagnostic(
                        Code::SplitsCluster,
                        format!(
                            "{field} {edge} falls inside a grapheme cluster: it would cut U+{cut:04X} from the character before it"
                        ),
                    ));
                }
            }
            let covered = &text[start_byte..end_byte];
            if let Some(written) = span.text.as_ref().filter(|w| *w != covered) {
                ok = false;
                self.report(span_place(span.index, "text").diagnostic(
                    Code::TextMismatch,
                    format!(
                        "text is {:?} but text[{}:{}] is {:?} (offsets count code points)",
                        shorten(written),
                        span.start,
                        span.end,
                        shorten(covered)
                    ),
                ));
            }
            if !seen.insert((span.start, span.end, span.label.clone())) {
                ok = false;
                self.report(span_place(span.index, "").diagnostic(
                    Code::DuplicateSpan,
                    format!(
                        "the span [{}, {}) {} appears twice",
                        span.start, span.end, span.label
                    ),
                ));
            }
            if ok {
                let range = CharRange::new(span.start, span.end).unwrap_or_default();
                spans.push(Span {
                    range,
                    label: span.label,
                    annotator: span.annotator,
                    extra: span.extra,
                });
            }
        }
        spans
    }

    fn required_string(
        &mut self,
        map: &mut Map<String, Value>,
        key: &str,
        place: &Place,
    ) -> Option<String> {
        match map.remove(key) {
            Some(Value::String(s)) => Some(s),
            Some(other) => {
                self.report(place.child(key).diagnostic(
                    Code::WrongType,
                    format!("{key:?} must be a string, found {}", type_name(&other)),
                ));
                None
            }
            None => {
                self.report(place.diagnostic(Code::MissingField, format!("missing field {key:?}")));
                None
            }
        }
    }

    fn optional_string(
        &mut self,
        map: &mut Map<String, Value>,
        key: &str,
        place: &Place,
    ) -> Option<String> {
        match map.remove(key) {
            None | Some(Value::Null) => None,
            Some(Value::String(s)) => Some(s),
            Some(other) => {
                self.report(place.child(key).diagnostic(
                    Code::WrongType,
                    format!("{key:?} must be a string, found {}", type_name(&other)),
                ));
                None
            }
        }
    }

    fn required_offset(
        &mut self,
        map: &mut Map<String, Value>,
        key: &str,
        place: &Place,
    ) -> Option<usize> {
        match map.remove(key) {
            Some(Value::Number(n)) if n.as_u64().is_some() => {
                n.as_u64().and_then(|v| usize::try_from(v).ok())
            }
            Some(other) => {
                self.report(place.child(key).diagnostic(
                    Code::WrongType,
                    format!("{key:?} must be a non-negative integer (a code-point offset), found {other}"),
                ));
                None
            }
            None => {
                self.report(place.diagnostic(Code::MissingField, format!("missing field {key:?}")));
                None
            }
        }
    }
}

fn label_list(header: &Header) -> String {
    if header.labels.is_empty() {
        return "none".to_owned();
    }
    header
        .labels
        .iter()
        .map(|l| l.name.as_str())
        .collect::<Vec<_>>()
        .join(", ")
}

/// A string cut to at most 60 characters for a message.
fn shorten(s: &str) -> String {
    const MAX: usize = 60;
    if s.chars().count() <= MAX {
        s.to_owned()
    } else {
        let mut short: String = s.chars().take(MAX).collect();
        short.push('…');
        short
    }
}
