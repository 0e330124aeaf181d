//! The corpus as read, before its meaning is checked, and a fast typed reader for it.
//!
//! Both readers produce these structures: the fast one ([`FastCorpus`], [`FastHeader`],
//! [`FastDocument`]) deserialises well-typed files directly with serde and gives up at the
//! first surprise; the slow one (`walk`) goes through `serde_json::Value` and reports
//! every surprise with its place. Meaning (ranges, clusters, labels, ids) is checked on
//! these structures by `check`, whichever reader made them.

use std::borrow::Cow;
use std::fmt;

use serde::Deserialize;
use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, Visitor};
use serde_json::Value;

use super::{FORMAT_NAME, FORMAT_VERSION, OFFSET_UNIT};
use crate::model::{Extra, Status};

/// A label as read.
#[derive(Debug)]
pub(super) struct RawLabel {
    pub name: String,
    /// `None` when the label has no colour (it gets one from the palette).
    pub color: Option<String>,
    pub key: Option<String>,
    pub description: Option<String>,
    pub extra: Extra,
}

/// A span as read, with its position in its document's `spans` array.
#[derive(Debug)]
pub(super) struct RawSpan {
    pub index: usize,
    pub start: usize,
    pub end: usize,
    pub label: String,
    pub text: Option<String>,
    pub annotator: Option<String>,
    pub source: Option<String>,
    pub extra: Extra,
}

/// A suggestion as read, with its position in its document's `suggestions` array.
#[derive(Debug)]
pub(super) struct RawSuggestion {
    pub index: usize,
    pub start: usize,
    pub end: usize,
    pub label: String,
    pub text: Option<String>,
    pub score: f64,
    pub source: String,
    pub extra: Extra,
}

/// A rejected suggestion as read, with its position in `rejected_suggestions`.
#[derive(Debug)]
pub(super) struct RawRejected {
    pub index: usize,
    pub start: usize,
    pub end: usize,
    pub label: String,
    pub text: Option<String>,
    pub extra: Extra,
}

/// A document as read.
#[derive(Debug)]
pub(super) struct RawDocument {
    pub id: String,
    pub text: String,
    pub meta: Option<Value>,
    pub status: Status,
    pub spans: Vec<RawSpan>,
    pub suggestions: Vec<RawSuggestion>,
    pub rejected: Vec<RawRejected>,
    pub extra: Extra,
}

/// The header fields of a corpus (JSON top level or JSONL first line) as read.
#[derive(Debug, Default)]
pub(super) struct RawHeader {
    pub annotator: Option<String>,
    /// `None` when the labels were missing or mistyped (already reported).
    pub labels: Option<Vec<RawLabel>>,
    pub extra: Extra,
}

/// A key of a JSON object, borrowed from the input when it has no escapes.
struct KeySeed;

impl<'de> DeserializeSeed<'de> for KeySeed {
    type Value = Cow<'de, str>;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Self::Value, D::Error> {
        deserializer.deserialize_str(KeySeed)
    }
}

impl<'de> Visitor<'de> for KeySeed {
    type Value = Cow<'de, str>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a key")
    }

    fn visit_borrowed_str<E: de::Error>(self, v: &'de str) -> Result<Self::Value, E> {
        Ok(Cow::Borrowed(v))
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
        Ok(Cow::Owned(v.to_owned()))
    }

    fn visit_string<E: de::Error>(self, v: String) -> Result<Self::Value, E> {
        Ok(Cow::Owned(v))
    }
}

/// Implements `Deserialize` for a fast reader type through a `visit_map` function.
macro_rules! map_visitor {
    ($ty:ident, $expecting:literal, $visit:ident) => {
        impl<'de> Deserialize<'de> for $ty {
            fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                struct V;
                impl<'de> Visitor<'de> for V {
                    type Value = $ty;
                    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                        f.write_str($expecting)
                    }
                    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<$ty, A::Error> {
                        $visit(map)
                    }
                }
                deserializer.deserialize_map(V)
            }
        }
    };
}

fn missing<E: de::Error>(field: &'static str) -> E {
    E::missing_field(field)
}

/// A span read by the fast reader.
pub(super) struct FastSpan(RawSpan);

fn visit_span<'de, A: MapAccess<'de>>(mut map: A) -> Result<FastSpan, A::Error> {
    let (mut start, mut end, mut label, mut text, mut annotator) = (None, None, None, None, None);
    let mut source = None;
    let mut extra = Extra::new();
    while let Some(key) = map.next_key_seed(KeySeed)? {
        match key.as_ref() {
            "start" => start = Some(map.next_value::<usize>()?),
            "end" => end = Some(map.next_value::<usize>()?),
            "label" => label = Some(map.next_value::<String>()?),
            "text" => text = map.next_value::<Option<String>>()?,
            "annotator" => annotator = map.next_value::<Option<String>>()?,
            "source" => source = map.next_value::<Option<String>>()?,
            _ => {
                extra.insert(key.into_owned(), map.next_value()?);
            }
        }
    }
    Ok(FastSpan(RawSpan {
        index: 0,
        start: start.ok_or_else(|| missing("start"))?,
        end: end.ok_or_else(|| missing("end"))?,
        label: label.ok_or_else(|| missing("label"))?,
        text,
        annotator,
        source,
        extra,
    }))
}
map_visitor!(FastSpan, "a span object", visit_span);

/// A suggestion read by the fast reader.
pub(super) struct FastSuggestion(RawSuggestion);

fn visit_suggestion<'de, A: MapAccess<'de>>(mut map: A) -> Result<FastSuggestion, A::Error> {
    let (mut start, mut end, mut label, mut text) = (None, None, None, None);
    let (mut score, mut source) = (None, None);
    let mut extra = Extra::new();
    while let Some(key) = map.next_key_seed(KeySeed)? {
        match key.as_ref() {
            "start" => start = Some(map.next_value::<usize>()?),
            "end" => end = Some(map.next_value::<usize>()?),
            "label" => label = Some(map.next_value::<String>()?),
            "text" => text = map.next_value::<Option<String>>()?,
            "score" => score = Some(map.next_value::<f64>()?),
            "source" => source = Some(map.next_value::<String>()?),
            _ => {
                extra.insert(key.into_owned(), map.next_value()?);
            }
        }
    }
    Ok(FastSuggestion(RawSuggestion {
        index: 0,
        start: start.ok_or_else(|| missing("start"))?,
        end: end.ok_or_else(|| missing("end"))?,
        label: label.ok_or_else(|| missing("label"))?,
        text,
        score: score.ok_or_else(|| missing("score"))?,
        source: source.ok_or_else(|| missing("source"))?,
        extra,
    }))
}
map_visitor!(FastSuggestion, "a suggestion object", visit_suggestion);

/// A rejected suggestion read by the fast reader.
pub(super) struct FastRejected(RawRejected);

fn visit_rejected<'de, A: MapAccess<'de>>(mut map: A) -> Result<FastRejected, A::Error> {
    let (mut start, mut end, mut label, mut text) = (None, None, None, None);
    let mut extra = Extra::new();
    while let Some(key) = map.next_key_seed(KeySeed)? {
        match key.as_ref() {
            "start" => start = Some(map.next_value::<usize>()?),
            "end" => end = Some(map.next_value::<usize>()?),
            "label" => label = Some(map.next_value::<String>()?),
            "text" => text = map.next_value::<Option<String>>()?,
            _ => {
                extra.insert(key.into_owned(), map.next_value()?);
            }
        }
    }
    Ok(FastRejected(RawRejected {
        index: 0,
        start: start.ok_or_else(|| missing("start"))?,
        end: end.ok_or_else(|| missing("end"))?,
        label: label.ok_or_else(|| missing("label"))?,
        text,
        extra,
    }))
}
map_visitor!(FastRejected, "a rejected suggestion object", visit_rejected);

/// A document read by the fast reader.
pub(super) struct FastDocument(pub RawDocument);

fn visit_document<'de, A: MapAccess<'de>>(mut map: A) -> Result<FastDocument, A::Error> {
    let (mut id, mut text, mut meta, mut status, mut spans) =
        (None, None, None, Status::New, Vec::new());
    let (mut suggestions, mut rejected) = (Vec::new(), Vec::new());
    let mut extra = Extra::new();
    while let Some(key) = map.next_key_seed(KeySeed)? {
        match key.as_ref() {
            "id" => id = Some(map.next_value::<String>()?),
            "text" => text = Some(map.next_value::<String>()?),
            "meta" => match map.next_value::<Value>()? {
                v @ Value::Object(_) => meta = Some(v),
                _ => return Err(de::Error::custom("meta is not an object")),
            },
            "status" => {
                let name = map.next_value::<Cow<'de, str>>()?;
                status = name.parse().map_err(de::Error::custom)?;
            }
            "spans" => {
                let read: Vec<FastSpan> = map.next_value()?;
                spans = read
                    .into_iter()
                    .enumerate()
                    .map(|(index, FastSpan(span))| RawSpan { index, ..span })
                    .collect();
            }
            "suggestions" => {
                let read: Vec<FastSuggestion> = map.next_value()?;
                suggestions = read
                    .into_iter()
                    .enumerate()
                    .map(|(index, FastSuggestion(s))| RawSuggestion { index, ..s })
                    .collect();
            }
            "rejected_suggestions" => {
                let read: Vec<FastRejected> = map.next_value()?;
                rejected = read
                    .into_iter()
                    .enumerate()
                    .map(|(index, FastRejected(r))| RawRejected { index, ..r })
                    .collect();
            }
            _ => {
                extra.insert(key.into_owned(), map.next_value()?);
            }
        }
    }
    Ok(FastDocument(RawDocument {
        id: id.ok_or_else(|| missing("id"))?,
        text: text.ok_or_else(|| missing("text"))?,
        meta,
        status,
        spans,
        suggestions,
        rejected,
        extra,
    }))
}
map_visitor!(FastDocument, "a document object", visit_document);

/// A label read by the fast reader.
struct FastLabel(RawLabel);

fn visit_label<'de, A: MapAccess<'de>>(mut map: A) -> Result<FastLabel, A::Error> {
    let (mut name, mut color, mut key_char, mut description) = (None, None, None, None);
    let mut extra = Extra::new();
    while let Some(key) = map.next_key_seed(KeySeed)? {
        match key.as_ref() {
            "name" => name = Some(map.next_value::<String>()?),
            "color" => color = Some(map.next_value::<String>()?),
            "key" => key_char = map.next_value::<Option<String>>()?,
            "description" => description = map.next_value::<Option<String>>()?,
            _ => {
                extra.insert(key.into_owned(), map.next_value()?);
            }
        }
    }
    Ok(FastLabel(RawLabel {
        name: name.ok_or_else(|| missing("name"))?,
        color,
        key: key_char,
        description,
        extra,
    }))
}
map_visitor!(FastLabel, "a label object", visit_label);

/// Reads one header field into `header`; returns `false` for keys that are not header fields.
fn visit_header_field<'de, A: MapAccess<'de>>(
    key: &str,
    map: &mut A,
    header: &mut RawHeader,
    seen: &mut (bool, bool),
) -> Result<bool, A::Error> {
    match key {
        "format" => {
            if map.next_value::<Cow<'de, str>>()? != FORMAT_NAME {
                return Err(de::Error::custom("not a taliq corpus"));
            }
            seen.0 = true;
        }
        "version" => {
            if map.next_value::<u64>()? != FORMAT_VERSION {
                return Err(de::Error::custom("unsupported version"));
            }
            seen.1 = true;
        }
        "offset_unit" => {
            if map.next_value::<Cow<'de, str>>()? != OFFSET_UNIT {
                return Err(de::Error::custom("unsupported offset unit"));
            }
        }
        "annotator" => header.annotator = map.next_value::<Option<String>>()?,
        "labels" => {
            let labels: Vec<FastLabel> = map.next_value()?;
            header.labels = Some(labels.into_iter().map(|FastLabel(l)| l).collect());
        }
        _ => return Ok(false),
    }
    Ok(true)
}

fn finish_header<E: de::Error>(header: &RawHeader, seen: (bool, bool)) -> Result<(), E> {
    match (seen, &header.labels) {
        ((true, true), Some(_)) => Ok(()),
        ((false, _), _) => Err(missing("format")),
        ((_, false), _) => Err(missing("version")),
        (_, None) => Err(missing("labels")),
    }
}

/// A JSONL header line read by the fast reader.
pub(super) struct FastHeader(pub RawHeader);

fn visit_jsonl_header<'de, A: MapAccess<'de>>(mut map: A) -> Result<FastHeader, A::Error> {
    let mut header = RawHeader::default();
    let mut seen = (false, false);
    while let Some(key) = map.next_key_seed(KeySeed)? {
        if key == "documents" {
            return Err(de::Error::custom("documents in a JSONL header"));
        }
        if !visit_header_field(&key, &mut map, &mut header, &mut seen)? {
            header.extra.insert(key.into_owned(), map.next_value()?);
        }
    }
    finish_header(&header, seen)?;
    Ok(FastHeader(header))
}
map_visitor!(FastHeader, "a corpus header object", visit_jsonl_header);

/// Header fields that documents are checked against, besides the labels.
const DECLARATIONS: [&str; 2] = ["relation_labels", "document_labels"];

/// What the fast reader hands over a corpus's documents to, one at a time, so that each is
/// checked while the next is read and no document is held twice (as read and as checked).
pub(super) trait DocumentSink {
    /// The corpus's labels, when they come before its documents (as taliq writes them),
    /// with the declarations read before them (`relation_labels`, `document_labels`).
    fn labels(&mut self, labels: Vec<RawLabel>, declarations: Extra);
    /// The document at `index` of the `documents` array, read after [`DocumentSink::labels`].
    fn document(&mut self, index: usize, document: RawDocument);
}

/// A whole JSON corpus read by the fast reader: its header, and its documents unless they
/// went to the sink (`None`: the labels came first, so each document was handed over).
pub(super) struct FastCorpus(pub RawHeader, pub Option<Vec<RawDocument>>);

/// Reads a JSON corpus, handing documents to the sink when the labels precede them.
pub(super) struct CorpusSeed<'s>(pub &'s mut dyn DocumentSink);

impl<'de> DeserializeSeed<'de> for CorpusSeed<'_> {
    type Value = FastCorpus;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<FastCorpus, D::Error> {
        deserializer.deserialize_map(self)
    }
}

impl<'de> Visitor<'de> for CorpusSeed<'_> {
    type Value = FastCorpus;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a corpus object")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<FastCorpus, A::Error> {
        let mut header = RawHeader::default();
        let mut seen = (false, false);
        let mut documents = None;
        let mut streamed = false;
        while let Some(key) = map.next_key_seed(KeySeed)? {
            if key == "documents" {
                if streamed || documents.is_some() {
                    // A second list would skip the labels' check (they went to the sink
                    // with the first): the slow reader, which reads this file, takes one.
                    return Err(de::Error::custom("duplicate field `documents`"));
                }
                if let Some(labels) = header.labels.take() {
                    let declarations = DECLARATIONS
                        .iter()
                        .filter_map(|k| Some(((*k).to_owned(), header.extra.remove(*k)?)))
                        .collect();
                    self.0.labels(labels, declarations);
                    map.next_value_seed(DocumentsSeed(&mut *self.0))?;
                    streamed = true;
                } else {
                    let docs: Vec<FastDocument> = map.next_value()?;
                    documents = Some(docs.into_iter().map(|FastDocument(d)| d).collect());
                }
            } else if !visit_header_field(&key, &mut map, &mut header, &mut seen)? {
                header.extra.insert(key.into_owned(), map.next_value()?);
            }
        }
        if streamed && DECLARATIONS.iter().any(|k| header.extra.contains_key(*k)) {
            // Declared after the documents were checked without them: the slow reader,
            // which sees the whole header first, reads this file.
            return Err(de::Error::custom("declarations after the documents"));
        }
        if streamed {
            // The labels went to the sink; a second `labels` key would be a duplicate field.
            if header.labels.is_some() {
                return Err(de::Error::custom("duplicate field `labels`"));
            }
            header.labels = Some(Vec::new());
        } else if documents.is_none() {
            return Err(missing("documents"));
        }
        finish_header(&header, seen)?;
        header.labels = header.labels.filter(|_| !streamed);
        Ok(FastCorpus(header, documents))
    }
}

/// The `documents` array, each element handed to the sink as soon as it is read.
struct DocumentsSeed<'s>(&'s mut dyn DocumentSink);

impl<'de> DeserializeSeed<'de> for DocumentsSeed<'_> {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        deserializer.deserialize_seq(self)
    }
}

impl<'de> Visitor<'de> for DocumentsSeed<'_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an array of documents")
    }

    fn visit_seq<A: de::SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        let mut index = 0;
        while let Some(FastDocument(document)) = seq.next_element()? {
            self.0.document(index, document);
            index += 1;
        }
        Ok(())
    }
}
