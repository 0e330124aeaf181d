//! `jsonl`: one document per line, `{"id", "text", "spans": [{"start", "end", "label"}],
//! "meta", "offset_unit"}`, with, when there are some, a span's `id` and `note`, the
//! document's `relations` (`{"id", "label", "from", "to"}` by span id) and its document
//! `labels` (`{"topic": ["politics"]}`).
//!
//! spaCy (`Doc.char_span`), Prodigy-style pipelines and Hugging Face `load_dataset("json")`
//! read it directly; the offset unit is written on every line so it is never a guess.

use std::path::{Path, PathBuf};

use serde_json::Value;

use super::utf16::Utf16Map;
use super::{CorpusBuilder, ImportError, OffsetUnit};
use crate::model::{Corpus, Document};

/// Writes documents as JSONL with offsets in `unit`.
pub fn export(documents: &[Document], unit: OffsetUnit) -> String {
    let mut out = Vec::new();
    write(&mut out, documents, unit);
    String::from_utf8(out).unwrap_or_default()
}

/// Appends the lines of [`export`] to `out`.
pub(super) fn write(out: &mut Vec<u8>, documents: &[Document], unit: OffsetUnit) {
    for doc in documents {
        let map = (unit == OffsetUnit::Utf16).then(|| Utf16Map::new(doc.text()));
        let convert = |i: usize| map.as_ref().map_or(Some(i), |m| m.to_utf16(i)).unwrap_or(i);
        let line = Line {
            id: &doc.id,
            text: doc.text(),
            spans: doc
                .spans()
                .iter()
                .map(|s| LineSpan {
                    start: convert(s.range.start()),
                    end: convert(s.range.end()),
                    label: &s.label,
                    id: s.id.as_deref(),
                    note: s.note.as_deref(),
                })
                .collect(),
            meta: doc.meta.as_ref(),
            relations: doc
                .relations()
                .iter()
                .map(|r| LineRelation {
                    id: &r.id,
                    label: &r.label,
                    from: &r.from,
                    to: &r.to,
                })
                .collect(),
            labels: doc
                .labels
                .iter()
                .map(|(name, values)| (name.as_str(), values))
                .collect(),
            offset_unit: unit.as_str(),
        };
        super::json_line(out, &line);
    }
}

/// One line of the export, serialised directly so no JSON tree is built per span.
#[derive(serde::Serialize)]
struct Line<'a> {
    id: &'a str,
    text: &'a str,
    spans: Vec<LineSpan<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    meta: Option<&'a Value>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    relations: Vec<LineRelation<'a>>,
    #[serde(skip_serializing_if = "Vec::is_empty", serialize_with = "as_object")]
    labels: Vec<(&'a str, &'a Vec<String>)>,
    offset_unit: &'static str,
}

#[derive(serde::Serialize)]
struct LineSpan<'a> {
    start: usize,
    end: usize,
    label: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    id: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    note: Option<&'a str>,
}

#[derive(serde::Serialize)]
struct LineRelation<'a> {
    id: &'a str,
    label: &'a str,
    from: &'a str,
    to: &'a str,
}

/// Document labels as a JSON object, in their order.
fn as_object<S: serde::Serializer>(
    labels: &[(&str, &Vec<String>)],
    serializer: S,
) -> Result<S::Ok, S::Error> {
    use serde::ser::SerializeMap;
    let mut map = serializer.serialize_map(Some(labels.len()))?;
    for (name, values) in labels {
        map.serialize_entry(name, values)?;
    }
    map.end()
}

/// Reads JSONL files written by [`export`] or by tools with the same fields.
///
/// `id` may be missing (the document is then `STEM-LINE`) or a number; `offset_unit` may be
/// missing (code points) or `utf16`, which is converted back.
///
/// # Errors
/// The first bad line: file, line number and problem.
pub fn import(paths: &[PathBuf]) -> Result<Corpus, ImportError> {
    super::import::import_files(paths, &["jsonl"], read_into)
}

/// As [`import`], on the bytes of one file that `path` names.
///
/// # Errors
/// As [`import`].
pub fn import_bytes(path: &Path, bytes: &[u8]) -> Result<Corpus, ImportError> {
    super::import::import_one(path, bytes, read_into)
}

fn read_into(builder: &mut CorpusBuilder, path: &Path, bytes: &[u8]) -> Result<(), ImportError> {
    super::import::read_json_lines(builder, path, bytes, read_line)
}

fn read_line(
    builder: &mut CorpusBuilder,
    value: &Value,
    stem: &str,
    line: usize,
) -> Result<Document, String> {
    let object = value.as_object().ok_or("a line must be a JSON object")?;
    let text = object
        .get("text")
        .and_then(Value::as_str)
        .ok_or("missing \"text\" (a string)")?;
    let id = match object.get("id") {
        None | Some(Value::Null) => format!("{stem}-{line}"),
        Some(Value::String(s)) if !s.is_empty() => s.clone(),
        Some(Value::Number(n)) => n.to_string(),
        Some(_) => return Err("\"id\" must be a non-empty string or a number".into()),
    };
    let unit = match object.get("offset_unit").and_then(Value::as_str) {
        None | Some("codepoint") => OffsetUnit::Codepoint,
        Some("utf16") => OffsetUnit::Utf16,
        Some(other) => {
            return Err(format!(
                "unknown offset_unit {other:?} (expected codepoint or utf16)"
            ));
        }
    };
    let mut doc = Document::new(id, text);
    doc.meta = super::import::meta_object(object.get("meta"), "meta")?;
    let map = (unit == OffsetUnit::Utf16).then(|| Utf16Map::new(text));
    let spans = match object.get("spans") {
        None | Some(Value::Null) => &Vec::new(),
        Some(Value::Array(a)) => a,
        Some(_) => return Err("\"spans\" must be an array".into()),
    };
    for (k, span) in spans.iter().enumerate() {
        let field = |name: &str| span.get(name);
        let offset = |name: &str| -> Result<usize, String> {
            let raw = field(name)
                .and_then(Value::as_u64)
                .ok_or_else(|| format!("span {k}: \"{name}\" must be a non-negative integer"))?
                as usize;
            match &map {
                None => Ok(raw),
                Some(m) => m
                    .to_codepoint(raw)
                    .ok_or_else(|| format!("span {k}: UTF-16 offset {name} {raw} is past the text or inside a surrogate pair")),
            }
        };
        let (start, end) = (offset("start")?, offset("end")?);
        let label = field("label")
            .and_then(Value::as_str)
            .ok_or_else(|| format!("span {k}: \"label\" must be a string"))?;
        builder
            .add_span(&mut doc, start, end, label)
            .map_err(|e| format!("span {k}: {e}"))?;
        if let Some(id) = field("id").and_then(Value::as_str) {
            CorpusBuilder::name_span(&mut doc, start, end, label, id)
                .map_err(|e| format!("span {k}: {e}"))?;
        }
        if let Some(note) = field("note").and_then(Value::as_str)
            && let Some(i) =
                crate::model::CharRange::new(start, end).and_then(|r| doc.find_span(r, label))
        {
            doc.set_span_note(i, Some(note.to_owned()));
        }
    }
    read_links(builder, object, &mut doc)?;
    Ok(doc)
}

/// A line's `relations` and document `labels`, when it has them.
fn read_links(
    builder: &mut CorpusBuilder,
    object: &serde_json::Map<String, Value>,
    doc: &mut Document,
) -> Result<(), String> {
    if let Some(relations) = object.get("relations").and_then(Value::as_array) {
        for (k, r) in relations.iter().enumerate() {
            let field = |name: &str| {
                r.get(name)
                    .and_then(Value::as_str)
                    .ok_or_else(|| format!("relation {k}: \"{name}\" must be a string"))
            };
            let relation = crate::model::Relation::new(
                field("id")?,
                field("label")?,
                field("from")?,
                field("to")?,
            );
            builder
                .add_relation(doc, relation)
                .map_err(|e| format!("relation {k}: {e}"))?;
        }
    }
    if let Some(labels) = object.get("labels").and_then(Value::as_object) {
        for (name, values) in labels {
            let values: Vec<String> = crate::format::string_array(values)
                .ok_or_else(|| format!("labels.{name}: an array of strings"))?;
            builder.set_document_label(doc, name, values)?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{CharRange, Span};
    use serde_json::json;

    fn doc() -> Document {
        let mut doc = Document::new("d1", "قال الكرملين إن 😀 روسيا");
        doc.add_span(Span::new(CharRange::new(4, 12).unwrap(), "ORG"))
            .unwrap();
        doc.add_span(Span::new(CharRange::new(18, 23).unwrap(), "LOC"))
            .unwrap();
        doc
    }

    #[test]
    fn utf16_export_shifts_spans_after_an_emoji_and_says_so() {
        let line = export(&[doc()], OffsetUnit::Utf16);
        let value: Value = serde_json::from_str(line.trim_end()).unwrap();
        assert_eq!(value["offset_unit"], "utf16");
        assert_eq!(
            value["spans"][0],
            json!({"start": 4, "end": 12, "label": "ORG"})
        );
        assert_eq!(
            value["spans"][1],
            json!({"start": 19, "end": 24, "label": "LOC"})
        );
        let codepoints = export(&[doc()], OffsetUnit::Codepoint);
        assert!(
            codepoints.contains(r#"{"start":18,"end":23,"label":"LOC"}"#),
            "{codepoints}"
        );
    }

    #[test]
    fn both_units_import_back_to_the_same_spans() {
        let dir = tempfile::tempdir().unwrap();
        for unit in [OffsetUnit::Codepoint, OffsetUnit::Utf16] {
            let path = dir.path().join(format!("{}.jsonl", unit.as_str()));
            std::fs::write(&path, export(&[doc()], unit)).unwrap();
            let corpus = import(std::slice::from_ref(&path)).unwrap();
            assert_eq!(corpus.documents, [doc()], "{unit:?}");
        }
    }

    #[test]
    fn fuzz_meta_that_is_not_an_object_is_refused_with_its_line() {
        // Found by cargo fuzz: "meta": "…" was accepted, and the corpus then could not be
        // saved as a valid file (its meta must be an object).
        let line =
            |meta: &str| format!("{{\"id\": \"a\", \"text\": \"زار لروسيا\", \"meta\": {meta}}}\n");
        for bad in ["\"الكرملين\"", "true", "[1]", "7"] {
            let input = format!("\n{}", line(bad));
            let message = import_bytes(Path::new("m.jsonl"), input.as_bytes())
                .unwrap_err()
                .to_string();
            assert!(
                message.starts_with("m.jsonl:2: \"meta\" must be an object, found"),
                "{message}"
            );
        }
        for good in ["null", "{\"title\": \"زيارة\"}"] {
            let corpus = import_bytes(Path::new("m.jsonl"), line(good).as_bytes()).unwrap();
            assert_eq!(corpus.documents[0].meta.is_some(), good != "null");
        }
    }

    #[test]
    fn bad_line_names_file_line_and_span() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("bad.jsonl");
        std::fs::write(
            &path,
            "{\"id\": \"a\", \"text\": \"زار لروسيا\", \"spans\": []}\n\n{\"id\": \"b\", \"text\": \"زار لروسيا\", \"spans\": [{\"start\": 5, \"end\": 11, \"label\": \"LOC\"}]}\n",
        )
        .unwrap();
        let message = import(std::slice::from_ref(&path)).unwrap_err().to_string();
        assert!(
            message.contains("bad.jsonl:3: span 0:") && message.contains("past the end"),
            "{message}"
        );
    }
}
